"""Step ``spaces``: spaces and zero-width characters a reader does not see as a break.

Dropped from the reading form, a gap of spaces (at most two) or zero-width characters:
- inside a letter-spaced figure (2 0 2 3, 1 . 5: single digits and dots, each set apart);
- after a figure, before its unit, 年/月/日 or %, and between a word and a figure (1.2 万吨, 2006 年,
  增长 6.7%);
- inside a CJK word: a single space between two CJK characters;
- zero-width characters anywhere inside a line.
A space right after a heading marker at the start of its line stays (第一章 总则, 第一章 2024年工作回顾:
the chapter pattern needs it).
Kept: spaces between Latin words and between numbers that are not letter-spaced (2019 2020), runs of
spaces that lay out columns, and the ideographic space.
"""

from __future__ import annotations

import re

from ..rulebook import ClosingRule, EnumerationRule, ReadingRule, RuleBook, required
from ..scan import HEAD_WINDOW, heading_of, heading_styles
from .offsets import Reading

MAX_SPACES = 2
MARKER_CHARS = 8  # the longest heading marker (第十二部分, （十二）) is shorter
_FIGURE = "0123456789０１２３４５６７８９."


def read_spaces(reading: Reading, rule: ReadingRule, book: RuleBook) -> None:
    text = reading.text
    gaps = re.compile(f"[{re.escape(required(rule.spaces) + required(rule.invisible))}]+")
    cjk, after_figure = required(rule.cjk).compiled, required(rule.after_figure).compiled
    edits = []
    removed = 0
    drop = str.maketrans("", "", required(rule.spaces) + required(rule.invisible))
    for m in gaps.finditer(text):
        start, end = m.start(), m.end()
        if start == 0 or end == len(text):
            continue
        left, right = text[start - 1], text[end]
        if left in "\r\n" or right in "\r\n":
            continue  # indentation and trailing spaces belong to the line, not to a word
        gap = m.group()
        visible = sum(ch in required(rule.spaces) for ch in gap)
        if visible and (visible > MAX_SPACES or not _joins(text, start, end, left, right, visible, cjk, after_figure)
                        or (left not in _FIGURE and _after_marker(text, start, drop, book))):
            continue  # a letter-spaced figure (2 . 5) is never a marker, whatever it looks like
        edits.append((start, end, ""))
        removed += end - start
    reading.edit("spaces", edits, removed)


def _joins(text, start, end, left, right, visible, cjk, after_figure) -> bool:
    if left in _FIGURE and right in _FIGURE:
        return _single(text, start - 1, -1) and _single(text, end, 1) and (left.isdigit() or right.isdigit())
    if left.isdigit() and after_figure.match(right):
        return True
    if right.isdigit() and cjk.match(left):
        return True
    return visible == 1 and bool(cjk.match(left)) and bool(cjk.match(right))


def _single(text: str, i: int, step: int) -> bool:
    """The figure character at ``i`` stands alone on that side: letter-spacing, not two numbers."""
    j = i + step
    return not (0 <= j < len(text) and text[j] in _FIGURE)


def _after_marker(text: str, pos: int, drop: dict, book: RuleBook) -> bool:
    """Whether a heading marker at the start of this line ends right at ``pos`` (gaps before it read
    away: 第 一章 总则 is 第一章 总则 and keeps its second space)."""
    line_start = text.rfind("\n", max(0, pos - 4 * MARKER_CHARS), pos) + 1
    if line_start == 0 and pos > 4 * MARKER_CHARS:
        return False  # far into a line: no marker ends here
    prefix = text[line_start:pos].lstrip(" \t\u3000\u00a0").translate(drop)
    if not prefix or len(prefix) > MARKER_CHARS:
        return False
    line_end = text.find("\n", pos, pos + HEAD_WINDOW)
    line = prefix + " " + text[pos:pos + HEAD_WINDOW if line_end < 0 else line_end].lstrip().translate(drop)
    block = heading_of(line, heading_styles(book))
    return block is not None and block.marker == prefix
