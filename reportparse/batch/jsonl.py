"""The JSONL output of a batch: one line per input, written whole, so an interrupted run can resume."""

from __future__ import annotations

import json
import os
from typing import Any


def done_inputs(path: str) -> tuple[set[str], set[str]]:
    """What ``path`` already records: the sha256 of every input read, and the paths of inputs that
    could not be read (no sha256). A torn last line is cut off first."""
    hashes: set[str] = set()
    unread: set[str] = set()
    if not os.path.exists(path):
        return hashes, unread
    _drop_torn_tail(path)
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            try:
                source = json.loads(line).get("source", {})
            except json.JSONDecodeError:
                continue
            if source.get("sha256"):
                hashes.add(source["sha256"])
            elif source.get("path"):
                unread.add(source["path"])
    return hashes, unread


def _drop_torn_tail(path: str) -> None:
    with open(path, "rb+") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        if size == 0:
            return
        handle.seek(max(0, size - 1))
        if handle.read(1) == b"\n":
            return
        data = _tail(handle, size)
        handle.truncate(size - len(data))


def _tail(handle, size: int) -> bytes:
    """The bytes after the last newline."""
    block = 1 << 16
    pos, tail = size, b""
    while pos > 0:
        step = min(block, pos)
        pos -= step
        handle.seek(pos)
        chunk = handle.read(step) + tail
        cut = chunk.rfind(b"\n")
        if cut >= 0:
            return chunk[cut + 1:]
        tail = chunk
    return tail


def jsonl_line(record: dict[str, Any]) -> bytes:
    """A record as one line of the output, newline included."""
    return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class JsonlWriter:
    """Appends records; each line goes out in one write and is flushed, so a kill leaves whole lines
    (and `done_hashes` trims a line torn by a crash mid-write)."""

    def __init__(self, path: str, append: bool):
        self.handle = open(path, "ab" if append else "wb")  # noqa: SIM115 - closed by close()

    def write(self, lines: bytes) -> None:
        """Whole lines, already serialised (a worker's), in one write."""
        self.handle.write(lines)
        self.handle.flush()

    def close(self) -> None:
        self.handle.close()
