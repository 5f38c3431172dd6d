"""Extractors: quantities, meetings, documents, weakness and plan points. They read the tree and the
text and never change the tree; every mention carries offsets and the path of its section."""

from __future__ import annotations

from dataclasses import dataclass, field

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

    def to_dict(self) -> dict:
        return {kind: [m.to_dict() for m in getattr(self, kind)] for kind in KINDS}


def extract(text: str, folded: str, top: list[Node], genre: str | None, book: RuleBook,
            warnings: list[Warning]) -> Extraction:
    locator = Locator.of(top)
    documents = find_documents(text, book)
    outside_noise = _not_in_noise(locator)
    result = Extraction(
        quantities=[q for q in find_quantities(text, folded, book) if outside_noise(q)],
        meetings=[m for m in find_meetings(text, folded, book, [(d.start, d.end) for d in documents])
                  if outside_noise(m)],
        documents=[d for d in documents if outside_noise(d)],
    )
    result.weaknesses, result.plans = find_points(text, top, genre, book, warnings)
    for point in result.weaknesses + result.plans:
        point.theme = theme_of(point.text, book)
    for kind in KINDS:
        for mention in getattr(result, kind):
            mention.path = locator.deepest(mention.start)[0]
    return result


def _not_in_noise(locator: Locator):
    return lambda mention: locator.deepest(mention.start)[1] != "noise"
