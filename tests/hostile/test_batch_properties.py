"""Properties of a batch run over unlucky archives: file names in any bytes, and runs killed at random."""

from __future__ import annotations

import base64
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportparse.batch import run_batch

ROOT = Path(__file__).resolve().parents[2]
REPORTS = sorted((ROOT / "corpus").glob("*.txt"))

# a file name is any bytes but "/" and NUL, at most 255 of them; ours end in .txt to be walked
name_bytes = st.binary(min_size=1, max_size=200).map(lambda b: b.replace(b"/", b"_").replace(b"\0", b"_")).filter(
    lambda b: b not in (b".", b"..") and not b.startswith(b"."))


def written_name(source: dict) -> bytes:
    """The file name a record names, as bytes: from ``path_bytes`` when the name is not UTF-8."""
    if "path_bytes" in source:
        return base64.b64decode(source["path_bytes"])
    return source["path"].encode("utf-8")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(name_bytes, min_size=1, max_size=6, unique_by=lambda b: b.lower()))
def test_any_file_names_give_one_valid_utf8_record_each(tmp_path_factory, raw_names):
    folder = tmp_path_factory.mktemp("names")
    archive = os.path.join(os.fsencode(folder), b"archive")
    os.mkdir(archive)
    for number, raw in enumerate(raw_names):
        with open(os.path.join(archive, raw + b".txt"), "wb") as handle:
            handle.write(REPORTS[number % len(REPORTS)].read_bytes())
    out = folder / "o.jsonl"
    summary = run_batch([os.fsdecode(archive)], str(out))
    lines = out.read_bytes().split(b"\n")[:-1]
    recorded = [json.loads(line.decode("utf-8")) for line in lines]  # strict UTF-8, valid JSON, every line
    assert len(recorded) == len(raw_names) == summary.parsed
    assert sorted(os.path.basename(written_name(r["source"])) for r in recorded) == sorted(n + b".txt" for n in raw_names)
    assert run_batch([os.fsdecode(archive)], str(out), resume=True).skipped == len(raw_names)


def _archive(folder: Path, count: int) -> Path:
    """``count`` inputs, every third a copy of another's bytes (same sha256, different path)."""
    archive = folder / "archive"
    archive.mkdir()
    for number in range(count):
        source = REPORTS[(number // 3) % len(REPORTS)] if number % 3 == 2 else REPORTS[number % len(REPORTS)]
        (archive / f"{number:04d}.txt").write_bytes(source.read_bytes())
    return archive


def _batch(archive: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "reportparse", "batch", str(archive), "--out", str(out),
                             "--workers", "2", "--force-workers", *extra],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    fields = handle.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


def _lines(out: Path) -> int:
    return out.read_bytes().count(b"\n") if out.exists() else 0


def test_kill_9_at_random_points_then_resume_ends_with_one_record_per_input(tmp_path):
    # enough inputs that a run lasts several seconds even with fast workers: the kills must land mid-run
    inputs = 600
    archive = _archive(tmp_path, inputs)
    out = tmp_path / "o.jsonl"
    rng = random.Random(15)
    kills = 0
    while kills < 6:
        # a random point: a moment after the start (often before the first record), or a random number of
        # further lines into the run
        by_time = rng.random() < 0.3
        started, wait, target = time.monotonic(), rng.uniform(0.1, 0.8), _lines(out) + rng.randint(1, 20)
        run = _batch(archive, out, *(["--resume"] if out.exists() else []))
        while run.poll() is None and (time.monotonic() - started < wait if by_time else _lines(out) < target):
            time.sleep(0.005)
        if run.poll() is not None:
            break  # it finished first
        workers = _children(run.pid)
        os.kill(run.pid, signal.SIGKILL)
        run.wait()
        kills += 1
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(w) for w in workers), "a worker outlived its parent"
    assert kills >= 3
    assert _batch(archive, out, "--resume").wait(timeout=120) == 0
    keys = [(r["source"]["path"], r["source"]["sha256"]) for r in map(json.loads, out.read_text().splitlines())]
    assert len(keys) == len(set(keys)) == inputs  # one line per (path, sha256): none lost, none twice


def test_sigterm_ends_the_workers_with_the_run(tmp_path):
    archive = _archive(tmp_path, 300)
    run = _batch(archive, tmp_path / "o.jsonl")
    deadline = time.monotonic() + 30
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline:
        workers = _children(run.pid)
        time.sleep(0.05)
    assert len(workers) >= 2
    run.send_signal(signal.SIGTERM)
    assert run.wait(timeout=30) == 128 + signal.SIGTERM
    time.sleep(0.5)
    assert not any(_alive(w) for w in workers)
    lines = (tmp_path / "o.jsonl").read_bytes().split(b"\n")
    assert lines[-1] == b"" and all(json.loads(line) for line in lines[:-1])  # whole lines, synced
