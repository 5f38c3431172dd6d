"""The reading form of a text and the map from each of its characters back to the original.

Steps of the reading layer replace characters one for one, or drop them (a space inside a figure,
a line break inside a paragraph). The map is kept as runs: a run is a stretch of reading characters
whose original characters follow each other without a gap, stored as (reading start, original start)
in two arrays. A clean text is one run, a messy one a run per dropped stretch: memory grows with
the edits, not with the text, and a look-up is one bisection.

    >>> r = Reading("1.2 万吨")
    >>> r.edit("spaces", [(3, 4, "")])
    >>> r.text, r.start_of(3), r.end_of(3), r.boundary(3)
    ('1.2万吨', 4, 3, 4)
"""

from __future__ import annotations

from array import array
from bisect import bisect_right


class Reading:
    """The text the rules read (``text``) and the decoded text the user's file holds (``original``)."""

    __slots__ = ("original", "text", "_starts", "_origins", "counts")

    def __init__(self, original: str):
        self.original = original
        self.text = original
        self._starts = array("q", [0])   # reading offset where each run begins
        self._origins = array("q", [0])  # the original offset of that run's first character
        self.counts: dict[str, int] = {}  # step name -> how many things it changed

    @property
    def changed(self) -> bool:
        return bool(self.counts)

    # -- where a reading offset lies in the original ---------------------------------------------

    def _origin(self, i: int) -> int:
        k = bisect_right(self._starts, i) - 1
        return self._origins[k] + i - self._starts[k]

    def start_of(self, i: int) -> int:
        """The original offset of reading character ``i`` (the first character of a span)."""
        if i < len(self.text):
            return self._origin(i)
        return self.end_of(len(self.text))

    def end_of(self, j: int) -> int:
        """The end of a span that ends before reading offset ``j``: just after its last character, so a
        surface never takes in a space or a line break dropped after it."""
        return self._origin(j - 1) + 1 if j > 0 else 0

    def boundary(self, i: int) -> int:
        """Where reading offset ``i`` falls when it divides the text (node edges): dropped characters go
        with what stands before them, and the ends are the original's ends, so spans that tile the
        reading form tile the original."""
        if i <= 0:
            return 0
        if i >= len(self.text):
            return len(self.original)
        return self._origin(i)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of a reading span, tight at both ends (an empty span stays empty)."""
        first = self.start_of(start)
        return (first, first) if end <= start else (first, self.end_of(end))

    # -- steps change the reading form through these -------------------------------------------

    def substitute(self, step: str, text: str, count: int) -> None:
        """One character for one: the map stays as it is."""
        if count:
            assert len(text) == len(self.text), "a substitution must keep the length"
            self.text = text
            self.counts[step] = self.counts.get(step, 0) + count

    def edit(self, step: str, edits: list[tuple[int, int, str]], count: int | None = None) -> None:
        """Apply ``(start, end, replacement)`` edits of the reading form, in order and not overlapping;
        a replacement stands for the first ``len(replacement)`` characters of its span and the rest are
        dropped, so it may not be longer than the span."""
        if not edits:
            return
        pieces: list[str] = []
        kept: list[tuple[int, int]] = []  # stretches of the old reading form that stay, in order
        pos = 0
        for start, end, replacement in edits:
            assert pos <= start and len(replacement) <= end - start, "edits must be ordered and not grow"
            pieces.append(self.text[pos:start])
            pieces.append(replacement)
            kept.append((pos, start + len(replacement)))
            pos = end
        pieces.append(self.text[pos:])
        kept.append((pos, len(self.text)))
        self._remap(kept)
        self.text = "".join(pieces)
        self.counts[step] = self.counts.get(step, 0) + (len(edits) if count is None else count)

    def _remap(self, kept: list[tuple[int, int]]) -> None:
        """Compose the map with the one from the new reading form to the old (the kept stretches)."""
        starts, origins = array("q"), array("q")
        old_starts, old_origins = self._starts, self._origins
        runs = len(old_starts)
        position = 0
        for a, b in kept:
            if a >= b:
                continue
            k = bisect_right(old_starts, a) - 1
            x = a
            while x < b:
                run_end = old_starts[k + 1] if k + 1 < runs else b
                y = min(b, run_end)
                origin = old_origins[k] + x - old_starts[k]
                here = position + x - a
                # a new run only where the original jumps: stretches that stay contiguous are one run
                if not starts or origins[-1] + here - starts[-1] != origin:
                    starts.append(here)
                    origins.append(origin)
                x = y
                k += 1
            position += b - a
        if not starts:
            starts.append(0)
            origins.append(0)
        self._starts, self._origins = starts, origins
