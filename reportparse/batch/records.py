"""One record per input: the parse document with its source (``reportparse/batch-record/1``), or an
error record (``reportparse/error/1``). The one call a local run, a process pool, Dask or Spark all
make is `process_path`."""

from __future__ import annotations

import hashlib
from typing import Any

from msgspec import UNSET

from ..api import parse, parse_reports
from ..budgets import limit
from ..formats.ocr import OcrOptions
from ..decode import read_source
from ..errors import ReportParseError
from ..paths import path_bytes, printable
from ..rulebook import RuleBook
from ..schemas import shapes, to_builtins


def process_path(path: str, rules: RuleBook | None = None) -> dict[str, Any]:
    """The JSON record for one input file; never raises for bad input."""
    try:
        data, _ = read_source(path, limit(rules, "input-max-bytes"))  # names missing, directory, unreadable …
    except ReportParseError as exc:
        return error_record(path, None, _kind(exc), str(exc))
    return process_bytes(path, data, rules)


def report_records(path: str, rules: RuleBook | None = None, ocr: OcrOptions | None = None) -> list[dict[str, Any]]:
    """The JSON records for one input file: one per report it holds (a compilation holds several, and a
    report over ``max-characters`` is cut into parts, each with ``source.part``), or one error record;
    never raises for bad input."""
    try:
        data, _ = read_source(path, limit(rules, "input-max-bytes"))
    except ReportParseError as exc:
        return [error_record(path, None, _kind(exc), str(exc))]
    sha = hashlib.sha256(data).hexdigest()
    try:
        documents = [report.to_dict() for report in parse_reports(data, path=path, rules=rules, ocr=ocr, split_long=True)]
    except ReportParseError as exc:
        return [error_record(path, sha, _kind(exc), str(exc))]
    except Exception as exc:  # noqa: BLE001 - one bad file must not end a run of thousands
        return [error_record(path, sha, "internal", f"{type(exc).__name__}: {exc}")]
    for document in documents:  # each source names ``path`` (and gives its bytes when the name is not UTF-8)
        document["schema"] = shapes.BATCH_RECORD_ID  # a parse document under the id of its own kind
    return documents


def process_bytes(path: str, data: bytes, rules: RuleBook | None = None) -> dict[str, Any]:
    sha = hashlib.sha256(data).hexdigest()
    try:
        document = parse(data, path=path, rules=rules).to_dict()
    except ReportParseError as exc:
        return error_record(path, sha, _kind(exc), str(exc))
    except Exception as exc:  # noqa: BLE001 - one bad file must not end a run of thousands
        return error_record(path, sha, "internal", f"{type(exc).__name__}: {exc}")
    document["schema"] = shapes.BATCH_RECORD_ID  # a parse document under the id of its own kind
    return document


def error_record(path: str, sha256: str | None, kind: str, message: str) -> dict[str, Any]:
    encoded = path_bytes(path)
    source = shapes.ErrorSource(path=printable(path), path_bytes=UNSET if encoded is None else encoded, sha256=sha256)
    return to_builtins(shapes.ErrorRecord(schema=shapes.ERROR_ID, source=source,
                                          error=shapes.ErrorDetail(type=kind, message=printable(message))))


def _kind(exc: ReportParseError) -> str:
    """An error record's type: the decoder's code, ``input`` for a reader's refusal, else the class name."""
    return getattr(exc, "code", None) or ("input" if type(exc).__name__ == "InputError" else type(exc).__name__)
