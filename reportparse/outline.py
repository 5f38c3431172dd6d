"""The plain-text outline: one line per node except paragraphs, indented by depth.

It is what the project's expected-outline files hold, and ``reportparse parse --format outline``
prints it, so a change in structure shows as a readable diff.

    >>> from reportparse import parse
    >>> print(render_outline(parse("一、学习\\n一是学理论；二是学业务。\\n")))
    # genre: -
    # year: -
    # title: -
    section L1 一、 学习
      item 一是 学理论
      item 二是 学业务
"""

from __future__ import annotations

from .model import Node, Report

ROLE_SHOWN_FOR = ("closing",)


def render_outline(report: Report, header: bool = True) -> str:
    lines = []
    if header:
        lines += [f"# genre: {report.genre or '-'}", f"# year: {report.year or '-'}", f"# title: {report.title or '-'}"]
    for node in report.sections:
        lines += _lines(node, 0)
    return "\n".join(lines)


def _lines(node: Node, depth: int) -> list[str]:
    if node.kind == "paragraph":
        return []
    out = ["  " * depth + _describe(node)]
    for child in node.children:
        out += _lines(child, depth + 1)
    return out


def _describe(node: Node) -> str:
    if node.kind == "section":
        words = f"section L{node.level} {node.marker or '-'} {node.title or '-'}"
    elif node.kind == "item":
        words = f"item {node.marker} {node.title or '-'}"
    else:
        words = node.kind
    top_section = node.kind == "section" and node.level == 1
    if node.role and (top_section or node.kind in ROLE_SHOWN_FOR):
        words += f" {{{node.role}}}"
    return words
