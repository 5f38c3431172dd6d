"""A series of reports in year order, the spine of every comparison across years."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from .api import parse
from .errors import ReportParseError
from .model import Report
from .rulebook import RuleBook


class SameYearError(ReportParseError):
    """Two reports of one year cannot be told apart in a series."""


def dated_series(sources: Iterable[str | os.PathLike | Report], book: RuleBook, years: dict[str, int] | None = None,
                 allow_same_year: bool = False) -> list[tuple[Report, int]]:
    """Each report with its year (an explicit ``years`` entry by path or file name, else the report's
    own year), sorted by year; two reports of one year are an error unless allowed."""
    dated = sorted((_dated(_report(s, book), years or {}) for s in sources), key=lambda pair: pair[1])
    seen = [year for _, year in dated]
    duplicates = sorted({y for y in seen if seen.count(y) > 1})
    if duplicates and not allow_same_year:
        names = [r.source.path or "-" for r, y in dated if y == duplicates[0]]
        raise SameYearError(f"two reports of {duplicates[0]}: {', '.join(names)} (give one another year with --year)")
    return dated


def _report(source, book: RuleBook) -> Report:
    return source if isinstance(source, Report) else parse(source, rules=book)


def _dated(report: Report, years: dict[str, int]) -> tuple[Report, int]:
    path = report.source.path
    for key in (path, Path(path).name if path else None):
        if key in years:
            return report, years[key]
    if report.year is None:
        raise ReportParseError(f"{path or 'report'}: no year in its text or file name (give it with --year)")
    return report, report.year
