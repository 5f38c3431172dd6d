"""Make the README's pictures of the series views from the national reports in ../shared/corpus:
docs/compare_terminal.png (the terminal view of `reportparse compare` over the 52 reports, rendered by Rich
to SVG and photographed by headless Chromium), docs/chains.png (the HTML chains page, 2014–2025) and
docs/panel_national.png (`panel --plot` of four indicators). The SVG and HTML stay in a temporary folder:
only the pictures are kept.

    python docs/series_screenshots.py
"""

from __future__ import annotations

import html
import io
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rich.cells import cell_len  # noqa: E402
from rich.console import Console  # noqa: E402

from reportparse.api import default_rules  # noqa: E402
from reportparse.chains import chains  # noqa: E402
from reportparse.chains.html import chains_html  # noqa: E402
from reportparse.cli.render import thread_table  # noqa: E402
from reportparse.compare import compare  # noqa: E402
from reportparse.panel import panel  # noqa: E402
from reportparse.panel.plot import plot_panel  # noqa: E402
from tests.browser import screenshot  # noqa: E402

NATIONAL = ROOT.parent / "shared" / "corpus" / "gwr-national"
WIDTH = 150  # terminal columns: the marks of 52 reports beside the other columns
PANEL = ["国内生产总值", "居民消费价格涨幅", "城镇新增就业", "赤字率"]


def main() -> None:
    reports = sorted(str(p) for p in NATIONAL.glob("*.txt"))
    if len(reports) < 2:
        sys.exit(f"the national reports are not in {NATIONAL}")
    docs = ROOT / "docs"
    with tempfile.TemporaryDirectory() as tmp:
        console = Console(record=True, width=WIDTH, force_terminal=True, color_system="truecolor",
                          file=io.StringIO())  # recorded for the SVG, not printed
        console.print(thread_table(compare(reports).to_dict()))
        svg = Path(tmp) / "compare.svg"
        svg.write_text(_wide_characters_fixed(console.export_svg(title="reportparse compare shared/corpus/gwr-national/")),
                       encoding="utf-8")
        width, height = _svg_size(svg.read_text(encoding="utf-8"))
        screenshot(svg, docs / "compare_terminal.png", width=width, height=height)
        _fewer_colours(docs / "compare_terminal.png")
        page = Path(tmp) / "chains.html"
        recent = [p for p in reports if int(Path(p).stem) >= 2014]
        page.write_text(chains_html(chains(recent, explain=True).to_dict()), encoding="utf-8")
        screenshot(page, docs / "chains.png", width=1300, height=1100)
    plot_panel(panel(reports), PANEL, docs / "panel_national.png", default_rules())
    for name in ("compare_terminal.png", "chains.png", "panel_national.png"):
        print(f"wrote {docs / name}")


def _wide_characters_fixed(svg: str) -> str:
    """Rich's SVG gives each run of text a textLength of one cell per character; a Chinese character takes
    two cells on a terminal (and in Rich's layout), so the runs are stretched to their cell width."""
    def stretched(found: re.Match) -> str:
        text = html.unescape(found["text"])
        cell = float(found["length"]) / max(len(text), 1)
        return f'{found["head"]}textLength="{cell * cell_len(text):g}"{found["tail"]}{found["text"]}</text>'

    return re.sub(r'(?P<head><text [^>]*?)textLength="(?P<length>[\d.]+)"(?P<tail>[^>]*>)(?P<text>[^<]*)</text>',
                  stretched, svg)


def _fewer_colours(png: Path) -> None:
    """A terminal has few colours: a 64-colour palette keeps the picture and a fifth of its size."""
    from PIL import Image  # matplotlib's dependency, present with the [plot] extra

    with Image.open(png) as image:
        small = image.convert("RGB").quantize(64)
    small.save(png, optimize=True)


def _svg_size(svg: str) -> tuple[int, int]:
    found = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
    if not found:
        return 1800, 3000
    return int(float(found.group(1))) + 1, int(float(found.group(2))) + 1


if __name__ == "__main__":
    main()
