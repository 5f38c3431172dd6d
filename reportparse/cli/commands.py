"""Command bodies: load → call the library → render."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..api import default_rules, parse
from ..outline import render_outline
from ..rulebook import IndicatorRule, load_rules
from ..selfcheck import check_examples
from . import app, rules_app, sink
from ..batch import run_batch
from ..compare import DEFAULT_THRESHOLD, compare
from ..compare.html import comparison_html
from ..errors import ReportParseError
from ..evaluate import evaluate, evaluated_files, scores
from ..panel import panel
from ..panel.plot import plot_panel
from ..export import (PANEL_COLUMNS, THREAD_COLUMNS, mention_rows, mentions_document, panel_rows, selected_kinds,
                      thread_rows, to_csv)
from ..view.html import report_html
from .inputs import expand_paths, parse_year_options
from .options import (CompareFormat, CompareFormatOption, Format, FormatOption, OnlyOption, ReportArgument,
                      ReportsArgument, RulesOption, TableFormat, TableFormatOption, YearOption)
from .progress import batch_progress, summary_table
from .render import mention_table, outline_tree, panel_table, score_table, thread_table


@app.command("parse")
def parse_command(report: ReportArgument, fmt: FormatOption = Format.rich, rules: RulesOption = None) -> None:
    """Parse a report and print its outline (or the JSON document)."""
    result = parse(report, rules=load_rules(rules) if rules else None)
    for warning in result.warnings:
        where = f" (at {warning.start})" if warning.start is not None else ""
        sink.warn(f"{warning.code}: {warning.message}{where}")
    if fmt is Format.json:
        sink.json(result.to_dict())
    elif fmt is Format.outline:
        sink.text(render_outline(result))
    else:
        sink.show(outline_tree(result))


@app.command("extract")
def extract_command(report: ReportArgument, only: OnlyOption = None, fmt: TableFormatOption = TableFormat.rich,
                    rules: RulesOption = None) -> None:
    """Print what a report states: quantities, meetings, documents, weaknesses, plans."""
    try:
        kinds = selected_kinds(only)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--only") from None
    result = parse(report, rules=load_rules(rules) if rules else None, only=kinds)
    if fmt is TableFormat.json:
        sink.json(mentions_document(result, kinds))
    elif fmt is TableFormat.csv:
        sink.text(to_csv(mention_rows(result, kinds)).rstrip("\n"))
    else:
        for kind in kinds:
            sink.show(mention_table(result, kind))


@app.command("compare")
def compare_command(
    reports: ReportsArgument,
    year: YearOption = None,
    allow_same_year: Annotated[bool, typer.Option(help="Keep two reports of one year apart.")] = False,
    threshold: Annotated[float, typer.Option(help="How alike two points must be to link.")] = DEFAULT_THRESHOLD,
    explain: Annotated[bool, typer.Option(help="Show the words each link shares and its score.")] = False,
    strict: Annotated[bool, typer.Option(help="Fail when a report cannot be read (default: skip it).")] = False,
    fmt: CompareFormatOption = CompareFormat.rich,
    rules: RulesOption = None,
) -> None:
    """Link the same weakness across years: recurring, new, dropped."""
    book = load_rules(rules) if rules else None
    parsed = []
    years = parse_year_options(year)
    for path in expand_paths(reports):
        try:
            report = parse(path, rules=book)
            if report.year is None and path not in years and Path(path).name not in years:
                raise ReportParseError(f"{path}: no year in its text or file name (give it with --year)")
            parsed.append(report)
        except ReportParseError as exc:
            if strict:
                raise
            sink.warn(f"skipped: {exc}")
    if not parsed:
        raise ReportParseError("no report to compare")
    result = compare(parsed, years=years, threshold=threshold, allow_same_year=allow_same_year,
                     rules=book, explain=explain)
    for warning in result.warnings:
        sink.warn(warning.message)
    sink.emit(fmt.value, result.to_dict(), view=lambda d: thread_table(d, explain),
              rows=lambda d: (thread_rows(d), THREAD_COLUMNS), page=comparison_html)


@app.command("batch")
def batch_command(
    paths: Annotated[list[str], typer.Argument(help="Files, folders and globs of reports.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="The JSONL file: one line per input.")],
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, help="Parallel processes (default: the number of cores).")] = None,
    resume: Annotated[bool, typer.Option(help="Skip inputs whose sha256 already has a line in --out.")] = False,
    db: Annotated[Optional[Path], typer.Option(help="Also write a SQLite database of the results.")] = None,
    csv_dir: Annotated[Optional[Path], typer.Option("--csv", help="Also write one CSV per table here.")] = None,
    timeout: Annotated[Optional[float], typer.Option(min=0.001, help="Seconds one input may take; a slower one becomes an error record and the run goes on.")] = None,
    rules: RulesOption = None,
) -> None:
    """Parse every report in folders and globs into JSONL (and SQLite, CSV); N inputs give N lines."""
    with batch_progress(sink.err) as on_record:
        summary = run_batch(paths, str(out), workers=workers or os.cpu_count() or 1, resume=resume,
                            db=str(db) if db else None, csv_dir=str(csv_dir) if csv_dir else None,
                            rules_dir=str(rules) if rules else None, timeout=timeout, on_record=on_record)
    sink.err.print(summary_table(summary))
    if summary.failures:
        raise typer.Exit(1)


@app.command("show")
def show_command(
    report: ReportArgument,
    html: Annotated[Optional[Path], typer.Option(help="Write the page here (one self-contained file).")] = None,
    rules: RulesOption = None,
) -> None:
    """An HTML view: the outline beside the text, every mention highlighted."""
    if html is None:
        if report != "-" and not Path(report).is_file():
            raise ReportParseError(f"no such file: {report}")
        target = Path(report).with_suffix(".html").name if report != "-" else "report.html"
        sink.note(f"would write {target}; give --html PATH to write the view")
        return
    result = parse(report, rules=load_rules(rules) if rules else None)
    html.write_text(report_html(result), encoding="utf-8")
    sink.note(f"wrote {html}")


@app.command("export")
def export_command(
    reports: ReportsArgument,
    spacy: Annotated[Path, typer.Option("--spacy", help="Write a spaCy DocBin here.")],
    rules: RulesOption = None,
) -> None:
    """Export reports with their mentions as spaCy training data (a DocBin)."""
    from ..spacy_export import export_docbin

    book = load_rules(rules) if rules else default_rules()
    parsed = (parse(path, rules=book) for path in expand_paths(reports))
    counts = export_docbin(parsed, spacy, book)
    if counts.expanded:
        sink.warn(f"{counts.expanded} of {counts.spans} spans did not fall on token boundaries and were widened")
    sink.note(f"wrote {counts.docs} docs to {spacy}")


@app.command("panel")
def panel_command(
    reports: ReportsArgument,
    indicator: Annotated[Optional[list[str]], typer.Option(help="Only these indicators (repeatable).")] = None,
    year: YearOption = None,
    plot: Annotated[Optional[Path], typer.Option(help="Draw target bands and outcomes to this PNG.")] = None,
    fmt: TableFormatOption = TableFormat.rich,
    rules: RulesOption = None,
) -> None:
    """Each year's targets beside the outcome the next report states: met, missed, exceeded."""
    book = load_rules(rules) if rules else default_rules()
    known = [r.name for r in book.of(IndicatorRule)]
    unknown = [name for name in indicator or () if name not in known]
    if unknown:
        raise typer.BadParameter(f"unknown indicator {unknown[0]!r} (known: {', '.join(known)})",
                                 param_hint="--indicator")
    result = panel(expand_paths(reports), indicators=indicator, years=parse_year_options(year), rules=book)
    for warning in result.warnings:
        sink.warn(warning.message)
    sink.emit(fmt.value, result.to_dict(), view=panel_table, rows=lambda d: (panel_rows(d), PANEL_COLUMNS))
    if plot is not None:
        chosen = indicator or sorted({r.indicator for r in result.rows})
        sink.note(f"wrote {plot_panel(result, chosen, plot, book)}")


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="A folder of gold files (see tests/gold/README.md).")],
    root: Annotated[Path, typer.Option(help="Where gold files' report paths start.")] = Path("."),
    show: Annotated[bool, typer.Option("--show", help="List every miss and spurious mention on stderr.")] = False,
) -> None:
    """Precision and recall of each extractor against gold annotations."""
    if not gold.is_dir():
        raise ReportParseError(f"no such folder: {gold}")
    totals = evaluate(gold, root, show=sink.note if show else None)
    if not evaluated_files(totals):
        raise ReportParseError(f"no gold file in {gold} names a report found from {root.resolve()} (see --root)")
    sink.show(score_table(scores(totals)))


@rules_app.command("check")
def rules_check(
    folder: Annotated[Optional[Path], typer.Argument(help="A folder of rule files; the shipped rules without it.")] = None,
) -> None:
    """Validate rule files and run every example and counter-example they carry."""
    book = load_rules(folder)
    failures = check_examples(book)
    for failure in failures:
        sink.error(str(failure))
    total = sum(len(r.examples) + len(r.counter_examples) for r in book)
    sink.err.print(f"{sum(1 for _ in book)} rules, {total} examples, {len(failures)} failing")
    if failures:
        raise typer.Exit(1)
