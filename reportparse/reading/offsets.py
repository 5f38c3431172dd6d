"""The reading form of a text and the map from each of its characters back to the original.

Steps of the reading layer replace characters one for one, drop them (a space inside a figure,
a line break inside a paragraph), or insert a line break where a page glued a heading to the sentence
before it (``insert``: the break stands for no original character, so a span that ends with it ends
where the character before it ends). The map is kept as runs: a run is a stretch of reading characters
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

    __slots__ = ("original", "text", "_starts", "_origins", "counts", "_inserted", "_attached")

    def __init__(self, original: str):
        self.original = original
        self.text = original
        self._starts = array("q", [0])   # reading offset where each run begins
        self._origins = array("q", [0])  # the original offset of that run's first character
        self.counts: dict[str, int] = {}  # step name -> how many things it changed
        self._inserted = False  # whether a step inserted characters (most texts: no, and no extra look-up)
        self._attached: dict[int, int] = {}  # original end of a character -> end of what was dropped as its own

    @property
    def changed(self) -> bool:
        return bool(self.counts)

    # -- where a reading offset lies in the original ---------------------------------------------

    def _origin(self, i: int) -> int:
        k = bisect_right(self._starts, i) - 1
        return self._origins[k] + i - self._starts[k]

    def start_of(self, i: int) -> int:
        """The original offset of reading character ``i`` (the first character of a span); for an inserted
        character, which stands for none, where the next original character begins."""
        if i < len(self.text):
            return self._after_inserted(i)
        return self.end_of(len(self.text))

    def _after_inserted(self, i: int) -> int:
        origin = self._origin(i)
        if not self._inserted:
            return origin
        # only an inserted character shares its origin with the character before it (``insert``)
        return origin + 1 if i > 0 and self._origin(i - 1) == origin else origin

    def end_of(self, j: int, attached: bool = True) -> int:
        """The end of a span that ends before reading offset ``j``: just after its last character, so a
        surface never takes in a space or a line break dropped after it; what was dropped as part of that
        character (``drop_attached``: its pinyin gloss) it takes in unless ``attached`` is false."""
        end = self._origin(j - 1) + 1 if j > 0 else 0
        return self._attached.get(end, end) if self._attached and attached else end

    def boundary(self, i: int) -> int:
        """Where reading offset ``i`` falls when it divides the text (node edges): dropped characters go
        with what stands before them, and the ends are the original's ends, so spans that tile the
        reading form tile the original."""
        if i <= 0:
            return 0
        if i >= len(self.text):
            return len(self.original)
        return self._after_inserted(i)

    def span(self, start: int, end: int, attached: bool = True) -> tuple[int, int]:
        """The original span of a reading span, tight at both ends (an empty span stays empty); with
        ``attached`` false it leaves out what was dropped as part of its last character."""
        first = self.start_of(start)
        return (first, first) if end <= start else (first, self.end_of(end, attached))

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
            assert pos <= start and len(replacement) <= end - start, "edits must be ordered and not grow"  # see insert
            pieces.append(self.text[pos:start])
            pieces.append(replacement)
            kept.append((pos, start + len(replacement)))
            pos = end
        pieces.append(self.text[pos:])
        kept.append((pos, len(self.text)))
        self._remap(kept)
        self.text = "".join(pieces)
        self.counts[step] = self.counts.get(step, 0) + (len(edits) if count is None else count)

    def drop_attached(self, step: str, spans: list[tuple[int, int]]) -> None:
        """Drop each ``(start, end)`` span of the reading form as part of the character before it (a gloss
        read with its character): a span that ends with that character ends after the gloss.

        >>> r = Reading("會(huì)議")
        >>> r.drop_attached("pinyin", [(1, 6)])
        >>> r.text, r.span(0, 1), r.span(0, 2), r.span(0, 1, attached=False)
        ('會議', (0, 6), (0, 7), (0, 1))
        """
        for start, end in spans:
            assert start > 0, "a dropped span belongs to the character before it"
            self._attached[self._origin(start - 1) + 1] = self._origin(end - 1) + 1
        self.edit(step, [(start, end, "") for start, end in spans])

    def insert(self, step: str, positions: list[int], char: str = "\n") -> None:
        """Insert ``char`` before each reading offset of ``positions`` (ascending, none at 0). An inserted
        character is mapped onto the original character before it, so ``end_of`` a span that takes it in
        is the end of that character, an edge or a span that starts at it is where the next original character
        begins, and the next reading character keeps its own original offset.

        >>> r = Reading("要求。一、加强学习")
        >>> r.insert("glued", [3])
        >>> r.text, r.span(0, 4), r.span(4, 10), r.boundary(3), r.boundary(4)
        ('要求。\\n一、加强学习', (0, 3), (3, 9), 3, 3)
        """
        if not positions:
            return
        assert positions[0] > 0 and positions[-1] < len(self.text), "insertions must be inside the text"
        starts, origins = array("q"), array("q")

        def add(start: int, origin: int) -> None:
            if not starts or origins[-1] + start - starts[-1] != origin:
                starts.append(start)
                origins.append(origin)

        old_starts, old_origins, n = self._starts, self._origins, len(self._starts)
        shift, todo = 0, iter(positions)
        at = next(todo, None)
        for k in range(n):
            a, b = old_starts[k], old_starts[k + 1] if k + 1 < n else len(self.text)
            x = a
            while at is not None and at < b:
                assert at >= x, "insertions must be ascending"
                if at > x:
                    add(x + shift, old_origins[k] + x - a)
                add(at + shift, self._origin(at - 1))  # the inserted character: onto the one before it
                shift += 1
                add(at + shift, old_origins[k] + at - a)  # the stretch after it starts a run of its own
                x = at
                at = next(todo, None)
            if x < b:
                add(x + shift, old_origins[k] + x - a)
        pieces, pos = [], 0
        for p in positions:
            pieces += [self.text[pos:p], char]
            pos = p
        pieces.append(self.text[pos:])
        self._starts, self._origins = starts, origins
        self.text = "".join(pieces)
        self._inserted = True
        self.counts[step] = self.counts.get(step, 0) + len(positions)

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
