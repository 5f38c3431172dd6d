"""Load the shipped rule files, overlay a user's folder on them, and validate everything at load."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator, TypeVar

from ..errors import RuleError
from .kinds import BY_FILE, BY_KIND, GrammarRule, HeadingRule, LexiconRule, ReadingRule, RoleRule, Rule, SettingRule
from .pattern import Pattern
from .validate import build_rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

R = TypeVar("R", bound=Rule)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: compiled patterns are cached per book
class RuleBook:
    """All rules by kind, in file order (a user's overlay replaces rules of the same name in place)."""

    by_kind: dict[str, tuple[Rule, ...]]
    sources: tuple[str, ...] = field(default=())

    def of(self, cls: type[R]) -> tuple[R, ...]:
        """The rules of one kind: ``book.of(HeadingRule)``."""
        return self.by_kind.get(cls.KIND, ())  # type: ignore[return-value]  # load() keys rules by their class

    def __getitem__(self, kind: str) -> tuple[Rule, ...]:
        return self.by_kind.get(kind, ())

    def __iter__(self) -> Iterator[Rule]:
        for rules in self.by_kind.values():
            yield from rules

    def words(self, name: str) -> tuple[str, ...]:
        """A lexicon's words (the name is one of ``LexiconRule.NEEDED``, checked at load)."""
        return self._named(LexiconRule, name).words

    def grammar(self, name: str) -> Pattern:
        """A grammar pattern (the name is one of ``GrammarRule.NEEDED``, checked at load)."""
        return self._named(GrammarRule, name).pattern

    def setting(self, name: str) -> SettingRule:
        """A threshold (the name is one of ``SettingRule.NEEDED``, checked at load)."""
        return self._named(SettingRule, name)

    def limit(self, name: str) -> int:
        """A size limit: a setting that is a whole number (``max-characters``)."""
        return int(self.setting(name).number)

    def _named(self, cls: type[R], name: str) -> R:
        for rule in self.of(cls):
            if rule.name == name:
                return rule
        raise KeyError(f"{cls.FILE}.toml has no entry {name!r}")  # a bug: load() checks NEEDED


@lru_cache(maxsize=1)
def default_rules() -> RuleBook:
    """The shipped rules, loaded once per process."""
    return load_rules()


def shipped_rules_dir() -> Path:
    return Path(str(resources.files("reportparse.rules")))


def load_rules(overlay: str | Path | None = None) -> RuleBook:
    """The shipped rules, with the files of ``overlay`` (a folder) laid over them.

    In an overlay, a rule whose ``name`` matches a shipped rule replaces it; other rules are added.
    A file that sets ``replace = true`` at its top replaces the shipped file of that name whole.
    """
    by_kind: dict[str, list[Rule]] = {}
    sources = [str(shipped_rules_dir())]
    for path in _rule_files(shipped_rules_dir()):
        _merge(by_kind, path, replace_all=True)
    if overlay is not None:
        folder = Path(overlay)
        if not folder.is_dir():
            raise RuleError(str(folder), None, None, "rules overlay must be a folder of .toml files")
        sources.append(str(folder))
        for path in _rule_files(folder):
            _merge(by_kind, path, replace_all=False)
    _check_needed(by_kind, sources)
    _check_references(by_kind)
    return RuleBook({k: tuple(v) for k, v in by_kind.items()}, tuple(sources))


def load_rule_file(path: Path) -> tuple[str, list[Rule], bool]:
    """Parse and validate one file; returns (kind, rules, replace flag)."""
    display = str(path)
    cls = BY_FILE.get(path.stem)
    if cls is None:
        raise RuleError(display, None, None, f"unknown rule file (expected one of: {', '.join(f'{k}.toml' for k in BY_FILE)})")
    kind = cls.KIND
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RuleError(display, None, None, f"not valid TOML: {exc}") from None
    except OSError as exc:
        raise RuleError(display, None, None, f"cannot read: {exc.strerror}") from None
    extra = sorted(set(data) - {kind, "replace"})
    if extra:
        raise RuleError(display, None, extra[0], f"unknown top-level key (expected [[{kind}]] tables)")
    if not isinstance(data.get("replace", False), bool):
        raise RuleError(display, None, "replace", "expected true or false")
    entries = data.get(kind, [])
    if not isinstance(entries, list):
        raise RuleError(display, None, kind, f"expected [[{kind}]] tables")
    rules = [build_rule(display, cls, e, i) for i, e in enumerate(entries)]
    names = [r.name for r in rules]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise RuleError(display, dupes[0], "name", "the same name is used twice in this file")
    if cls.NEEDED is not None:
        unread = [r.name for r in rules if r.name not in cls.NEEDED]
        if unread:
            raise RuleError(display, unread[0], "name",
                            f"no part of reportparse reads this entry (known: {', '.join(cls.NEEDED)})")
    return kind, rules, bool(data.get("replace", False))


def _check_references(by_kind: dict[str, list[Rule]]) -> None:
    """Fields that name a heading style or a role name one there is (after the overlay)."""
    styles = {r.name for r in by_kind.get(HeadingRule.KIND, ())}
    named: list[tuple[Rule, str, list[str]]] = [
        (r, "instead_of", [r.instead_of]) for r in by_kind.get(HeadingRule.KIND, ())
        if isinstance(r, HeadingRule) and r.instead_of]
    named += [(r, "open_styles", list(r.open_styles)) for r in by_kind.get(ReadingRule.KIND, ())
              if isinstance(r, ReadingRule) and r.open_styles]
    named += [(r, "label_style", [r.label_style]) for r in by_kind.get(ReadingRule.KIND, ())
              if isinstance(r, ReadingRule) and r.label_style]
    numbered = {r.name for r in by_kind.get(HeadingRule.KIND, ()) if isinstance(r, HeadingRule) and r.numeral != "none"}
    for rule, field, names in named:
        unknown = [n for n in names if n not in styles]
        if unknown:
            raise rule.error(field, f"names no heading style: {unknown[0]!r} (known: {', '.join(sorted(styles))})")
        if field == "open_styles" and (whole := [n for n in names if n not in numbered]):
            raise rule.error(field, f"names a style without a marker, which no glued text can open: {whole[0]!r}")
    roles = {r.name for r in by_kind.get(RoleRule.KIND, ())}
    for role in by_kind.get(RoleRule.KIND, ()):
        if isinstance(role, RoleRule) and (unknown := [n for n in role.not_under if n not in roles]):
            raise role.error("not_under", f"names no role: {unknown[0]!r} (known: {', '.join(sorted(roles))})")


def _check_needed(by_kind: dict[str, list[Rule]], sources: list[str]) -> None:
    """Every entry the code reads by name is there after the overlay (``replace = true`` may drop one)."""
    for kind, cls in BY_KIND.items():
        if cls.NEEDED is None:
            continue
        present = {r.name for r in by_kind.get(kind, ())}
        missing = [name for name in cls.NEEDED if name not in present]
        if missing:
            where = next((r.file for r in by_kind.get(kind, ())), f"{sources[-1]}/{cls.FILE}.toml")
            raise RuleError(where, missing[0], None, f"missing entry: {cls.NEEDED[missing[0]]}")


def _rule_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix == ".toml")


def _merge(by_kind: dict[str, list[Rule]], path: Path, replace_all: bool) -> None:
    kind, rules, replace = load_rule_file(path)
    if replace_all or replace:
        by_kind[kind] = list(rules)
        return
    current = by_kind.setdefault(kind, [])
    index = {r.name: i for i, r in enumerate(current)}
    for rule in rules:
        if rule.name in index:
            current[index[rule.name]] = rule
        else:
            current.append(rule)
