"""A batch run never destroys an input, never loses one, and never records one twice (issue 15)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from reportparse.batch import run_batch, worker_count
from reportparse.batch.jsonl import OutputLock
from reportparse.batch.walk import walk_inputs
from reportparse.errors import ReportParseError

from .limited import refused, run

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "corpus" / "duty-linjiang-2023.txt"


def records(out: Path) -> list[dict]:
    return [json.loads(line) for line in out.read_bytes().decode("utf-8").splitlines()]


def names(out: Path) -> dict[str, dict]:
    return {Path(r["source"]["path"]).name: r for r in records(out)}


# -- outputs that are inputs ------------------------------------------------------------------------------

def test_an_out_that_is_the_input_is_refused_and_the_input_kept(tmp_path):
    report = tmp_path / "k.txt"
    shutil.copy(REPORT, report)
    line = refused("batch", "k.txt", "--out", "k.txt", cwd=tmp_path)
    assert "--out k.txt is the input" in line
    assert report.read_bytes() == REPORT.read_bytes()


def test_a_db_naming_a_report_is_refused_and_the_report_kept(tmp_path):
    report = tmp_path / "k.txt"
    shutil.copy(REPORT, report)
    assert "--db" in refused("batch", str(report), "--out", str(tmp_path / "o.jsonl"), "--db", str(report))
    assert report.read_bytes() == REPORT.read_bytes()


@pytest.mark.parametrize("option", ["--out", "--db", "--csv"])
def test_an_output_inside_a_folder_being_walked_is_refused(tmp_path, option):
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(REPORT, archive / "a.txt")
    args = ["--out", str(tmp_path / "o.jsonl")] if option != "--out" else []
    line = refused("batch", str(archive), *args, option, str(archive / "results"))
    assert "lies inside the input folder" in line


def test_an_out_reached_through_a_link_is_never_read_back(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(REPORT, archive / "a.txt")
    out = tmp_path / "results.txt"  # a report's suffix: a walk would take it for one
    (archive / "latest.txt").symlink_to(out)
    for _ in range(2):
        run_batch([str(archive)], str(out))
        assert list(names(out)) == ["a.txt"]


# -- resume ---------------------------------------------------------------------------------------------

def test_resume_keeps_two_files_with_the_same_bytes_apart(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    shutil.copy(REPORT, first)
    shutil.copy(REPORT, second)
    out = tmp_path / "out" / "o.jsonl"
    out.parent.mkdir()
    run_batch([str(first)], str(out))
    summary = run_batch([str(first), str(second)], str(out), resume=True)
    assert summary.skipped == 1 and sorted(names(out)) == ["a.txt", "b.txt"]


@pytest.mark.parametrize("content", [b"hello\nworld\n", b'{"schema": "reportparse/error/1", "source": {}}\nnot json\n',
                                     b"\x00\x01binary", b"[1, 2]\n"])
def test_resume_refuses_a_file_that_is_not_a_batch_jsonl_and_leaves_it(tmp_path, content):
    out = tmp_path / "notes.jsonl"
    out.write_bytes(content)
    line = refused("batch", str(REPORT), "--out", str(out), "--resume")
    assert "is not a reportparse batch JSONL" in line
    assert out.read_bytes() == content


def test_a_second_run_on_the_same_out_is_refused_naming_the_first(tmp_path):
    out = tmp_path / "o.jsonl"
    with OutputLock(str(out)):
        with pytest.raises(ReportParseError, match=rf"another batch run is writing .*o.jsonl \(pid {os.getpid()} on "):
            run_batch([str(REPORT)], str(out))
    run_batch([str(REPORT)], str(out))  # once the first has finished
    assert len(records(out)) == 1 and not Path(f"{out}.lock").exists()


# -- every entry a walk meets gets a record -------------------------------------------------------------

def test_links_that_lead_nowhere_or_in_a_loop_and_pipes_get_records(tmp_path):
    archive = tmp_path / "archive"
    (archive / "sub").mkdir(parents=True)
    shutil.copy(REPORT, archive / "a.txt")
    (archive / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    (archive / "self.txt").symlink_to(archive / "self.txt")
    (archive / "sub" / "up").symlink_to(archive, target_is_directory=True)
    os.mkfifo(archive / "pipe.txt")
    out = tmp_path / "o.jsonl"
    summary = run_batch([str(archive)], str(out))
    found = names(out)
    assert set(found) == {"a.txt", "gone.txt", "self.txt", "up", "pipe.txt"}
    assert {name: r["error"]["type"] for name, r in found.items() if "error" in r} == {
        "gone.txt": "missing", "self.txt": "unreadable", "up": "unreadable", "pipe.txt": "special"}
    assert "broken symbolic link" in found["gone.txt"]["error"]["message"]
    assert "loop" in found["up"]["error"]["message"]
    assert summary.parsed == 1 and summary.failures == 4


def test_a_folder_that_cannot_be_listed_gets_a_record(tmp_path, monkeypatch):
    archive = tmp_path / "archive"
    (archive / "locked").mkdir(parents=True)
    shutil.copy(REPORT, archive / "a.txt")
    listing = os.scandir

    def refuse_locked(path):  # root lists any folder: the refusal a user meets is simulated
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)

    monkeypatch.setattr(os, "scandir", refuse_locked)
    found = walk_inputs([str(archive)])
    assert [(Path(f.path).name, f.problem and f.problem[0]) for f in found] == [("a.txt", None),
                                                                                ("locked", "unreadable")]
    out = tmp_path / "o.jsonl"
    run_batch([str(archive)], str(out))
    assert names(out)["locked"]["error"]["message"].startswith("cannot read folder")


# -- workers --------------------------------------------------------------------------------------------

def test_workers_are_capped_at_inputs_and_cores():
    cores = len(os.sched_getaffinity(0))
    assert worker_count(10_000, 3) == min(3, cores)
    assert worker_count(10_000, 10_000) == cores
    assert worker_count(0, 5) == 1


def test_ten_thousand_workers_on_two_inputs_start_no_more_than_two(tmp_path):
    ended = run("batch", str(REPORT), str(ROOT / "corpus" / "duty-linjiang-2024.txt"), "--out",
                str(tmp_path / "o.jsonl"), "--workers", "10000")
    assert ended.code == 0 and len(records(tmp_path / "o.jsonl")) == 2
