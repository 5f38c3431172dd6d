"""Step ``unwrap``: lines of a hard-wrapped paragraph (PDF and OCR text) joined into one.

Only a document that is hard-wrapped is touched: enough lines stop without closing punctuation at one
common width (headings, which stop so by nature, are not counted: part titles that happen to share a
width do not make a web page wrapped). Then a line that reaches that width runs on into the next line, unless the next line is
blank, indented (it opens a paragraph) or opens a heading, an inline item, a list marker or a closing.
A line shorter than the width (a title, a heading that really ends without punctuation, the last line
of a paragraph, a signature) ends where it ends, so a heading is never glued to the text before it nor
the text after it to a short heading. A full line that ends with closing punctuation runs on as well
when it fills the width exactly: a wrap falls after a 。 more often than a paragraph fills its last line.
(A heading that fills the width by chance takes the next line in: it cannot be told from a long heading
that wraps, and those are more common.) The line break, the spaces around it and the next line's
indentation are dropped from the reading form; between two Latin letters the break reads as a space.
"""

from __future__ import annotations

from ..rulebook import EnumerationRule, ReadingRule, RuleBook, required
from ..scan import HEAD_WINDOW, heading_block, heading_styles
from ..text import Line, fold, split_lines
from ..tree import closing_rules
from .offsets import Reading

_PAD = " \t\u3000"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"  # Unicode's zero-width characters take no column


def read_unwrapped(reading: Reading, rule: ReadingRule, book: RuleBook) -> None:
    text = reading.text
    if not _may_be_wrapped(text, rule):
        return  # the common case: a clean report has few such lines, and no line is looked at
    lines = split_lines(text)
    ends = tuple(required(rule.line_ends))
    # widths are measured on the original, as it was laid out: read full-width, a comma is wider
    columns = _layout_columns(reading, rule)
    # lines that stop without closing punctuation before a line of text: wrapped ones share a width
    # (a heading stops without punctuation by nature: it is no evidence of a wrap)
    open_columns = [columns(ln) for ln, nxt in zip(lines, lines[1:])
                    if not ln.blank and not nxt.blank and not closed(text, ln, ends, required(rule.after_end))
                    and not _opens_heading(text, ln, book)]
    nonblank = sum(not ln.blank for ln in lines)
    width = _wrap_width([c for c in open_columns if c >= rule.min_columns], nonblank, rule)
    if width is None:
        return
    edits = []
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        if line.blank or nxt.blank or _indented(text, nxt, rule):
            continue  # an indented line opens a paragraph
        # a short line ends a paragraph; a line that ends a sentence must fill the width exactly, since
        # a paragraph's last line falls a column or two short of it more often than a wrap after a 。 does
        slack = rule.closed_slack_columns if closed(text, line, ends, required(rule.after_end)) else rule.slack_columns
        if not width - slack <= columns(line) <= width + rule.slack_columns:
            continue  # a line wider than the wrap was not wrapped (a long title, a table row)
        if opens_block(text, nxt, rule, book) and not _split_figure(text, line, nxt):
            continue
        latin = text[line.end - 1].isascii() and text[line.end - 1].isalpha() and \
            text[nxt.content].isascii() and text[nxt.content].isalpha()
        edits.append((line.end, nxt.content, " " if latin else ""))
    reading.edit("unwrap", edits)


def _may_be_wrapped(text: str, rule: ReadingRule) -> bool:
    """Enough long lines stop without closing punctuation for the text to be wrapped (an upper bound of
    the full test, with the splitting done in C: a clean report is passed over in a few milliseconds)."""
    ends, pad = required(rule.line_ends), required(rule.after_end) + _PAD
    shortest = (rule.min_columns + 1) // 2  # a line of wide characters only
    open_lines = nonblank = 0
    for line in text.splitlines():
        body = line.rstrip(pad)
        if body:
            nonblank += 1
            if len(body) >= shortest and body[-1] not in ends:
                open_lines += 1
    return open_lines >= max(rule.min_wrapped_lines, nonblank * rule.min_wrapped_percent / 100)


def _layout_columns(reading: Reading, rule: ReadingRule):
    """Columns a reading line takes in the original: wide characters 2, narrow ones 1, zero-width ones
    (and leading ones, which the line's content skips) none."""
    def columns(line: Line) -> int:
        start, end = reading.span(line.content, line.end)
        body = reading.original[start:end]
        invisible = sum(body.count(ch) for ch in ZERO_WIDTH)
        return 2 * (len(body) - invisible) - len(required(rule.narrow).compiled.findall(body))
    return columns


def _split_figure(text: str, line: Line, nxt: Line) -> bool:
    """A figure broken by the wrap (…共1⏎0、…): the digits after the break only look like a marker."""
    return text[line.end - 1].isdigit() and text[nxt.content].isdigit()


def _indented(text: str, line: Line, rule: ReadingRule) -> bool:
    """Indented by at least ``indent_columns`` (a stray space or a zero-width character is not indentation)."""
    indent = text[line.start:line.content]
    columns = 2 * indent.count("\u3000") + indent.count(" ") + 4 * indent.count("\t")
    return columns >= rule.indent_columns


def closed(text: str, line: Line, ends: tuple[str, ...], after_end: str) -> bool:
    return text[line.content:line.end].rstrip(after_end).endswith(ends)


def _wrap_width(columns: list[int], nonblank: int, rule: ReadingRule) -> int | None:
    """The width most open lines reach (a wrapped line may stop a column or a few short of it, when
    the next character is wide); None when too few lines share a width for the text to be wrapped."""
    if len(columns) < rule.min_wrapped_lines:
        return None
    columns.sort()
    best, best_count, lo = None, 0, 0
    for hi, width in enumerate(columns):
        while columns[lo] < width - rule.slack_columns:
            lo += 1
        if hi - lo + 1 >= best_count:
            best, best_count = width, hi - lo + 1
    if best_count < rule.min_wrapped_lines or best_count * 2 < len(columns) \
            or best_count * 100 < nonblank * rule.min_wrapped_percent:
        return None
    return best


def _head(text: str, line: Line) -> tuple[str, Line]:
    head = text[line.content:min(line.end, line.content + HEAD_WINDOW)]
    whole = line.end - line.content <= HEAD_WINDOW
    # a long line is cut, but heading_block must still see it as long: pad past the window
    head = head if whole else head + "\u3000" * 2
    return head, Line(0, 0, len(head), len(head))


def _opens_heading(text: str, line: Line, book: RuleBook) -> bool:
    head, short = _head(text, line)
    return heading_block(head, fold(head), short, heading_styles(book)) is not None


def opens_block(text: str, line: Line, rule: ReadingRule, book: RuleBook) -> bool:
    """The line opens a heading, an inline item (一是, 第一，), a list marker or a closing (各位代表！)."""
    head, short = _head(text, line)
    folded = fold(head)
    if required(rule.list_marker).match(folded) or heading_block(head, folded, short, heading_styles(book)) is not None:
        return True
    return any(e.pattern.match(folded) for e in book.of(EnumerationRule)) or \
        any(c.start.search(folded) for c in closing_rules(book).candidates(folded))
