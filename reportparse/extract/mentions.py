"""What the extractors return: mentions with offsets into the decoded text and the path of their section."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from ..model import Node
from ..schemas import shaped, shapes, to_builtins
from .numbers import to_json


class Located(Protocol):
    """What every extractor's mentions have: offsets, and the path the extract stage gives them. A user's
    mentions are written out by their ``to_dict()`` if they have one, else field by field (a dataclass)."""

    start: int
    end: int
    path: str | None


@dataclass(slots=True)
class Quantity:
    text: str
    start: int
    end: int
    value: Decimal | None = None
    value_max: Decimal | None = None
    unit: str | None = None
    qualifier: str | None = None
    redacted: bool = False
    indicator: str | None = None
    change: str | None = None
    type: str = "measure"
    path: str | None = None

    def to_shape(self) -> shapes.Quantity:
        return shapes.Quantity(
            text=self.text,
            type=self.type,  # type: ignore[arg-type]  # "measure", "date" or "ratio": the schema tests check every output
            value=to_json(self.value), value_max=to_json(self.value_max), unit=self.unit, qualifier=self.qualifier,
            redacted=self.redacted, indicator=self.indicator, change=self.change, start=self.start, end=self.end,
            path=self.path)

    def to_dict(self) -> dict[str, Any]:
        return to_builtins(self.to_shape())


@dataclass(slots=True)
class Meeting:
    name: str
    start: int
    end: int
    path: str | None = None

    def to_shape(self) -> shapes.Meeting:
        return shaped(self, shapes.Meeting)

    def to_dict(self) -> dict[str, Any]:
        return to_builtins(self.to_shape())


@dataclass(slots=True)
class Document:
    title: str
    type: str | None
    start: int
    end: int
    path: str | None = None

    def to_shape(self) -> shapes.DocumentMention:
        return shaped(self, shapes.DocumentMention)

    def to_dict(self) -> dict[str, Any]:
        return to_builtins(self.to_shape())


@dataclass(slots=True)
class Point:
    """A weakness or plan point: one problem, or one commitment."""

    text: str
    start: int
    end: int
    theme: str | None = None
    path: str | None = None

    def to_shape(self) -> shapes.Point:
        return shaped(self, shapes.Point)

    def to_dict(self) -> dict[str, Any]:
        return to_builtins(self.to_shape())


@dataclass
class Locator:
    """Finds the section path and the kind of node that holds an offset."""

    nodes: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, path, kind
    starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, top: list[Node]) -> Locator:
        locator = cls()
        for node in top:
            locator._add(node, "")
        locator.nodes.sort(key=lambda n: (n[0], -n[1]))
        locator.starts = [n[0] for n in locator.nodes]
        return locator

    def _add(self, node: Node, prefix: str) -> None:
        if node.kind in ("section", "item"):
            label = node.marker or node.title or node.kind
            path = f"{prefix} > {label}" if prefix else label
        elif node.kind in ("preamble", "closing", "noise"):
            path = node.kind
        else:
            path = prefix
        self.nodes.append((node.start, node.end, path, node.kind))
        for child in node.children:
            self._add(child, path)

    def deepest(self, pos: int) -> tuple[str | None, str | None]:
        """(path, kind) of the innermost node holding ``pos``: nodes nest, so scanning back from the
        last node that starts at or before ``pos``, the first that still covers it is the innermost."""
        for i in range(bisect_right(self.starts, pos) - 1, -1, -1):
            start, end, path, kind = self.nodes[i]
            if pos < end:
                return path or None, kind
        return None, None
