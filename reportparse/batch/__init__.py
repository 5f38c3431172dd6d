"""Batch runs over folders of reports: one JSON line per input, in input order, streamed.

    run_batch(["archive/"], "results.jsonl", workers=2, resume=True, db="results.sqlite")

Each input gives a line per report it holds (a parse document; a compilation gives several, each with
``source.part``, and so does a report over the size limit, split into parts: work.py), or one error
record. `--resume` skips inputs whose sha256 already has a line; pages OCR read are kept in a cache
folder by the file's sha256 and page number, so a run that died in the middle of a scanned file reads
none of its pages twice; `timeout` makes an input that runs past it an error record of type
``timeout``. The SQLite database and the CSV tables are built from the finished JSONL.

With workers, each loads the rules once (at its start), takes the inputs in chunks, and sends back
its records already serialised: the parent only writes bytes and counts, so it takes little of a
core from the workers. Results stream in input order as they come.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from ..errors import ReportParseError
from ..rulebook import RuleBook, default_rules, load_rules
from .jsonl import JsonlWriter, done_inputs, jsonl_line
from ..formats.ocr import OcrOptions
from .records import error_record, process_path
from .tables import CsvSink, SqliteSink
from .walk import input_paths
from .work import Done, timing_works_here, work

__all__ = ["run_batch", "Summary", "process_path", "input_paths"]

MAX_CHUNK = 8  # inputs a worker takes at once: fewer round trips, yet no long tail left to one worker


@dataclass
class Summary:
    inputs: int = 0
    skipped: int = 0
    parsed: int = 0
    characters: int = 0
    failed: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def failures(self) -> int:
        return sum(self.failed.values())


def run_batch(arguments: list[str], out: str, *, workers: int = 1, resume: bool = False, db: str | None = None,
              csv_dir: str | None = None, rules_dir: str | None = None, timeout: float | None = None,
              on_record: Callable[[dict[str, Any]], None] | None = None, ocr: str = "auto",
              ocr_cache: str | None = None) -> Summary:
    """``on_record`` is called once per line written with ``{"text_length": …}`` and, for an error
    record, ``{"error": type}``."""
    started = time.perf_counter()
    if rules_dir:
        load_rules(rules_dir)  # a bad rule is one error now, before --out is touched or a worker starts
    if timeout is not None and not hasattr(signal, "setitimer"):
        raise ReportParseError("--timeout needs SIGALRM, which this system does not have")
    own = {os.path.abspath(p) for p in (out, db) if p}
    paths = [p for p in input_paths(arguments) if os.path.abspath(p) not in own
             and not (csv_dir and os.path.abspath(p).startswith(os.path.abspath(csv_dir) + os.sep))]
    summary = Summary(inputs=len(paths))
    if resume:
        hashes, unread = done_inputs(out)
        todo = [p for p in paths if not _recorded(p, hashes, unread)]
        summary.skipped = len(paths) - len(todo)
    else:
        todo = paths
    writer = JsonlWriter(out, append=resume)
    try:
        # pages OCR read are kept beside the output unless told where, so a resumed run reads none twice
        options = OcrOptions(mode=ocr, cache_dir=ocr_cache or f"{out}.ocr-cache")  # type: ignore[arg-type]
        for done in _done(todo, workers, rules_dir, timeout, options):
            writer.write(done.lines)
            for error, length in done.counts:
                _count(summary, error, length)
                if on_record:
                    on_record({"error": error, "text_length": length} if error else {"text_length": length})
    finally:
        writer.close()
    if db or csv_dir:
        build_tables(out, db, csv_dir)
    summary.seconds = time.perf_counter() - started
    return summary


def build_tables(jsonl: str, db: str | None, csv_dir: str | None) -> None:
    """The SQLite database and CSV tables from a finished JSONL, read one line at a time."""
    sinks = ([SqliteSink(db)] if db else []) + ([CsvSink(csv_dir)] if csv_dir else [])
    with open(jsonl, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for sink in sinks:
                sink.add(record)
    for sink in sinks:
        sink.close()


def _done(paths: list[str], workers: int, rules_dir: str | None, timeout: float | None,
          ocr: OcrOptions) -> Iterator[Done]:
    # a time limit is a SIGALRM to the main thread: from any other thread, the work goes to a worker
    in_process = workers <= 1 or len(paths) <= 1
    if in_process and (timeout is None or timing_works_here()):
        rules = load_rules(rules_dir) if rules_dir else None
        for path in paths:
            yield work(path, rules, timeout, ocr)
        return
    workers = min(workers, len(paths))
    chunk = max(1, min(MAX_CHUNK, len(paths) // (workers * 4)))
    # fork shares what the parent loaded; each worker keeps its own LibreOffice profile (by pid) and runs its own OCR
    context = multiprocessing.get_context("fork") if hasattr(os, "fork") else multiprocessing.get_context()
    with context.Pool(workers, initializer=_init_worker, initargs=(rules_dir, timeout, ocr)) as pool:
        yield from pool.imap(_work_in_worker, paths, chunksize=chunk)


_WORKER_RULES: RuleBook | None = None
_WORKER_TIMEOUT: float | None = None
_WORKER_OCR = OcrOptions()


def _init_worker(rules_dir: str | None, timeout: float | None, ocr: OcrOptions) -> None:
    """Once per worker: the rules it will use for every input (never reloaded per task)."""
    global _WORKER_RULES, _WORKER_TIMEOUT, _WORKER_OCR
    _WORKER_RULES = load_rules(rules_dir) if rules_dir else default_rules()
    _WORKER_TIMEOUT = timeout
    _WORKER_OCR = ocr


def _work_in_worker(path: str) -> Done:
    try:
        return work(path, _WORKER_RULES, _WORKER_TIMEOUT, _WORKER_OCR)
    except Exception as exc:  # noqa: BLE001 - a record, never a dead pool
        record = error_record(path, None, "internal", f"{type(exc).__name__}: {exc}")
        return Done(jsonl_line(record), (("internal", 0),))


def _count(summary: Summary, error: str | None, length: int) -> None:
    if error:
        summary.failed[error] += 1
    else:
        summary.parsed += 1
        summary.characters += length


def _recorded(path: str, hashes: set[str], unread: set[str]) -> bool:
    sha = _sha256(path)
    return sha in hashes if sha else path in unread


def _sha256(path: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:  # in blocks, as hashlib.file_digest would (3.11+ only)
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()
