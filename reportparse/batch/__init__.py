"""Batch runs over folders of reports: one JSON line per input, in input order, streamed.

    run_batch(["archive/"], "results.jsonl", workers=2, resume=True, db="results.sqlite")

Each input gives a line per report it holds (a parse document; a compilation gives several, each with
``source.part``), or one error record; `--resume` skips inputs whose sha256 already has a line, and pages
OCR read are kept in a cache folder by the file's sha256 and page number, so a run that died in the
middle of a scanned file reads none of its pages twice. The SQLite database and the CSV tables are built
from the finished JSONL.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from ..rulebook import RuleBook, load_rules
from .jsonl import JsonlWriter, done_inputs
from ..formats.ocr import OcrOptions
from .records import error_record, process_path, report_records
from .tables import CsvSink, SqliteSink
from .walk import input_paths

__all__ = ["run_batch", "Summary", "process_path", "input_paths"]

CHUNKSIZE = 4


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
              csv_dir: str | None = None, rules_dir: str | None = None,
              on_record: Callable[[dict[str, Any]], None] | None = None, ocr: str = "auto",
              ocr_cache: str | None = None) -> Summary:
    started = time.perf_counter()
    if rules_dir:
        load_rules(rules_dir)  # a bad rule is one error now, before --out is touched or a worker starts
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
        for records in _records(todo, workers, rules_dir, options):
            writer.add_all(records)  # one write: a crash never leaves a compilation half recorded
            for record in records:
                _count(summary, record)
                if on_record:
                    on_record(record)
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


def _records(paths: list[str], workers: int, rules_dir: str | None,
             ocr: OcrOptions) -> Iterator[list[dict[str, Any]]]:
    """Each input's records, in input order."""
    if workers <= 1 or len(paths) <= 1:
        rules = load_rules(rules_dir) if rules_dir else None
        for path in paths:
            yield report_records(path, rules, ocr)
        return
    # fork shares the loaded rules; each worker keeps its own LibreOffice profile (by pid) and runs its own OCR
    context = multiprocessing.get_context("fork") if hasattr(os, "fork") else multiprocessing.get_context()
    with context.Pool(workers, initializer=_init_worker, initargs=(rules_dir, ocr)) as pool:
        yield from pool.imap(_process_in_worker, paths, chunksize=CHUNKSIZE)


_WORKER_RULES: RuleBook | None = None
_WORKER_OCR = OcrOptions()


def _init_worker(rules_dir: str | None, ocr: OcrOptions) -> None:
    global _WORKER_RULES, _WORKER_OCR
    _WORKER_RULES = load_rules(rules_dir) if rules_dir else None
    _WORKER_OCR = ocr


def _process_in_worker(path: str) -> list[dict[str, Any]]:
    try:
        return report_records(path, _WORKER_RULES, _WORKER_OCR)
    except Exception as exc:  # noqa: BLE001 - a record, never a dead pool
        return [error_record(path, None, "internal", f"{type(exc).__name__}: {exc}")]


def _count(summary: Summary, record: dict[str, Any]) -> None:
    if "error" in record:
        summary.failed[record["error"]["type"]] += 1
    else:
        summary.parsed += 1
        summary.characters += record.get("text_length", 0)


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
