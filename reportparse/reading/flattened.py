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
from ..rulebook import ReadingRule, RuleBook, required
from ..scan import HEAD_WINDOW, heading_of, numbered_styles
from ..text import split_lines
from .offsets import Reading


def read_flattened(reading: Reading, rule: ReadingRule, book: RuleBook) -> None:
    text = reading.text
    blanks = required(rule.spaces)
    gaps = re.compile(f"[{re.escape(blanks)}]+")
    sentence_ends, closers = required(rule.line_ends), required(rule.after_end)
    styles = numbered_styles(book)
    breaks: list[int] = []
    for line in split_lines(text):
        if line.end - line.content < rule.min_line_chars:
            continue
        # a space between a figure and its unit (2005 年, 12 万吨) is part of the figure, not a break, unless a
        # numbered heading opens after it (…财政收入 1.2 二、存在的问题…)
        found = [(m.start(), m.end()) for m in gaps.finditer(text, line.content, line.end)
                 if m.end() < line.end and not (_inside_figure(text, m.start(), m.end())
                                                and _heading_at(text, m.end(), line.end, blanks, styles) is None)]
        after_end = [g for g, _ in found if _ends_sentence(text, line.content, g, sentence_ends, closers)]
        paragraph_breaks = set(after_end) if len(after_end) >= rule.min_breaks else set()
        last_break = line.content
        for i, (gap, gap_end) in enumerate(found):
            heading = _heading_at(text, gap_end, line.end, blanks, styles)
            if gap not in paragraph_breaks and (heading is None or not _title_before(
                    text, last_break, gap, sentence_ends, closers, rule.max_title_chars)):
                continue
            breaks.append(gap)
            last_break = gap + 1
            nxt = found[i + 1][0] if i + 1 < len(found) else None
            if heading is not None and nxt is not None and \
                    _title_ends_at(text, gap_end + heading.title_start, nxt, sentence_ends, rule.max_title_chars):
                breaks.append(nxt)
                last_break = nxt + 1
    edits = [(g, g + 1, "\n") for g in sorted(set(breaks))]
    if edits:
        reading.edit("flattened", edits)


def _inside_figure(text: str, gap: int, gap_end: int) -> bool:
    """
    >>> _inside_figure("总结 2005 年工作", 7, 8), _inside_figure("总结 2005 年工作", 2, 3)
    (True, False)
    """
    return text[gap - 1].isdigit() and not text[gap_end].isascii()


def _ends_sentence(text: str, line_start: int, gap: int, sentence_ends: str, closers: str) -> bool:
    """A sentence end stands right before the gap, closing quotes and brackets after it allowed
    (…意见。” counts, a lone 》 does not)."""
    at = gap - 1
    while at > line_start and text[at] in closers:
        at -= 1
    return text[at] in sentence_ends


def _heading_at(text: str, start: int, line_end: int, blanks: str, styles):
    """The numbered heading that opens at ``start``, read up to the next gap: on a run-together page a
    heading's title ends there."""
    end = min(line_end, start + HEAD_WINDOW)
    head = text[start:end]
    cut = next((i for i, ch in enumerate(head) if ch in blanks), len(head))
    return heading_of(head[:cut], styles)


def _title_before(text: str, last_break: int, gap: int, sentence_ends: str, closers: str, max_title: int) -> bool:
    """What stands before the gap since the last break ends a sentence, or is a short title. Only the
    last characters are looked at, so a long line of gaps costs its length, not its length squared."""
    start = max(last_break, gap - 2 * max_title)
    before = text[start:gap].strip()
    if not before or _ends_sentence(before, 0, len(before), sentence_ends, closers):
        return True
    if start > last_break:
        return False  # more than a title's length since the last break
    return len(before) <= max_title and not any(ch in sentence_ends for ch in before)


def _title_ends_at(text: str, title_start: int, nxt: int, sentence_ends: str, max_title: int) -> bool:
    """The next gap ends the heading's title when it comes within ``max_title`` characters of the title's
    start and no sentence end stands before it (a title that ends with 。 is split by the heading rules)."""
    return nxt - title_start <= max_title and not any(ch in sentence_ends for ch in text[title_start:nxt])
