"""A GBK file name from a zip made on Windows, through every command that writes JSON or CSV: the output
is valid UTF-8 and the name comes back exactly from ``path_bytes``; CSV cells never read as formulas."""

from __future__ import annotations

import base64
import csv
import io
import json
import os
from pathlib import Path

import pytest

from .limited import run

ROOT = Path(__file__).resolve().parents[2]
GBK_NAME = "述职报告2023".encode("gbk") + b".txt"  # b"\xca\xf6\xd6\xb0\xb1\xa8\xb8\xe62023.txt"


@pytest.fixture
def gbk_named(tmp_path: Path) -> str:
    folder = os.fsencode(tmp_path / "reports")
    os.mkdir(folder)
    path = os.path.join(folder, GBK_NAME)
    with open(path, "wb") as handle:
        handle.write((ROOT / "corpus" / "duty-linjiang-2023.txt").read_bytes())
    with open(os.path.join(folder, b"2024.txt"), "wb") as handle:
        handle.write((ROOT / "corpus" / "duty-linjiang-2024.txt").read_bytes())
    return os.fsdecode(path)


def utf8_json(data: bytes) -> dict:
    return json.loads(data.decode("utf-8"))  # strict: raw bytes of the name would fail here


def test_parse_and_extract_write_utf8_json_with_the_names_bytes(gbk_named):
    for command in (["parse", gbk_named, "-f", "json"], ["extract", gbk_named, "-f", "json"]):
        ended = run(*command)
        source = utf8_json(ended.stdout)["source"]
        assert base64.b64decode(source["path_bytes"]) == os.fsencode(gbk_named)
        assert "\ufffd" in source["path"]


def test_compare_export_and_batch_take_the_name(gbk_named, tmp_path):
    folder = os.path.dirname(gbk_named)
    assert utf8_json(run("compare", folder, "-f", "json").stdout)["schema"] == "reportparse/compare/1"
    ended = run("export", folder, "--spacy", str(tmp_path / "r.spacy"))
    assert ended.code == 0 and "wrote 2 docs" in ended.stderr
    out = tmp_path / "o.jsonl"
    assert run("batch", folder, "--out", str(out), "--csv", str(tmp_path / "csv")).code == 0
    sources = [utf8_json(line)["source"] for line in out.read_bytes().splitlines()]
    assert {base64.b64decode(s["path_bytes"]) for s in sources if "path_bytes" in s} == {os.fsencode(gbk_named)}
    assert run("batch", folder, "--out", str(out), "--resume").code == 0  # resume gets past the name
    assert len(out.read_bytes().splitlines()) == 2


def test_an_error_naming_the_file_is_one_printable_line(gbk_named):
    missing = gbk_named.replace("2023", "1999")
    ended = run("parse", missing)
    assert ended.code == 1 and "no such file" in ended.error


# -- CSV for spreadsheets ------------------------------------------------------------------------------

FORMULA_REPORT = "一、学习情况\n认真学习《=HYPERLINK(\"http://example.com\",\"点击\")》和《@SUM(A1)》。\n"


def test_extract_csv_guards_formulas_unless_told_not_to(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(FORMULA_REPORT, encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(run("extract", str(report), "-f", "csv").stdout.decode("utf-8-sig"))))
    texts = [row["text"] for row in rows if row["kind"] == "documents"]
    assert texts and all(text.startswith("'") for text in texts)
    plain = run("extract", str(report), "-f", "csv", "--no-csv-guard").stdout.decode("utf-8-sig")
    assert any(row["text"].startswith("《=") or row["text"].startswith("=")
               for row in csv.DictReader(io.StringIO(plain)) if row["kind"] == "documents")


def test_batch_csv_guards_a_path_that_reads_as_a_formula(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "=1+1.txt").write_text(FORMULA_REPORT, encoding="utf-8")
    assert run("batch", "=1+1.txt", "--out", str(tmp_path / "o.jsonl"), "--csv", str(tmp_path / "csv"),
               cwd=folder).code == 0
    reports = list(csv.DictReader(open(tmp_path / "csv" / "reports.csv", encoding="utf-8-sig")))
    assert reports[0]["path"] == "'=1+1.txt"
    titles = [row["title"] for row in csv.DictReader(open(tmp_path / "csv" / "documents.csv", encoding="utf-8-sig"))]
    assert titles and all(not t.startswith(("=", "@")) for t in titles)
