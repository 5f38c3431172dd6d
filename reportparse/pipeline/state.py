"""The one object every stage reads and writes: the text, what each stage found, and the warnings.

Stages run in order (see ``parser.py``); each fills in its own fields and reads those of the
stages before it. Nothing is patched afterwards: the tree stage builds each node complete.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Sequence

from ..model import Node, Warning
from ..rulebook import RuleBook

if TYPE_CHECKING:  # only for annotations: the stages' modules import this one
    from ..reading.offsets import Reading
    from ..extract.mentions import Located
    from ..profile import Profile
    from ..scan import Block
    from ..text import Line
    from ..tree import Part
    from .chain import Chain

    Extractor = Callable[["ParseState"], Sequence[Located]]


@dataclass(eq=False)
class ParseState:
    # the text the stages read: the decoded text, then from the read stage on its reading form (messy
    # text read as clean text), and after the restore stage the decoded text again, which every offset
    # of every output indexes
    text: str
    rules: RuleBook
    path: str | None = None        # where the text came from (the year may be read from the file name)
    original: str = ""             # the decoded text, as the user's file holds it
    # read: the reading form with its map back to the original; the form the rules match on (full-width
    # digits folded to ASCII, one character for one); the lines
    reading: Reading | None = None
    folded: str = ""
    lines: list[Line] = field(default_factory=list)
    # scan: one block per non-blank line (heading, noise or text)
    blocks: list[Block] = field(default_factory=list)
    # outline: preamble, sections (nested) and closing, with their spans and body blocks
    parts: list[Part] = field(default_factory=list)
    # tree: the finished nodes; top-level ones tile the text
    sections: list[Node] = field(default_factory=list)
    # profile: title, genre, year
    profile: Profile | None = None
    # extract: each extractor's mentions by name, in the order they ran
    mentions: dict[str, list[Any]] = field(default_factory=dict)
    extractors: Chain[Extractor] | None = None
    only: frozenset[str] | None = None   # the extractors asked for (None: all)
    warnings: list[Warning] = field(default_factory=list)
    memo: dict[str, Any] = field(default_factory=dict)  # results extractors share (points, documents)

    def __post_init__(self) -> None:
        self.original = self.original or self.text

    def warn(self, code: str, message: str, start: int | None = None) -> None:
        self.warnings.append(Warning(code, message, start))

    def mentions_of(self, name: str) -> list[Any]:
        """One extractor's mentions, running it first if it has not run (meetings need documents)."""
        if name not in self.mentions:
            if self.extractors is None or name not in self.extractors:
                raise KeyError(f"no extractor named {name!r}")
            self.mentions[name] = list(self.extractors.get(name)(self))
        return self.mentions[name]
