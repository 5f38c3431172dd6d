"""One input's work in a batch, wherever it runs (this process or a pool worker): its records, within
a time limit, serialised to JSONL where they were made, so that only bytes travel to the writer.

An input gives one record per report it holds (a compilation several), or one error record; a report
over the size limit (``max-characters`` in rules/settings.toml) is split at line breaks into parts, one
record per part (``Parser.parse_reports(split_long=True)``, after the input's budgets were checked). A
part's record is an ordinary parse document of the part's text, with ``source.part = {"number", "count",
"start", "end"}`` as for a compilation's reports: its offsets index the part, so
``text[part.start + offset]`` is the same character in the whole decoded text.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator

from ..errors import ReportParseError
from ..formats.ocr import OcrOptions
from ..rulebook import RuleBook
from .jsonl import jsonl_line
from .records import error_record, report_records


class Timeout(ReportParseError):
    """An input took longer than ``batch --timeout`` allows."""

    code = "timeout"


@dataclass(frozen=True)
class Done:
    """An input's JSONL lines, and per record what the summary counts: its error type or its length."""

    lines: bytes
    counts: tuple[tuple[str | None, int], ...]  # (error type or None, text_length) per record


def timing_works_here() -> bool:
    """A per-input time limit needs SIGALRM, delivered to this process's main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise ``Timeout`` in this (main) thread when the block runs past ``seconds``."""
    if not seconds:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise Timeout(f"parsing took longer than {seconds:g} s (--timeout)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def work(path: str, rules: RuleBook | None, timeout: float | None, ocr: OcrOptions | None = None) -> Done:
    records = input_records(path, rules, timeout, ocr)
    return Done(b"".join(jsonl_line(r) for r in records),
                tuple((r["error"]["type"] if "error" in r else None, r.get("text_length", 0)) for r in records))


def input_records(path: str, rules: RuleBook | None, timeout: float | None,
                  ocr: OcrOptions | None = None) -> list[dict[str, Any]]:
    """The records of one input; never raises for bad input, nor for one that runs out of time."""
    try:
        with deadline(timeout):
            return report_records(path, rules, ocr)
    except Timeout as exc:  # past the deadline outside the parse itself (the parse makes its own record)
        return [error_record(path, None, Timeout.code, str(exc))]
