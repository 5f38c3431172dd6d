"""Link the same weakness across years into threads.

Years are taken in order; each year's points are matched one to one with the threads that have no
point of that year yet, best pairs first, against the thread's most alike member. A point that
matches no thread above the threshold opens a thread of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..punctuation import POINT_ENDS
from ..schemas import series_shapes
from .similarity import Features, Likeness, likeness

DEFAULT_THRESHOLD = 0.25  # measured on tests/gold/threads: must-not-link pairs score at most ~0.24
LABEL_MAX = 18


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

    def to_shape(self, explain: bool = False) -> series_shapes.ThreadMember:
        member = series_shapes.ThreadMember(year=self.year, path=self.path, text=self.text, start=self.start,
                                            end=self.end, score=round(self.link.score, 4) if self.link else 1.0)
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
        themes = [m.theme for m in self.members if m.theme]
        return max(set(themes), key=themes.count) if themes else None

    @property
    def label(self) -> str:
        text = min((m.features.headline for m in self.members), key=len).rstrip(POINT_ENDS)
        return text if len(text) <= LABEL_MAX else text[:LABEL_MAX] + "…"

    def status(self, last_year: int) -> str:
        years = self.years
        if last_year in years:
            return "recurring" if len(years) > 1 else "new"
        return "dropped" if len(years) > 1 else "once"

    def running(self, all_years: list[int]) -> int:
        """The longest run of consecutive reports (in the series' own order) that state it."""
        best = run = 0
        for year in all_years:
            run = run + 1 if year in self.years else 0
            best = max(best, run)
        return best

    def to_shape(self, last_year: int, all_years: list[int], explain: bool = False) -> series_shapes.Thread:
        return series_shapes.Thread(
            label=self.label, theme=self.theme, years=self.years,
            status=self.status(last_year),  # type: ignore[arg-type]  # one of the four: see status()
            running=self.running(all_years), members=[m.to_shape(explain) for m in self.members])


def link(points_by_year: dict[int, list[Member]], threshold: float = DEFAULT_THRESHOLD) -> list[Thread]:
    threads: list[Thread] = []
    for year in sorted(points_by_year):
        open_threads = [t for t in threads if year not in t.years]
        pairs = []
        for i, point in enumerate(points_by_year[year]):
            for j, thread in enumerate(open_threads):
                best = max((likeness(point.features, m.features) for m in thread.members), key=lambda x: x.score)
                if best.score >= threshold:
                    pairs.append((best.score, i, j, best))
        taken_points, taken_threads = set(), set()
        for _, i, j, best in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
            if i in taken_points or j in taken_threads:
                continue
            point = points_by_year[year][i]
            point.link = best
            open_threads[j].members.append(point)
            taken_points.add(i)
            taken_threads.add(j)
        threads += [Thread([p]) for i, p in enumerate(points_by_year[year]) if i not in taken_points]
    return threads
