"""The declared shape of every JSON document reportparse writes.

Field order here is the order in the output (users read and diff these documents), and the shipped
JSON Schemas are generated from these classes, so a field is added in one place. A field that is
absent rather than null (the mention lists, chosen by ``--only`` or ``extractors=False``) defaults to
``UNSET``: it is left out of the document and not required by its schema.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Final, Literal, Union

from msgspec import UNSET, Meta, UnsetType

PARSE_ID: Final = "reportparse/parse/1"
EXTRACT_ID: Final = "reportparse/extract/1"
COMPARE_ID: Final = "reportparse/compare/1"
PANEL_ID: Final = "reportparse/panel/1"
CHAINS_ID: Final = "reportparse/chains/1"
BATCH_RECORD_ID: Final = "reportparse/batch-record/1"
ERROR_ID: Final = "reportparse/error/1"

NodeKind = Literal["section", "item", "paragraph", "preamble", "closing", "noise"]
# a figure is exact in its base unit: an int when whole (exact at any size), else a float
Number = Union[int, float]
ErrorType = Annotated[str, Meta(description=(
    "Why the input did not parse: missing, directory, special (a FIFO, device or socket), empty, binary, "
    "unreadable (permissions, I/O, a folder that cannot be listed, a link loop), input (its reader refuses "
    "it: damaged, encrypted, no text), too-large (over a budget of rules/settings.toml), missing-extra, "
    "rule (a rule's pattern ran out of time), internal (a bug: please report it). Later versions may add types."))]
# a file name that is not UTF-8 (reportparse/paths.py): ``path`` shows it for reading, this gives it exactly
PathBytes = Annotated[str, Meta(
    description="Present only when the file name is not valid UTF-8 (a GBK name from a Windows zip): the name's "
                "bytes in base64, to open the file again; `path` then shows each undecodable byte as U+FFFD.",
    pattern="^[A-Za-z0-9+/]*={0,2}$")]


@dataclass(kw_only=True, slots=True)
class Page:
    """A page of the input as it was read: by OCR or from its text layer, with OCR's mean confidence."""

    page: int
    ocr: bool
    confidence: float | None


@dataclass(kw_only=True, slots=True)
class Part:
    """Which report of a file that holds several (a compilation) this is, and where it lies in the file."""

    number: int
    count: int
    start: int
    end: int


@dataclass(kw_only=True, slots=True)
class Source:
    """Where the text came from; offsets count characters of the text decoded from it."""

    path: str | None  # a name that is not UTF-8 shows U+FFFD for each undecodable byte …
    path_bytes: PathBytes | UnsetType = UNSET  # … and gives its bytes here, in base64 (reportparse/paths.py)
    encoding: str
    format: str
    sha256: str
    pages: list[Page] | UnsetType = UNSET  # when OCR read the input: every page, as read
    part: Part | UnsetType = UNSET  # when the file holds several reports


@dataclass(kw_only=True, slots=True)
class Node:
    """A section, item, paragraph, preamble, closing or page noise: text[start:end], with its children inside."""

    kind: NodeKind
    level: int | None
    marker: str | None
    number: int | None
    title: str | None
    title_start: int | None
    title_end: int | None
    role: str | None
    style: str | None
    start: int
    end: int
    children: list[Node]


@dataclass(kw_only=True, slots=True)
class Warning:
    """Something the reader should know about the text: a numbering gap, a skipped level, no weaknesses …"""

    code: str
    message: str
    start: int | None


@dataclass(kw_only=True, slots=True)
class Quantity:
    """A figure or a date as written; text is text[start:end]; path names the sections that hold it."""

    text: str
    type: Literal["measure", "date", "ratio"]
    value: Number | None
    value_max: Number | None
    unit: str | None
    qualifier: str | None
    redacted: bool
    indicator: str | None
    change: str | None
    start: int
    end: int
    path: str | None


@dataclass(kw_only=True, slots=True)
class Meeting:
    """A named meeting; name is text[start:end]."""

    name: str
    start: int
    end: int
    path: str | None


@dataclass(kw_only=True, slots=True)
class DocumentMention:
    """A cited document: title without its 《》, which text[start:end] includes."""

    title: str
    type: str | None
    start: int
    end: int
    path: str | None


@dataclass(kw_only=True, slots=True)
class Point:
    """A weakness or plan point: one problem, or one commitment; text is text[start:end]."""

    text: str
    theme: str | None
    start: int
    end: int
    path: str | None


@dataclass(kw_only=True, slots=True)
class ParseDocument:
    """A parsed report: its tree, and the extracted mentions when the extractors ran."""

    schema: Literal["reportparse/parse/1"]
    source: Source
    text_length: int
    genre: str | None
    title: str | None
    year: int | None
    sections: list[Node]
    quantities: list[Quantity] | UnsetType = UNSET
    meetings: list[Meeting] | UnsetType = UNSET
    documents: list[DocumentMention] | UnsetType = UNSET
    weaknesses: list[Point] | UnsetType = UNSET
    plans: list[Point] | UnsetType = UNSET
    warnings: list[Warning]


@dataclass(kw_only=True, slots=True)
class BatchRecord(ParseDocument):
    """One line of a batch run's JSONL for an input that parsed: its parse document under another id."""

    schema: Literal["reportparse/batch-record/1"]  # type: ignore[assignment]


@dataclass(kw_only=True, slots=True)
class ExtractDocument:
    """The mention lists of a report, those asked for with --only."""

    schema: Literal["reportparse/extract/1"]
    source: Source
    quantities: list[Quantity] | UnsetType = UNSET
    meetings: list[Meeting] | UnsetType = UNSET
    documents: list[DocumentMention] | UnsetType = UNSET
    weaknesses: list[Point] | UnsetType = UNSET
    plans: list[Point] | UnsetType = UNSET


@dataclass(kw_only=True, slots=True)
class ErrorSource:
    path: str
    path_bytes: PathBytes | UnsetType = UNSET
    sha256: str | None  # null when the input could not be read at all


@dataclass(kw_only=True, slots=True)
class ErrorDetail:
    type: ErrorType
    message: str


@dataclass(kw_only=True, slots=True)
class ErrorRecord:
    """One line of a batch run's JSONL for an input that did not parse."""

    schema: Literal["reportparse/error/1"]
    source: ErrorSource
    error: ErrorDetail
