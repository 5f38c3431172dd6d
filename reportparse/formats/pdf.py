"""PDF input: the text layer of a PDF as the lines a report parser reads.

pdfplumber (on pdfminer.six) gives every character with its box, so lines are rebuilt here from
geometry rather than taken from an extractor's text: characters are grouped into lines by their
height on the page, a space goes only where the gap between two characters is wider than the
line's usual spacing (letter-spaced CJK lines come out without spaces), and the left margin,
indentation and right edge of each line decide whether the layout broke a sentence. pdfminer ships
the Adobe CJK CMaps, so CID fonts without an embedded ToUnicode map (STSong-Light and the like)
decode too.

The output is lossless but for layout: every character of the text layer is kept, in page order.
Page numbers and running headers/footers stay, each on its own line, so noise rules can mark them;
a paragraph that runs over a page break is joined, and the page furniture between its two halves
comes right after it. Pages are separated by a plain line break: the parser works on lines and
``\\f`` is not a line break to it (a ``\\f`` line would read as a paragraph).
"""

from __future__ import annotations

import io
import logging
import os
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable
from statistics import median

from ..errors import InputError
from ..extras import needs_extra
from ..punctuation import CLOSERS, LINE_FINAL, SENTENCE_MARKS
from .pdf_budget import check_page, check_page_count, check_streams, guard_reference_loops

if TYPE_CHECKING:
    from ..rulebook import RuleBook

# sentence-final marks: a line ending with one is not continued by the next
CJK = r"\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef“”‘’…·"
PUNCT = r"\u3000-\u303f\uff00-\uffef“”‘’…"  # CJK and full-width punctuation (and full-width forms)
_CJK_SPACE = re.compile(rf"(?<=[{CJK}]) +(?=[{CJK}\d])|(?<=\d) +(?=[{CJK}])| +(?=[{PUNCT}])|(?<=[{PUNCT}]) +")
_DECIMAL = re.compile(r"(?<=\d) +([.．]) *(?=\d)")  # "6 . 5", not "1. 2025年"
_PERCENT = re.compile(r"(?<=\d) +(?=[%％‰℃])")
_CID = re.compile(r"^\(cid:\d+\)$")
# a line break between two Latin words is a space; one inside a number or CJK text is not
_LATIN_END = re.compile(r"[A-Za-z][,.;:!?)]?$")
_LATIN_START = re.compile(r"^[A-Za-z(]")
PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~·•]+\s*\d{1,4}\s*[-—–－~·•]+|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页|\d{1,4}\s*[/／]\s*\d{1,4}|\d{1,3}"
    r"|[Pp]age\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$")
SHORT_TITLE = 20   # a line this short without inner punctuation is a title, not a sentence's tail
EDGE_LINES = 2     # lines at the top and at the bottom of a page that may be a running header/footer
MARGIN_BAND = 0.1  # ... if they lie in this part of the page height, above or below the body


@dataclass
class _Line:
    text: str
    page: int
    x0: float
    x1: float
    size: float
    edge: bool = False  # in the page's top or bottom margin band
    table: bool = False  # holds a gap as wide as a column break: a table row, never joined
    furniture: bool = False


# Given a page's number, the page count, the pdfplumber page and the lines of its text layer, the lines
# to use instead (read by OCR), or None to keep the text layer.
PageScanner = Callable[[int, int, Any, "list[_Line]"], "list[_Line] | None"]


def pdf_text(data: bytes, path: str | os.PathLike[str] | None = None,
             opens_heading: Callable[[str], bool] | None = None) -> str:
    """The text of a PDF's text layer, one line per layout line, broken sentences re-joined.

    ``opens_heading`` tells a line that opens a heading (the rule book's heading styles): such a line
    starts a paragraph of its own unless the layout shows it carrying on a broken sentence.
    """
    pages = pdf_pages(data, path)
    if not any(has_text(page) for page in pages):
        raise _failure(path, "no text layer (scanned PDF?)")
    return layout_text(pages, opens_heading)


def _failure(path: str | os.PathLike[str] | None, message: str) -> InputError:
    return InputError(f"{message}: {os.fspath(path)}" if path is not None else message)


def pdf_pages(data: bytes, path: str | os.PathLike[str] | None = None,
              scan_page: PageScanner | None = None, rules: RuleBook | None = None) -> list[list[_Line]]:
    """The lines of each page's text layer; ``scan_page`` may replace a page's lines with those OCR read
    on it (``formats/scanned.py``). A damaged or encrypted PDF is one InputError; so is one over a budget
    of ``rules`` (``pdf_budget.py``; default: the shipped settings)."""

    def fail(message: str) -> InputError:
        return _failure(path, message)

    if b"%%EOF" not in data[-4096:]:
        raise fail("damaged PDF (truncated: no %%EOF at the end)")
    where = os.fspath(path) if path is not None else None
    check_streams(data, rules, where)
    with needs_extra("pdf", "reading .pdf files (pdfplumber)"):
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFTextExtractionNotAllowed
    # pdfminer logs every repair it makes; with no handler configured they would reach stderr
    miner = logging.getLogger("pdfminer")
    if not any(isinstance(h, logging.NullHandler) for h in miner.handlers):
        miner.addHandler(logging.NullHandler())
    try:
        return _read_pages(pdfplumber, data, scan_page, rules, where)
    except InputError:  # OCR's own refusal (no engine installed, a page image too large), already one line
        raise
    except Exception as exc:  # pdfminer raises many kinds for bad input; none may escape
        cause = exc.args[0] if type(exc).__name__ == "PdfminerException" and exc.args else exc
        if isinstance(cause, PDFEncryptionError) and not isinstance(cause, PDFTextExtractionNotAllowed):
            raise fail("encrypted PDF") from None
        detail = " ".join(str(cause).split())[:80]
        raise fail(f"damaged PDF ({type(cause).__name__}{': ' + detail if detail else ''})") from None


def has_text(lines: list[_Line]) -> bool:
    return any(ch.isalpha() for line in lines for ch in line.text)


def layout_text(pages: list[list[_Line]], opens_heading: Callable[[str], bool] | None = None) -> str:
    """Pages of lines as the parser's text: page furniture marked, broken paragraphs joined."""
    if opens_heading is None:
        from ..api import default_rules
        from ..scan import heading_opener

        opens_heading = heading_opener(default_rules())
    _mark_furniture(pages)
    return "\n".join(_join([line for page in pages for line in page], opens_heading)) + "\n"


def layout_line(text: str, page: int, x0: float, x1: float, size: float, edge: bool) -> _Line:
    """A line laid out on a page (OCR's rows become these): spaces tidied as for a text layer."""
    return _Line(tidy(text), page, x0, x1, size, edge)


def _read_pages(pdfplumber, data: bytes, scan_page: PageScanner | None, rules: RuleBook | None,
                path: str | None) -> list[list[_Line]]:
    pages: list[list[_Line]] = []
    guard_reference_loops()
    pdf = pdfplumber.open(io.BytesIO(data))
    try:
        check_page_count(pdf.doc, rules, path)  # walks the page tree no further than the budget
        count = len(pdf.pages)
        for number, page in enumerate(pdf.pages):
            check_page(page.page_obj, number, rules, path)
            x0, top, x1, bottom = page.bbox
            chars = [c for c in page.dedupe_chars().chars
                     if x0 - 1 <= c["x0"] <= x1 and top - 1 <= c["top"] <= bottom and c["text"].strip()]
            band = MARGIN_BAND * (bottom - top)
            lines = []
            for group in _rows(chars):
                line = _line(group, number)
                line.edge = group[0]["top"] < top + band or group[0]["bottom"] > bottom - band
                if line.text:
                    lines.append(line)
            scanned = scan_page(number, count, page, lines) if scan_page else None
            pages.append(lines if scanned is None else scanned)
    finally:
        # pdfplumber's close() builds every page it has not built yet, just to close it: after a refusal
        # that would redo the work the refusal saved; a page never built has nothing to close
        if hasattr(pdf, "_pages"):
            pdf.close()
    return pages


def _rows(chars: list[dict]) -> list[list[dict]]:
    """Characters grouped into lines by their height on the page, each line left to right."""
    rows: list[list[dict]] = []
    for c in sorted(chars, key=lambda c: (round(c["top"], 1), c["x0"])):
        last = rows[-1] if rows else None
        if last and abs(c["top"] - last[0]["top"]) <= max(2.0, 0.4 * last[0]["size"]):
            last.append(c)
        else:
            rows.append([c])
    return [sorted(row, key=lambda c: c["x0"]) for row in rows]


def _line(chars: list[dict], page: int) -> _Line:
    size = median(c["size"] for c in chars) or 10.0
    gaps = [b["x0"] - a["x1"] for a, b in zip(chars, chars[1:])]
    # the usual gap (letter-spacing) is learnt from lines long enough to show it: "- 3 -" has only word gaps
    wide = (max(0.0, median(gaps)) if len(gaps) >= 4 else 0.0) + 0.2 * size
    parts = [_char(chars[0]["text"])]
    for gap, c in zip(gaps, chars[1:]):
        parts.append((" " if gap > wide else "") + _char(c["text"]))
    return _Line(tidy("".join(parts)), page, chars[0]["x0"], max(c["x1"] for c in chars), size,
                 table=any(gap > wide + 1.5 * size for gap in gaps))


def _char(text: str) -> str:
    if _CID.match(text):
        return "\ufffd"  # a glyph the font does not map to Unicode
    # Kangxi radicals and compatibility ideographs (⼀ for 一) that some PDF writers emit
    return "".join(unicodedata.normalize("NFKC", ch) if "\u2f00" <= ch <= "\u2fdf" or "\uf900" <= ch <= "\ufaff"
                   else ch for ch in text)


def tidy(line: str) -> str:
    """Spaces that layout put between CJK characters and inside numbers are removed.

    >>> tidy("全年地区生产总值增 长 6 . 5 % ， 比 2024 年 提高")
    '全年地区生产总值增长6.5%，比2024年提高'
    >>> tidy("与 Apple Inc 合作 3 个 项目")
    '与 Apple Inc 合作3个项目'
    """
    line = " ".join(line.split())
    line = _DECIMAL.sub(r"\1", line)
    line = _PERCENT.sub("", line)
    return _CJK_SPACE.sub("", line)


def _key(text: str) -> str:
    return re.sub(r"[\d\s]+", "#", text)


def _mark_furniture(pages: list[list[_Line]]) -> None:
    """Page numbers, and lines at a page's top or bottom that repeat on most pages."""
    for page in pages:
        for line in page:
            line.furniture = bool(PAGE_NUMBER.match(line.text))
    if len(pages) < 2:
        return
    seen: dict[str, int] = {}
    for page in pages:
        for key in {_key(ln.text) for ln in _edges(page)}:
            seen[key] = seen.get(key, 0) + 1
    repeated = {key for key, count in seen.items() if count >= max(2, (len(pages) + 1) // 2)}
    for page in pages:
        for line in _edges(page):
            if _key(line.text) in repeated:
                line.furniture = True


def _edges(page: list[_Line]) -> list[_Line]:
    return [ln for ln in page[:EDGE_LINES] + page[-EDGE_LINES:] if ln.edge]


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else 0.0


@dataclass(frozen=True)
class _Layout:
    left: float      # the body's left margin
    right: float     # where full lines end
    indented: bool   # paragraphs open with an indented first line
    opens_heading: Callable[[str], bool]

    def full(self, line: _Line) -> bool:
        return line.x1 >= self.right - 3 * line.size

    def indent(self, line: _Line) -> bool:
        return line.x0 >= self.left + 1.5 * line.size


def _layout(lines: list[_Line], opens_heading: Callable[[str], bool]) -> _Layout:
    body = [ln for ln in lines if not ln.furniture and len(ln.text) >= 2]
    left = _percentile([ln.x0 for ln in body], 0.1)
    right = _percentile([ln.x1 for ln in body], 0.9)
    firsts = sum(1 for ln in body if 1.5 * ln.size <= ln.x0 - left <= 3 * ln.size)
    return _Layout(left, right, firsts >= 0.1 * len(body), opens_heading)


def _join(lines: list[_Line], opens_heading: Callable[[str], bool]) -> list[str]:
    """Body lines that continue a paragraph are joined; page furniture stays on lines of its own."""
    layout = _layout(lines, opens_heading)
    out: list[str] = []
    last: _Line | None = None  # the last body line of the paragraph being built
    paragraph = ""
    waiting: list[str] = []  # furniture met where the paragraph may go on; written after it
    for line in lines:
        if line.furniture:
            if last and _may_go_on(last, paragraph, layout):
                waiting.append(line.text)
                continue
            if last:
                out.append(paragraph)
            out += waiting + [line.text]
            last, paragraph, waiting = None, "", []
            continue
        if last and _may_go_on(last, paragraph, layout) and _continues(line, paragraph, layout) \
                and not (line.table or last.table):
            sep = " " if _LATIN_END.search(paragraph) and _LATIN_START.match(line.text) else ""
            paragraph += sep + line.text
        else:
            if last:
                out.append(paragraph)
            out += waiting
            waiting, paragraph = [], line.text
        last = line
    if last:
        out.append(paragraph)
    return out + waiting


def _ends_sentence(text: str) -> bool:
    text = text.rstrip(CLOSERS)
    return bool(text) and (text[-1] in LINE_FINAL or (text[-1] == "." and len(text) > 1 and not text[-2].isdigit()))


def _may_go_on(last: _Line, paragraph: str, layout: _Layout) -> bool:
    """A full line goes on unless it ends a sentence; where paragraphs are indented, even then."""
    return layout.full(last) and (layout.indented or not _ends_sentence(paragraph))


def _continues(line: _Line, paragraph: str, layout: _Layout) -> bool:
    """Whether ``line`` carries on the paragraph before it rather than opening one.

    Where paragraphs are indented, a line at the left margin after a broken-off sentence is its
    tail even when it looks like a heading (……国家统⏎一、实现……) or a short title; where they are
    not, headings and short titles are left alone.
    """
    if layout.indent(line):
        return False
    if layout.indented:
        return not ((layout.opens_heading(line.text) or _is_title(line.text)) and _ends_sentence(paragraph))
    return not (layout.opens_heading(line.text) or _is_title(line.text))


def _is_title(text: str) -> bool:
    return len(text) <= SHORT_TITLE and not _ends_sentence(text) and not any(ch in SENTENCE_MARKS for ch in text)
