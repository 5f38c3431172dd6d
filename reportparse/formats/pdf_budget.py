"""A PDF's budgets, checked before pdfminer does the work they bound.

pdfminer inflates a stream whole, in memory, when it is first asked for it, and interprets every operator
of a page, building an object per character: a 950 KB flate bomb reaches 2 GB and 21 KB of one-character
``Tj`` operators run for minutes. So, before pdfminer sees them:

* every zlib stream in the file's bytes is inflated once, counted and thrown away, against the
  ``inflate-member-max-bytes`` and ``inflate-total-max-bytes`` budgets (streams that are not zlib, such as
  JPEG images, fail at their first bytes and cost nothing);
* the page tree is walked no further than ``pdf-max-pages``;
* each page's content streams (deciphered, when the file is encrypted, and counted while inflating) are
  scanned for operators, against ``pdf-max-page-operators`` and ``pdf-max-page-text-operators``.

And one thing pdfminer would never finish: an object that is a reference to itself (``2 0 obj 2 0 R
endobj``, one byte away from a valid file) sends its resolver round for ever; :func:`guard_reference_loops`
stops that as a damaged PDF (pdfminer.six 20260107 still loops).

Cost: one pass of zlib over the file, and one regular-expression pass over each page's content.
"""

from __future__ import annotations

import re
import zlib
from typing import TYPE_CHECKING, Any

from ..budgets import Inflation, check, limit, refusal

if TYPE_CHECKING:
    from ..rulebook import RuleBook

_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_END = b"endstream"
# An operator is a bare keyword (BT, Tj, re, f*, T*); names (/F1), numbers and hex strings are operands.
# Letters inside a literal string count too: an over-count, which the generous budget absorbs.
_OPERATOR = re.compile(rb"(?<![\w/#.+\-])[A-Za-z][A-Za-z*0-9]*(?![\w])|(?<=[)\s\]])['\"]")
_TEXT_OPERATOR = re.compile(rb"(?<![\w/#])T[jJ](?![\w])|(?<=\))\s*['\"]")
_KEYWORDS = {b"true", b"false", b"null"}


def check_streams(data: bytes, rules: RuleBook | None, path: str | None) -> None:
    """Inflate every zlib stream of the file once, counting, so that a bomb is refused before pdfminer."""
    inflation = Inflation(rules, path)
    for number, found in enumerate(_STREAM.finditer(data)):
        end = data.find(_END, found.end())
        body = data[found.end():end if end >= 0 else len(data)]
        if not _zlib_header(body):
            continue  # an image, an encrypted stream …: nothing zlib would inflate here
        try:
            inflation.inflate(f"stream {number + 1}", body, keep=False)
        except zlib.error:
            continue  # damaged or not zlib after all: pdfminer will say so, or skip it


def guard_reference_loops() -> None:
    """Make pdfminer's ``PDFDocument.getobj`` follow a chain of references itself and refuse a loop, where
    pdfminer's ``resolve1`` would loop for ever. Installed on the class, once: the loop can sit in the
    trailer's /Root, resolved while pdfplumber opens the document, before any instance is at hand.
    An object that is a reference to another resolves to what that one is, as ``resolve1`` has it."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.pdftypes import PDFObjRef

    getobj = PDFDocument.getobj
    if getattr(getobj, "follows_references", False):
        return

    def getobj_through_references(document: PDFDocument, objid: int) -> object:
        found, seen = getobj(document, objid), {objid}
        while isinstance(found, PDFObjRef):
            if found.objid in seen:
                raise PDFSyntaxError(f"object {objid} refers to itself")
            seen.add(found.objid)
            found = getobj(document, found.objid)
        return found

    setattr(getobj_through_references, "follows_references", True)
    setattr(PDFDocument, "getobj", getobj_through_references)


def _zlib_header(body: bytes) -> bool:
    """RFC 1950: deflate with a window of at most 32 KB, and a header that checks out modulo 31."""
    return len(body) >= 2 and body[0] & 0x0F == 8 and body[0] >> 4 <= 7 and (body[0] << 8 | body[1]) % 31 == 0


def check_page_count(document: Any, rules: RuleBook | None, path: str | None) -> None:
    """Count a pdfminer document's pages, walking its page tree no further than the budget allows."""
    from pdfminer.pdfpage import PDFPage

    allowed = limit(rules, "pdf-max-pages")
    for count, _ in enumerate(PDFPage.create_pages(document), start=1):
        if count > allowed:
            raise refusal("pdf-max-pages", allowed, f"the file has more than {allowed:,} pages", path)


def check_page(page: Any, number: int, rules: RuleBook | None, path: str | None) -> None:
    """Count the operators of a pdfminer page's content streams before the page is interpreted."""
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1

    inflation = Inflation(rules, path)
    operators = texts = 0
    for item in page.contents:
        stream = resolve1(item)
        if not isinstance(stream, PDFStream):
            continue
        if stream.data is None and stream.rawdata is not None:
            filters = stream.get_filters()
            if filters and filters[0][0] in LITERALS_FLATE_DECODE:
                raw = stream.rawdata
                if stream.decipher and stream.objid is not None and stream.genno is not None:
                    raw = stream.decipher(stream.objid, stream.genno, raw, stream.attrs)
                try:
                    inflation.inflate(f"page {number + 1}'s content", raw, keep=False)
                except zlib.error:
                    pass  # pdfminer has its own way with a damaged stream
        content = stream.get_data()
        operators += sum(1 for m in _OPERATOR.finditer(content) if m.group() not in _KEYWORDS)
        texts += sum(1 for _ in _TEXT_OPERATOR.finditer(content))
    where = f"page {number + 1} has"
    check(rules, "pdf-max-page-text-operators", texts, f"{where} {texts:,} text-showing operators", path)
    check(rules, "pdf-max-page-operators", operators, f"{where} {operators:,} operators", path)

