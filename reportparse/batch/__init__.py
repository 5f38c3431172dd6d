"""Batch runs over folders of reports: one JSON line per input, in input order, streamed.

    run_batch(["archive/"], "results.jsonl", workers=2, resume=True, db="results.sqlite")

Each input gives a line per report it holds (a parse document; a compilation gives several, each with
``source.part``), or one error record; `--resume` skips inputs whose path and sha256 already have a line, and pages
OCR read are kept in a cache folder by the file's sha256 and page number, so a run that died in the
middle of a scanned file reads none of its pages twice. A report over the size limit is split into parts,
a line each (work.py); ``timeout`` makes an input that runs past it an error record of type ``timeout``.
The SQLite database and the CSV tables are built from the finished JSONL.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable

from ..errors import ReportParseError
from ..paths import path_bytes, printable
from ..rulebook import load_rules
from ..formats.ocr import OcrOptions
from .jsonl import JsonlWriter, OutputLock, Recorded, done_inputs
from .pool import records_in_order
from .records import process_path
from .tables import CsvSink, SqliteSink
from .walk import Found, input_paths, walk_inputs

__all__ = ["run_batch", "Summary", "process_path", "input_paths"]



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
              ocr_cache: str | None = None, force_workers: bool = False, csv_guard: bool = True,
              timeout: float | None = None) -> Summary:
    """``workers`` is capped at the number of inputs and of cores unless ``force_workers``; ``csv_guard``
    keeps the CSV tables' cells from reading as spreadsheet formulas (``reportparse.export.guard_cell``).
    ``on_record`` is called once per line written with ``{"text_length": …}`` and, for an error record,
    ``{"error": type}``."""
    started = time.perf_counter()
    if rules_dir:
        load_rules(rules_dir)  # a bad rule is one error now, before --out is touched or a worker starts
    if timeout is not None and not hasattr(signal, "setitimer"):
        raise ReportParseError("--timeout needs SIGALRM, which this system does not have")
    outputs = {"--out": out, "--db": db, "--csv": csv_dir}
    refuse_outputs_among_inputs(arguments, outputs)
    own = {os.path.realpath(p) for p in (out, db) if p}
    inputs = [found for found in walk_inputs(arguments) if not _is_output(found.path, own, csv_dir)]
    summary = Summary(inputs=len(inputs))
    with OutputLock(out):
        if resume:
            recorded = done_inputs(out)
            todo = [found for found in inputs if not _recorded(found, recorded)]
            summary.skipped = len(inputs) - len(todo)
        else:
            todo = inputs
        writer = JsonlWriter(out, append=resume)
        try:
            # pages OCR read are kept beside the output unless told where, so a resumed run reads none twice
            options = OcrOptions(mode=ocr, cache_dir=ocr_cache or f"{out}.ocr-cache")  # type: ignore[arg-type]
            count = workers if force_workers else worker_count(workers, len(todo))
            for finished in records_in_order(todo, count, rules_dir, timeout, options):
                writer.write(finished.lines)  # one write: a crash never leaves a compilation half recorded
                for error, length in finished.counts:
                    _count(summary, error, length)
                    if on_record:
                        on_record({"error": error, "text_length": length} if error else {"text_length": length})
        finally:
            writer.close()
        if db or csv_dir:
            build_tables(out, db, csv_dir, csv_guard=csv_guard)
    summary.seconds = time.perf_counter() - started
    return summary


def worker_count(asked: int, inputs: int) -> int:
    """No more processes than inputs to give them or cores to run them: ``--workers 10000`` forks 2."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(asked, inputs, cores))


def refuse_outputs_among_inputs(arguments: list[str], outputs: dict[str, str | None]) -> None:
    """An output that is an input, or lies in a folder being walked, would be overwritten or read back:
    ``batch k.txt --out k.txt`` must not empty the report. Compared by real path (links resolved)."""
    for option, output in outputs.items():
        if not output:
            continue
        target = os.path.realpath(output)
        for argument in arguments:
            if not os.path.exists(argument):
                continue
            source = os.path.realpath(argument)
            if target == source or (os.path.isdir(source) and target.startswith(source.rstrip(os.sep) + os.sep)):
                relation = "is the input" if target == source else "lies inside the input folder"
                raise ReportParseError(f"{option} {printable(output)} {relation} {printable(argument)}: "
                                       "write the results somewhere else")


def _is_output(path: str, own: set[str], csv_dir: str | None) -> bool:
    """A file the run itself writes, reached by a glob or through a link: never read back as an input."""
    real = os.path.realpath(path)
    return real in own or bool(csv_dir and real.startswith(os.path.realpath(csv_dir) + os.sep))


def build_tables(jsonl: str, db: str | None, csv_dir: str | None, *, csv_guard: bool = True) -> None:
    """The SQLite database and CSV tables from a finished JSONL, read one line at a time."""
    sinks = ([SqliteSink(db)] if db else []) + ([CsvSink(csv_dir, guard=csv_guard)] if csv_dir else [])
    with open(jsonl, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for sink in sinks:
                sink.add(record)
    for sink in sinks:
        sink.close()


def _count(summary: Summary, error: str | None, length: int) -> None:
    if error:
        summary.failed[error] += 1
    else:
        summary.parsed += 1
        summary.characters += length


def _recorded(found: Found, done: Recorded) -> bool:
    """Whether the JSONL has a record of this input: the same path with the same bytes (or, for an input
    that could not be read, the same path with no sha256)."""
    encoded = path_bytes(found.path)
    return (encoded or found.path, None if found.problem else _sha256(found.path)) in done


def _sha256(path: str) -> str | None:
    """The sha256 of a regular file's bytes; None for anything else (a FIFO would block the resume)."""
    digest = hashlib.sha256()
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as handle:  # in blocks, as hashlib.file_digest would (3.11+ only)
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()
