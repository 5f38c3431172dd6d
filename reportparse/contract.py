"""The invariants every ``reportparse/1`` document keeps, checkable by anyone holding the text.

    >>> from reportparse import parse
    >>> report = parse("一、学习\\n二、作风\\n")
    >>> violations(report.to_dict(), report.text)
    []
"""

from __future__ import annotations

from typing import Any, Iterator

from .model import NODE_KINDS, SCHEMA

NODE_FIELDS = {"kind", "level", "marker", "number", "title", "title_start", "title_end",
               "role", "style", "start", "end", "children"}


def violations(document: dict[str, Any], text: str) -> list[str]:
    """Every way ``document`` breaks the contract for ``text``; empty when it keeps it."""
    problems = []
    if document.get("schema") != SCHEMA:
        problems.append(f"schema is {document.get('schema')!r}, not {SCHEMA!r}")
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
    where = f"{node.get('kind')} [{node.get('start')}:{node.get('end')}]"
    if set(node) != NODE_FIELDS:
        yield f"{where}: fields {sorted(set(node) ^ NODE_FIELDS)} differ from the contract"
        return
    if node["kind"] not in NODE_KINDS:
        yield f"{where}: unknown kind"
    if not 0 <= node["start"] <= node["end"] <= len(text):
        yield f"{where}: span outside the text"
    if parent is not None and not parent["start"] <= node["start"] <= node["end"] <= parent["end"]:
        yield f"{where}: not inside its parent {parent['kind']} [{parent['start']}:{parent['end']}]"
    if node["title"] is not None:
        if text[node["title_start"]:node["title_end"]] != node["title"]:
            yield f"{where}: title {node['title']!r} is not text[title_start:title_end]"
    for child in node["children"]:
        yield from _node(child, text, node)
