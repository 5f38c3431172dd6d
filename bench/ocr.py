"""OCR engines side by side on the same rendered pages: pages per second and characters right per page.

    python bench/ocr.py [--pages N]

Pages are the project's own corpus/ reports drawn by tests/render_pages.py (Noto CJK, one column, and
one two-column page), so the source text of every page is known. For each engine: pages per second on
this machine (one thread each: batch runs one process per core), and characters right per page, i.e.
1 − (edit distance between what the engine read and the page's text) / (the page's characters), with
all white space left out on both sides (Tesseract puts spaces between CJK characters). Engines:

- RapidOCR (``rapidocr-onnxruntime``, the ``[ocr]`` extra: PP-OCRv4 Chinese models inside its wheel),
  through reportparse's own reading order (``formats/ocr.py``);
- Tesseract 5 with ``chi_sim`` (Debian: ``tesseract-ocr tesseract-ocr-chi-sim``), page segmentation
  mode 3 (automatic, which finds columns), read as plain text.

An engine that is not installed is reported as such.

Measured on 2026-11-30 (this 2-core machine, shared, load average about 4; 5 pages, the last two-column):

    engine                  pages/s  chars right (mean)  worst page   per page
    rapidocr (PP-OCRv4)        0.22              0.9945      0.9868   0.994 0.996 0.987 0.996 0.999
    tesseract (chi_sim)        0.42              0.7745      0.6043   0.949 0.655 0.695 0.970 0.604

Tesseract reads twice as fast but gets one character in four wrong on average: its page segmentation
breaks justified lines into fragments and loses characters between them (0.65 on the statistics
bureau's first page), and it scores 0.60 on the two-column page. RapidOCR gets 99.5% right, enough
to keep the figures, so it is the engine (``formats/ocr.py``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportparse.formats.ocr import engine_available, reading_order, recognize  # noqa: E402
from tests.render_pages import cjk_font, render_pages, wrap, LINES_PER_PAGE  # noqa: E402

REPORTS = ("duty-linjiang-2023", "summary-stats-bureau-2023", "gwr-qingchuan-2025")
TWO_COLUMN = "democratic-life-2023"


def pages_with_text(limit: int) -> list[tuple[str, Any, str]]:
    """(name, image, text on the page) for the first pages of the reports, and one two-column page."""
    out = []
    for name, columns in [(r, 1) for r in REPORTS] + [(TWO_COLUMN, 2)]:
        text = (ROOT / "corpus" / f"{name}.txt").read_text(encoding="utf-8")
        lines = wrap(text)
        per_page = LINES_PER_PAGE * columns
        for number, image in enumerate(render_pages(text, columns), 1):
            on_page = "".join(lines[(number - 1) * per_page:number * per_page]) + f"-{number}-"
            out.append((f"{name} p{number}" + (" (2 columns)" if columns == 2 else ""), image, on_page))
    firsts = [p for p in out if p[0].endswith(" p1")]  # one page of each report before more of one
    rest = [p for p in out if not p[0].endswith(" p1") and "2 columns" not in p[0]]
    two_columns = [p for p in out if "2 columns" in p[0]]
    return (firsts + rest)[:max(1, limit - 1)] + two_columns[:1]


def bare(text: str) -> str:
    return "".join(text.split())


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def rapidocr(image: Any) -> str:
    return "".join(row.text() for row in reading_order(recognize(image)))


def tesseract(image: Any) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "page.png")
        image.save(path)
        done = subprocess.run(["tesseract", path, "stdout", "-l", "chi_sim", "--psm", "3"], capture_output=True,
                              env={**os.environ, "OMP_THREAD_LIMIT": "1"}, check=True)
    return done.stdout.decode("utf-8")


def tesseract_available() -> bool:
    if not shutil.which("tesseract"):
        return False
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    return "chi_sim" in listed.stdout.split()


def measure(read: Callable[[Any], str], pages: list[tuple[str, Any, str]]) -> tuple[float, list[float]]:
    read(pages[0][1])  # load models and caches once, outside the timing
    started = time.perf_counter()
    results = [read(image) for _, image, _ in pages]
    seconds = time.perf_counter() - started
    scores = [1 - edit_distance(bare(got), bare(want)) / len(bare(want)) for got, (_, _, want) in zip(results, pages)]
    return len(pages) / seconds, scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=4, help="pages to read (the last one has two columns)")
    args = parser.parse_args()
    if cjk_font() is None:
        sys.exit("no CJK font: install fonts-noto-cjk")
    pages = pages_with_text(args.pages)
    engines = {"rapidocr (PP-OCRv4)": (rapidocr, engine_available()),
               "tesseract (chi_sim)": (tesseract, tesseract_available())}
    print(f"{len(pages)} pages: " + ", ".join(name for name, _, _ in pages))
    print(f"{'engine':22} {'pages/s':>8} {'chars right (mean)':>19} {'worst page':>11}   per page")
    for name, (read, available) in engines.items():
        if not available:
            print(f"{name:22} not installed")
            continue
        rate, scores = measure(read, pages)
        per_page = " ".join(f"{s:.3f}" for s in scores)
        print(f"{name:22} {rate:8.2f} {sum(scores) / len(scores):19.4f} {min(scores):11.4f}   {per_page}")


if __name__ == "__main__":
    main()
