"""Extractors: quantities, meetings, documents, weakness and plan points. They read the tree and the
text and never change the tree; every mention carries offsets and the path of its section."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Node, Warning
from ..rulebook import RuleBook
from .documents import find_documents
from .meetings import find_meetings
from .mentions import Document, Locator, Meeting, Point, Quantity
from .passages import find_points
from .quantities import find_quantities
from .themes import theme_of

KINDS = ("quantities", "meetings", "documents", "weaknesses", "plans")


@dataclass
class Extraction:
    quantities: list[Quantity] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    weaknesses: list[Point] = field(default_factory=list)
    plans: list[Point] = field(default_factory=list)

    def to_shapes(self, kinds: tuple[str, ...] = KINDS) -> dict[str, list[Any]]:
        """The lists of ``kinds`` as shapes, keyed by kind: the mention fields of a parse or extract document."""
        return {kind: [m.to_shape() for m in getattr(self, kind)] for kind in kinds}


def extract(text: str, folded: str, top: list[Node], genre: str | None, book: RuleBook,
            warnings: list[Warning]) -> Extraction:
    locator = Locator.of(top)
    documents = find_documents(text, book)
    meetings = find_meetings(text, folded, book, [(d.start, d.end) for d in documents])
    result = Extraction(
        quantities=_placed(find_quantities(text, folded, book), locator),
        meetings=_placed(meetings, locator),
        documents=_placed(documents, locator),
    )
    result.weaknesses, result.plans = find_points(text, top, genre, book, warnings)
    for point in result.weaknesses + result.plans:
        point.theme = theme_of(point.text, book)
        point.path = locator.deepest(point.start)[0]
    return result


def _placed(mentions: list, locator: Locator) -> list:
    """The mentions outside page noise, each given the path of the section that holds it."""
    kept = []
    for mention in mentions:
        mention.path, kind = locator.deepest(mention.start)
        if kind != "noise":
            kept.append(mention)
    return kept
