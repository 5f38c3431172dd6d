"""Put a report parsed on the reading form back on the decoded text.

Every stage of the parse ran on ``Reading.text``; here each offset becomes an offset of the original
and each surface is cut from the original again, so ``original[start:end]`` is what the user's file
holds. Top-level nodes take ``Reading.boundary`` at both edges (dropped characters go with the node
before them, so the nodes still tile the text); everything inside takes tight spans, which never
reach past a parent's edge. What was read rather than cut (genre, roles, units, indicators, themes)
stays as read.
"""

from __future__ import annotations

from dataclasses import replace

from ..extract import KINDS
from ..extract.mentions import Locator
from ..model import Node, Report
from .offsets import Reading


def to_original(report: Report, reading: Reading) -> Report:
    """The same report, its offsets and surfaces on ``reading.original``."""
    if not reading.changed:  # a clean report: the reading form is the original
        return report
    for node in report.sections:
        _node(node, reading, top=True)
    if report.extraction is not None:
        _mentions(report.extraction, reading)
        _paths_again(report)
    report.warnings[:] = [replace(w, start=reading.start_of(w.start)) if w.start is not None else w
                          for w in report.warnings]
    report.title = _cut_again(report.title, reading)
    report.text = reading.original
    return report


def _node(node: Node, reading: Reading, top: bool) -> None:
    marker_at = reading.text.find(node.marker, node.start, node.end) if node.marker else -1
    if top:
        start, end = reading.boundary(node.start), reading.boundary(node.end)
    else:
        start, end = reading.span(node.start, node.end)
    if node.title_start is not None:
        node.title_start, node.title_end = reading.span(node.title_start, node.title_end)
        node.title = reading.original[node.title_start:node.title_end] or None
    if marker_at >= 0:
        first, last = reading.span(marker_at, marker_at + len(node.marker))
        node.marker = reading.original[first:last]
    node.start, node.end = start, end
    for child in node.children:
        _node(child, reading, top=False)


def _mentions(extraction, reading: Reading) -> None:
    original = reading.original
    for quantity in extraction.quantities:
        quantity.start, quantity.end = reading.span(quantity.start, quantity.end)
        quantity.text = original[quantity.start:quantity.end]
    for meeting in extraction.meetings:
        meeting.start, meeting.end = reading.span(meeting.start, meeting.end)
        meeting.name = original[meeting.start:meeting.end]
    for document in extraction.documents:  # the span holds the 《》, the title does not
        document.start, document.end = reading.span(document.start, document.end)
        document.title = original[document.start + 1:document.end - 1]
    for point in extraction.weaknesses + extraction.plans:
        point.start, point.end = reading.span(point.start, point.end)
        point.text = original[point.start:point.end]


def _paths_again(report: Report) -> None:
    """Paths name sections by their markers and titles: name them as the original writes them."""
    locator = Locator.of(report.sections)
    for kind in KINDS:
        for mention in getattr(report.extraction, kind):
            mention.path = locator.deepest(mention.start)[0]


def _cut_again(surface: str | None, reading: Reading) -> str | None:
    """A surface found without its offset (the report's title line), cut from the original."""
    if not surface:
        return surface
    at = reading.text.find(surface)
    if at < 0:
        return surface
    first, last = reading.span(at, at + len(surface))
    return reading.original[first:last]
