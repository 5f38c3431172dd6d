"""Compare years' stated weaknesses: which recur, which are new, which were dropped."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..api import default_rules
from ..model import Report, Warning
from ..rulebook import RuleBook
from ..schemas import series_shapes, shaped, shapes, to_builtins
from ..series import SameYearError, dated_series
from .similarity import vocabulary
from .threads import DEFAULT_THRESHOLD, Member, Thread, link

__all__ = ["compare", "Comparison", "DEFAULT_THRESHOLD", "SameYearError"]


@dataclass
class Comparison:
    reports: list[tuple[Report, int]]
    threads: list[Thread]
    warnings: list[Warning] = field(default_factory=list)
    explain: bool = False

    @property
    def years(self) -> list[int]:
        return [year for _, year in self.reports]

    def to_shape(self) -> series_shapes.CompareDocument:
        last = max(self.years) if self.years else 0
        return series_shapes.CompareDocument(
            schema=shapes.COMPARE_ID,
            reports=[series_shapes.ComparedReport(
                path=r.source.path, year=year,
                weaknesses=[shaped(w, series_shapes.ComparedWeakness) for w in r.weaknesses])
                for r, year in self.reports],
            threads=[t.to_shape(last, self.years, self.explain) for t in self.threads],
            warnings=[w.to_shape() for w in self.warnings])

    def to_dict(self) -> dict[str, Any]:
        """The compare document (``reportparse/compare/1``)."""
        return to_builtins(self.to_shape())


def compare(sources: Iterable[str | os.PathLike | Report], *, years: dict[str, int] | None = None,
            threshold: float = DEFAULT_THRESHOLD, allow_same_year: bool = False, rules: RuleBook | None = None,
            explain: bool = False) -> Comparison:
    """Parse each source (or take a parsed Report), order the reports by year and thread their weaknesses."""
    book = rules or default_rules()
    warnings: list[Warning] = []
    dated = dated_series(sources, book, years, allow_same_year)
    vocab = vocabulary(book)
    points: dict[int, list[Member]] = {}
    for index, (report, year) in enumerate(dated):
        if not report.weaknesses:
            warnings.append(Warning("no-weaknesses", f"{report.source.path or year}: no weakness passage found", None))
        key = year * 100 + index if allow_same_year else year  # same-year reports stay apart
        points.setdefault(key, []).extend(
            Member(year, report.source.path, w.text, w.start, w.end, w.theme, vocab.features(w.text, w.theme))
            for w in report.weaknesses)
    if len(dated) < 2:
        warnings.append(Warning("single-report", "one report alone gives no threads", None))
        return Comparison(dated, [], warnings, explain)
    also = book.setting("thread-also-link").number
    return Comparison(dated, link(points, threshold, also), warnings, explain)
