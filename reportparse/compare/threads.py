"""Link the same weakness across years into threads.

Years are taken in order; each year's points are matched one to one with the threads that have no
point of that year yet, best pairs first, against the thread's most alike member. A point that
matches no thread above the threshold opens a thread of its own. A point that names two problems
(财政收支矛盾突出，防范化解金融等领域风险…) then also joins each thread still without a point of its year
that it scores ``also_threshold`` with (the ``thread-also-link`` setting), best first: it follows both.

Cost: a point is scored only against the earlier points an inverted index offers (candidates.py), at
most BUDGET of them, so linking is O(n · BUDGET) for n points, linear in them; each year's pairs are
sorted once (O(p log p)).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from ..punctuation import POINT_ENDS
from ..schemas import series_shapes
from .candidates import PointIndex
from .similarity import THEME_WEIGHT, Features, Likeness, likeness

DEFAULT_THRESHOLD = 0.25  # measured on tests/gold/threads: must-not-link pairs score at most ~0.24
NO_ALSO_LINKS = 2.0  # above any score: each point joins one thread only


@dataclass
class Member:
    year: int
    path: str | None
    text: str
    start: int
    end: int
    theme: str | None
    features: Features
    link: Likeness | None = None  # how it joined its thread (None for the first member)
    also: bool = False  # it joined this thread besides the one it is most like

    def to_shape(self, explain: bool = False) -> series_shapes.ThreadMember:
        member = series_shapes.ThreadMember(year=self.year, path=self.path, text=self.text, start=self.start,
                                            end=self.end, score=round(self.link.score, 4) if self.link else 1.0,
                                            also=self.also)
        if explain:
            member.shared_words = list(self.link.shared_words) if self.link else []
        return member


@dataclass
class Thread:
    members: list[Member] = field(default_factory=list)

    @property
    def years(self) -> list[int]:
        return sorted({m.year for m in self.members})

    @property
    def theme(self) -> str | None:
        """The theme most members have; on a tie the earliest member's, so that the answer does not hang
        on the order a set is walked in (it changes with PYTHONHASHSEED)."""
        counts = Counter(m.theme for m in self.members if m.theme)  # counted in member order
        return max(counts, key=lambda theme: counts[theme]) if counts else None

    @property
    def label(self) -> str:
        """The headline of the member most typical of the thread: the one whose words the other members
        hold most often (on a tie, the shortest). Over fifty years a thread's shortest point can be an
        outlier; its typical one says what the thread is about."""
        own = [m for m in self.members if not m.also] or self.members
        held = Counter(word for m in own for word in m.features.words)

        def typical(m: Member) -> tuple[float, int]:
            words = m.features.words
            return (-sum(held[w] for w in words) / len(words) if words else 0.0, len(m.features.headline))

        return label_of(min(own, key=typical).features.headline)

    def status(self, last_year: int) -> str:
        years = self.years
        if last_year in years:
            return "recurring" if len(years) > 1 else "new"
        return "dropped" if len(years) > 1 else "once"

    def running(self, all_years: list[int]) -> int:
        """The longest run of consecutive reports (in the series' own order) that state it."""
        best = run = 0
        years = set(self.years)
        for year in all_years:
            run = run + 1 if year in years else 0
            best = max(best, run)
        return best

    def to_shape(self, last_year: int, all_years: list[int], explain: bool = False) -> series_shapes.Thread:
        return series_shapes.Thread(
            label=self.label, theme=self.theme, years=self.years,
            status=self.status(last_year),  # type: ignore[arg-type]  # one of the four: see status()
            running=self.running(all_years), members=[m.to_shape(explain) for m in self.members])


def label_of(headline: str) -> str:
    """A point's headline as a label: its first sentence, whole (views wrap it; a cut one says less)."""
    return headline.rstrip(POINT_ENDS)


def link(points_by_year: dict[int, list[Member]], threshold: float = DEFAULT_THRESHOLD,
         also_threshold: float = NO_ALSO_LINKS) -> list[Thread]:
    threads: list[Thread] = []
    years: list[set[int]] = []  # each thread's years, kept as members join (Thread.years sorts every time)
    index = PointIndex(exhaustive=threshold <= THEME_WEIGHT)
    threaded: list[Member] = []  # by the index's point ids

    def join(j: int, member: Member) -> None:
        threads[j].members.append(member)
        years[j].add(member.year)
        if not member.also:  # a point that follows a second thread does not steer it: later points match its own
            index.add(j, member.features)
            threaded.append(member)

    for year in sorted(points_by_year):
        points = points_by_year[year]
        pairs = sorted(_scored_pairs(points, year, index, threaded, years, min(threshold, also_threshold)),
                       key=lambda p: (-p[0], p[1], p[2]))
        taken_points: dict[int, int] = {}
        taken_threads: set[int] = set()
        for score, i, j, best in pairs:
            if score < threshold or i in taken_points or j in taken_threads:
                continue
            taken_points[i] = j
            taken_threads.add(j)
        also = []
        for score, i, j, best in pairs:  # best first: a thread takes the point that fits it most
            if score >= also_threshold and i in taken_points and j not in taken_threads:
                also.append((i, j, best))
                taken_threads.add(j)
        best_of = {(i, j): best for _, i, j, best in pairs}
        for i, point in enumerate(points):
            if i in taken_points:
                point.link = best_of[i, taken_points[i]]
                join(taken_points[i], point)
            else:
                threads.append(Thread())
                years.append(set())
                join(len(threads) - 1, point)
        for i, j, best in also:
            join(j, replace(points[i], link=best, also=True))
    return threads


def _scored_pairs(points: list[Member], year: int, index: PointIndex, threaded: list[Member],
                  years: list[set[int]], floor: float) -> list[tuple[float, int, int, Likeness]]:
    """(score, point, thread, likeness) for each point and each thread without a point of ``year``
    that it scores ``floor`` with, against the thread's most alike member among the candidates."""
    pairs = []
    for i, point in enumerate(points):
        best_of: dict[int, Likeness] = {}  # thread → its best member so far (the first, on a tie)
        for member in index.candidates(point.features):
            j = index.thread_of[member]
            if year in years[j]:
                continue  # the thread already has a point of this year
            score = likeness(point.features, threaded[member].features)
            if j not in best_of or score.score > best_of[j].score:
                best_of[j] = score
        pairs += [(best.score, i, j, best) for j, best in best_of.items() if best.score >= floor]
    return pairs
