"""JSON Schema (draft 2020-12) generated from the declared shapes, laid out for people to read.

msgspec writes the schema of a dataclass tree: types, nullability, enums, required fields, and
``$defs`` for the shapes used twice or recursively (Node). This module only lays it out: the
document's own shape at the root under its ``$id``, properties in field order (msgspec lists
required ones first), and a one-value enum as ``const``. Unknown properties stay allowed: later
versions add fields, and a reader of version 1 must accept them.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any, get_args, get_type_hints

import msgspec

from . import KINDS, series_shapes, shapes

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SHAPES: dict[str, type] = {cls.__name__: cls for module in (shapes, series_shapes)
                           for cls in vars(module).values() if isinstance(cls, type) and dataclasses.is_dataclass(cls)}


def schema_id(shape: type) -> str:
    """The id a document of this shape carries in its ``schema`` field (its Literal's one value)."""
    return str(get_args(get_type_hints(shape)["schema"])[0])


def generate(kind: str) -> dict[str, Any]:
    shape = KINDS[kind]
    _, components = msgspec.json.schema_components([shape], ref_template="#/$defs/{name}")
    laid_out = {name: _in_field_order(SHAPES[name], body) for name, body in components.items()}
    root = laid_out.pop(shape.__name__)
    document = {"$schema": DRAFT, "$id": schema_id(shape), **root}
    if laid_out:
        document["$defs"] = dict(sorted(laid_out.items()))
    return document


def generated_text(kind: str) -> str:
    """The schema file's text: two-space indents, non-ASCII as written, a final newline."""
    return json.dumps(generate(kind), ensure_ascii=False, indent=2) + "\n"


def _in_field_order(shape: type, body: dict[str, Any]) -> dict[str, Any]:
    properties = body.get("properties", {})
    ordered = {f.name: _const(properties[f.name]) for f in dataclasses.fields(shape) if f.name in properties}
    return {**body, "properties": ordered} if properties else body


def _const(prop: dict[str, Any]) -> dict[str, Any]:
    enum = prop.get("enum")
    if enum is not None and len(enum) == 1:
        return {**{k: v for k, v in prop.items() if k != "enum"}, "const": enum[0]}
    return prop
