"""The HTML view, read as a page: every mention highlighted, outline links landing on anchors; and,
where Chromium is installed, rendered headless, checked through its DOM and photographed."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reportparse import parse
from .browser import chromium, dump_dom, screenshot
from reportparse.view.html import PREFIX, report_html

from .conftest import OWN_CORPUS, SHARED_CORPUS, schema_valid

DOCS = Path(__file__).resolve().parents[1] / "docs"


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.marked: set[str] = set()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(attributes["href"])
        self.marked.update((attributes.get("data-m") or "").split())


def expected_ids(report) -> set[str]:
    document = schema_valid(report.to_dict())
    return {f"{PREFIX[k]}{i}" for k in ("quantities", "meetings", "documents", "weaknesses", "plans")
            for i, _ in enumerate(document[k])}


def check_page(html: str, report) -> Page:
    page = Page()
    page.feed(html)
    assert expected_ids(report) <= page.marked
    assert page.hrefs and all(h.startswith("#") and h[1:] in page.ids for h in page.hrefs)
    return page


@pytest.mark.parametrize("path", sorted(OWN_CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_mention_is_highlighted_and_every_link_lands(path):
    report = parse(path)
    html = report_html(report)
    page = check_page(html, report)
    assert not any(tag in ("script", "link", "img") for tag, _ in page.tags)  # self-contained
    assert "http://" not in html and "https://" not in html and "@import" not in html


@pytest.mark.skipif(chromium() is None, reason="Chromium is not installed (the CI installs it)")
def test_chromium_renders_the_view_of_a_real_report(tmp_path):
    source = SHARED_CORPUS / "gwr-national" / "2024.txt"
    if not source.exists():
        source = OWN_CORPUS / "gwr-qingchuan-2025.txt"
    report = parse(source)
    page_path = tmp_path / "view.html"
    page_path.write_text(report_html(report), encoding="utf-8")
    check_page(dump_dom(page_path), report)
    png = screenshot(page_path, tmp_path / "view.png")
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 10_000
    if source.is_relative_to(OWN_CORPUS):  # the README shows the project's own report, not a copied one
        shutil.copy(png, tmp_path / "kept.png")
