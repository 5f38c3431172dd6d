"""Scanned input: PDF pages without a text layer and page images, read by OCR into the parser's text.

A PDF is read page by page: a page whose text layer has letters keeps it (``--ocr auto``), any other
page is rendered and read by OCR (``--ocr always`` reads every page; ``never`` none). The rows OCR
finds become the same lines a text layer gives, so one layout step joins wrapped lines and marks page
numbers and running heads for every page alike. ``source.format`` is ``pdf-ocr`` when any page was
read by OCR, and ``image-ocr`` for images; ``source.pages`` gives each page's mean confidence.

Cost: one render and one OCR call per page read (seconds each, see ``bench/ocr.py``); the layout
after it is linear in the lines.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable

from ..errors import InputError
from ..rulebook import RuleBook
from .images import image_pages
from .ocr import OcrOptions, PageInfo, PageReader, PageScan, in_margin, reading_order
from .pdf import _Line, has_text, layout_line, layout_text, pdf_pages

RENDER_DPI = 200  # enough for 10.5-point CJK print; more costs time and gains no characters
POINTS_PER_INCH = 72


@dataclass(frozen=True)
class ScannedText:
    text: str
    ocr: bool                      # whether any page was read by OCR
    pages: tuple[PageInfo, ...]    # every page, when any was read by OCR


def page_lines(scan: PageScan, page: int, scale: float = 1.0) -> list[_Line]:
    """A page's rows in reading order as layout lines; ``scale`` turns pixels into the page's units."""
    lines = []
    for row in reading_order(scan):
        line = layout_line(row.text(), page, (row.x0 - row.shift) * scale, (row.x1 - row.shift) * scale,
                           row.size * scale, in_margin(row, scan))
        if line.text:
            lines.append(line)
    return lines


def read_pdf(data: bytes, path: str | None, opens_heading: Callable[[str], bool] | None, options: OcrOptions,
             sha256: str | None, rules: RuleBook) -> ScannedText:
    """A PDF's text, with the pages that need it read by OCR."""
    reader = PageReader(options, sha256, rules)

    def scan_page(number: int, count: int, page: Any, lines: list[_Line]) -> list[_Line] | None:
        if options.mode == "never" or (options.mode == "auto" and has_text(lines)):
            reader.text_page(number, count)
            return None
        scan = reader.read(number, count, lambda: page.to_image(resolution=RENDER_DPI).original)
        return page_lines(scan, number, POINTS_PER_INCH / RENDER_DPI)

    pages = pdf_pages(data, path, scan_page, rules)
    read = any(p.ocr for p in reader.pages)
    if not any(has_text(page) for page in pages):
        problem = "no text found, by OCR either" if read else "no text layer (scanned PDF?)"
        raise InputError(f"{problem}{_where(path)}")
    return ScannedText(layout_text(pages, opens_heading), read, tuple(reader.pages) if read else ())


def _where(path: str | None) -> str:
    return f": {os.fspath(path)}" if path else ""


def read_image(data: bytes, path: str | None, opens_heading: Callable[[str], bool] | None, options: OcrOptions,
               sha256: str | None, rules: RuleBook) -> ScannedText:
    """The text of a page image (every frame of a multi-page TIFF), read by OCR."""
    where = _where(path)
    if options.mode == "never":
        raise InputError(f"an image has no text but what OCR reads (--ocr never given){where}")
    reader = PageReader(options, sha256, rules)
    frames = image_pages(data, path, rules)
    pages = [page_lines(reader.read(number, len(frames), frame), number) for number, frame in enumerate(frames)]
    if not any(has_text(page) for page in pages):
        raise InputError(f"no text found on the image{where}")
    return ScannedText(layout_text(pages, opens_heading), True, tuple(reader.pages))
