"""One input's work in a batch, wherever it runs (this process or a pool worker): its records, within
a time limit, serialised to JSONL where they were made, so that only bytes travel to the writer.

An input gives one record, except a report over the size limit (rules/limits.toml), which is split
at line breaks into parts, one record per part. A part's record is an ordinary parse document of
the part's text, with ``source.part = {"index", "count", "start", "end"}``: its offsets index the
part, so ``text[part.start + offset]`` is the same character in the whole decoded text.
"""

from __future__ import annotations

import hashlib
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator

from ..api import default_rules, parse_text
from ..decode import read_source
from ..errors import ReportParseError
from ..formats import extract_text
from ..limits import LIMIT, TooLarge, part_spans
from ..rulebook import RuleBook
from ..scan import heading_opener
from .jsonl import jsonl_line
from .records import error_record, process_path


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


def work(path: str, rules: RuleBook | None, timeout: float | None) -> Done:
    records = input_records(path, rules, timeout)
    return Done(b"".join(jsonl_line(r) for r in records),
                tuple((r["error"]["type"] if "error" in r else None, r.get("text_length", 0)) for r in records))


def input_records(path: str, rules: RuleBook | None, timeout: float | None) -> list[dict[str, Any]]:
    """The records of one input; never raises for bad input, nor for one that runs out of time."""
    try:
        with deadline(timeout):
            record = process_path(path, rules)
            if record.get("error", {}).get("type") == TooLarge.code:
                return part_records(path, rules or default_rules())
            return [record]
    except Timeout as exc:  # past the deadline outside the parse itself (the parse makes its own record)
        return [error_record(path, None, Timeout.code, str(exc))]


def part_records(path: str, book: RuleBook) -> list[dict[str, Any]]:
    """One record per part of a report over the size limit."""
    data, _ = read_source(path)
    sha = hashlib.sha256(data).hexdigest()
    extracted = extract_text(data, path, heading_opener(book))
    spans = part_spans(extracted.text, book.limit(LIMIT))
    records = []
    for index, (start, end) in enumerate(spans):
        try:
            document = parse_text(extracted.text[start:end], rules=book, path=path, sha256=sha,
                                  encoding=extracted.encoding or "utf-8", source_format=extracted.format).to_dict()
        except ReportParseError as exc:
            document = error_record(path, sha, getattr(exc, "code", None) or type(exc).__name__, str(exc))
        document["source"]["path"] = path
        document["source"]["part"] = {"index": index + 1, "count": len(spans), "start": start, "end": end}
        records.append(document)
    return records
