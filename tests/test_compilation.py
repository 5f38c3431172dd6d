"""Compilations: a file holding several reports is split into them; a file with one report is unchanged."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from reportparse import parse, parse_reports
from reportparse.batch import run_batch
from reportparse.compilation import split_reports
from reportparse.decode import decode
from reportparse.rulebook import default_rules

from .conftest import OWN_CORPUS, ROOT, SHARED_CORPUS

OWN_REPORTS = ("duty-linjiang-2022", "integrity-qingchuan-drc-2023", "gwr-qingchuan-2025")
NATIONAL_YEARS = (2019, 2021, 2022, 2023, 2024)


def _sections(report: Any) -> list[tuple]:
    return [(n.level, n.marker, n.title, n.role) for n in report.walk() if n.kind == "section"]


def _own(name: str) -> str:
    return (OWN_CORPUS / f"{name}.txt").read_text(encoding="utf-8")


def test_reports_with_their_own_titles_are_split():
    texts = [_own(name) for name in OWN_REPORTS]
    compilation = "\n\n".join(texts)
    reports = parse_reports(compilation)
    assert len(reports) == len(texts)
    for report, text in zip(reports, texts):
        alone = parse(text)
        part = report.source.part
        assert part["count"] == len(texts)
        assert compilation[part["start"]:part["end"]] == report.text and report.text.strip() == text.strip()
        assert (report.genre, report.year, report.title) == (alone.genre, alone.year, alone.title)
        assert _sections(report) == _sections(alone)
        assert all(report.text[n.start:n.end] == alone.text[n.start:n.end] for n in report.walk())


def test_a_form_feed_before_a_title_starts_a_report():
    """duty-linjiang-2023 opens with its title and no name line under it: the page break tells."""
    first, second = _own("duty-linjiang-2022"), _own("duty-linjiang-2023")
    reports = parse_reports(first + "\f" + second)
    assert [r.year for r in reports] == [2022, 2023]
    assert reports[1].text.startswith("2023年度述职报告") and "\f" not in reports[0].text


def test_a_file_with_one_report_is_unchanged():
    book = default_rules()
    for path in sorted(OWN_CORPUS.glob("*.txt")):
        assert len(split_reports(decode(path.read_bytes()).text, book)) == 1, path.name
        (report,) = parse_reports(path)
        assert report.to_dict() == parse(path).to_dict() and "part" not in report.to_dict()["source"]


def test_parse_prints_a_list_and_batch_a_line_per_report(tmp_path):
    path = tmp_path / "汇编.txt"
    path.write_text("\n\n".join(_own(name) for name in OWN_REPORTS), encoding="utf-8")
    done = subprocess.run([sys.executable, str(ROOT / "cli.py"), "parse", str(path), "--format", "json"],
                          capture_output=True, timeout=120, check=True)
    documents = json.loads(done.stdout)
    assert [d["source"]["part"]["number"] for d in documents] == [1, 2, 3]
    out = tmp_path / "out.jsonl"
    summary = run_batch([str(path), str(OWN_CORPUS / "duty-linjiang-2024.txt")], str(out))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["source"]["path"], (r["source"].get("part") or {}).get("number")) for r in records] == [
        (str(path), 1), (str(path), 2), (str(path), 3), (str(OWN_CORPUS / "duty-linjiang-2024.txt"), None)]
    assert summary.parsed == 4


@pytest.fixture
def national() -> dict[int, str]:
    folder = SHARED_CORPUS / "gwr-national"
    if not all((folder / f"{year}.txt").is_file() for year in NATIONAL_YEARS):
        pytest.skip("../shared/corpus/gwr-national is absent")
    return {year: decode((folder / f"{year}.txt").read_bytes()).text for year in NATIONAL_YEARS}


def test_five_national_reports_in_one_file_split_into_five(national):
    """A yearbook's run of reports, one a page: those printed without a title get the yearbook's own."""
    chunks = []
    for year, text in national.items():
        titled = any(line.strip() == "政府工作报告" for line in text.splitlines()[:5])
        chunks.append(text if titled else f"{year}年政府工作报告\n{text}")
    reports = parse_reports("\f".join(chunks))
    assert [r.year for r in reports] == list(NATIONAL_YEARS)
    for report, chunk in zip(reports, chunks):
        assert _sections(report) == _sections(parse(chunk)) != []
