"""Batch records as table rows that rebuild the tree: every node a ``sections`` row with its own ``id``
and its parent's, every mention a row with the ``section_id`` of the node whose path it shows.

All six kinds of node are rows, paragraphs and page noise too: only then do the rows rebuild the parse
tree exactly (top-level nodes tile the text, paragraphs hold the items of a run). Queries about the
outline filter on ``kind``. Ids run across the whole run, so one database holds many reports.
"""

from __future__ import annotations

import itertools
from dataclasses import fields
from typing import Any, Iterator

from ..schemas import shapes

NODE_COLUMNS = tuple(f.name for f in fields(shapes.Node) if f.name != "children")
MENTION_SHAPES: dict[str, type] = {"quantities": shapes.Quantity, "meetings": shapes.Meeting,
                                   "documents": shapes.DocumentMention, "weaknesses": shapes.Point,
                                   "plans": shapes.Point}
WARNING_COLUMNS = tuple(f.name for f in fields(shapes.Warning))

Row = dict[str, Any]


class RowMaker:
    """Turns records into (table, row) pairs, numbering reports and nodes as they come."""

    def __init__(self) -> None:
        self.report_ids = itertools.count(1)
        self.node_ids = itertools.count(1)

    def rows(self, record: dict[str, Any]) -> Iterator[tuple[str, Row]]:
        report_id = next(self.report_ids)
        yield "reports", _report_row(report_id, record)
        holders: list[tuple[int, int, int]] = []  # (start, end, id) of the nodes a mention's path names
        for node, node_id, parent_id, depth in _preorder(record.get("sections", []), self.node_ids, None, 0):
            if node["kind"] != "paragraph":  # a paragraph's mentions show its section's path
                holders.append((node["start"], node["end"], node_id))
            yield "sections", {"id": node_id, "report_id": report_id, "parent_id": parent_id,
                               **{c: node[c] for c in NODE_COLUMNS}, "depth": depth}
        for table in MENTION_SHAPES:
            mentions = record.get(table, [])
            holder_of = innermost(holders, [m["start"] for m in mentions])
            for mention in mentions:
                yield table, {"report_id": report_id, "section_id": holder_of[mention["start"]], **mention}
        for warning in record.get("warnings", []):
            yield "warnings", {"report_id": report_id, **warning}


def innermost(spans: list[tuple[int, int, int]], positions: list[int]) -> dict[int, int | None]:
    """For each position, the id of the innermost span that holds it (None outside all of them).

    ``spans`` come in preorder: nested, a parent before its children, siblings in order. One sweep
    over the positions in order keeps the spans still open on a stack, so the top is the innermost.

    >>> innermost([(0, 10, 1), (2, 5, 2), (5, 8, 3)], [9, 3, 5, 12])
    {3: 2, 5: 3, 9: 1, 12: None}
    """
    found: dict[int, int | None] = {}
    stack: list[tuple[int, int, int]] = []
    index = 0
    for position in sorted(set(positions)):
        while index < len(spans) and spans[index][0] <= position:
            while stack and stack[-1][1] <= spans[index][0]:
                stack.pop()  # a sibling, or a sibling's child, that closed before this span opens
            stack.append(spans[index])
            index += 1
        while stack and stack[-1][1] <= position:
            stack.pop()
        found[position] = stack[-1][2] if stack else None
    return found


def _preorder(nodes: list[dict[str, Any]], ids: Iterator[int], parent_id: int | None,
              depth: int) -> Iterator[tuple[dict[str, Any], int, int | None, int]]:
    """(node, its id, its parent's id, depth), numbered in document order: a parent before its children."""
    for node in nodes:
        node_id = next(ids)
        yield node, node_id, parent_id, depth
        yield from _preorder(node["children"], ids, node_id, depth + 1)


def _report_row(report_id: int, record: dict[str, Any]) -> Row:
    source = record.get("source", {})
    error = record.get("error") or {}
    return {"id": report_id, "path": source.get("path"), "sha256": source.get("sha256"),
            "format": source.get("format"), "encoding": source.get("encoding"), "genre": record.get("genre"),
            "title": record.get("title"), "year": record.get("year"), "text_length": record.get("text_length"),
            "error_type": error.get("type"), "error_message": error.get("message")}
