"""The offset invariants a parse document keeps, checkable by anyone holding the text.

Its shape (fields, types, node kinds) is the JSON Schema's to check: ``reportparse.schemas``. These
are what no schema can say: offsets that fit the text, top-level nodes that tile it, children inside
their parent, and every surface equal to ``text[start:end]``.

    >>> from reportparse import parse
    >>> report = parse("一、学习\\n二、作风\\n")
    >>> violations(report.to_dict(), report.text)
    []
"""

from __future__ import annotations

from typing import Any, Iterator


def violations(document: dict[str, Any], text: str) -> list[str]:
    """Every way ``document`` (valid against its schema) breaks the offset invariants for ``text``."""
    problems = []
    if document.get("text_length") != len(text):
        problems.append(f"text_length {document.get('text_length')} != {len(text)}")
    problems += list(_tiling(document.get("sections", []), len(text)))
    for node in document.get("sections", []):
        problems += list(_node(node, text, None))
    problems += list(_mentions(document, text))
    return problems


# each extracted kind's surface field, and how the surface is written in the text
MENTION_SURFACES = {"quantities": ("text", "{}"), "meetings": ("name", "{}"), "documents": ("title", "《{}》"),
                    "weaknesses": ("text", "{}"), "plans": ("text", "{}")}


def _mentions(document: dict[str, Any], text: str) -> Iterator[str]:
    for kind, (field, written) in MENTION_SURFACES.items():
        for mention in document.get(kind, []):
            surface = written.format(mention[field])
            if text[mention["start"]:mention["end"]] != surface:
                yield f"{kind} [{mention['start']}:{mention['end']}]: {surface!r} is not text[start:end]"


def _tiling(top: list[dict[str, Any]], length: int) -> Iterator[str]:
    position = 0
    for node in top:
        if node["start"] != position:
            yield f"top-level {node['kind']} starts at {node['start']}, expected {position} (gap or overlap)"
        position = node["end"]
    if length and position != length:
        yield f"top-level nodes end at {position}, text is {length} long"


def _node(node: dict[str, Any], text: str, parent: dict[str, Any] | None) -> Iterator[str]:
    where = f"{node['kind']} [{node['start']}:{node['end']}]"
    if not 0 <= node["start"] <= node["end"] <= len(text):
        yield f"{where}: span outside the text"
    if parent is not None and not parent["start"] <= node["start"] <= node["end"] <= parent["end"]:
        yield f"{where}: not inside its parent {parent['kind']} [{parent['start']}:{parent['end']}]"
    if node["title"] is not None:
        if text[node["title_start"]:node["title_end"]] != node["title"]:
            yield f"{where}: title {node['title']!r} is not text[title_start:title_end]"
    for child in node["children"]:
        yield from _node(child, text, node)
