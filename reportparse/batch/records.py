"""One record per input: the parse document with its source, or an error record. The one call a
local run, a process pool, Dask or Spark all make is `process_path`."""

from __future__ import annotations

import hashlib
import os
from typing import Any

from ..api import parse
from ..errors import ReportParseError
from ..rulebook import RuleBook


def process_path(path: str, rules: RuleBook | None = None) -> dict[str, Any]:
    """The JSON record for one input file; never raises for bad input."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        kind, message = _os_error(exc, path)
        return error_record(path, None, kind, message)
    return process_bytes(path, data, rules)


def process_bytes(path: str, data: bytes, rules: RuleBook | None = None) -> dict[str, Any]:
    sha = hashlib.sha256(data).hexdigest()
    try:
        document = parse(data, path=path, rules=rules).to_dict()
    except ReportParseError as exc:
        kind = getattr(exc, "code", None) or ("input" if type(exc).__name__ == "InputError" else type(exc).__name__)
        return error_record(path, sha, kind, str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad file must not end a run of thousands
        return error_record(path, sha, "internal", f"{type(exc).__name__}: {exc}")
    document["source"]["path"] = path
    return document


def error_record(path: str, sha256: str | None, kind: str, message: str) -> dict[str, Any]:
    return {"source": {"path": path, "sha256": sha256}, "error": {"type": kind, "message": message}}


def _os_error(exc: OSError, path: str) -> tuple[str, str]:
    """The error type and message, named as the decoder names its own (missing, directory …)."""
    if isinstance(exc, FileNotFoundError):
        return "missing", f"no such file: {path}"
    if isinstance(exc, IsADirectoryError) or os.path.isdir(path):
        return "directory", f"is a directory: {path}"
    if isinstance(exc, PermissionError):
        return "unreadable", f"permission denied: {path}"
    return "unreadable", f"cannot read {path}: {exc.strerror or exc}"
