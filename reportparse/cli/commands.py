"""Command bodies: load → call the library → render."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..api import parse
from ..outline import render_outline
from ..rulebook import load_rules
from ..selfcheck import check_examples
from . import app, rules_app, sink
from .options import Format, FormatOption, ReportArgument, RulesOption
from .render import outline_tree


@app.command("parse")
def parse_command(report: ReportArgument, fmt: FormatOption = Format.rich, rules: RulesOption = None) -> None:
    """Parse a report and print its outline (or the JSON document)."""
    result = parse(report, rules=load_rules(rules) if rules else None)
    for warning in result.warnings:
        sink.warn(f"{warning.code}: {warning.message} (at {warning.start})")
    if fmt is Format.json:
        sink.json(result.to_dict())
    elif fmt is Format.outline:
        sink.text(render_outline(result))
    else:
        sink.show(outline_tree(result))


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
