"""Step ``links``: a word a web page set apart as a link, read back into its sentence.

Portals and wikis that link key words (法制, 次全会, 《信访条例》's title) lose the link's markup when
the page is saved as text and keep a line break, or a blank line, on each side of the link's text:
``…和省委五届九⏎⏎次全会⏎⏎精神，按照…``. A line is read as such a link when it is a short run of
characters (``link_text``), the line before it ends without closing a sentence (``line_ends``, with
closing quotes or brackets of ``after_end`` after them), and the lines on both sides hold a clause mark
(``body_marks``): both are running text, cut in the middle. A title, a signature or a menu item between
two lines of a navigation bar has no running text on both sides and stays on its own line; so does a
line before a heading, an inline item or a list marker. The line breaks and the blank line around the
link are dropped from the reading form (at most ``max_blank_lines`` blank lines on each side).

Cost: linear; each line is looked at once, with its two neighbours.
"""

from __future__ import annotations

from ..punctuation import OPENING_QUOTES
from ..rulebook import ReadingRule, RuleBook, required
from ..text import split_lines
from .offsets import Reading
from .unwrap import closed, opens_block

CLOSING_BRACKETS = ("）", ")", "】", "]")  # a closing quote ends a quoted word as often as a sentence: not these
OPENING_MARKS = tuple(OPENING_QUOTES + "《")


def read_links(reading: Reading, rule: ReadingRule, book: RuleBook) -> None:
    text = reading.text
    ends, closers = tuple(required(rule.line_ends)), required(rule.after_end)
    marks = frozenset(required(rule.body_marks))
    link = required(rule.link_text).compiled
    lines = [(i, ln) for i, ln in enumerate(split_lines(text)) if not ln.blank]
    found: list[tuple[int, int, int, int]] = []  # (before's end, link's start, link's end, after's start)
    cut_text = 0  # links whose line before is running text, not a heading: what shows the page lost its links
    for (i, before), (j, line), (k, after) in zip(lines, lines[1:], lines[2:]):
        if j - i - 1 > rule.max_blank_lines or k - j - 1 > rule.max_blank_lines:
            continue
        if not link.fullmatch(text, line.content, line.end):
            continue
        running = text[before.content:before.end]
        # a line cut after an opening quote (二、“⏎十四五⏎”时期…) goes on into the link whatever the lines hold
        quoted = running.endswith(OPENING_MARKS)
        # a line that ends a sentence (closing quotes after it), or a bracket (…。（以上数据为初步统计）), is closed
        if closed(text, before, ends, closers) or running.endswith(CLOSING_BRACKETS) \
                or not quoted and not (_holds(running, marks) and _holds(text[after.content:after.end], marks)) \
                or opens_block(text, line, rule, book) or opens_block(text, after, rule, book):
            continue
        found.append((before.end, line.content, line.end, after.content))
        cut_text += not opens_block(text, before, rule, book)
    if cut_text < rule.min_links:
        return  # a clean report: a short subheading after an unfinished line is a heading, not a link
    reading.edit("links", [edit for b, s, e, a in found for edit in ((b, s, ""), (e, a, ""))])


def _holds(running: str, marks: frozenset[str]) -> bool:
    return not marks.isdisjoint(running)
