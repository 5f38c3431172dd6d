"""Exports of the extracted mentions: flat rows for CSV, a JSON document of the lists alone."""

from __future__ import annotations

import csv
import io
from typing import Any

from .extract import KINDS, Extraction
from .model import Report
from .schemas import shapes, to_builtins

CSV_COLUMNS = ("kind", "text", "start", "end", "path", "type", "value", "value_max", "unit", "qualifier",
               "redacted", "indicator", "change", "theme")
# the column that holds each kind's surface in its JSON form
SURFACE_FIELD = {"quantities": "text", "meetings": "name", "documents": "title", "weaknesses": "text", "plans": "text"}


def selected_kinds(only: str | None) -> tuple[str, ...]:
    """
    >>> selected_kinds(None) == KINDS, selected_kinds("meetings, quantities")
    (True, ('quantities', 'meetings'))
    """
    if not only:
        return KINDS
    wanted = {part.strip() for part in only.split(",") if part.strip()}
    unknown = sorted(wanted - set(KINDS))
    if unknown:
        raise ValueError(f"unknown kind {unknown[0]!r} (known: {', '.join(KINDS)})")
    return tuple(k for k in KINDS if k in wanted)


def mentions_document(report: Report, kinds: tuple[str, ...]) -> dict[str, Any]:
    """The extract document (``reportparse/extract/1``): the source and the lists of ``kinds``."""
    lists: dict[str, Any] = (report.extraction or Extraction()).to_shapes(kinds)
    return to_builtins(shapes.ExtractDocument(schema=shapes.EXTRACT_ID, source=report.source.to_shape(), **lists))


def mention_rows(report: Report, kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    document = report.to_dict()
    rows = []
    for kind in kinds:
        for mention in document[kind]:
            row = {column: mention.get(column) for column in CSV_COLUMNS}
            row["kind"], row["text"] = kind, mention[SURFACE_FIELD[kind]]
            rows.append(row)
    return rows


THREAD_COLUMNS = ("thread", "label", "theme", "status", "running", "year", "path", "text", "start", "end", "score")


def thread_rows(comparison: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per member of each thread of a comparison document."""
    return [{"thread": i + 1, "label": t["label"], "theme": t["theme"], "status": t["status"],
             "running": t["running"], **{k: m[k] for k in ("year", "path", "text", "start", "end", "score")}}
            for i, t in enumerate(comparison["threads"]) for m in t["members"]]


CHAIN_COLUMNS = ("weakness_year", "weakness_start", "weakness_end", "weakness_text", "theme", "status", "recurs_in",
                 "answer_year", "answer_kind", "answer_start", "answer_end", "answer_text", "score")


def chain_rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per answer of each chain (one row with empty answer cells for a weakness left unanswered)."""
    rows = []
    for chain in document["chains"]:
        weakness = chain["weakness"]
        head = {"weakness_year": weakness["year"], "weakness_start": weakness["start"], "weakness_end": weakness["end"],
                "weakness_text": weakness["text"], "theme": weakness["theme"], "status": chain["status"],
                "recurs_in": " ".join(str(y) for y in chain["recurs_in"])}
        for answer in chain["answers"] or [None]:
            rows.append({**head, **({"answer_year": answer["year"], "answer_kind": answer["kind"],
                                     "answer_start": answer["start"], "answer_end": answer["end"],
                                     "answer_text": answer["text"], "score": answer["score"]} if answer else {})})
    return rows


PANEL_COLUMNS = ("indicator", "year", "verdict", "target_text", "target_value", "target_value_max", "target_unit",
                 "target_qualifier", "outcome_text", "outcome_value", "outcome_unit", "outcome_qualifier")


def panel_rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per (indicator, year) of a panel document, target and outcome side by side."""
    rows = []
    for row in document["panel"]:
        flat = {"indicator": row["indicator"], "year": row["year"], "verdict": row["verdict"]}
        for side in ("target", "outcome"):
            figure = row[side] or {}
            for key in ("text", "value", "value_max", "unit", "qualifier"):
                if f"{side}_{key}" in PANEL_COLUMNS:
                    flat[f"{side}_{key}"] = figure.get(key)
        rows.append(flat)
    return rows


# A cell starting with one of these is run as a formula by Excel and LibreOffice (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard_cell(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, prefixed with ``'`` as OWASP recommends (the
    spreadsheet shows it as text, without the quote); numbers, and text that reads as one, are left alone.

    >>> guard_cell("=1+1.txt"), guard_cell("@SUM(A1)"), guard_cell("-6.5"), guard_cell(-6.5), guard_cell("年")
    ("'=1+1.txt", "'@SUM(A1)", '-6.5', -6.5, '年')
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _is_number(value):
        return "'" + value
    return value


def guarded(row: dict[str, Any]) -> dict[str, Any]:
    return {key: guard_cell(value) for key, value in row.items()}


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def to_csv(rows: list[dict[str, Any]], guard: bool = True) -> str:
    return to_csv_rows(rows, CSV_COLUMNS, guard)


def to_csv_rows(rows: list[dict[str, Any]], columns: tuple[str, ...], guard: bool = True) -> str:
    """CSV text with a BOM, so that a spreadsheet opens the Chinese as UTF-8; ``guard`` keeps text cells
    from reading as formulas (:func:`guard_cell`)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows([guarded(row) for row in rows] if guard else rows)
    return out.getvalue()
