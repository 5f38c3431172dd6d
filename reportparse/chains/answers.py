"""The points of a report that can answer last year's weaknesses: its plan points, and the points of a
passage on last year's rectification (上年度…问题整改情况, the `rectification` passages of
rules/passages.toml), found on a section title or at the start of a paragraph.

A rectification passage's points are its outermost items (一是…, 1.…), else its sentences.

Cost: O(n log n) in the text: the nodes are walked once, items sorted once and found by bisection.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..model import Node, Report
from ..punctuation import SENTENCE_ENDS
from ..rulebook import PassageRule, Pattern, RuleBook
from ..text import split_lines

MIN_POINT = 4  # characters: shorter sentences are connectives, not points


@dataclass(frozen=True)
class AnswerPoint:
    kind: str  # plan | rectification
    text: str
    start: int
    end: int
    theme: str | None


def answer_points(report: Report, book: RuleBook) -> list[AnswerPoint]:
    """The report's plan points, then its rectification points, each in text order."""
    plans = [AnswerPoint("plan", p.text, p.start, p.end, p.theme) for p in report.plans]
    return plans + rectification_points(report, book)


def rectification_points(report: Report, book: RuleBook) -> list[AnswerPoint]:
    cues = [r.pattern for r in book.of(PassageRule) if r.role == "rectification"]
    if not cues:
        return []
    text = report.text
    nodes = [n for n in report.walk()]
    items = sorted((n for n in nodes if n.kind == "item"), key=lambda n: n.start)
    starts = [n.start for n in items]
    spans = [(n.title_end, n.end) for n in nodes if n.kind == "section" and n.title_end is not None
             and _cued(text[n.title_start or n.start:n.title_end], cues)]
    spans += [(line.content, line.end) for line in split_lines(text)
              if not line.blank and not _inside(line.content, spans) and _cued(text[line.content:line.end], cues)]
    points: list[AnswerPoint] = []
    for start, end in sorted(spans):
        inside = _outermost(items[bisect_left(starts, start):bisect_left(starts, end)], end)
        pieces = [(n.start, n.end) for n in inside] or _sentences(text, start, end)
        for s, e in pieces:
            s, e = _trimmed(text, s, e)
            if e - s >= MIN_POINT and not _cued(text[s:e], cues):  # the cue sentence introduces, it answers nothing
                points.append(AnswerPoint("rectification", text[s:e], s, e, None))
    return points


def _cued(text: str, cues: list[Pattern]) -> bool:
    return any(p.search(text) for p in cues)


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)  # a report has one or two such sections


def _outermost(items: list[Node], end: int) -> list[Node]:
    """Items that end inside the passage and lie in no other (items come sorted by start)."""
    chosen: list[Node] = []
    reach = -1
    for item in items:
        if item.end <= end + 1 and item.end > reach:
            chosen.append(item)
            reach = item.end
    return chosen


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, begin = [], start
    for i in range(start, end):
        if text[i] in SENTENCE_ENDS or text[i] == "\n":
            pieces.append((begin, i + 1))
            begin = i + 1
    if begin < end:
        pieces.append((begin, end))
    return pieces


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
