"""Step ``flattened``: a web page whose paragraphs were run together on one line, broken up again.

Scraped pages often lose their line breaks: paragraphs come out on one long line, set apart by a
space (``…提出意见。 一、围绕大局，加强法律监督 全国检察机关坚持…``), and a heading is then neither at
the start of a line nor alone on one, so no heading rule can see it. In a line of at least
``min_line_chars`` characters, a gap of spaces is read as a line break when

- it follows a sentence end (``line_ends``) and the line has at least ``min_breaks`` such gaps (one
  ``。 `` in a long paragraph is a typing slip; a flattened page has one per paragraph);
- or a numbered heading opens right after it and the text before it since the last break is a
  sentence end or a short title (``2020年工作回顾 一、…``): the heading rules decide what a heading is.

A heading so set apart ends at the first gap within ``max_title_chars`` of its marker that comes before
any sentence end: ``一、围绕大局，加强法律监督 全国检察机关…`` reads as a heading line and a paragraph.
Only the gap's first character changes (a space read as a line break), so every offset stays.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..rulebook import HeadingRule, ReadingRule, RuleBook, required
from ..scan import HEAD_WINDOW, heading_block, styles_by_leading
from ..text import Line, fold, split_lines
from .offsets import Reading


_GAP = re.compile("[ \u3000\u00a0\t]+")


def read_flattened(reading: Reading, rule: ReadingRule, book: RuleBook) -> None:
    text = reading.text
    gaps = re.compile(f"[{re.escape(required(rule.spaces))}]+")
    sentence_ends = required(rule.line_ends)
    ends = sentence_ends + required(rule.after_end)
    styles = numbered_styles(book)
    breaks: list[int] = []
    for line in split_lines(text):
        if line.end - line.content < rule.min_line_chars:
            continue
        found = [m.start() for m in gaps.finditer(text, line.content, line.end) if m.end() < line.end]
        after_end = [g for g in found if text[g - 1] in ends]
        paragraph_breaks = set(after_end) if len(after_end) >= rule.min_breaks else set()
        last_break = line.content
        for i, gap in enumerate(found):
            if gap in paragraph_breaks or _opens_heading(text, gap, line, styles) and \
                    _title_before(text, last_break, gap, sentence_ends, ends, rule.max_title_chars):
                breaks.append(gap)
                last_break = gap + 1
                title_end = _title_end(text, gap, found[i + 1:], sentence_ends, rule.max_title_chars,
                                       styles, line)
                if title_end is not None:
                    breaks.append(title_end)
                    last_break = title_end + 1
    edits = [(g, g + 1, "\n") for g in sorted(set(breaks))]
    if edits:
        reading.edit("flattened", edits)


@lru_cache(maxsize=8)
def numbered_styles(book: RuleBook):
    """The numbered heading styles (an unnumbered one needs a whole line), by a line's first character."""
    return styles_by_leading(tuple(s for s in book.of(HeadingRule) if s.numeral != "none"))


def _opens_heading(text: str, gap: int, line: Line, styles) -> bool:
    return _heading_after(text, gap, line, styles) is not None


def _heading_after(text: str, gap: int, line: Line, styles):
    start = gap
    while start < line.end and text[start] in " \u3000\u00a0\t":
        start += 1
    head = text[start:min(line.end, start + HEAD_WINDOW)]
    # on a run-together page a heading's title ends at the next space: read it as the line it will be
    head = _GAP.split(head, maxsplit=1)[0]
    folded = fold(head)
    return heading_block(head, folded, Line(0, 0, len(head), len(head)), styles)


def _title_before(text: str, last_break: int, gap: int, sentence_ends: str, ends: str, max_title: int) -> bool:
    """What stands before the gap since the last break ends a sentence, or is a short title. Only the
    last characters are looked at, so a long line of gaps costs its length, not its length squared."""
    start = max(last_break, gap - 2 * max_title)
    before = text[start:gap].strip(" \u3000\u00a0\t")
    if not before or before[-1] in ends:
        return True
    if start > last_break:
        return False  # more than a title's length since the last break
    return len(before) <= max_title and not any(ch in sentence_ends for ch in before)


def _title_end(text: str, gap: int, later: list[int], sentence_ends: str, max_title: int, styles,
               line: Line) -> int | None:
    """The gap that ends the heading opened after ``gap``: the next gap, when it comes within
    ``max_title`` characters of the title's start and no sentence end stands before it (a heading
    whose title ends with 。 is split from its text by the heading rules)."""
    block = _heading_after(text, gap, line, styles)
    if block is None or not later:
        return None
    title_start = gap + len(text[gap:]) - len(text[gap:].lstrip(" \u3000\u00a0\t")) + block.title_start
    nxt = later[0]
    if nxt - title_start > max_title or any(ch in sentence_ends for ch in text[title_start:nxt]):
        return None
    return nxt
