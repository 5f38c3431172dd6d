"""Rich views of a parse result."""

from __future__ import annotations

from rich.markup import escape
from rich.tree import Tree

from ..model import Node, Report

_STYLE = {"section": "bold", "item": "cyan", "preamble": "dim", "closing": "magenta", "noise": "dim red"}
_TEXT_PREVIEW = 24


def outline_tree(report: Report) -> Tree:
    head = f"[bold]{escape(report.title or report.source.path or 'report')}[/bold]"
    facts = " · ".join(str(x) for x in (report.genre, report.year, report.source.encoding) if x)
    root = Tree(f"{head}  [dim]{escape(facts)}[/dim]")
    for node in report.sections:
        _add(root, node, report.text)
    return root


def _add(parent: Tree, node: Node, text: str) -> None:
    if node.kind == "paragraph":
        return
    branch = parent.add(_label(node, text))
    for child in node.children:
        _add(branch, child, text)


def _label(node: Node, text: str) -> str:
    style = _STYLE.get(node.kind, "")
    if node.kind in ("section", "item"):
        words = f"{escape(node.marker or '')} {escape(node.title or '')}"
    else:
        preview = text[node.start:node.end].strip().replace("\n", " ")
        short = preview[:_TEXT_PREVIEW] + ("…" if len(preview) > _TEXT_PREVIEW else "")
        words = f"{node.kind}  [dim]{escape(short)}[/dim]"
    role = f"  [green]{{{node.role}}}[/green]" if node.role else ""
    return f"[{style}]{words}[/{style}]{role}" if style else words + role
