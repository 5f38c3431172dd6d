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
