"""The records of a batch's inputs, in input order: in this process, or in a pool of worker processes that
end with the run (SIGTERM, Ctrl-C, an error) and, on Linux, even when the run is killed outright.

Each worker loads the rules once, takes the inputs in chunks, and sends back each input's lines already
serialised (``work.Done``): the parent only writes bytes and counts, so it takes little of a core from
the workers. Results stream in input order as they come."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import threading
from contextlib import contextmanager
from typing import Any, Iterator

from ..formats.ocr import OcrOptions
from ..rulebook import RuleBook, default_rules, load_rules
from .jsonl import jsonl_line
from .records import error_record
from .walk import Found
from .work import Done, timing_works_here, work

MAX_CHUNK = 16  # inputs a worker takes at once: fewer round trips, and still an even spread at the end
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def records_in_order(inputs: list[Found], workers: int, rules_dir: str | None, timeout: float | None,
                     ocr: OcrOptions) -> Iterator[Done]:
    """Each input's serialised records, in input order."""
    # a time limit is a SIGALRM to the main thread: from any other thread, the work goes to a worker
    in_process = workers <= 1 or len(inputs) <= 1
    if in_process and (timeout is None or timing_works_here()):
        rules = load_rules(rules_dir) if rules_dir else None
        for found in inputs:
            yield _found_records(found, rules, timeout, ocr)
        return
    workers = max(1, min(workers, len(inputs)))
    chunk = max(1, min(MAX_CHUNK, len(inputs) // (workers * 4)))
    # fork shares the loaded rules; each worker keeps its own LibreOffice profile (by pid) and runs its own OCR
    context = multiprocessing.get_context("fork") if hasattr(os, "fork") else multiprocessing.get_context()
    with _terminated_as_exit(), context.Pool(workers, initializer=_init_worker,
                                             initargs=(rules_dir, timeout, ocr, os.getpid())) as pool:
        # leaving the block (the last record, an error, SIGTERM, Ctrl-C) terminates the workers
        yield from pool.imap(_process_in_worker, inputs, chunksize=chunk)


@contextmanager
def _terminated_as_exit() -> Iterator[None]:
    """SIGTERM ends the run as an exit does, through every ``finally``: the pool's workers are ended and the
    JSONL is synced, rather than the parent dying alone and leaving its workers running."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _exit_on_term)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _exit_on_term(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


_WORKER_RULES: RuleBook | None = None
_WORKER_TIMEOUT: float | None = None
_WORKER_OCR = OcrOptions()


def _init_worker(rules_dir: str | None, timeout: float | None, ocr: OcrOptions, parent: int) -> None:
    """Once per worker: the rules it will use for every input (never reloaded per task)."""
    global _WORKER_RULES, _WORKER_TIMEOUT, _WORKER_OCR
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool ends its workers with SIGTERM
    die_with_parent(parent)
    _WORKER_RULES = load_rules(rules_dir) if rules_dir else default_rules()
    _WORKER_TIMEOUT = timeout
    _WORKER_OCR = ocr


def die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent (pid ``parent``) dies, however it dies (kill -9 too)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the parent's SIGTERM handling still ends the pool
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _process_in_worker(found: Found) -> Done:
    try:
        return _found_records(found, _WORKER_RULES, _WORKER_TIMEOUT, _WORKER_OCR)
    except Exception as exc:  # noqa: BLE001 - a record, never a dead pool
        return _error(error_record(found.path, None, "internal", f"{type(exc).__name__}: {exc}"))


def _found_records(found: Found, rules: RuleBook | None, timeout: float | None, ocr: OcrOptions) -> Done:
    if found.problem is not None:
        return _error(error_record(found.path, None, *found.problem))
    return work(found.path, rules, timeout, ocr)


def _error(record: dict[str, Any]) -> Done:
    return Done(jsonl_line(record), ((record["error"]["type"], 0),))
