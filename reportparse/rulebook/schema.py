"""What each rule file may hold: its table name, fields, their types and which are required.

A rule file is a TOML document with one array of tables (``[[heading]]``, ``[[noise]]`` …);
every entry names itself (``name``) and carries ``examples`` and ``counter_examples``.
Patterns are compiled here, once, so a bad pattern is reported at load with file, rule and field.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import regex

from ..errors import RuleError

# A runaway pattern on a long report must not hang a batch: every match runs under this limit.
MATCH_TIMEOUT_SECONDS = 2.0


@dataclass(frozen=True)
class Field:
    type: type | tuple[type, ...]
    required: bool = False
    pattern: bool = False  # compile as a regex
    default: Any = None


COMMON = {
    "name": Field(str, required=True),
    "examples": Field(list, required=True),
    "counter_examples": Field(list, required=True),
    "note": Field(str),
}

# file stem -> (array name, fields beyond COMMON)
KINDS: dict[str, tuple[str, dict[str, Field]]] = {
    "headings": ("heading", {
        "pattern": Field(str, required=True, pattern=True),
        "rank": Field(int, required=True),
        "numeral": Field(str, required=True),
        "skippable": Field(bool, default=False),
        "instead_of": Field(str),
    }),
    "enumerations": ("enumeration", {
        "pattern": Field(str, required=True, pattern=True),
        "numeral": Field(str, required=True),
        "words": Field(list, default=[]),
        "last": Field(str),
    }),
    "noise": ("noise", {
        "pattern": Field(str, required=True, pattern=True),
        "next": Field(str, default="none"),
        "where": Field(str, default="anywhere"),
        "max_length": Field(int, default=120),
    }),
    "genres": ("genre", {
        "title": Field(list, required=True, pattern=True),
        "lead": Field(list, default=[], pattern=True),
        "cues": Field(list, required=True, pattern=True),
        "year_is": Field(list, default=[], pattern=True),
        "year_after": Field(list, default=[], pattern=True),
    }),
    "roles": ("role", {
        "pattern": Field(str, required=True, pattern=True),
    }),
    "units": ("unit", {
        "units": Field(list, required=True),
        "not_followed_by": Field(str),
    }),
    "qualifiers": ("qualifier", {
        "words": Field(list, required=True),
        "position": Field(str, required=True),
    }),
    "stopterms": ("stopterm", {
        "pattern": Field(str, required=True, pattern=True),
    }),
    "lexicons": ("lexicon", {
        "words": Field(list, required=True),
    }),
    "meetings": ("meeting", {
        "pattern": Field(str, required=True, pattern=True),
        "whole": Field(bool, default=False),
    }),
    "documents": ("document", {
        "pattern": Field(str, required=True, pattern=True),
    }),
    "passages": ("passage", {
        "pattern": Field(str, required=True, pattern=True),
        "role": Field(str, required=True),
    }),
    "themes": ("theme", {
        "words": Field(list, required=True),
    }),
    "synonyms": ("synonym", {
        "words": Field(list, required=True),
    }),
    "indicators": ("indicator", {
        "aliases": Field(list, required=True, pattern=True),
        "units": Field(list, required=True),
        "tolerance": Field(str, default="0"),
    }),
    "closings": ("closing", {
        "start": Field(str, required=True, pattern=True),
        "confirm": Field(str, pattern=True),
        "role": Field(str),
        "anywhere": Field(bool, default=False),
    }),
    # one table per step of the reading layer (reportparse.reading), named by the step
    "reading": ("reading", {
        "enabled": Field(bool, default=True),
        "config": Field(str),
        "ascii": Field(str),
        "full_width": Field(str),
        "chinese": Field(str, pattern=True),
        "keep": Field(str, pattern=True),
        "line_ends": Field(str),
        "after_end": Field(str),
        "list_marker": Field(str, pattern=True),
        "narrow": Field(str, pattern=True),
        "min_wrapped_lines": Field(int, default=3),
        "min_wrapped_percent": Field(int, default=25),
        "min_columns": Field(int, default=30),
        "slack_columns": Field(int, default=4),
        "closed_slack_columns": Field(int, default=1),
        "indent_columns": Field(int, default=2),
        "spaces": Field(str),
        "invisible": Field(str),
        "cjk": Field(str, pattern=True),
        "after_figure": Field(str, pattern=True),
    }),
}

# the fields each reading step needs when it is enabled
READING_STEPS = {
    "traditional": ("config",),
    "punctuation": ("ascii", "full_width", "chinese", "keep"),
    "unwrap": ("line_ends", "after_end", "list_marker", "narrow"),
    "spaces": ("spaces", "invisible", "cjk", "after_figure"),
}

CHOICES = {
    ("heading", "numeral"): {"chinese", "arabic", "circled", "none"},
    ("enumeration", "numeral"): {"chinese", "words"},
    ("noise", "next"): {"none", "value", "short", "rest"},
    ("noise", "where"): {"anywhere", "edges"},
    ("qualifier", "position"): {"before", "middle", "after"},
    ("passage", "role"): {"weaknesses", "plans", "resolution", "intro", "targets"},
    ("reading", "name"): set(READING_STEPS),
    ("reading", "config"): {"t2s", "tw2s", "hk2s", "tw2sp"},  # OpenCC's configurations into simplified
}


class Pattern:
    """A compiled rule pattern that reports a timeout as a rule error naming its origin."""

    __slots__ = ("source", "compiled", "origin")

    def __init__(self, source: str, origin: tuple[str, str, str]):
        self.source = source
        self.origin = origin
        try:
            self.compiled = regex.compile(source)
        except regex.error as exc:
            raise RuleError(*origin, f"bad pattern: {exc}") from None

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        try:
            return self.compiled.match(text, pos, endpos, timeout=MATCH_TIMEOUT_SECONDS)
        except TimeoutError:
            raise self._runaway() from None

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        try:
            return self.compiled.search(text, pos, endpos, timeout=MATCH_TIMEOUT_SECONDS)
        except TimeoutError:
            raise self._runaway() from None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list:
        # materialised inside the guard so that the time limit covers the whole scan
        try:
            return list(self.compiled.finditer(text, pos, endpos, timeout=MATCH_TIMEOUT_SECONDS))
        except TimeoutError:
            raise self._runaway() from None

    def _runaway(self) -> RuleError:
        return RuleError(*self.origin, f"pattern ran over {MATCH_TIMEOUT_SECONDS}s (runaway?)")

    def __repr__(self) -> str:
        return f"Pattern({self.source!r})"


def validate_entry(file: str, kind: str, entry: Any, index: int) -> dict[str, Any]:
    """Check one ``[[kind]]`` table and return it with patterns compiled and defaults filled."""
    fields = {**COMMON, **KINDS[_stem_of(kind)][1]}
    if not isinstance(entry, dict):
        raise RuleError(file, f"#{index + 1}", None, f"each [[{kind}]] must be a table")
    rule = entry.get("name") if isinstance(entry.get("name"), str) else f"#{index + 1}"
    unknown = sorted(set(entry) - set(fields))
    if unknown:
        raise RuleError(file, rule, unknown[0], f"unknown field (known: {', '.join(sorted(fields))})")
    out: dict[str, Any] = {}
    for key, spec in fields.items():
        if key not in entry:
            if spec.required:
                raise RuleError(file, rule, key, "missing required field")
            out[key] = None if spec.default is None else type(spec.default)(spec.default)
            continue
        value = entry[key]
        if not isinstance(value, spec.type):
            raise RuleError(file, rule, key, f"expected {_type_name(spec.type)}, got {type(value).__name__}")
        if (kind, key) in CHOICES and value not in CHOICES[(kind, key)]:
            raise RuleError(file, rule, key, f"must be one of {sorted(CHOICES[(kind, key)])}, got {value!r}")
        if spec.pattern:
            value = _compile(value, (file, rule, key))
        out[key] = value
    for key in ("examples", "counter_examples", "units", "words"):
        for item in out.get(key) or ():
            if not isinstance(item, str) or not item:
                raise RuleError(file, rule, key, "entries must be non-empty strings")
    for key, spec in fields.items():
        if spec.required and spec.type is str and isinstance(out.get(key), (str, Pattern)) and not _text(out[key]):
            raise RuleError(file, rule, key, "must not be empty")
    _check_kind(file, kind, rule, out)
    return out


def _text(value: Any) -> str:
    return value.source if isinstance(value, Pattern) else value


def _check_kind(file: str, kind: str, rule: str, out: dict[str, Any]) -> None:
    """What a kind needs beyond field types: the ordinal group, a number for a tolerance."""
    if kind in ("heading", "enumeration") and out.get("numeral") != "none":
        if "num" not in out["pattern"].compiled.groupindex:
            raise RuleError(file, rule, "pattern", "needs a group named num (the ordinal), e.g. (?P<num>\\d+)")
    if kind == "indicator":
        tolerance = out["tolerance"].removesuffix("%")
        try:
            Decimal(tolerance)
        except ArithmeticError:
            raise RuleError(file, rule, "tolerance", f"expected a number or a share like 5%, got {out['tolerance']!r}")
    if kind == "reading" and out["enabled"]:
        missing = [key for key in READING_STEPS[rule] if not out.get(key)]
        if missing:
            raise RuleError(file, rule, missing[0], f"the {rule} step needs this field")
        if rule == "punctuation" and len(out["ascii"]) != len(out["full_width"]):
            raise RuleError(file, rule, "full_width", "must name one full-width mark for each ASCII mark")


def _compile(value: Any, origin: tuple[str, str, str]) -> Pattern | list[Pattern]:
    if isinstance(value, list):
        if not all(isinstance(v, str) for v in value):
            raise RuleError(*origin, "expected a list of pattern strings")
        return [Pattern(v, origin) for v in value]
    return Pattern(value, origin)


def _stem_of(kind: str) -> str:
    return next(stem for stem, (array, _) in KINDS.items() if array == kind)


def _type_name(t: type | tuple[type, ...]) -> str:
    names = {str: "a string", int: "an integer", list: "a list", bool: "true/false"}
    return " or ".join(names.get(x, x.__name__) for x in (t if isinstance(t, tuple) else (t,)))
