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
from typing import Any

from ..extract.mentions import Document, Locator, Meeting, Quantity
from ..model import Node
from ..pipeline.state import ParseState
from .offsets import Reading


def restore(state: ParseState) -> None:
    """The restore stage: the state's nodes, mentions, warnings and title on the decoded text."""
    reading = state.reading
    if reading is None or not reading.changed:  # a clean report: the reading form is the original
        state.text = state.original
        return
    for node in state.sections:
        _node(node, reading, top=True)
    for mentions in state.mentions.values():
        for mention in mentions:
            _mention(mention, reading)
    locator = Locator.of(state.sections)  # paths name sections by markers and titles as the original has them
    for mentions in state.mentions.values():
        for mention in mentions:
            mention.path = locator.deepest(mention.start)[0]
    state.warnings[:] = [replace(w, start=reading.start_of(w.start)) if w.start is not None else w
                         for w in state.warnings]
    if state.profile is not None:
        state.profile = replace(state.profile, title=_cut_again(state.profile.title, reading))
    state.text = reading.original


def _node(node: Node, reading: Reading, top: bool) -> None:
    marker_at = reading.text.find(node.marker, node.start, node.end) if node.marker else -1
    if top:
        start, end = reading.boundary(node.start), reading.boundary(node.end)
    else:
        start, end = reading.span(node.start, node.end)
    if node.title_start is not None and node.title_end is not None:
        node.title_start, node.title_end = reading.span(node.title_start, node.title_end)
        node.title = reading.original[node.title_start:node.title_end] or None
    if node.marker and marker_at >= 0:
        first, last = reading.span(marker_at, marker_at + len(node.marker))
        node.marker = reading.original[first:last]
    node.start, node.end = start, end
    for child in node.children:
        _node(child, reading, top=False)


def _mention(mention: Any, reading: Reading) -> None:
    """Offsets on the original, and the surface fields cut from it again (a user's mention keeps its
    other fields as read)."""
    original = reading.original
    # a figure's unit ends before the pinyin a mirror glossed after it (12個(gè) is 12個, the gold's call); a
    # name or a point that ends with a glossed character takes the gloss in, as the page reads
    mention.start, mention.end = reading.span(mention.start, mention.end, attached=not isinstance(mention, Quantity))
    if isinstance(mention, Meeting):
        mention.name = original[mention.start:mention.end]
    elif isinstance(mention, Document):  # the span holds the 《》, the title does not
        mention.title = original[mention.start + 1:mention.end - 1]
    elif hasattr(mention, "text"):  # quantities, points, most of a user's mentions
        mention.text = original[mention.start:mention.end]


def _cut_again(surface: str | None, reading: Reading) -> str | None:
    """A surface found without its offset (the report's title line), cut from the original."""
    if not surface:
        return surface
    at = reading.text.find(surface)
    if at < 0:
        return surface
    first, last = reading.span(at, at + len(surface))
    return reading.original[first:last]
