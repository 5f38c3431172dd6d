"""Input formats: a report's bytes to its text, by what the bytes are (not the file's extension).

Each reader takes the raw bytes (and the path, for messages and for converters that need a file) and
returns the text the parser will see; offsets in the output refer to that text. `source.format` names
the path taken: `txt`, `docx`, `pdf`, `doc` (through LibreOffice), `wps` (through LibreOffice),
`pdf-ocr` (a PDF with pages read by OCR) and `image-ocr` (page images, see ``scanned.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from ..decode import decode
from ..errors import InputError
from ..extras import needs_extra
from .images import image_kind
from .ocr import OcrOptions, PageInfo

if TYPE_CHECKING:
    from ..rulebook import RuleBook

ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc and WPS .wps


@dataclass(frozen=True)
class Extracted:
    text: str
    format: str
    encoding: str | None = None  # for text files, the encoding detected
    pages: tuple[PageInfo, ...] = ()  # when OCR read any page: every page, with its confidence


def sniff(data: bytes) -> str:
    """The format the bytes are in.

    >>> sniff(b"%PDF-1.7 ..."), sniff(b"PK\\x03\\x04..."), sniff("一、学习".encode("gbk"))
    ('pdf', 'zip', 'txt')
    """
    if data.startswith(PDF_MAGIC):
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return "zip"
    if data.startswith(OLE_MAGIC):
        return "ole"
    if image_kind(data):
        return "image"
    return "txt"


def extract_text(data: bytes, path: str | None = None,
                 opens_heading: Callable[[str], bool] | None = None, *, ocr: OcrOptions | None = None,
                 sha256: str | None = None, rules: RuleBook | None = None) -> Extracted:
    """The text of a report file, whatever its format; a clear InputError when it has none.

    ``opens_heading`` (the rule book's heading styles) helps readers that rebuild paragraphs from a
    page's layout keep a heading on a line of its own (default: the shipped rules' styles).
    ``ocr`` says when OCR reads a page (default: pages with no text layer); ``sha256`` (of ``data``)
    names the pages in its cache; ``rules`` gives the OCR fixes and settings (default: the shipped ones).
    """
    kind = sniff(data)
    if kind in ("pdf", "image"):
        from ..rulebook import default_rules
        from .scanned import read_image, read_pdf

        read = read_pdf if kind == "pdf" else read_image
        scanned = read(data, path, opens_heading, ocr or OcrOptions(), sha256, rules or default_rules())
        fmt = f"{kind}-ocr" if scanned.ocr else kind
        return Extracted(scanned.text, fmt, pages=scanned.pages)
    if kind == "zip":
        with needs_extra("office", "reading .docx files (lxml)"):
            from .docx import docx_text

        return Extracted(docx_text(data, path, rules), "docx")
    if kind == "ole":
        with needs_extra("office", "reading .doc/.wps files (olefile, lxml)"):
            from .office import office_text

        text, fmt = office_text(data, path, rules)
        return Extracted(text, fmt)
    decoded = decode(data, path=path)
    return Extracted(decoded.text, "txt", decoded.encoding)


__all__ = ["Extracted", "InputError", "OcrOptions", "extract_text", "sniff"]
