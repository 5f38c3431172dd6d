"""Where a report's body text lies, for the points extractor: its paragraphs (heading titles and page noise
left out), items and sections indexed for bisection, and the sentences of a stretch of text.

Cost: building each index sorts once, O(n log n); a question about a span bisects, O(log n) plus what it
returns.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

from ..model import Node
from ..punctuation import INDENT_CHARS, PARAGRAPH_ENDS, SENTENCE_ENDS, TITLE_COLONS, TITLE_FULL_STOP
from ..spans import Coverage
from ..text import skip_indent, split_lines

_NON_BLANK = re.compile(r"\S")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def outermost(sections) -> list[Node]:
    """Sections not inside another. In (start, -end) order every section chosen before starts at or
    before this one, so it is inside one of them exactly when the furthest end so far reaches its end."""
    chosen: list[Node] = []
    reach = -1
    for node in sorted(sections, key=lambda n: (n.start, -n.end)):
        if node.end > reach:
            chosen.append(node)
            reach = node.end
    return chosen


class Lines:
    """The body lines in text order (they do not overlap), with the ones a span touches found by bisection."""

    def __init__(self, spans: list[Span], headed: frozenset[int] = frozenset()):
        self.spans = spans
        self.ends = [s.end for s in spans]
        self.headed = headed  # the starts of the lines a heading stands before (its body, or the line after it)

    def __iter__(self):
        return iter(self.spans)

    def touching(self, span: Span) -> list[Span]:
        """The lines with line.end > span.start and line.start < span.end."""
        first = bisect_right(self.ends, span.start)
        last = first
        while last < len(self.spans) and self.spans[last].start < span.end:
            last += 1
        return self.spans[first:last]


class Items:
    """Item nodes sorted by start, with those inside a span found by bisection."""

    def __init__(self, nodes: list[Node]):
        self.nodes = nodes
        self.starts = [n.start for n in nodes]

    def outermost_inside(self, passage: Span) -> list[Node]:
        """The items that lie in the passage (their end may run one past it) and in no other such item;
        two items of the same span hold each other, and both are left out."""
        lo, hi = bisect_left(self.starts, passage.start), bisect_right(self.starts, passage.end + 1)
        inside = [it for it in self.nodes[lo:hi] if it.end <= passage.end + 1]
        twice = {span for span, count in Counter((it.start, it.end) for it in inside).items() if count > 1}
        top, reach = [], -1
        for it in sorted(inside, key=lambda n: (n.start, -n.end)):
            if it.end > reach and (it.start, it.end) not in twice:
                top.append(it)
            reach = max(reach, it.end)
        return top


def body_lines(text: str, nodes: list[Node]) -> Lines:
    """Paragraphs of report text, heading titles and page noise left out. A line that stops
    mid-sentence runs on into the next (scraped pages break paragraphs: 经⏎济金融风险)."""
    noise = Coverage((n.start, n.end) for n in nodes if n.kind == "noise")
    heading_lines = {n.start: n for n in nodes if n.kind == "section"}
    spans: list[Span] = []
    headed: set[int] = set()
    after_heading = False  # a heading between two lines ends the paragraph, however the one before it ends
    for line in split_lines(text):
        if line.blank or noise.covers(line.content):
            continue
        start, heading = line.content, heading_lines.get(line.start)
        if heading is not None and heading.title_end is not None:
            start = heading.title_end + (text[heading.title_end:heading.title_end + 1] in TITLE_FULL_STOP + TITLE_COLONS)
        start = skip_indent(text, start, line.end)
        if start >= line.end:
            after_heading = after_heading or heading is not None
            continue
        if spans and heading is None and not after_heading and text[spans[-1].end - 1] not in PARAGRAPH_ENDS:
            spans[-1] = Span(spans[-1].start, line.end)
        else:
            spans.append(Span(start, line.end))
            if heading is not None or after_heading:
                headed.add(start)
        after_heading = False
    return Lines(spans, frozenset(headed))


class Headed:
    """Sections by start, each with its parent's subsections, to find the headings a cue introduces."""

    def __init__(self, top: list[Node], nodes: list[Node]):
        self.sections: list[Node] = []
        self.siblings: dict[int, tuple[list[Node], int]] = {}  # a section's parent's subsections, and its place
        for node in nodes:
            subs = [c for c in node.children if c.kind == "section"]
            for place, sub in enumerate(subs):
                self.siblings[id(sub)] = (subs, place)
                self.sections.append(sub)
        # the report's own parts (一、…二、…) are no problems a cue in the preamble lists: only subsections count
        self.sections += [n for n in top if n.kind == "section"]
        self.sections.sort(key=lambda n: n.start)
        self.starts = [n.start for n in self.sections]

    def run_after(self, text: str, pos: int) -> list[Node]:
        """The subsections a cue paragraph ending at ``pos`` introduces (我们也清醒地看到…还存在一些问题。⏎
        ——产业结构不够合理。…⏎——…): the heading right after it and its siblings of the same style that
        follow it; none when text stands between."""
        i = bisect_left(self.starts, pos)
        if i == len(self.sections):
            return []
        first = self.sections[i]
        text_between = _NON_BLANK.search(text, pos, first.start)  # stops at the first character, not the gap's end
        if text_between:
            return []
        if id(first) not in self.siblings:
            return []  # a part of the report itself
        siblings, at = self.siblings[id(first)]
        if at > 0 and siblings[at - 1].end >= pos:
            return []  # the cue closes the body of the heading before: the next one is its sibling, not its point
        run: list[Node] = []
        for sub in siblings[at:]:
            if sub.style != first.style or (run and sub.role is not None):
                break  # another style, or a part of its own (（三）存在的问题 after the achievements)
            run.append(sub)
        return run


def sentences(text: str, start: int, end: int, breaks: str = ""):
    """The sentences of text[start:end] as (start, end) pairs, indentation skipped; ``breaks`` end one too."""
    pos = start
    while pos < end:
        stop = next_sentence_end(text, pos, end, breaks)
        lo = skip_indent(text, pos, stop)
        if lo < stop:
            yield lo, stop
        pos = stop


def next_sentence_end(text: str, start: int, end: int, breaks: str = "") -> int:
    """Just after the next sentence end (and the closing quotes after it) from ``start``; ``end`` when none."""
    for i in range(start, end):
        if text[i] in SENTENCE_ENDS or text[i] in breaks:
            j = i + 1
            while j < end and text[j] in "”’）)":
                j += 1
            return j
    return end


def sentence_start(text: str, line_start: int, pos: int) -> int:
    """The first character of the sentence holding ``pos`` (indentation skipped)."""
    start = pos
    while start > line_start and text[start - 1] not in SENTENCE_ENDS:
        start -= 1
    return skip_indent(text, start, pos)


def first_of(text: str, chars: str, start: int, end: int) -> int:
    """The first offset in [start, end) holding one of ``chars``; -1 when none does."""
    return next((i for i in range(start, end) if text[i] in chars), -1)


def trim(text: str, start: int, end: int) -> int:
    """``end`` moved back over the blanks and line breaks that close a span."""
    while end > start and text[end - 1] in INDENT_CHARS + "\r\n":
        end -= 1
    return end
