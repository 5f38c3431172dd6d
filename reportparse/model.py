"""The parse result: a tree of nodes with offsets into the decoded text, and its JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

SCHEMA = "reportparse/1"
NODE_KINDS = ("section", "item", "paragraph", "preamble", "closing", "noise")


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

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "level": self.level, "marker": self.marker, "number": self.number,
            "title": self.title, "title_start": self.title_start, "title_end": self.title_end,
            "role": self.role, "style": self.style, "start": self.start, "end": self.end,
            "children": [c.to_dict() for c in self.children],
        }


@dataclass(frozen=True, slots=True)
class Warning:
    code: str
    message: str
    start: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "start": self.start}


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

    def to_dict(self) -> dict[str, Any]:
        document: dict[str, Any] = {"path": self.path, "encoding": self.encoding, "format": self.format,
                                    "sha256": self.sha256}
        if self.pages:
            document["pages"] = list(self.pages)
        if self.part is not None:
            document["part"] = self.part
        return document


class _Extracted:
    """A report's list of one kind of mention (empty when the extractors did not run)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, report: Any, owner: type | None = None) -> list:
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

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA, "source": self.source.to_dict(), "text_length": len(self.text),
            "genre": self.genre, "title": self.title, "year": self.year,
            "sections": [n.to_dict() for n in self.sections],
            **(self.extraction.to_dict() if self.extraction else {}),
            "warnings": [w.to_dict() for w in self.warnings],
        }
