"""OCR: the text of a page image, as lines in the order a reader reads them.

The engine is RapidOCR (``rapidocr-onnxruntime``, the ``[ocr]`` extra): PP-OCRv4 Chinese detection and
recognition models ship inside its wheel and run on the CPU with onnxruntime, so nothing is fetched at
run time. ``bench/ocr.py`` measured it against Tesseract's ``chi_sim`` (see the figures there).

The engine gives boxes with text and a confidence. Boxes are grouped into rows (one visual line may
come as several boxes), rows into columns where the page has a gutter down its middle, and the rows
become ``LayoutLine``s, the same lines the PDF reader builds from a text layer: the PDF reader's
geometry then joins wrapped lines into paragraphs and marks page numbers and running heads, each on a
line of its own, for the noise rules. Recognised text is put right by the ``ocr-fix`` rules
(``rules/ocr.toml``) before anything reads it.

Cost: one engine call per page (about a second for an A4 page on one core); the rest is linear in
the boxes, but for the grouping into rows, which sorts them.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from statistics import median
from typing import Any, Callable, Literal, Sequence

from ..errors import InputError
from ..rulebook import OcrFixRule, RuleBook
from .pdf import MARGIN_BAND  # rows in this band, above or below, may be running heads or page numbers

OcrMode = Literal["auto", "always", "never"]
OCR_MODES: tuple[str, ...] = ("auto", "always", "never")
MISSING_ENGINE = "this input needs OCR: install the extra with  pip install 'reportparse[ocr]'"
# A gutter is looked for in the middle of the page only: a ragged right edge is no column break.
GUTTER_ZONE = (0.3, 0.7)
SPANNING = 0.6       # a row wider than this share of the page crosses the gutter (a title, a page number)
MIN_COLUMN_ROWS = 3  # lines each side of a gutter before a page counts as two columns
GUTTER_CROSSINGS = 0.1  # share of the lines that may cross a gutter (loose boxes, a centred page number)
GUTTER_OVERHANG = 0.25  # a box reaching this share of its width over the gutter still belongs to its column


@dataclass(frozen=True)
class OcrOptions:
    """How a parse uses OCR: ``mode`` auto (only pages with no text layer), always, never; ``on_page``
    hears of each page as it is read (page number from 1, page count); ``cache_dir`` keeps each page's
    recognised text by the file's sha256 and page number, so a page is never read twice."""

    mode: OcrMode = "auto"
    on_page: Callable[[int, int], None] | None = None
    cache_dir: str | None = None


@dataclass(frozen=True)
class Box:
    """One recognised run of text: its bounding box in image pixels and the engine's confidence."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class PageScan:
    """A page read by OCR: its size in pixels, its boxes, and their mean confidence (by characters)."""

    width: float
    height: float
    boxes: list[Box] = field(default_factory=list)

    @property
    def confidence(self) -> float | None:
        chars = sum(len(b.text) for b in self.boxes)
        if not chars:
            return None  # a blank page: nothing was read, nothing was misread
        return sum(b.confidence * len(b.text) for b in self.boxes) / chars

    def to_json(self) -> dict[str, Any]:
        return {"width": self.width, "height": self.height,
                "boxes": [[b.text, b.x0, b.top, b.x1, b.bottom, b.confidence] for b in self.boxes]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PageScan:
        return cls(data["width"], data["height"], [Box(*row) for row in data["boxes"]])


@dataclass(frozen=True)
class PageInfo:
    """What ``source.pages`` says of one page: whether it was OCR'd and how sure the engine was."""

    page: int  # from 1
    ocr: bool
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        confidence = round(self.confidence, 4) if self.confidence is not None else None
        return {"page": self.page, "ocr": self.ocr, "confidence": confidence}


@lru_cache(maxsize=1)
def _engine() -> Any:
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        raise InputError(MISSING_ENGINE) from None
    # One thread: batch runs OCR in one process per core, and on a busy machine a single thread read a
    # page faster than two (bench/ocr.py).
    return RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)


def engine_available() -> bool:
    """Whether the ``[ocr]`` extra is installed (the engine is not loaded to find out)."""
    from importlib.util import find_spec

    return find_spec("rapidocr_onnxruntime") is not None


def recognize(image: Any) -> PageScan:
    """The boxes the engine reads on a PIL image (any mode)."""
    import numpy

    engine = _engine()
    rgb = image.convert("RGB")
    # no angle classifier: scanned report pages are upright, and it turned some full lines upside down,
    # which then read as nothing
    result, _ = engine(numpy.asarray(rgb), use_cls=False)
    boxes = []
    for corners, text, score in result or ():
        xs = [float(p[0]) for p in corners]
        ys = [float(p[1]) for p in corners]
        if text.strip():
            boxes.append(Box(text.strip(), min(xs), min(ys), max(xs), max(ys), float(score)))
    return PageScan(float(rgb.width), float(rgb.height), boxes)


class PageCache:
    """Recognised pages on disk, one JSON file per page, named by the file's sha256 and the page number.
    A file is written whole (to a temporary name, then renamed), so a crash leaves none half-written."""

    def __init__(self, folder: str, sha256: str):
        self.folder = os.path.join(folder, sha256[:2])
        self.sha256 = sha256

    def _path(self, page: int) -> str:
        return os.path.join(self.folder, f"{self.sha256}-p{page:05d}.json")

    def get(self, page: int) -> PageScan | None:
        try:
            with open(self._path(page), encoding="utf-8") as handle:
                return PageScan.from_json(json.load(handle))
        except (OSError, ValueError, KeyError, TypeError):
            return None  # absent or unreadable: read the page again

    def put(self, page: int, scan: PageScan) -> None:
        os.makedirs(self.folder, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(scan.to_json(), out, ensure_ascii=False)
        os.replace(temporary, self._path(page))


class PageReader:
    """Reads the pages of one file by OCR, through the cache, telling ``on_page`` as it goes."""

    def __init__(self, options: OcrOptions, sha256: str | None, rules: RuleBook):
        self.options = options
        self.cache = PageCache(options.cache_dir, sha256) if options.cache_dir and sha256 else None
        self.fixes = rules.of(OcrFixRule)
        self.pages: list[PageInfo] = []

    def read(self, number: int, count: int, image: Callable[[], Any]) -> PageScan:
        """Page ``number`` (from 0) of ``count``; ``image`` renders it only when the cache lacks it."""
        scan = self.cache.get(number + 1) if self.cache else None
        if scan is None:
            scan = recognize(image())
            if self.cache:
                self.cache.put(number + 1, scan)
        scan.boxes = [Box(fix_text(b.text, self.fixes), b.x0, b.top, b.x1, b.bottom, b.confidence)
                      for b in scan.boxes]
        self.pages.append(PageInfo(number + 1, True, scan.confidence))
        if self.options.on_page:
            self.options.on_page(number + 1, count)
        return scan

    def text_page(self, number: int, count: int) -> None:
        """Page ``number`` kept its text layer."""
        self.pages.append(PageInfo(number + 1, False))
        if self.options.on_page:
            self.options.on_page(number + 1, count)


def fix_text(text: str, fixes: Sequence[OcrFixRule]) -> str:
    for rule in fixes:
        text = rule.pattern.compiled.sub(rule.replace, text)
    return text


@dataclass
class Row:
    """Boxes on one visual line, left to right; ``shift`` moves a right-hand column onto the left's margin."""

    boxes: list[Box]
    shift: float = 0.0

    @property
    def x0(self) -> float:
        return self.boxes[0].x0

    @property
    def x1(self) -> float:
        return max(b.x1 for b in self.boxes)

    @property
    def top(self) -> float:
        return min(b.top for b in self.boxes)

    @property
    def bottom(self) -> float:
        return max(b.bottom for b in self.boxes)

    @property
    def size(self) -> float:
        return median(b.height for b in self.boxes)

    def text(self) -> str:
        parts = [self.boxes[0].text]
        for left, right in zip(self.boxes, self.boxes[1:]):
            # the engine splits a line where letters stand apart: a wide gap is a space, a narrow one is not
            parts.append((" " if right.x0 - left.x1 > 0.6 * self.size else "") + right.text)
        return "".join(parts)


def rows_of(boxes: Sequence[Box]) -> list[Row]:
    """Boxes grouped into visual lines: a box joins a row when its middle lies within the row's height."""
    rows: list[Row] = []
    for box in sorted(boxes, key=lambda b: (b.top + b.bottom) / 2):
        middle = (box.top + box.bottom) / 2
        for row in reversed(rows[-3:]):  # rows are met top down; only the last few can still take a box
            if row.top <= middle <= row.bottom and not _overlaps(row, box):
                row.boxes.append(box)
                row.boxes.sort(key=lambda b: b.x0)
                break
        else:
            rows.append(Row([box]))
    return rows


def _overlaps(row: Row, box: Box) -> bool:
    return any(b.x0 < box.x1 and box.x0 < b.x1 for b in row.boxes)


def reading_order(scan: PageScan) -> list[Row]:
    """Rows top to bottom; on a two-column page, each band between full-width rows column by column.

    The gutter is looked for among the boxes before they are grouped into rows: a left and a right
    column's lines at one height would otherwise make one row across the page.
    """
    gutter = _gutter(scan.boxes, scan.width)
    if gutter is None:
        return sorted(rows_of(scan.boxes), key=lambda r: r.top)
    sides: dict[str, list[Box]] = {"left": [], "right": [], "across": []}
    for box in scan.boxes:
        sides[_side(box, gutter)].append(box)
    left, right, across = (rows_of(sides[side]) for side in ("left", "right", "across"))
    margin = min((r.x0 for r in left), default=gutter)
    column_left = min((r.x0 for r in right), default=gutter)
    for row in right:
        row.shift = column_left - margin
    ordered: list[Row] = []
    top = float("-inf")
    for divider in sorted(across, key=lambda r: r.top) + [None]:
        bottom = divider.top if divider else float("inf")
        for column in (left, right):
            ordered += sorted((r for r in column if top <= r.top < bottom), key=lambda r: r.top)
        if divider:
            ordered.append(divider)
            top = divider.top
    return ordered


def _side(box: Box, gutter: float) -> str:
    """Which column a box is in; one reaching over the gutter by a little (a loose box) stays in its column."""
    overhang = min(gutter - box.x0, box.x1 - gutter)
    if overhang <= GUTTER_OVERHANG * (box.x1 - box.x0):
        return "left" if box.x0 + box.x1 < 2 * gutter else "right"
    return "across"


def _gutter(boxes: Sequence[Box], width: float) -> float | None:
    """The x of the strip down the middle that fewest lines cross, if few do and each side has lines."""
    narrow = [b for b in boxes if b.x1 - b.x0 < SPANNING * width]
    if len(narrow) < 2 * MIN_COLUMN_ROWS:
        return None
    step = width / 100
    candidates = [GUTTER_ZONE[0] * width + i * step for i in range(int((GUTTER_ZONE[1] - GUTTER_ZONE[0]) * 100) + 1)]
    crossing = [sum(1 for b in narrow if b.x0 < x < b.x1) for x in candidates]
    fewest = min(crossing)
    if fewest > GUTTER_CROSSINGS * len(narrow):
        return None
    # the middle of the widest run of candidates that fewest lines cross
    runs: list[list[float]] = []
    for x, count in zip(candidates, crossing):
        if count == fewest:
            if runs and abs(x - runs[-1][-1] - step) < 1e-6:
                runs[-1].append(x)
            else:
                runs.append([x])
    run = max(runs, key=len)
    middle = (run[0] + run[-1]) / 2
    left = sum(1 for b in narrow if b.x1 <= middle + GUTTER_OVERHANG * (b.x1 - b.x0) and b.x0 < middle)
    right = sum(1 for b in narrow if b.x0 >= middle - GUTTER_OVERHANG * (b.x1 - b.x0) and b.x1 > middle)
    return middle if left >= MIN_COLUMN_ROWS and right >= MIN_COLUMN_ROWS else None


def in_margin(row: Row, scan: PageScan) -> bool:
    band = MARGIN_BAND * scan.height
    return row.top < band or row.bottom > scan.height - band
