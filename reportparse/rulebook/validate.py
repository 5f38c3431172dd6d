"""Check one ``[[kind]]`` table of a rule file against its typed class and build the rule.

The checks are read off the class's field annotations (see ``kinds.py``), so every error names the
file, the rule and the field, and patterns are compiled once, here, where a bad one can be named.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Literal, Union

from ..errors import RuleError
from .kinds import Rule
from .pattern import Pattern

_TYPE_NAMES = {str: "a string", int: "an integer", bool: "true/false", Pattern: "a pattern string"}


@dataclasses.dataclass(frozen=True)
class _Field:
    name: str
    annotation: Any
    required: bool


def fields_of(cls: type[Rule]) -> tuple[_Field, ...]:
    """The fields a rule file may set (all but ``file``), with their resolved annotations."""
    if cls not in _FIELDS:  # resolving annotations is slow; a class's fields never change
        hints = typing.get_type_hints(cls)
        _FIELDS[cls] = tuple(_Field(f.name, hints[f.name], f.default is dataclasses.MISSING)
                             for f in dataclasses.fields(cls) if f.name != "file")
    return _FIELDS[cls]


_FIELDS: dict[type[Rule], tuple[_Field, ...]] = {}


def build_rule(file: str, cls: type[Rule], entry: Any, index: int) -> Rule:
    """The rule an entry describes; ``RuleError`` naming file, rule and field when it is wrong."""
    if not isinstance(entry, dict):
        raise RuleError(file, f"#{index + 1}", None, f"each [[{cls.KIND}]] must be a table")
    rule = entry["name"] if isinstance(entry.get("name"), str) else f"#{index + 1}"
    fields = fields_of(cls)
    unknown = sorted(set(entry) - {f.name for f in fields})
    if unknown:
        known = ", ".join(sorted(f.name for f in fields))
        raise RuleError(file, rule, unknown[0], f"unknown field (known: {known})")
    values: dict[str, Any] = {}
    for field in fields:
        if field.name not in entry:
            if field.required:
                raise RuleError(file, rule, field.name, "missing required field")
            continue
        values[field.name] = _convert(entry[field.name], field.annotation, (file, rule, field.name))
    built = cls(file=file, **values)
    built.check()
    return built


def _convert(value: Any, annotation: Any, origin: tuple[str, str, str]) -> Any:
    origin_type = typing.get_origin(annotation)
    if origin_type in (Union, types.UnionType):  # X | None: TOML has no null, so a present value is an X
        (inner,) = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _convert(value, inner, origin)
    if origin_type is Literal:
        choices = typing.get_args(annotation)
        if value not in choices:
            raise RuleError(*origin, f"must be one of {sorted(choices)}, got {value!r}")
        return value
    if origin_type is tuple:
        item_type = typing.get_args(annotation)[0]
        if not isinstance(value, list):
            raise RuleError(*origin, f"expected a list, got {type(value).__name__}")
        return tuple(_convert(item, item_type, origin) for item in value)
    if annotation is Pattern:
        if not isinstance(value, str) or not value:
            raise RuleError(*origin, "expected a non-empty pattern string")
        return Pattern(value, origin)
    if annotation is str:
        if not isinstance(value, str) or not value:
            raise RuleError(*origin, "expected a non-empty string")
        return value
    # bool is an int in Python: an integer field must not take true/false, nor the other way round
    if type(value) is not annotation:
        raise RuleError(*origin, f"expected {_TYPE_NAMES[annotation]}, got {type(value).__name__}")
    return value
