"""The points of a report that can answer last year's weaknesses: its plan points, and the points of a
passage on last year's rectification (上年度…问题整改情况, the `rectification` passages of
rules/passages.toml), found on a section title or at the start of a paragraph.

Each point carries the text it is read by (``body_start``/``body_end``). In the genres whose plan points are
headings (government and congress reports, 工作要点) a heading answers by what its subsection commits to, so
the point is the heading's title and its body the subsection, up to the first line that opens the report's
late blocks (各位代表！ before the government's own conduct, defence, diplomacy: the `plan-body-end`
grammar). The headings are those of the sections whose role is plans: their subsections; where a plan
section has none, its items that open a paragraph (第一，…), else its own title (older reports, and years
whose tasks are the top-level sections). Subsections numbered in their parent's own style are a list in
its body (the outline nests them so), not subsections. A section that sets out the year's overall
requirements (`plan-overview`: 总体要求和政策取向, 总体部署) is no task, and neither are the subsection-less
plan sections of a report whose tasks are subsections. Elsewhere a point is read by its own text.

A rectification passage's points are its outermost items (一是…, 1.…), else its sentences.

Cost: O(n log n) in the text: the nodes are walked once, items sorted once and found by bisection; each
body is read once to find where it ends.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from ..extract.themes import theme_of
from ..model import Node, Report
from ..profile import genre_rule
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
    body_start: int = -1  # the text the point is read by: its subsection for a heading, else itself
    body_end: int = -1

    def body(self, text: str) -> str:
        return text[self.body_start:self.body_end] if self.body_start >= 0 else self.text


def answer_points(report: Report, book: RuleBook) -> list[AnswerPoint]:
    """The report's plan points, then its rectification points, each in text order."""
    rule = genre_rule(report.genre, book)
    if rule is not None and rule.plan_points == "headings":
        plans = heading_points(report, book)
    else:
        plans = [AnswerPoint("plan", p.text, p.start, p.end, p.theme) for p in report.plans]
    return plans + rectification_points(report, book)


def heading_points(report: Report, book: RuleBook) -> list[AnswerPoint]:
    """The plan headings, each with its subsection as its body (see the module's docstring)."""
    text = report.text
    overview, body_end = book.grammar("plan-overview"), book.grammar("plan-body-end")
    sections = [s for s in _plan_sections(report.sections)
                if not ((span := s.title_span) and overview.search(text[span[0]:span[1]]))]
    tasks_are_subsections = any(_subsections(s) for s in sections)
    points = []
    for section in sections:
        if tasks_are_subsections and not _subsections(section):
            continue
        for node in _headings(text, section):
            span = node.title_span
            assert span is not None  # _headings gives titled nodes only
            title = text[span[0]:span[1]]
            points.append(AnswerPoint("plan", title, span[0], span[1], theme_of(title, book),
                                      node.start, _body_end(text, node, body_end)))
    return sorted(points, key=lambda p: p.start)


def _plan_sections(nodes: list[Node]) -> list[Node]:
    """The outermost sections whose role is plans."""
    found = []
    for node in nodes:
        if node.kind != "section":
            continue
        if node.role == "plans":
            found.append(node)
        else:
            found += _plan_sections(node.children)
    return found


def _subsections(section: Node) -> list[Node]:
    """Its titled subsections, unless they are numbered in its own style (a list in its body)."""
    found = [c for c in section.children if c.kind == "section" and c.title_span]
    return [] if all(c.style == section.style for c in found) else found


def _headings(text: str, section: Node) -> list[Node]:
    subsections = _subsections(section)
    if subsections:
        return [heading for child in subsections for heading in _headings(text, child)]
    items = [c for c in section.children if c.kind == "item" and c.title_span and _opens_paragraph(text, c.start)]
    return items or ([section] if section.title_span else [])


def _opens_paragraph(text: str, offset: int) -> bool:
    """Only blanks stand between the line's start and ``offset`` (read back over blanks alone: reading the
    line from its start cost each item of a long paragraph the whole line)."""
    at = offset
    while at > 0 and text[at - 1] != "\n" and text[at - 1].isspace():
        at -= 1
    return at == 0 or text[at - 1] == "\n"


def _body_end(text: str, node: Node, end: Pattern) -> int:
    """Where the node's body ends: at its end, or at the first line after its title that `end` matches."""
    begin = node.title_end if node.title_end is not None else node.start
    body = text[begin:node.end]
    for line in split_lines(body):
        if not line.blank and end.match(body[line.content:line.end]):
            return begin + line.start
    return node.end


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
