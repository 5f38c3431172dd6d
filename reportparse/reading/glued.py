"""Step ``glued``: numbered headings a page glued to the text around them, set on lines of their own.

Document-library pages often lose every line break and the spaces too, so a heading follows the
sentence before it directly and a subsection's marker follows its parent's title
(``…培根铸魂育新人。一、坚持党建工作的统领地位不动摇(一)提高精准决策力，…``); no gap is left for the
``flattened`` step to read as a break. In a line of at least ``min_line_chars`` characters, a line
break is inserted

- before a numbered heading that follows a sentence end (one of ``line_ends``, closing quotes or
  brackets of ``after_end`` between) when it is of one of ``open_styles`` (the heading rules decide,
  reading up to the next sentence end) or numbers on from a heading of its style set apart before it on
  the line: 一、 opens a part there and (二) follows (一), while an inline list's （1）…（2） stays in its
  paragraph;
- before the marker of a heading of another style that follows such a heading's title within
  ``max_title_chars`` characters, with no sentence end between: the title ends there.

- on a line of any length, before the body's opening words (``body_openers``: 坚持把, 今年以来) that follow a
  heading's title directly, no stop between (``（一）加大对“三农”支持力度，促进农民增收坚持把农业作为…``);
- after a role's label (the whole-line labels of ``label_style``: 存在的问题, 今后的打算) that a part's title is,
  when the title is glued
  to its body with no stop between (``…差距。四、存在的问题在全乡…，…``; ``五、今后的打算一是…``): the
  heading rules alone would read the body's first sentence as the title.

A line gets its breaks only when at least ``min_breaks`` headings open after a sentence end in it: one
``。一、`` in a long paragraph is an inline list, a run-together page has one per part. The breaks stand for no character
of the original (``Reading.insert``), so every offset still points into it.

Cost: linear. Each sentence end of a long line is looked at once, with one heading match on the
characters after it; each heading found reads at most ``max_title_chars`` characters further.
"""

from __future__ import annotations

import re

import regex

from ..punctuation import CLAUSE_MARKS, TITLE_COLONS
from ..rulebook import EnumerationRule, HeadingRule, ReadingRule, RuleBook, required
from ..scan import HEAD_WINDOW, Block, heading_of, marker_style, numbered_styles
from ..text import fold, skip_indent
from .offsets import Reading

_LINE = re.compile(r"[^\n\r]+")
MARKER_WINDOW = 8  # characters that hold any numbered marker (（十二）, 第十二章)
RUN_ON_WINDOW = 200  # a title run on into its body is read up to its stop, or this far
MIN_CLAUSE = 4  # a clause of a title that runs on into its body has a few characters of its own
_SPACES = regex.compile(r"[ \u3000\u00a0]")
_SPACE_GAP = regex.compile(r'(?<=\p{Han}[”"’』」）)]?)[ \u3000\u00a0]+(?=[\p{Han}“"‘])')


def read_glued(reading: Reading, rule: ReadingRule, book: RuleBook) -> None:
    text = reading.text
    sentence_ends, closers = required(rule.line_ends), required(rule.after_end)
    styles = numbered_styles(book)
    opening = set(required(rule.open_styles))
    labels = [r.pattern for r in book.of(HeadingRule) if r.name == rule.label_style]
    enumerations = [r.pattern for r in book.of(EnumerationRule)]
    # a sentence end with the closers after it, only where a numbered marker may follow (most do not)
    firsts = styles.first_characters()
    ends = regex.compile(f"[{regex.escape(sentence_ends)}][{regex.escape(closers)}]*"
                         + (f"(?=(?:{firsts}))" if firsts else ""))
    # each line once (a pattern asking for a minimum length would rescan a short line from every offset)
    breaks: list[int] = []
    for line in _LINE.finditer(text):
        breaks += _glued_at_line_start(text, line.start(), line.end(), sentence_ends, styles, opening, rule.max_title_chars)
        breaks += _run_on_title(text, line.start(), line.end(), sentence_ends, styles, rule)
        if line.end() - line.start() < rule.min_line_chars:
            continue  # blanks at a line's edges count: no harm
        line_end = line.end()
        found: list[int] = []
        opened = 0  # headings set apart after a sentence end (a marker glued to a title does not count)
        last: dict[str | None, int | None] = {}  # style -> the number of its last heading set apart here
        for end in ends.finditer(text, line.start(), line_end - 1):
            start = end.end()
            heading = _heading_at(text, start, line_end, sentence_ends, styles)
            label_end = _label_end(text, start, line_end, sentence_ends, styles, opening, labels, rule.max_label_chars)
            if label_end is not None and (heading is None or _runs_on(text, start, heading)
                                          or any(p.match(text, label_end) for p in enumerations)):
                # 四、存在的问题在全乡…，…差距。 or 五、今后的打算一是…: no title reads up to the stop, a role's label does
                found += [start, label_end]
                opened += 1
                continue
            if heading is None or not (heading.rule in opening or _continues(heading, last)):
                continue
            found.append(start)
            opened += 1
            last[heading.rule] = heading.number
            inner = _glued_marker(text, start, heading, line_end, sentence_ends, styles, rule.max_title_chars)
            if inner is not None:
                found.append(inner[0])
                last[inner[1].rule] = inner[1].number
        if opened >= rule.min_breaks:
            breaks += found
    reading.insert("glued", sorted(set(breaks)))


def _run_on_title(text: str, line_start: int, line_end: int, sentence_ends: str, styles, rule: ReadingRule) -> list[int]:
    """A line that opens with a part's or a subsection's heading (``run_on_styles``) whose title runs on into
    its body with no stop between: a break where the body starts. A title of two clauses (加大对“三农”支持力度，
    促进农民增收) ends before one of ``body_openers`` that follows its last character directly (…增收坚持把农业作为…)
    or at a space (…，优化投资结构 积极支持…) before a body of ``min_spaced_body_chars`` to its stop; a title of any
    kind ends at a space before one of them (二、2005年主要任务 今年是…). Only a title read up to its stop of
    ``min_run_on_chars`` or more is looked at, within ``max_title_chars`` of its start."""
    if rule.body_openers is None:
        return []
    start = skip_indent(text, line_start, line_end)
    if line_end - start < rule.min_run_on_chars:
        return []  # most lines: too short to hold a title and its body
    # the marker alone decides: the heading rules refuse a line whose title reads on for a sentence or more
    marker_end = _marker_end(text, start, styles, set(rule.run_on_styles or ()))
    if marker_end is None:
        return []
    title_start = skip_indent(text, marker_end, line_end)
    stop = _sentence_end(text, title_start, min(line_end, title_start + RUN_ON_WINDOW), sentence_ends)
    if stop - title_start < rule.min_run_on_chars:
        return []
    reach = min(stop, title_start + rule.max_title_chars)
    gap = _SPACE_GAP.search(text, title_start, reach)
    if gap is not None:
        before = text[title_start:gap.start()]
        opens = rule.body_openers.match(text, gap.end(), stop) is not None
        spaced = _two_clauses(before) and stop - gap.end() >= rule.min_spaced_body_chars
        if len(before) >= MIN_CLAUSE and not _SPACES.search(before) and (opens or spaced):
            return [gap.end()]
        return []  # a title with spaces of its own (加强学习 提高素质) is read as it stands
    for opener in rule.body_openers.finditer(text, title_start + MIN_CLAUSE, reach):
        at = opener.start()
        if text[at - 1] not in CLAUSE_MARKS + "、" + TITLE_COLONS and _two_clauses(text[title_start:at]):
            return [at]
    return []


def _two_clauses(title: str) -> bool:
    """Two clauses of a few characters each, one comma between (加大支持力度，促进农民增收): a title's shape; one
    clause may be a title that goes on, more are a sentence.

    >>> _two_clauses("加大支持力度，促进农民增收"), _two_clauses("毫不动摇"), _two_clauses("一，二，三四五六")
    (True, False, False)
    """
    commas = [i for i, ch in enumerate(title) if ch in CLAUSE_MARKS]
    return len(commas) == 1 and commas[0] >= MIN_CLAUSE and len(title) - commas[0] - 1 >= MIN_CLAUSE


def _glued_at_line_start(text: str, line_start: int, line_end: int, sentence_ends: str, styles, opening: set,
                         max_title: int) -> list[int]:
    """A line of any length that opens with a heading of one of the open styles whose title runs straight
    into the first marker of another style (一、存在的问题(一)村级党支部活动阵地缺乏，…): a break before that
    marker. Only a first marker ((一), 1.) counts: it opens a list of subsections, where a later number
    inside a title would be a reference."""
    start = skip_indent(text, line_start, line_end)
    heading = _heading_at(text, start, line_end, sentence_ends, styles)
    if heading is None or heading.rule not in opening:
        return []
    inner = _glued_marker(text, start, heading, line_end, sentence_ends, styles, max_title)
    return [inner[0]] if inner is not None and inner[1].number == 1 else []


def _runs_on(text: str, start: int, heading: Block) -> bool:
    """The heading's title, read up to the stop, is a clause and more (a title glued to its body)."""
    title_start, title_end = heading.title_start, heading.title_end
    return title_start is not None and title_end is not None and \
        any(ch in CLAUSE_MARKS for ch in text[start + title_start:start + title_end])


def _label_end(text: str, start: int, line_end: int, sentence_ends: str, styles, opening: set, labels,
               longest: int) -> int | None:
    """Where the title of a heading of an open style ends when it is a role's label glued to the body
    (四、存在的问题在全乡…; 五、今后的打算一是…): after the longest label, before any sentence end."""
    title = _marker_end(text, start, styles, opening) if labels else None
    if title is None:
        return None
    window = text[title:min(line_end, title + longest)]
    stop = next((i for i, ch in enumerate(window) if ch in sentence_ends), len(window))
    stop = next((i for i, ch in enumerate(window[:stop]) if ch in CLAUSE_MARKS), stop)
    for length in range(stop, 1, -1):
        if any(p.fullmatch(window[:length]) for p in labels):
            return title + length if length < stop else None  # a label closed by its stop needs no break
    return None


def _marker_end(text: str, start: int, styles, names: set) -> int | None:
    """Where the marker of a heading of one of the styles ``names`` that opens at ``start`` ends, if one does."""
    style = marker_style(text, start, MARKER_WINDOW, styles)
    if style is None or style.name not in names:
        return None
    marker = style.pattern.match(fold(text[start:start + MARKER_WINDOW]))  # heading patterns read folded text
    return start + marker.end() if marker is not None else None


def _sentence_end(text: str, start: int, end: int, sentence_ends: str) -> int:
    """The first sentence end in ``text[start:end]``, or ``end``."""
    return next((i for i in range(start, end) if text[i] in sentence_ends), end)


def _continues(heading: Block, last: dict[str | None, int | None]) -> bool:
    """The heading numbers on from one of its style set apart before it on the line ((一) then (二)):
    a list whose first item was no heading ((1)…。(2)… in a paragraph) is not set apart."""
    previous = last.get(heading.rule)
    return previous is not None and heading.number is not None and heading.number == previous + 1


def _heading_at(text: str, start: int, line_end: int, sentence_ends: str, styles) -> Block | None:
    """The numbered heading that opens at ``start``, read up to the next sentence end (a run-in title
    ends there)."""
    if start >= line_end or marker_style(text, start, MARKER_WINDOW, styles) is None:
        return None  # no marker opens here (most sentence ends): the heading rules are not asked
    end = min(line_end, start + HEAD_WINDOW)
    cut = _sentence_end(text, start, end, sentence_ends)
    return heading_of(text[start:cut + 1 if cut < end else end], styles)


def _glued_marker(text: str, start: int, heading: Block, line_end: int, sentence_ends: str, styles,
                  max_title: int) -> tuple[int, Block] | None:
    """Where a heading of another style opens inside this heading's title, before any sentence end
    (一、坚持党建统领不动摇(一)提高决策力。): the title stops there."""
    title_start = start + (heading.title_start or 0)  # a heading block always has its title's start
    for at in range(title_start + 2, min(line_end, title_start + max_title)):
        if text[at] in sentence_ends:
            return None
        inner = _heading_at(text, at, line_end, sentence_ends, styles)
        if inner is not None and inner.rule != heading.rule:
            return at, inner
    return None
