"""Command bodies: load → call the library → render. Each command's help ends with one example."""

from __future__ import annotations

import os
from pathlib import Path

import typer

from ..api import default_rules
from ..batch import run_batch
from ..chains import chains
from ..chains.html import chains_html
from ..compare import DEFAULT_THRESHOLD, compare
from ..compare.html import comparison_html
from ..errors import ReportParseError
from ..evaluate import evaluate, evaluated_files, scores
from ..export import (CHAIN_COLUMNS, PANEL_COLUMNS, chain_rows, THREAD_COLUMNS, mention_rows, mentions_document, panel_rows, selected_kinds,
                      thread_rows, to_csv)
from ..outline import render_outline
from ..panel import panel
from ..panel.plot import plot_panel
from ..model import Report, Warning
from ..rulebook import RuleBook, load_rules
from ..selfcheck import check_examples
from ..view.html import report_html
from . import app, rules_app, sink
from .inputs import dated_reports, known_indicators, parse_year_options, within_years
from .options import (AllowSameYearOption, AnswerThresholdOption, BatchPathsArgument, ChainsFormatOption,
                      CompareFormat, CompareFormatOption, CsvFolderOption, CsvGuardOption, SinceOption, UntilOption,
                      DatabaseOption, ExplainOption, ForceWorkersOption, Format, FormatOption, GoldArgument,
                      GoldRootOption, HtmlOption,
                      IndicatorOption, OnlyOption, OutOption, PlotOption, ReportArgument, ReportsArgument,
                      ResumeOption, RulesFolderArgument, RulesOption, ShowMissesOption, SpacyOption, StrictOption,
                      TableFormat, TableFormatOption, ThresholdOption, VersionOption, WorkersOption, YearOption,
                      OcrCacheOption, OcrChoice, OcrOption, TimeoutOption)
from .output import STDOUT, is_stdout
from .reading import all_reports, read_report, read_reports
from .progress import batch_progress, summary_table
from .render import chain_table, mention_table, outline_tree, panel_table, score_table, side_by_side_table, thread_table


def _example(command_line: str) -> str:
    return f"Example: {command_line}"


@app.callback(epilog=_example("reportparse parse report.txt --format json"))
def root(version: VersionOption = False) -> None:  # --version is answered by its own eager callback
    """Turn Chinese work reports into structured data."""


@app.command("parse", epilog=_example("reportparse parse report.txt --format json > report.json"))
def parse_command(report: ReportArgument, fmt: FormatOption = Format.rich, rules: RulesOption = None,
                  ocr: OcrOption = OcrChoice.auto) -> None:
    """Parse a report and print its outline (or the JSON document; a list of them for a compilation)."""
    results = read_reports(report, ocr, sink, load_rules(rules) if rules else None)
    for result in results:
        which = f"report {result.source.part['number']}: " if result.source.part else ""
        for warning in result.warnings:
            where = f" (at {warning.start})" if warning.start is not None else ""
            sink.warn(f"{which}{warning.code}: {warning.message}{where}")
    if fmt is Format.json:
        sink.json([r.to_dict() for r in results] if len(results) > 1 else results[0].to_dict())
        return
    for result in results:
        if result.source.part:
            part = result.source.part
            sink.text(f"# report {part['number']} of {part['count']} (characters {part['start']}–{part['end']})")
        if fmt is Format.outline:
            sink.text(render_outline(result))
        else:
            sink.show(outline_tree(result))


@app.command("extract", epilog=_example("reportparse extract report.txt --only quantities --format csv"))
def extract_command(report: ReportArgument, only: OnlyOption = None, fmt: TableFormatOption = TableFormat.rich,
                    rules: RulesOption = None, ocr: OcrOption = OcrChoice.auto, csv_guard: CsvGuardOption = True) -> None:
    """Print what a report states: quantities, meetings, documents, weaknesses, plans."""
    try:
        kinds = selected_kinds(only)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--only") from None
    result = read_report(report, ocr, sink, load_rules(rules) if rules else None, only=kinds)
    if fmt is TableFormat.json:
        sink.json(mentions_document(result, kinds))
    elif fmt is TableFormat.csv:
        sink.text(to_csv(mention_rows(result, kinds), guard=csv_guard).rstrip("\n"))
    else:
        for kind in kinds:
            sink.show(mention_table(result, kind))


@app.command("compare", epilog=_example("reportparse compare reports/ --explain --format html > threads.html"))
def compare_command(
    reports: ReportsArgument,
    year: YearOption = None,
    allow_same_year: AllowSameYearOption = False,
    threshold: ThresholdOption = DEFAULT_THRESHOLD,
    explain: ExplainOption = False,
    strict: StrictOption = False,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: CompareFormatOption = CompareFormat.rich,
    rules: RulesOption = None,
    ocr: OcrOption = OcrChoice.auto,
) -> None:
    r"""Link the same weakness across years: recurring, new, dropped (each report of a compilation apart).
    Needs the \[compare] extra."""
    book, years, parsed = _series(reports, year, strict, since, until, rules, ocr)
    result = compare(parsed, years=years, threshold=threshold, allow_same_year=allow_same_year,
                     rules=book, explain=explain)
    _warn_all(result.warnings)
    sink.emit(fmt.value, result.to_dict(), view=lambda d: thread_table(d, explain),
              rows=lambda d: (thread_rows(d), THREAD_COLUMNS), page=comparison_html)


@app.command("chains", epilog=_example("reportparse chains reports/ --explain --format html > chains.html"))
def chains_command(
    reports: ReportsArgument,
    year: YearOption = None,
    threshold: AnswerThresholdOption = None,
    explain: ExplainOption = False,
    strict: StrictOption = False,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: ChainsFormatOption = CompareFormat.rich,
    rules: RulesOption = None,
    ocr: OcrOption = OcrChoice.auto,
) -> None:
    r"""Each weakness, the points of the next report that answer it (its plans; in a duty series its account of
    last year's rectification), and whether it recurs. Needs the \[compare] extra."""
    book, years, parsed = _series(reports, year, strict, since, until, rules, ocr)
    result = chains(parsed, years=years, threshold=threshold, rules=book, explain=explain)
    _warn_all(result.warnings)
    sink.emit(fmt.value, result.to_dict(), view=lambda d: chain_table(d, explain),
              rows=lambda d: (chain_rows(d), CHAIN_COLUMNS), page=chains_html)


def _series(reports: list[str], year: list[str] | None, strict: bool, since: int | None, until: int | None,
            rules: Path | None, ocr: OcrChoice) -> tuple[RuleBook | None, dict[str, int], list[Report]]:
    """The rules, the --year overrides and the dated reports of a command over a series."""
    book = load_rules(rules) if rules else None
    years = parse_year_options(year)
    parsed = dated_reports(reports, years, lambda path: read_reports(path, ocr, sink, book), strict=strict,
                           warn=sink.warn)
    return book, years, within_years(parsed, years, since, until)


def _warn_all(warnings: list[Warning]) -> None:
    for warning in warnings:
        sink.warn(warning.message)


@app.command("batch", epilog=_example("reportparse batch archive/ --out results.jsonl --db results.sqlite"))
def batch_command(
    paths: BatchPathsArgument,
    out: OutOption,
    workers: WorkersOption = None,
    resume: ResumeOption = False,
    db: DatabaseOption = None,
    csv_dir: CsvFolderOption = None,
    timeout: TimeoutOption = None,
    rules: RulesOption = None,
    ocr: OcrOption = OcrChoice.auto,
    cache: OcrCacheOption = None,
    force_workers: ForceWorkersOption = False,
    csv_guard: CsvGuardOption = True,
) -> None:
    """Parse every report in folders and globs into JSONL (and SQLite, CSV); one line per report (a compilation
    gives one per report it holds, an unreadable input one error line)."""
    with batch_progress(sink.err) as on_record:
        summary = run_batch(paths, str(out), workers=workers or os.cpu_count() or 1, resume=resume,
                            db=str(db) if db else None, csv_dir=str(csv_dir) if csv_dir else None,
                            rules_dir=str(rules) if rules else None, timeout=timeout, on_record=on_record,
                            ocr=ocr.value, ocr_cache=str(cache) if cache else None, force_workers=force_workers,
                            csv_guard=csv_guard)
    sink.note(summary_table(summary))
    if summary.failures:
        raise typer.Exit(1)


@app.command("show", epilog=_example("reportparse show report.txt --html view.html"))
def show_command(report: ReportArgument, html: HtmlOption = None, rules: RulesOption = None,
                 ocr: OcrOption = OcrChoice.auto) -> None:
    """An HTML view: the outline beside the text, every mention highlighted."""
    if html is None and sink.stdout_is_terminal():  # a page of HTML is no use on a screen
        if report != "-" and not os.path.isfile(report):
            raise ReportParseError(f"no such file: {report}")
        suggested = os.path.splitext(os.path.basename(report))[0] + ".html" if report != "-" else "report.html"
        sink.note(f"give --html {suggested} to write the view (or redirect: > {suggested})")
        return
    result = read_report(report, ocr, sink, load_rules(rules) if rules else None)
    target = html or Path(STDOUT)
    sink.write_text(target, report_html(result))
    if not is_stdout(target):
        sink.note(f"wrote {target}")


@app.command("export", epilog=_example("reportparse export reports/ --spacy reports.spacy"))
def export_command(reports: ReportsArgument, spacy: SpacyOption, rules: RulesOption = None,
                   ocr: OcrOption = OcrChoice.auto) -> None:
    r"""Export reports with their mentions as spaCy training data (a DocBin). Needs the \[spacy] extra."""
    from ..spacy_export import build_docbin

    sink.refuse_binary_on_terminal(spacy)
    book = load_rules(rules) if rules else default_rules()
    parsed = all_reports(reports, ocr, sink, book)
    docbin, counts = build_docbin(parsed, book)
    sink.write_bytes(spacy, docbin.to_bytes())
    if counts.expanded:
        sink.warn(f"{counts.expanded} of {counts.spans} spans did not fall on token boundaries and were widened")
    sink.note(f"wrote {counts.docs} docs to {'standard output' if is_stdout(spacy) else spacy}")


@app.command("panel", epilog=_example("reportparse panel reports/ --indicator 国内生产总值 --plot gdp.png"))
def panel_command(
    reports: ReportsArgument,
    indicator: IndicatorOption = None,
    year: YearOption = None,
    plot: PlotOption = None,
    fmt: TableFormatOption = TableFormat.rich,
    rules: RulesOption = None,
    ocr: OcrOption = OcrChoice.auto,
) -> None:
    r"""Each year's targets beside the outcome the next report states: met, missed, exceeded (--plot: \[plot])."""
    book = load_rules(rules) if rules else default_rules()
    indicators = known_indicators(indicator, book)
    parsed = all_reports(reports, ocr, sink, book)
    result = panel(parsed, indicators=indicators, years=parse_year_options(year), rules=book)
    if plot is not None:  # drawn first: a missing [plot] extra fails the command before any output
        drawn = indicators or sorted({r.indicator for r in result.rows})
        sink.note(f"wrote {plot_panel(result, drawn, plot, book)}")
    for warning in result.warnings:
        sink.warn(warning.message)
    sink.emit(fmt.value, result.to_dict(), view=panel_table, rows=lambda d: (panel_rows(d), PANEL_COLUMNS))


@app.command("eval", epilog=_example("reportparse eval tests/gold/unseen/dev tests/gold/unseen/test5 --show"))
def eval_command(gold: GoldArgument, root: GoldRootOption = Path("."), show: ShowMissesOption = False) -> None:
    """Precision and recall of each extractor against gold annotations."""
    for folder in gold:
        if not folder.is_dir():
            raise ReportParseError(f"no such folder: {folder}")
    columns = {}
    for folder in gold:
        totals = evaluate(folder, root, show=sink.note if show else None)
        if not evaluated_files(totals):
            raise ReportParseError(f"no gold file in {folder} names a report found from {root.resolve()} (see --root)")
        # a column is named by its folder (dev, test5); folders of one name keep their paths apart
        name = folder.resolve().name
        label = name if sum(f.resolve().name == name for f in gold) == 1 else str(folder.resolve())
        if label in columns:
            raise ReportParseError(f"{folder} is named twice")
        columns[label] = scores(totals)
    sink.show(score_table(*columns.values()) if len(columns) == 1 else side_by_side_table(columns))


@rules_app.command("check", epilog=_example("reportparse rules check my-rules/"))
def rules_check(folder: RulesFolderArgument = None) -> None:
    """Validate rule files and run every example and counter-example they carry."""
    book = load_rules(folder)
    failures = check_examples(book)
    for failure in failures:
        sink.error(str(failure))
    total = sum(len(r.examples) + len(r.counter_examples) for r in book)
    sink.note(f"{sum(1 for _ in book)} rules, {total} examples, {len(failures)} failing")
    if failures:
        raise typer.Exit(1)
