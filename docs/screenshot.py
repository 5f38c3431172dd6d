"""Make docs/view.png, the README's picture of the HTML view, by the code path tests/test_view.py checks.

    python docs/screenshot.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportparse import parse  # noqa: E402
from tests.browser import screenshot  # noqa: E402
from reportparse.view.html import report_html  # noqa: E402

SOURCE = ROOT / "corpus" / "gwr-qingchuan-2025.txt"  # the project's own report: no real report copied


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "view.html"
        page.write_text(report_html(parse(SOURCE)), encoding="utf-8")
        screenshot(page, ROOT / "docs" / "view.png", width=1400, height=900)
    print(f"wrote {ROOT / 'docs' / 'view.png'}")


if __name__ == "__main__":
    main()
