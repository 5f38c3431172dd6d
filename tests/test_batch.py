"""Batch runs: N inputs give N lines in input order, errors as records, resume, tables, engines."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reportparse.batch import build_tables, process_path, run_batch
from reportparse.batch.tables import section_tree

from .conftest import OWN_CORPUS, schema_valid

REPORTS = sorted(str(p) for p in OWN_CORPUS.glob("*.txt"))


def lines(path: Path) -> list[dict]:
    return [schema_valid(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def archive(tmp_path: Path) -> list[str]:
    """The own corpus plus the kinds of bad input an archive holds."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (tmp_path / "folder.docx").mkdir()
    (tmp_path / "报告2023.txt").write_bytes("一、工作回顾\n全年增长5%。\n".encode("gbk"))
    bad = [str(tmp_path / n) for n in ("empty.txt", "image.txt", "folder.docx", "missing.pdf", "报告2023.txt")]
    return REPORTS + bad


@pytest.mark.parametrize("workers", [1, 2])
def test_n_inputs_give_n_lines_in_input_order(tmp_path, archive, workers):
    out = tmp_path / "out.jsonl"
    summary = run_batch(archive, str(out), workers=workers)
    records = lines(out)
    assert [r["source"]["path"] for r in records] == archive
    errors = {Path(r["source"]["path"]).name: r["error"]["type"] for r in records if "error" in r}
    assert errors == {"empty.txt": "empty", "image.txt": "input", "folder.docx": "directory",
                      "missing.pdf": "missing"}
    assert all(r["error"]["message"].count("\n") == 0 for r in records if "error" in r)
    assert summary.parsed == len(archive) - 4 and summary.failures == 4
    assert records[-1]["source"]["encoding"] == "gb18030" and records[-1]["year"] == 2023


def test_resume_skips_what_is_done_and_mends_a_torn_line(tmp_path):
    out = tmp_path / "out.jsonl"
    run_batch(REPORTS[:3], str(out))
    with open(out, "ab") as handle:
        handle.write(b'{"source": {"path": "torn')  # a run killed mid-write
    summary = run_batch(REPORTS, str(out), resume=True)
    records = lines(out)
    assert summary.skipped == 3 and summary.parsed == len(REPORTS) - 3
    assert [r["source"]["path"] for r in records] == REPORTS


def test_a_file_that_vanishes_is_a_record(tmp_path):
    path = tmp_path / "gone.txt"
    path.write_text("一、学习\n", encoding="utf-8")
    os.remove(path)
    assert schema_valid(process_path(str(path)))["error"]["type"] == "missing"


def test_sqlite_tables_answer_the_obvious_queries(tmp_path):
    out, db = tmp_path / "out.jsonl", tmp_path / "out.sqlite"
    run_batch(REPORTS, str(out), db=str(db), csv_dir=str(tmp_path / "csv"))
    connection = sqlite3.connect(db)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"reports", "sections", "quantities", "meetings", "documents", "weaknesses", "plans",
                      "warnings"}
    indexes = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "ix_quantities_indicator" in indexes
    rows = connection.execute(
        "SELECT r.year, q.value, q.unit FROM quantities q JOIN reports r ON r.id = q.report_id "
        "WHERE q.indicator = '地区生产总值' AND q.unit = '%' ORDER BY r.year").fetchall()
    assert rows and all(unit == "%" for _, _, unit in rows)
    assert connection.execute("SELECT count(*) FROM reports").fetchone()[0] == len(REPORTS)
    csv_text = (tmp_path / "csv" / "quantities.csv").read_bytes()
    assert csv_text.startswith("\ufeff".encode("utf-8") + b"report_id,section_id,text")


def test_sqlite_rebuilds_each_tree_and_keeps_its_foreign_keys(tmp_path):
    out, db = tmp_path / "out.jsonl", tmp_path / "out.sqlite"
    run_batch([*REPORTS, str(tmp_path / "missing.txt")], str(out), db=str(db), csv_dir=str(tmp_path / "csv"))
    records = lines(out)
    connection = sqlite3.connect(db)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert all("REFERENCES sections(id)" in sql for (sql,) in connection.execute(
        "SELECT sql FROM sqlite_master WHERE name IN ('quantities', 'meetings', 'documents', 'weaknesses', 'plans')"))
    for report_id, record in enumerate(records, start=1):
        assert section_tree(connection, report_id) == record.get("sections", [])
    warnings = connection.execute("SELECT r.path, w.code, w.start FROM warnings w JOIN reports r ON r.id = w.report_id")
    assert sorted(warnings) == sorted((r["source"]["path"], w["code"], w["start"]) for r in records
                                      for w in r.get("warnings", []))
    csv_rows = (tmp_path / "csv" / "sections.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(csv_rows) - 1 == connection.execute("SELECT count(*) FROM sections").fetchone()[0]


def test_a_mentions_section_id_names_the_node_its_path_shows(tmp_path):
    out, db = tmp_path / "out.jsonl", tmp_path / "out.sqlite"
    run_batch(REPORTS, str(out), db=str(db))
    connection = sqlite3.connect(db)
    nodes = {row[0]: row[1:] for row in connection.execute("SELECT id, parent_id, kind, marker, title FROM sections")}

    def path(node_id: int | None) -> str | None:  # the rule of a mention's path, read up the parent_ids
        if node_id is None:
            return None
        parent_id, kind, marker, title = nodes[node_id]
        if kind in ("preamble", "closing", "noise"):
            return kind
        above = path(parent_id)
        if kind == "paragraph":
            return above
        return f"{above} > {marker or title or kind}" if above else marker or title or kind

    pairs = [row for table in ("quantities", "meetings", "documents", "weaknesses", "plans")
             for row in connection.execute(f"SELECT section_id, path FROM {table}")]
    assert len(pairs) > 500 and all(path(section_id) == shown for section_id, shown in pairs)


def test_pandas_reads_the_database(tmp_path):
    pandas = pytest.importorskip("pandas")
    out, db = tmp_path / "out.jsonl", tmp_path / "out.sqlite"
    run_batch(REPORTS, str(out))
    build_tables(str(out), str(db), None)
    with sqlite3.connect(db) as connection:
        frame = pandas.read_sql_query(
            "SELECT r.year, q.indicator, q.value FROM quantities q JOIN reports r ON r.id = q.report_id "
            "WHERE q.type = 'measure' AND q.unit = '%'", connection)
    assert len(frame) > 10 and set(frame.columns) == {"year", "indicator", "value"}


def test_dask_bag_runs_the_same_call(tmp_path):
    bag = pytest.importorskip("dask.bag")
    records = bag.from_sequence(REPORTS, npartitions=2).map(process_path).compute(scheduler="synchronous")
    assert [schema_valid(r)["source"]["path"] for r in records] == REPORTS


def test_cli_exit_codes_and_summary(tmp_path, archive):
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "reportparse", "batch", *archive, "--out", str(out), "--workers", "2"]
    done = subprocess.run(command, capture_output=True, timeout=300)
    assert done.returncode == 1 and done.stdout == b""
    assert "failed: missing" in done.stderr.decode() and len(lines(out)) == len(archive)
    ok = subprocess.run([*command[:4], *REPORTS[:2], "--out", str(tmp_path / "ok.jsonl")], capture_output=True,
                        timeout=300)
    assert ok.returncode == 0
