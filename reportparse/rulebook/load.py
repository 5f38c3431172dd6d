"""Load the shipped rule files, overlay a user's folder on them, and validate everything at load."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

from ..errors import RuleError
from .schema import KINDS, validate_entry

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class Rule:
    """One validated rule: its fields as attributes, plus the file it came from."""

    def __init__(self, file: str, kind: str, fields: dict[str, Any]):
        # plain attributes: the parser reads rule fields in its inner loops
        self.__dict__.update(fields)
        self.file, self.kind = file, kind

    def __setattr__(self, key: str, value: Any) -> None:
        if key in ("file", "kind") and key not in self.__dict__:
            self.__dict__[key] = value
            return
        raise AttributeError("rules are read-only once loaded")

    def __repr__(self) -> str:
        return f"<{self.kind} {self.name!r} from {self.file}>"


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: compiled patterns are cached per book
class RuleBook:
    """All rules by kind, in file order (a user's overlay replaces rules of the same name in place)."""

    by_kind: dict[str, tuple[Rule, ...]]
    sources: tuple[str, ...] = field(default=())

    def __getitem__(self, kind: str) -> tuple[Rule, ...]:
        return self.by_kind.get(kind, ())

    def __iter__(self) -> Iterator[Rule]:
        for rules in self.by_kind.values():
            yield from rules


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
    return RuleBook({k: tuple(v) for k, v in by_kind.items()}, tuple(sources))


def load_rule_file(path: Path) -> tuple[str, list[Rule], bool]:
    """Parse and validate one file; returns (kind, rules, replace flag)."""
    display = str(path)
    if path.stem not in KINDS:
        raise RuleError(display, None, None, f"unknown rule file (expected one of: {', '.join(f'{k}.toml' for k in KINDS)})")
    kind, _ = KINDS[path.stem]
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
    rules = [Rule(display, kind, validate_entry(display, kind, e, i)) for i, e in enumerate(entries)]
    names = [r.name for r in rules]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise RuleError(display, dupes[0], "name", "the same name is used twice in this file")
    return kind, rules, bool(data.get("replace", False))


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
