"""The declared shape of the documents over a series of reports: compare and panel."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from msgspec import UNSET, UnsetType

from .shapes import Number, Warning


@dataclass(kw_only=True, slots=True)
class ComparedWeakness:
    text: str
    theme: str | None
    start: int
    end: int


@dataclass(kw_only=True, slots=True)
class ComparedReport:
    """A report of the series, with the weakness points that were threaded."""

    path: str | None
    year: int
    weaknesses: list[ComparedWeakness]


@dataclass(kw_only=True, slots=True)
class ThreadMember:
    """A year's point in a thread; score is how alike it is to the thread (1.0 for the first member)."""

    year: int
    path: str | None
    text: str
    start: int
    end: int
    score: float
    also: bool = False  # the point joined this thread besides the one it is most like (it names two problems)
    shared_words: list[str] | UnsetType = UNSET  # only with --explain


@dataclass(kw_only=True, slots=True)
class Thread:
    """One weakness followed across years."""

    label: str
    theme: str | None
    years: list[int]
    status: Literal["recurring", "new", "dropped", "once"]
    running: int
    members: list[ThreadMember]


@dataclass(kw_only=True, slots=True)
class CompareDocument:
    """Which weaknesses recur across years, which are new, which were dropped."""

    schema: Literal["reportparse/compare/1"]
    reports: list[ComparedReport]
    threads: list[Thread]
    warnings: list[Warning]


@dataclass(kw_only=True, slots=True)
class Figure:
    """A target or outcome figure; report names the report that states it."""

    text: str
    value: Number | None
    value_max: Number | None
    unit: str | None
    qualifier: str | None
    path: str | None
    start: int
    end: int
    report: str | None


@dataclass(kw_only=True, slots=True)
class PanelRow:
    """One indicator in one year: the target set for it beside the outcome later stated."""

    indicator: str
    year: int
    target: Figure | None
    outcome: Figure | None
    verdict: Literal["met", "missed", "exceeded", "unknown"]


@dataclass(kw_only=True, slots=True)
class PanelDocument:
    """Each year's targets beside the outcome the next report states."""

    schema: Literal["reportparse/panel/1"]
    panel: list[PanelRow]
    warnings: list[Warning]


@dataclass(kw_only=True, slots=True)
class ChainPoint:
    """A weakness, or a point of the next report that answers it."""

    year: int
    path: str | None
    text: str
    start: int
    end: int
    theme: str | None
    label: str


@dataclass(kw_only=True, slots=True)
class ChainAnswer(ChainPoint):
    """A plan point (kind plan) or a point of a passage on last year's rectification (kind rectification) of
    the next report, with how alike it is to the weakness."""

    kind: Literal["plan", "rectification"]
    score: float
    shared_words: list[str] | UnsetType = UNSET  # only with --explain


@dataclass(kw_only=True, slots=True)
class Chain:
    """A weakness of year N, what the next report (answered_by) set against it, and whether it came back."""

    weakness: ChainPoint
    answered_by: int
    answers: list[ChainAnswer]
    recurs_in: list[int]
    status: Literal["answered-resolved", "answered-recurring", "unanswered-recurring", "unanswered-dropped"]


@dataclass(kw_only=True, slots=True)
class ChainedReport:
    path: str | None
    year: int
    weaknesses: int
    answers: int  # plan and rectification points


@dataclass(kw_only=True, slots=True)
class ChainsDocument:
    """Each weakness, the points of the next report that answer it, and whether it recurs."""

    schema: Literal["reportparse/chains/1"]
    reports: list[ChainedReport]
    chains: list[Chain]
    warnings: list[Warning]
