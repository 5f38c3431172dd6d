"""The indicator panel: what each report set as a target, and what the next one said was achieved.

A target comes from the paragraph that states the year's targets (主要预期目标是：…); an outcome from the
report's review section. A government work report of year Y sets Y's targets and reviews Y-1; other
genres review their own year. Indicators are matched across years through `rules/indicators.toml`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Iterable

import regex

from ..api import default_rules
from ..extract.mentions import Quantity
from ..extract.numbers import to_json
from ..model import Report, Warning
from ..rulebook import IndicatorRule, PassageRule, Pattern, RuleBook
from ..punctuation import INTRODUCING_COLONS, STATEMENT_ENDS
from ..schemas import series_shapes, shapes, to_builtins
from ..series import dated_series
from ..text import split_lines
from .verdict import direction_of, tolerance_for, verdict

__all__ = ["panel", "Panel", "Row"]
GOVERNMENT = "政府工作报告"
MULTI_YEAR_WINDOW = 40
CEILING_REACH = 4  # characters before a target figure where a ceiling word (控制在) may end


@dataclass
class Figure:
    quantity: Quantity
    report: str | None
    direction: str | None = None  # a target's: at-least, at-most, about (from its qualifier or a ceiling word)

    def to_shape(self) -> series_shapes.Figure:
        q = self.quantity
        return series_shapes.Figure(text=q.text, value=to_json(q.value), value_max=to_json(q.value_max), unit=q.unit,
                                    qualifier=q.qualifier, path=q.path, start=q.start, end=q.end, report=self.report)


@dataclass
class Row:
    indicator: str
    year: int
    target: Figure | None
    outcome: Figure | None
    verdict: str

    def to_shape(self) -> series_shapes.PanelRow:
        return series_shapes.PanelRow(
            indicator=self.indicator, year=self.year, target=self.target.to_shape() if self.target else None,
            outcome=self.outcome.to_shape() if self.outcome else None,
            verdict=self.verdict)  # type: ignore[arg-type]  # one of the four: see verdict()

    def to_dict(self) -> dict[str, Any]:
        return to_builtins(self.to_shape())


@dataclass
class Panel:
    rows: list[Row]
    warnings: list[Warning] = field(default_factory=list)

    def to_shape(self) -> series_shapes.PanelDocument:
        return series_shapes.PanelDocument(schema=shapes.PANEL_ID, panel=[r.to_shape() for r in self.rows],
                                           warnings=[w.to_shape() for w in self.warnings])

    def to_dict(self) -> dict[str, Any]:
        """The panel document (``reportparse/panel/1``)."""
        return to_builtins(self.to_shape())


def panel(sources: Iterable[str | os.PathLike | Report], *, indicators: Iterable[str] | None = None,
          years: dict[str, int] | None = None, rules: RuleBook | None = None) -> Panel:
    book = rules or default_rules()
    wanted = set(indicators or ())
    # every indicator competes for a figure, so that one left out is not mistaken for one asked for
    rules_by_name = {r.name: r for r in book.of(IndicatorRule)}
    warnings: list[Warning] = []
    targets: dict[tuple[str, int], list[Figure]] = {}
    outcomes: dict[tuple[str, int], Figure] = {}
    for report, year in dated_series(sources, book, years, allow_same_year=False):
        found_targets = _targets(report, book, rules_by_name)
        if not found_targets:
            warnings.append(Warning("no-targets", f"{report.source.path or year}: no targets part; outcomes only", None))
        for name, figure in found_targets:
            same = targets.setdefault((name, year), [])
            if same:
                warnings.append(Warning("repeated-target", f"{report.source.path or year}: {name} is targeted "
                                        f"twice ({same[0].quantity.text}, {figure.quantity.text}); both kept", None))
            same.append(figure)
        reviewed = year - 1 if report.genre == GOVERNMENT else year
        for name, figure in _outcomes(report, rules_by_name, book):
            outcomes.setdefault((name, reviewed), figure)
    rows = []
    keys = {k for k in set(targets) | set(outcomes) if not wanted or k[0] in wanted}
    for name, year in sorted(keys, key=lambda k: (list(rules_by_name).index(k[0]), k[1])):
        outcome = outcomes.get((name, year))
        candidates: list[Figure | None] = [*targets.get((name, year), [])] or [None]
        for target in candidates:
            rows.append(Row(name, year, target, outcome, _judge(rules_by_name[name], target, outcome, book)))
    return Panel(rows, warnings)


def _judge(rule: IndicatorRule, target: Figure | None, outcome: Figure | None, book: RuleBook) -> str:
    if target is None or outcome is None:
        return "unknown"
    t, o = target.quantity, outcome.quantity
    if t.redacted or o.redacted or t.unit != o.unit:
        return "unknown"
    if t.value is None:
        return "unknown"
    return verdict(t.value, t.value_max, target.direction, o.value, tolerance_for(rule.tolerance, t.value))


def indicator_of(quantity: Quantity, rules: dict[str, IndicatorRule]) -> str | None:
    """The indicator whose alias covers most of the quantity's indicator words: 单位国内生产总值能耗
    is energy intensity, not GDP, though it holds 国内生产总值."""
    if quantity.type != "measure" or not quantity.indicator:
        return None
    best, best_length = None, 0
    for name, rule in rules.items():
        if quantity.unit not in rule.units:
            continue
        for pattern in rule.aliases:
            m = pattern.search(quantity.indicator)
            if m and len(m.group()) > best_length:
                best, best_length = name, len(m.group())
    return best


def _targets(report: Report, book: RuleBook, rules: dict[str, IndicatorRule]) -> list[tuple[str, Figure]]:
    multi_year = book.grammar("multi-year")
    spans = target_spans(report.text, book)
    ceilings = book.words("target-ceilings")
    found = []
    for quantity in report.quantities:
        if (_in_spans(quantity.start, spans) and (name := indicator_of(quantity, rules))
                and not _over_years(report.text, quantity, multi_year)):  # 十五期间年均增长7%: a five-year target
            before = report.text[max(0, quantity.start - CEILING_REACH):quantity.start]
            direction = direction_of(quantity.qualifier, book) or (
                "at-most" if any(before.endswith(word) for word in ceilings) else None)
            found.append((name, Figure(quantity, report.source.path, direction)))
    return found


def target_spans(text: str, book: RuleBook) -> list[tuple[int, int]]:
    """Where a year's targets are stated: from a target cue to the end of its line, and the next line
    with text when the cue's line ends on a colon (今年经济社会发展的主要预期目标是：⏎⏎　　国内生产总值增长8％左右；…).
    Figures before the cue on its line are last year's (去年增长7.8％，今年的经济增长预期为7％左右)."""
    cues = [r.pattern for r in book.of(PassageRule) if r.role == "targets"]
    lines = [line for line in split_lines(text) if not line.blank]
    spans = []
    for i, line in enumerate(lines):
        starts = [m.start() for p in cues if (m := p.search(text, line.content, line.end))]
        if not starts:
            continue
        spans.append((min(starts), line.end))
        if text[line.end - 1] in INTRODUCING_COLONS and i + 1 < len(lines):
            spans.append((lines[i + 1].content, lines[i + 1].end))
    return spans


def _in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)  # a report states its targets in a line or two


def _outcomes(report: Report, rules: dict[str, IndicatorRule], book: RuleBook) -> list[tuple[str, Figure]]:
    multi_year = book.grammar("multi-year")
    reviews = [n for n in report.sections if n.kind == "section" and n.role == "review"]
    found = []
    for quantity in report.quantities:
        if not any(r.start <= quantity.start < r.end for r in reviews) or _over_years(report.text, quantity, multi_year):
            continue
        if name := indicator_of(quantity, rules):
            found.append((name, Figure(quantity, report.source.path)))
    return found


def _over_years(text: str, quantity: Quantity, multi_year: Pattern) -> bool:
    """A figure for several years (五年累计, 年均增长, or any figure of a paragraph that opens on the
    past five years) is not the past year's outcome."""
    sentence_start = max(text.rfind(stop, 0, quantity.start) for stop in STATEMENT_ENDS + "\n") + 1
    if multi_year.search(text, max(sentence_start, quantity.start - MULTI_YEAR_WINDOW), quantity.start):
        return True
    paragraph_start = text.rfind("\n", 0, quantity.start) + 1
    return bool(multi_year.search(text, paragraph_start, min(quantity.start, paragraph_start + MULTI_YEAR_WINDOW)))
