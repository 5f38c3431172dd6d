"""The JSONL output of a batch: one line per record, each written whole, so an interrupted run can resume.

* Lines go out with one ``write`` each on a descriptor opened for appending, and the file is fsynced when
  the run ends: a kill leaves whole lines, and at most a torn last one, which ``--resume`` trims.
* One run at a time: an exclusive lock on ``OUT.lock`` (holding the pid of the run that has it); a second
  run on the same ``--out`` stops, saying who holds it.
* ``--resume`` reads the file first and refuses one that is not a batch JSONL, leaving it as it is.
* What is done is keyed by (path, sha256): two files with the same bytes are two inputs.
"""

from __future__ import annotations

import json
import os
import socket
import time
from typing import Any

from ..errors import ReportParseError
from ..paths import printable
from ..schemas import shapes

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks; one run at a time is the user's to keep
    fcntl = None  # type: ignore[assignment]

OURS = {shapes.BATCH_RECORD_ID, shapes.ERROR_ID, shapes.PARSE_ID}

# An input already recorded: its path as the record writes it (path_bytes when the name is not UTF-8) and
# the sha256 of its bytes (None when it could not be read).
Recorded = set[tuple[str, str | None]]


def record_key(source: dict[str, Any]) -> tuple[str, str | None]:
    """What identifies the input behind a record's ``source``."""
    return source.get("path_bytes") or source.get("path") or "", source.get("sha256")


def done_inputs(path: str) -> Recorded:
    """The (path, sha256) of every input ``path`` records. A torn last line is cut off first; a file that
    is not a batch JSONL is refused untouched."""
    if not os.path.exists(path):
        return set()
    done, torn = _read_records(path)
    if torn:
        with open(path, "rb+") as handle:
            handle.truncate(torn)
    return done


def _read_records(path: str) -> tuple[Recorded, int | None]:
    """The keys of the file's records, and where a torn last line starts (None when there is none)."""
    done: Recorded = set()
    offset = 0
    with open(path, "rb") as handle:
        for number, line in enumerate(handle, start=1):
            record = _parsed(line)
            if not line.endswith(b"\n") and line.startswith(b"{") and (record is None or _ours(record)):
                return done, offset  # the one line a crash can tear (cut short, or its newline lost): redone
            offset += len(line)
            if not _ours(record):
                raise ReportParseError(f"--resume: {printable(path)} is not a reportparse batch JSONL (line {number} "
                                       "is no batch record); it was left as it is: give another --out")
            done.add(record_key(record["source"]))
    return done, None


def _ours(record: Any) -> bool:
    return isinstance(record, dict) and record.get("schema") in OURS and isinstance(record.get("source"), dict)


def _parsed(line: bytes) -> Any:
    try:
        return json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None


class OutputLock:
    """An exclusive lock on ``OUT.lock`` for the length of a run; a second run says who holds it."""

    def __init__(self, out: str):
        self.path = out + ".lock"
        self.fd: int | None = None

    def __enter__(self) -> OutputLock:
        out = self.path[:-len(".lock")]
        if fcntl is None or (os.path.exists(out) and not os.path.isfile(out)):
            return self  # no locks here, or an output that is a pipe or a device
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 200).decode("utf-8", "replace").strip() or "another process"
            os.close(fd)
            raise ReportParseError(f"another batch run is writing {printable(out)} ({holder}); wait for "
                                   "it to finish or give another --out") from None
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} on {socket.gethostname()}, since {time.strftime('%Y-%m-%d %H:%M:%S')}"
                 .encode())
        self.fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            try:
                os.unlink(self.path)  # while still held, so no run can lock the file just removed
            except OSError:
                pass
            os.close(self.fd)
            self.fd = None


def jsonl_line(record: dict[str, Any]) -> bytes:
    """A record as one line of the output, newline included, always valid UTF-8 (a file name's undecodable
    bytes shown as U+FFFD; ``path_bytes`` keeps them)."""
    return printable(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class JsonlWriter:
    """Appends records; each input's lines go out in one write, and the file is fsynced on close."""

    def __init__(self, path: str, append: bool):
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | (0 if append else os.O_TRUNC)
        self.fd = os.open(path, flags, 0o644)

    def write(self, lines: bytes) -> None:
        """The lines of one input (a compilation has several), already serialised, in one write."""
        data = memoryview(lines)
        while data:  # a regular file takes it in one write; a full disk may take part, then raise
            data = data[os.write(self.fd, data):]

    def close(self) -> None:
        try:
            os.fsync(self.fd)
        except OSError:
            pass  # a pipe or a device (--out /dev/stdout) has nothing to sync
        finally:
            os.close(self.fd)
