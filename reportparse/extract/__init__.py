"""Extractors: quantities, meetings, documents, weakness and plan points. They read the tree and the
text and never change the tree; every mention carries offsets and the path of its section.

Each extractor is one function ``(state) -> list of mentions``, registered by name in a chain
(``default_extractors()``): ``--only`` runs just the ones asked for (and what they read: meetings
read the documents' spans), and a user adds one from Python with
``parser.extractors.push("name", function)``.

Cost of the extract stage: each extractor states its own (all are linear or n·log n in the text);
placing the mentions sorts the tree's nodes once and finds each mention's node by bisection, then
steps back to the innermost node that covers it (one or two steps: children tile their parent).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..pipeline.chain import Chain
from ..schemas import to_builtins
from .documents import find_documents
from .meetings import find_meetings
from .mentions import Document, Locator, Meeting, Point, Quantity
from .passages import find_points
from .quantities import find_quantities
from .themes import theme_of

if TYPE_CHECKING:
    from ..pipeline.state import Extractor, ParseState

KINDS = ("quantities", "meetings", "documents", "weaknesses", "plans")


@dataclass
class Extraction:
    quantities: list[Quantity] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    weaknesses: list[Point] = field(default_factory=list)
    plans: list[Point] = field(default_factory=list)
    other: dict[str, list[Any]] = field(default_factory=dict)  # what extractors a user added found
    ran: tuple[str, ...] = KINDS  # the extractors that ran (``only``): the others' lists are not in the output

    def to_shapes(self, kinds: tuple[str, ...] | None = None) -> dict[str, list[Any]]:
        """The lists of ``kinds`` (default: the shipped extractors that ran) as shapes, keyed by kind:
        the mention fields of a parse or extract document."""
        chosen = kinds if kinds is not None else tuple(k for k in KINDS if k in self.ran)
        return {kind: [m.to_shape() for m in getattr(self, kind)] for kind in chosen}

    def others_to_dict(self) -> dict[str, list[dict[str, Any]]]:
        """The lists of extractors a user added, in their JSON form."""
        return {kind: [m.to_dict() if hasattr(m, "to_dict") else to_builtins(m) for m in found]
                for kind, found in self.other.items()}


def _titles(state: ParseState) -> list[tuple[int, int]]:
    """The spans of the titles in 《》: a figure or a meeting inside one is part of a name. Read once, and
    without running the documents extractor (``only`` runs just the extractors asked for)."""
    if "titles" not in state.memo:
        will_run = state.extractors is not None and "documents" in state.extractors and \
            (state.only is None or "documents" in state.only)
        # when the documents extractor runs anyway, its mentions are the titles (found once, not twice)
        found = state.mentions_of("documents") if will_run else find_documents(state.text, state.rules)
        state.memo["titles"] = [(d.start, d.end) for d in found]
    titles: list[tuple[int, int]] = state.memo["titles"]
    return titles


def quantities(state: ParseState) -> list[Quantity]:
    return find_quantities(state.text, state.folded, state.rules, _titles(state))


def documents(state: ParseState) -> list[Document]:
    return find_documents(state.text, state.rules)


def meetings(state: ParseState) -> list[Meeting]:
    return find_meetings(state.text, state.folded, state.rules, _titles(state))


def _points(state: ParseState) -> tuple[list[Point], list[Point]]:
    """Weaknesses and plans come from one reading of the sections' roles and the cue passages."""
    if "points" not in state.memo:
        genre = state.profile.genre if state.profile else None
        found = find_points(state.text, state.sections, genre, state.rules, state.warn)
        for point in found[0] + found[1]:
            point.theme = theme_of(point.text, state.rules)
        state.memo["points"] = found
    points: tuple[list[Point], list[Point]] = state.memo["points"]
    return points


def weaknesses(state: ParseState) -> list[Point]:
    return _points(state)[0]


def plans(state: ParseState) -> list[Point]:
    return _points(state)[1]


def default_extractors() -> Chain[Extractor]:
    return Chain([("quantities", quantities), ("meetings", meetings), ("documents", documents),
                  ("weaknesses", weaknesses), ("plans", plans)])


def extract_stage(state: ParseState) -> None:
    """Run the extractors asked for, in the chain's order, and place each mention in the tree."""
    if state.extractors is None:
        return
    wanted = [name for name, _ in state.extractors if state.only is None or name in state.only]
    for name in wanted:
        state.mentions_of(name)
    locator = Locator.of(state.sections)
    state.mentions = {name: _placed(state.mentions[name], locator) for name in wanted}


def extraction_of(state: ParseState) -> Extraction | None:
    """The report's extraction: the lists of the extractors that ran (None when none was asked for)."""
    if state.extractors is None:
        return None
    extraction = Extraction(ran=tuple(state.mentions))
    for name, found in state.mentions.items():
        if name in KINDS:
            setattr(extraction, name, found)
        else:
            extraction.other[name] = found
    return extraction


def _placed(mentions: list[Any], locator: Locator) -> list[Any]:
    """The mentions outside page noise, each given the path of the section that holds it."""
    kept = []
    for mention in mentions:
        mention.path, kind = locator.deepest(mention.start)
        if kind != "noise":
            kept.append(mention)
    return kept
