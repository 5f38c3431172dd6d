"""Report text drawn as page images with Pillow and a CJK font, for the OCR tests and bench/ocr.py.

Lines wrap at a fixed number of characters, each paragraph's first line indented by two (as a GB/T
9704 document is printed), and a page number ``- N -`` stands centred at the foot of every page. A
two-column page sets the same paragraphs in two narrower columns.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

FONT_PATHS = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
              "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
              "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
FONT_SIZE = 22
LINE_HEIGHT = 40
MARGIN = 60
CHARS_PER_LINE = 34
LINES_PER_PAGE = 30
INDENT = "\u3000\u3000"
PARAGRAPH_END = "\n"  # marks a paragraph's last line, which is not justified
NO_LINE_START = "。，、；：？！）》”’"


def cjk_font() -> Path | None:
    return next((Path(p) for p in FONT_PATHS if Path(p).is_file()), None)


def wrap(text: str, width: int = CHARS_PER_LINE) -> list[str]:
    """The report's paragraphs as printed lines: first lines indented, none wider than ``width``.
    Every line but a paragraph's last ends in ``JUSTIFY`` (it is set full width)."""
    lines: list[str] = []
    for paragraph in text.splitlines():
        paragraph = paragraph.strip(" \u3000\t")
        if not paragraph:
            continue
        paragraph = INDENT + paragraph
        chunks = [paragraph[i:i + width] for i in range(0, len(paragraph), width)]
        for chunk in chunks:
            # as typesetters do, a closing mark never opens a line: it hangs at the end of the one before
            if lines and chunk[0] in NO_LINE_START and len(chunk) == 1:
                lines[-1] += chunk
            elif lines and chunk[0] in NO_LINE_START:
                lines[-1] += chunk[0]
                lines.append(chunk[1:])
            else:
                lines.append(chunk)
        lines[-1] += PARAGRAPH_END
    return lines


def _font(size: int = FONT_SIZE) -> Any:
    from PIL import ImageFont

    path = cjk_font()
    if path is None:
        raise RuntimeError("no CJK font (install fonts-noto-cjk)")
    return ImageFont.truetype(str(path), size)


def _page_size(columns: int) -> tuple[int, int]:
    width = 2 * MARGIN + columns * CHARS_PER_LINE * FONT_SIZE + (columns - 1) * 3 * FONT_SIZE
    return width, 2 * MARGIN + (LINES_PER_PAGE + 2) * LINE_HEIGHT


def render_pages(text: str, columns: int = 1) -> list[Any]:
    """PIL images (mode L) of the text, ``columns`` columns a page, a page number at each foot."""
    from PIL import Image, ImageDraw

    font = _font()
    lines = wrap(text)
    per_page = LINES_PER_PAGE * columns
    width, height = _page_size(columns)
    column_width = CHARS_PER_LINE * FONT_SIZE + 3 * FONT_SIZE
    pages = []
    for number, first in enumerate(range(0, len(lines), per_page), 1):
        image = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(image)
        for index, line in enumerate(lines[first:first + per_page]):
            column, row = divmod(index, LINES_PER_PAGE)
            _draw_line(draw, font, MARGIN + column * column_width, MARGIN + row * LINE_HEIGHT, line)
        folio = f"- {number} -"
        draw.text(((width - draw.textlength(folio, font=font)) / 2, height - MARGIN - LINE_HEIGHT // 2), folio,
                  font=font, fill=0)
        pages.append(image)
    return pages


def _draw_line(draw: Any, font: Any, x: float, y: float, line: str) -> None:
    """A line set as print sets it: justified to the column's width, but for a paragraph's last."""
    if line.endswith(PARAGRAPH_END) or len(line) < 2:
        draw.text((x, y), line.rstrip(PARAGRAPH_END), font=font, fill=0)
        return
    widths = [draw.textlength(ch, font=font) for ch in line]
    spare = max(0.0, CHARS_PER_LINE * FONT_SIZE - sum(widths)) / (len(line) - 1)
    for ch, width in zip(line, widths):
        draw.text((x, y), ch, font=font, fill=0)
        x += width + spare


def to_bytes(image: Any, fmt: str = "PNG", **options: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def to_tiff(images: list[Any]) -> bytes:
    """A multi-page TIFF of the pages."""
    buffer = io.BytesIO()
    images[0].save(buffer, "TIFF", save_all=True, append_images=images[1:], compression="tiff_deflate")
    return buffer.getvalue()


def to_pdf(images: list[Any], resolution: float = 150.0) -> bytes:
    """An image-only PDF of the pages (a scan: no text layer)."""
    buffer = io.BytesIO()
    images[0].save(buffer, "PDF", save_all=True, append_images=images[1:], resolution=resolution)
    return buffer.getvalue()
