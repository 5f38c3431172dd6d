"""One self-contained HTML page for a report: the outline on the left, the text on the right with every
mention highlighted by kind, a legend with counts, and each highlight's fields on hover.

Mentions may overlap (a figure inside a weakness point), so the text is cut at every mention boundary
and each piece carries the classes and ids of all the mentions that cover it.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ..model import Report
from .style import BASE

KINDS = ("quantities", "meetings", "documents", "weaknesses", "plans", "noise")
PREFIX = {"quantities": "q", "meetings": "m", "documents": "d", "weaknesses": "w", "plans": "p", "noise": "n"}
FIELDS = {"quantities": ("value", "value_max", "unit", "qualifier", "indicator", "change", "type"),
          "meetings": (), "documents": ("type",), "weaknesses": ("theme",), "plans": ("theme",), "noise": ()}
STYLE = BASE + """
body{margin:0;display:flex;height:100vh}nav{width:26em;overflow:auto;border-right:1px solid #ddd;padding:1em;
font-size:14px;background:#fafafa}nav ul{list-style:none;padding-left:1em;margin:0}nav a{color:#225;text-decoration:none}
nav a:hover{text-decoration:underline}main{flex:1;overflow:auto;padding:1em 2em}#text{white-space:pre-wrap;
line-height:1.8;font-size:15px}.k{border-radius:2px}
"""


def report_html(report: Report) -> str:
    document = report.to_dict()
    mentions = _mentions(document)
    counts = {kind: sum(1 for m in mentions if m["kind"] == kind) for kind in KINDS}
    legend = "".join(f'<span class="k {k}">{k} {counts[k]}</span>' for k in KINDS)
    title = escape(report.title or report.source.path or "report")
    facts = escape(" · ".join(str(x) for x in (report.genre, report.year) if x))
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{STYLE}</style></head><body><nav><h1>{title}</h1><p>{facts}</p>"
            f"{_outline(document['sections'])}</nav><main><div class=\"legend\">{legend}</div>"
            f'<div id="text">{_text(report.text, mentions, _anchors(document["sections"]))}</div></main>'
            "</body></html>\n")


def _mentions(document: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for kind in KINDS[:-1]:
        for i, mention in enumerate(document.get(kind, [])):
            found.append({"kind": kind, "id": f"{PREFIX[kind]}{i}", "start": mention["start"], "end": mention["end"],
                          "title": _tooltip(kind, mention)})
    noise = [n for top in document["sections"] for n in _walk(top) if n["kind"] == "noise"]
    found += [{"kind": "noise", "id": f"n{i}", "start": n["start"], "end": n["end"], "title": "page noise"}
              for i, n in enumerate(noise)]
    return [m for m in found if m["end"] > m["start"]]


def _tooltip(kind: str, mention: dict[str, Any]) -> str:
    parts = [kind[:-1] if kind.endswith("s") else kind]
    parts += [f"{f}: {mention[f]}" for f in FIELDS[kind] if mention.get(f) not in (None, "")]
    if mention.get("path"):
        parts.append(f"in {mention['path']}")
    return " · ".join(parts)


def _walk(node: dict[str, Any]):
    yield node
    for child in node["children"]:
        yield from _walk(child)


def _anchors(sections: list[dict[str, Any]]) -> dict[int, str]:
    return {n["start"]: f"s{n['start']}" for top in sections for n in _walk(top) if n["kind"] in ("section", "item")}


def _outline(nodes: list[dict[str, Any]]) -> str:
    items = []
    for node in nodes:
        if node["kind"] not in ("section", "item", "preamble", "closing"):
            continue
        label = " ".join(x for x in (node["marker"], node["title"]) if x) or node["kind"]
        link = f'<a href="#s{node["start"]}">{escape(label)}</a>' if node["kind"] in ("section", "item") else escape(label)
        items.append(f"<li>{link}{_outline(node['children'])}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def _text(text: str, mentions: list[dict[str, Any]], anchors: dict[int, str]) -> str:
    """The text cut at every boundary; a piece covered by mentions becomes one span naming them all."""
    cuts = sorted({0, len(text), *anchors, *(m["start"] for m in mentions), *(m["end"] for m in mentions)})
    starts = sorted(mentions, key=lambda m: m["start"])
    active: list[dict[str, Any]] = []
    out, nxt = [], 0
    for lo, hi in zip(cuts, cuts[1:]):
        if lo in anchors:
            out.append(f'<a id="{anchors[lo]}"></a>')
        active = [m for m in active if m["end"] > lo]
        while nxt < len(starts) and starts[nxt]["start"] <= lo:
            if starts[nxt]["end"] > lo:
                active.append(starts[nxt])
            nxt += 1
        piece = escape(text[lo:hi])
        if not active:
            out.append(piece)
            continue
        kinds = " ".join(sorted({m["kind"] for m in active}))
        ids = " ".join(m["id"] for m in active)
        first = next((m["id"] for m in active if m["start"] == lo), None)
        tip = escape(" | ".join(m["title"] for m in active))
        anchor = f' id="{first}"' if first else ""
        out.append(f'<span class="k {kinds}" data-m="{ids}"{anchor} title="{tip}">{piece}</span>')
    return "".join(out)
