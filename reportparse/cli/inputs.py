"""Turning command-line arguments into inputs: folders into files, FILE=YEAR into a mapping, reports to
compare into parsed reports, indicator names into known ones."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import typer

from ..batch.walk import input_paths as expand_paths  # noqa: F401  (one walk for every command)
from ..errors import ReportParseError
from ..model import Report
from ..rulebook import IndicatorRule, RuleBook


def parse_year_options(values: list[str] | None) -> dict[str, int]:
    years = {}
    for value in values or []:
        name, sep, year = value.rpartition("=")
        if not sep or not name or not year.isdigit():
            raise typer.BadParameter(f"expected FILE=YEAR, got {value!r}", param_hint="--year")
        years[name] = int(year)
    return years


def dated_reports(arguments: list[str], years: dict[str, int], read: Callable[[str], list[Report]], *,
                  strict: bool, warn: Callable[[str], None]) -> list[Report]:
    """Every report the arguments name (each report of a compilation apart, as ``read`` gives them) that has
    a year (from its text, file name or ``years``); one that cannot be read or dated is skipped with a
    warning, or fails the command when ``strict``."""
    parsed = []
    for path in expand_paths(arguments):
        try:
            for report in read(path):
                if report.year is None and path not in years and Path(path).name not in years:
                    raise ReportParseError(f"{path}: no year in its text or file name (give it with --year)")
                parsed.append(report)
        except ReportParseError as exc:
            if strict:
                raise
            warn(f"skipped: {exc}")
    if not parsed:
        raise ReportParseError("no report to compare")
    return parsed


def within_years(reports: list[Report], years: dict[str, int], since: int | None,
                 until: int | None) -> list[Report]:
    """The reports whose year (given with --year, else their own) lies in [since, until]."""
    def year_of(report: Report) -> int | None:
        path = report.source.path or ""
        return years.get(path, years.get(Path(path).name, report.year))

    kept = [r for r in reports if (since is None or (year_of(r) or 0) >= since)
            and (until is None or (year_of(r) or 0) <= until)]
    if not kept:
        raise ReportParseError(f"no report between {since or 'the first'} and {until or 'the last'}")
    return kept


def known_indicators(names: list[str] | None, book: RuleBook) -> list[str] | None:
    """``names`` when the rules define each of them; a usage error naming the first unknown one."""
    known = [r.name for r in book.of(IndicatorRule)]
    unknown = [name for name in names or () if name not in known]
    if unknown:
        raise typer.BadParameter(f"unknown indicator {unknown[0]!r} (known: {', '.join(known)})",
                                 param_hint="--indicator")
    return names
