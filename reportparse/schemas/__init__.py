"""JSON Schemas (draft 2020-12) of the documents reportparse writes, one per kind.

The shapes are declared once, as dataclasses in ``shapes`` and ``series_shapes``; the schema files
shipped beside this module are generated from them (``python -m reportparse.schemas`` rewrites them,
and a test fails when a shipped file and the shapes disagree).

    >>> schema("parse")["$id"], sorted(KINDS)[:3]
    ('reportparse/parse/1', ['batch-record', 'chains', 'compare'])
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any, TypeVar

import msgspec

from .series_shapes import ChainsDocument, CompareDocument, PanelDocument
from .shapes import BatchRecord, ErrorRecord, ExtractDocument, ParseDocument

T = TypeVar("T")

# the kinds `reportparse schema KIND` knows, in the order its help lists them
KINDS: dict[str, type] = {
    "parse": ParseDocument,
    "extract": ExtractDocument,
    "compare": CompareDocument,
    "panel": PanelDocument,
    "chains": ChainsDocument,
    "batch-record": BatchRecord,
    "error": ErrorRecord,
}


def schema(kind: str) -> dict[str, Any]:
    """The shipped JSON Schema of one kind of document; KeyError for a kind not in ``KINDS``."""
    return json.loads(schema_text(kind))


def schema_text(kind: str) -> str:
    """The shipped schema file of one kind, as written; KeyError for a kind not in ``KINDS``."""
    KINDS[kind]  # noqa: B018 - an unknown kind is a KeyError, not a missing file
    return files(__name__).joinpath(f"{kind}.json").read_text(encoding="utf-8")


def to_builtins(shape: Any) -> Any:
    """A shape as plain dicts and lists, fields in declared order, UNSET fields left out."""
    return msgspec.to_builtins(shape)


def shaped(obj: Any, shape: type[T]) -> T:
    """An object's same-named attributes copied into ``shape`` (recursively), checked as they go."""
    return msgspec.convert(obj, shape, from_attributes=True)


def from_builtins(document: Any, shape: type[T]) -> T:
    """A document checked against ``shape`` and built into it; ``msgspec.ValidationError`` names the
    first field that does not fit (``Expected `int`, got `str` - at `$.sections[0].start```)."""
    return msgspec.convert(document, shape)
