"""Rich views of a parse result."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from ..model import Node, Report

_STYLE = {"section": "bold", "item": "cyan", "preamble": "dim", "closing": "magenta", "noise": "dim red"}
_TEXT_PREVIEW = 24


def outline_tree(report: Report) -> Tree:
    head = f"[bold]{escape(report.title or report.source.path or 'report')}[/bold]"
    facts = " · ".join(str(x) for x in (report.genre, report.year, report.source.encoding) if x)
    root = Tree(f"{head}  [dim]{escape(facts)}[/dim]")
    _add_all(root, report.sections, report.text)
    return root


def _add_all(parent: Tree, nodes: list[Node], text: str) -> None:
    """Children in order; a run of noise lines shows as one entry, since a page's chrome is long."""
    i = 0
    while i < len(nodes):
        node = nodes[i]
        run = 1
        while node.kind == "noise" and i + run < len(nodes) and nodes[i + run].kind == "noise":
            run += 1
        if node.kind != "paragraph":
            branch = parent.add(_label(node, text) + (f" [dim](×{run} lines)[/dim]" if run > 1 else ""))
            _add_all(branch, node.children, text)
        i += run


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


_COLUMNS = {
    "quantities": ("text", "value", "value_max", "unit", "qualifier", "indicator", "change", "type"),
    "meetings": ("name",),
    "documents": ("title", "type"),
    "weaknesses": ("text", "theme"),
    "plans": ("text", "theme"),
}


def mention_table(report: Report, kind: str) -> Table:
    mentions = report.to_dict()[kind]
    table = Table(title=f"{kind} ({len(mentions)})", title_justify="left", show_lines=False)
    columns = _COLUMNS[kind]
    for column in columns:
        table.add_column(column, overflow="fold")
    table.add_column("section", style="dim", overflow="fold")
    for mention in mentions:
        cells = ["" if mention.get(c) is None else str(mention.get(c)) for c in columns]
        table.add_row(*(escape(c) for c in cells), escape(mention.get("path") or ""))
    return table


def score_table(scores: dict[str, dict[str, float]]) -> Table:
    table = Table(title="extractors against gold", title_justify="left")
    for column in ("kind", "gold", "found", "precision", "recall", "fields right"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    for kind, s in scores.items():
        fields = f"{s['fields']:.3f}" if "fields" in s else ""
        table.add_row(kind, str(s["gold"]), str(s["found"]), f"{s['precision']:.3f}", f"{s['recall']:.3f}", fields)
    return table


def thread_table(comparison: dict, explain: bool = False) -> Table:
    years = [r["year"] for r in comparison["reports"]]
    table = Table(title=f"{len(comparison['threads'])} threads over {len(years)} reports", title_justify="left")
    table.add_column("weakness", overflow="fold", max_width=36)
    table.add_column("status")
    for year in years:
        table.add_column(str(year), justify="center")
    for thread in comparison["threads"]:
        by_year = {m["year"]: m for m in thread["members"]}
        status = thread["status"] + (f" ({thread['running']} years running)" if thread["running"] > 1 else "")
        cells = []
        for year in years:
            member = by_year.get(year)
            cell = "✓" if member else ""
            if member and explain and member.get("shared_words"):
                cell += f" {member['score']:.2f} " + "·".join(member["shared_words"])
            cells.append(escape(cell))
        table.add_row(escape(thread["label"]), status, *cells)
    return table


_VERDICT_STYLE = {"met": "green", "exceeded": "blue", "missed": "red", "unknown": "dim"}


def panel_table(document: dict) -> Table:
    table = Table(title="targets and outcomes", title_justify="left")
    for column in ("indicator", "year", "target", "outcome", "verdict"):
        table.add_column(column)
    for row in document["panel"]:
        style = _VERDICT_STYLE[row["verdict"]]
        table.add_row(escape(row["indicator"]), str(row["year"]), escape((row["target"] or {}).get("text") or ""),
                      escape((row["outcome"] or {}).get("text") or ""), f"[{style}]{row['verdict']}[/{style}]")
    return table
