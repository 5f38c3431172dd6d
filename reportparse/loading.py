"""A parse document loaded back into a Report: the inverse of ``Report.to_dict``.

The document is first checked against its declared shape (msgspec names the first field that does not
fit), then built into the library's own classes, so a loaded report walks, renders and compares like
a parsed one. Numbers come back as Decimals through their shortest decimal form (``6.5``, not the
binary float's expansion), which ``to_dict`` writes back as the same JSON number.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import msgspec
from msgspec import UNSET

from .contract import violations
from .errors import InputError
from .extract import KINDS, Extraction
from .extract.mentions import Document, Meeting, Point, Quantity
from .model import Node, Report, Source, Warning
from .paths import from_fields
from .schemas import from_builtins, shaped, shapes, to_builtins

LOADABLE: dict[str, type[shapes.ParseDocument]] = {shapes.PARSE_ID: shapes.ParseDocument,
                                                   shapes.BATCH_RECORD_ID: shapes.BatchRecord}
MENTION_CLASSES: dict[str, type] = {"meetings": Meeting, "documents": Document, "weaknesses": Point, "plans": Point}


def report_from_document(document: dict[str, Any], text: str | None = None) -> Report:
    if not isinstance(document, dict):
        raise InputError(f"not a parse document: a {type(document).__name__}, not a JSON object")
    shape = LOADABLE.get(str(document.get("schema")))
    if shape is None:
        raise InputError(f"not a parse document: schema {document.get('schema')!r} (loadable: {', '.join(LOADABLE)})")
    try:
        parsed = from_builtins(document, shape)
    except msgspec.ValidationError as exc:
        raise InputError(f"not a valid parse document: {exc}") from None
    if text is not None and (problems := violations(document, text)):
        raise InputError(f"the document does not fit the text: {problems[0]}")
    given = parsed.source
    path = from_fields(given.path, given.path_bytes if given.path_bytes is not UNSET else None)
    source = Source(path, given.encoding, given.sha256, given.format,
                    tuple(to_builtins(page) for page in given.pages) if given.pages is not UNSET else (),
                    to_builtins(given.part) if given.part is not UNSET else None)
    return Report(text if text is not None else "", source, shaped(parsed.sections, list[Node]),
                  shaped(parsed.warnings, list[Warning]), genre=parsed.genre, title=parsed.title, year=parsed.year,
                  extraction=_extraction(parsed), known_length=None if text is not None else parsed.text_length)


def _extraction(parsed: shapes.ParseDocument) -> Extraction | None:
    """The mention lists, or None when the document has none (parsed with ``extractors=False``)."""
    present = {kind: getattr(parsed, kind) for kind in KINDS if getattr(parsed, kind) is not msgspec.UNSET}
    if not present:
        return None
    extraction = Extraction()
    for kind, mentions in present.items():
        if kind == "quantities":
            extraction.quantities = [_quantity(q) for q in mentions]
        else:
            cls = MENTION_CLASSES[kind]  # the same field names as the shape
            setattr(extraction, kind, [shaped(m, cls) for m in mentions])
    return extraction


def _quantity(q: shapes.Quantity) -> Quantity:
    return Quantity(q.text, q.start, q.end, value=_decimal(q.value), value_max=_decimal(q.value_max), unit=q.unit,
                    qualifier=q.qualifier, redacted=q.redacted, indicator=q.indicator, change=q.change, type=q.type,
                    path=q.path)


def _decimal(value: int | float | None) -> Decimal | None:
    return None if value is None else Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
