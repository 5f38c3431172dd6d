"""Headless Chromium, for looking at a page as a person would: a screenshot, and the DOM it built.

Used by tests/test_view.py and docs/screenshot.py; not part of the installed package."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from reportparse.errors import ReportParseError

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")
# this machine's network is closed: without these flags Chromium tries its update and sync hosts
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic", "--hide-scrollbars")
TIMEOUT = 120


def chromium() -> str | None:
    return next((path for name in CANDIDATES if (path := shutil.which(name))), None)


def _run(page: Path, *extra: str) -> subprocess.CompletedProcess:
    binary = chromium()
    if binary is None:
        raise ReportParseError("Chromium is not installed (Debian package: chromium)")
    with tempfile.TemporaryDirectory(prefix="reportparse-chromium-") as profile:
        return subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *extra, page.resolve().as_uri()],
                              capture_output=True, timeout=TIMEOUT)


def screenshot(page: Path, png: Path, width: int = 1400, height: int = 900) -> Path:
    _run(page, f"--screenshot={png.resolve()}", f"--window-size={width},{height}")
    if not png.exists():
        raise ReportParseError(f"Chromium made no screenshot of {page}")
    return png


def dump_dom(page: Path) -> str:
    """The page's DOM after Chromium has built it, as HTML."""
    return _run(page, "--dump-dom").stdout.decode("utf-8")
