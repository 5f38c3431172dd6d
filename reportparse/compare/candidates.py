"""Which earlier points a new point is scored against: an inverted index from the words and character
pairs of the points already threaded to those points, instead of every member of every thread.

A pair scores at least the link threshold only if it shares a word or a character pair (the theme
alone weighs less than the threshold), so a member that shares neither cannot be a thread's best
match above it, and leaving it out changes nothing. The index counts, for a new point, the features
each earlier point shares with it (a count done in C over the lists), and only the ``SCORED`` points
that share the most are scored in full. Lists longer than ``READ_LIMIT`` (pairs such as 不够 that
half the points hold) are not read. So a series in which no point shares something with more than
``SCORED`` earlier ones is linked exactly as by scoring every pair (the gold series and every real
series of the corpus are: their links do not change); in a longer one a point is not scored against
an earlier point that shares fewer features with it than the ``SCORED`` best.

Cost: O(f · READ_LIMIT) counting (in C) and ``SCORED`` scores per point for f features: linear in the
series' points.
"""

from __future__ import annotations

from collections import Counter

from .similarity import Features

READ_LIMIT = 64  # a feature held by more points than this says little about which of them is alike
SCORED = 32  # the points sharing the most features with a new point, scored in full


class PointIndex:
    def __init__(self, exhaustive: bool = False):
        """``exhaustive``: every point is a candidate (a threshold the theme alone reaches needs it)."""
        self.exhaustive = exhaustive
        self.thread_of: list[int] = []  # by point id, in the order points were added
        self.postings: dict[str, list[int]] = {}

    def add(self, thread: int, features: Features) -> None:
        """A point joined (or opened) the thread; its id is the count of points added before it."""
        point = len(self.thread_of)
        self.thread_of.append(thread)
        for key in features.words | features.bigrams:
            self.postings.setdefault(key, []).append(point)

    def candidates(self, features: Features) -> list[int]:
        """The ids of the points worth scoring, in the order they were added."""
        if self.exhaustive:
            return list(range(len(self.thread_of)))
        shared: Counter[int] = Counter()
        for key in sorted(features.words | features.bigrams):  # sorted: ties below go the same way every run
            found = self.postings.get(key)
            if found and len(found) <= READ_LIMIT:
                shared.update(found)  # counted in C: the lists are read, only SCORED points are scored
        if len(shared) <= SCORED:
            return sorted(shared)
        return sorted(point for point, _ in shared.most_common(SCORED))
