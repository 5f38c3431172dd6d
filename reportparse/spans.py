"""Which of many spans covers an offset, or holds a span: answered by bisection, not by a scan of them all.

Building costs O(n log n) for n spans (one sort), each question O(log n).
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Iterable


class Coverage:
    """A fixed set of half-open spans [start, end), which may nest or overlap.

    Sorted by start, with the largest end seen so far: some span starting at or before ``pos`` reaches
    past it exactly when that running maximum does.

    >>> c = Coverage([(10, 20), (12, 14), (30, 40)])
    >>> c.covers(19), c.covers(20), c.covers(5), c.holds(11, 20), c.holds(15, 31)
    (True, False, False, True, False)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max))

    def covers(self, pos: int) -> bool:
        """Some span has start <= pos < end."""
        return self.holds(pos, pos + 1)

    def holds(self, start: int, end: int) -> bool:
        """Some span has span.start <= start and end <= span.end."""
        i = bisect_right(self.starts, start)
        return bool(i) and self.reach[i - 1] >= end
