"""Rich views of a parse result."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from ..compare.timeline import SILENT, STATED, marks, ruler, year_spans
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


def side_by_side_table(columns: dict[str, dict[str, dict[str, float]]]) -> Table:
    """One column per gold folder (a dev half beside a test half): precision / recall and the gold count."""
    table = Table(title="extractors against gold, side by side (precision / recall, gold mentions)", title_justify="left")
    table.add_column("kind")
    for name in columns:
        table.add_column(name, justify="right")
    for kind in next(iter(columns.values())):
        table.add_row(kind, *(f"{s[kind]['precision']:.3f} / {s[kind]['recall']:.3f} ({s[kind]['gold']})"
                              for s in columns.values()))
    return table


_STATUS_STYLE = {"recurring": "bold red", "new": "green", "dropped": "dim", "once": "dim",
                 "answered-resolved": "green", "answered-recurring": "yellow", "unanswered-recurring": "bold red",
                 "unanswered-dropped": "dim"}


MARKS_MIN_WIDTH = 60  # the other columns need about this much beside the marks


def thread_table(comparison: dict, explain: bool = False) -> ThreadView:
    return ThreadView(comparison, explain)


class ThreadView:
    """Threads as rows, the years as compact spans and one mark per report: readable for fifty years
    and more, where a column per year would not be. On a terminal too narrow for the marks beside the
    rest, the marks are left out and the caption says how wide they need it."""

    def __init__(self, comparison: dict, explain: bool = False):
        self.comparison, self.explain = comparison, explain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        series = [r["year"] for r in self.comparison["reports"]]
        with_marks = options.max_width >= len(series) + MARKS_MIN_WIDTH
        yield self.table(series, with_marks)

    def table(self, series: list[int], with_marks: bool) -> Table:
        threads = self.comparison["threads"]
        span = f"{series[0]}–{series[-1]}" if series else ""
        caption = (f"{STATED} stated, {SILENT} not stated: one mark per report" if with_marks else
                   f"(a terminal {len(series) + MARKS_MIN_WIDTH} columns wide shows one mark per report)")
        table = Table(title=f"{len(threads)} threads over {len(series)} reports {span}", title_justify="left",
                      caption=caption, caption_justify="left", show_lines=self.explain)
        table.add_column("weakness", overflow="fold", ratio=3, min_width=16)
        table.add_column("theme", overflow="fold", min_width=4, max_width=8)
        table.add_column("years", overflow="fold", ratio=2, min_width=10)
        table.add_column("status", no_wrap=True, min_width=9)
        if with_marks:
            table.add_column(ruler(series), no_wrap=True, min_width=len(series), max_width=len(series))
        for thread in threads:
            style = _STATUS_STYLE[thread["status"]]
            running = f"\n[dim]{thread['running']} running[/dim]" if thread["running"] > 1 else ""
            label = escape(thread["label"])
            if self.explain:
                label += "".join(f"\n[dim]{m['year']} {m['score']:.2f} "
                                 f"{escape('·'.join(m.get('shared_words', [])))}[/dim]" for m in thread["members"][1:])
            cells = [label, escape(thread["theme"] or ""), year_spans(thread["years"], series),
                     f"[{style}]{thread['status']}[/{style}]{running}"]
            table.add_row(*cells, *([marks(thread["years"], series)] if with_marks else []))
        return table


def chain_table(document: dict, explain: bool = False) -> Table:
    """A row per weakness: its year, status, the years it recurs in, and the answers the next report gave."""
    series = [r["year"] for r in document["reports"]]
    table = Table(title=f"{len(document['chains'])} weaknesses chained over {len(series)} reports",
                  title_justify="left", show_lines=True)
    table.add_column("year", no_wrap=True)
    table.add_column("weakness", overflow="fold", ratio=3, min_width=16)
    table.add_column("status", no_wrap=True)
    table.add_column("recurs in", overflow="fold", ratio=1, min_width=9)
    table.add_column("answered by the next report", overflow="fold", ratio=3, min_width=16)
    for chain in document["chains"]:
        style = _STATUS_STYLE[chain["status"]]
        answers = []
        for answer in chain["answers"]:
            why = f" {escape('·'.join(answer.get('shared_words', [])))}" if explain else ""
            kind = " (rectification)" if answer["kind"] == "rectification" else ""
            answers.append(f"{answer['year']} {escape(answer['label'])}{kind} [dim]{answer['score']:.2f}{why}[/dim]")
        table.add_row(str(chain["weakness"]["year"]), escape(chain["weakness"]["label"]),
                      f"[{style}]{chain['status']}[/{style}]", year_spans(chain["recurs_in"], series),
                      "\n".join(answers))
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
