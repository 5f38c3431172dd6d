"""The parse result: a tree of nodes with offsets into the decoded text, and its JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from msgspec import UNSET

from .paths import path_bytes, printable
from .schemas import shapes, shaped, to_builtins


@dataclass(slots=True)
class Node:
    kind: str
    start: int
    end: int
    level: int | None = None
    marker: str | None = None
    number: int | None = None
    title: str | None = None
    title_start: int | None = None
    title_end: int | None = None
    role: str | None = None
    style: str | None = None
    children: list[Node] = field(default_factory=list)

    @property
    def title_span(self) -> tuple[int, int] | None:
        """Where the node's title stands in the text; None when it has none (or an empty one)."""
        if self.title_start is None or self.title_end is None or self.title_end <= self.title_start:
            return None
        return self.title_start, self.title_end

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def to_shape(self) -> shapes.Node:
        return shaped(self, shapes.Node)

    def to_dict(self) -> dict[str, Any]:
        return to_builtins(self.to_shape())


@dataclass(frozen=True, slots=True)
class Warning:
    code: str
    message: str
    start: int | None = None

    def to_shape(self) -> shapes.Warning:
        return shaped(self, shapes.Warning)

    def to_dict(self) -> dict[str, Any]:
        return to_builtins(self.to_shape())


@dataclass(frozen=True, slots=True)
class Source:
    path: str | None
    encoding: str
    sha256: str
    format: str = "txt"
    # optional, written only when set: the pages of an input OCR read (formats/ocr.py PageInfo.to_dict),
    # and which report of a compilation this is (compilation.py ReportPart.to_dict)
    pages: tuple[dict[str, Any], ...] = ()
    part: dict[str, Any] | None = None

    def to_shape(self) -> shapes.Source:
        encoded = path_bytes(self.path) if self.path else None
        return shapes.Source(path=printable(self.path) if self.path else self.path,
                             path_bytes=UNSET if encoded is None else encoded,
                             encoding=self.encoding, format=self.format, sha256=self.sha256,
                             pages=[shapes.Page(**page) for page in self.pages] if self.pages else UNSET,
                             part=shapes.Part(**self.part) if self.part is not None else UNSET)

    def to_dict(self) -> dict[str, Any]:
        return to_builtins(self.to_shape())


class _Extracted:
    """A report's list of one kind of mention (empty when the extractors did not run)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, report: Any, owner: type | None = None) -> Any:  # the list; the descriptor on the class
        if report is None:
            return self
        return getattr(report.extraction, self.name) if report.extraction else []


@dataclass(slots=True)
class Report:
    text: str
    source: Source
    sections: list[Node]
    warnings: list[Warning]
    genre: str | None = None
    title: str | None = None
    year: int | None = None
    extraction: Any = None  # reportparse.extract.Extraction, when the extractors ran
    # the text's length when the text itself is not held: a report loaded from a document alone
    known_length: int | None = None

    quantities = _Extracted()
    meetings = _Extracted()
    documents = _Extracted()
    weaknesses = _Extracted()
    plans = _Extracted()

    def walk(self) -> Iterator[Node]:
        for node in self.sections:
            yield from node.walk()

    def surface(self, node: Node) -> str:
        return self.text[node.start:node.end]

    def to_shape(self) -> shapes.ParseDocument:
        lists: dict[str, Any] = self.extraction.to_shapes() if self.extraction else {}
        return shapes.ParseDocument(
            schema=shapes.PARSE_ID, source=self.source.to_shape(),
            text_length=len(self.text) if self.known_length is None else self.known_length,
            genre=self.genre, title=self.title, year=self.year, sections=[n.to_shape() for n in self.sections],
            warnings=[w.to_shape() for w in self.warnings], **lists)

    def to_dict(self) -> dict[str, Any]:
        """The parse document (``reportparse/parse/1``); its JSON Schema is ``reportparse.schemas.schema("parse")``.

        The lists of extractors a user added come after the shipped ones, before ``warnings``.
        """
        document: dict[str, Any] = to_builtins(self.to_shape())
        others = self.extraction.others_to_dict() if self.extraction else {}
        if others:
            warnings = document.pop("warnings")
            document.update(others)
            document["warnings"] = warnings
        return document

    @classmethod
    def from_dict(cls, document: dict[str, Any], text: str | None = None) -> Report:
        """A parse document (or a batch record) loaded back; ``InputError`` names what does not fit.

        Without ``text`` the report holds no text (``report.text`` is empty) but keeps the document's
        ``text_length``; with it, every offset is checked against the text.
        """
        from .loading import report_from_document  # it needs the extractors' classes, which import this module

        return report_from_document(document, text)
