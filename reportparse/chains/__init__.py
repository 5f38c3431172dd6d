"""Weakness → answer → recurrence: for each weakness a report states, the points of the next report of
the series that answer it (its plans, and in a duty series its account of last year's rectification),
and whether the weakness is stated again in a later report.

A plan heading answers by what its subsection commits to (``answers.py``: the point's body). A point's
score with a weakness is the mean of two measures of ``compare/similarity.py``: how much of the weakness
the body covers (its content words and character pairs, each weighted by how few of the report's points
hold it, so that 经济 or 建设, in every section, count little) and the likeness compare links with
between the weakness and the point's own title. It answers when the score reaches the
``chain-answer-link`` setting and is at least the ``chain-answer-share`` setting's share of the best
point's score for that weakness (a section that merely mentions the problem beside the one aimed at it
does not answer). Recurrence is read from compare's threads over the same series. The
status follows the inspector's question: ``answered-resolved`` (answered, not stated again),
``answered-recurring`` (answered, stated again anyway), ``unanswered-recurring``, ``unanswered-dropped``.
The last report's weaknesses have no next report to be answered in and are left out (a warning says so).

Cost: the next report's answer points, read by their bodies, go into an inverted index
(``compare/candidates.py``), and how many points hold each word or pair is counted once; each weakness is
scored against the candidates the index offers, so the chains cost time linear in the points' text.
"""

from __future__ import annotations

import math
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..api import default_rules
from ..compare import compare
from ..compare.candidates import PointIndex
from ..compare.similarity import Features, Likeness, Vocabulary, coverage, likeness, vocabulary
from ..compare.threads import DEFAULT_THRESHOLD, Thread, label_of
from ..errors import InputError
from ..model import Report, Warning
from ..rulebook import RuleBook
from ..schemas import series_shapes, shapes, to_builtins
from ..series import dated_series
from .answers import AnswerPoint, answer_points

__all__ = ["chains", "Chains", "Chain", "Answer", "STATUSES"]
STATUSES = ("answered-resolved", "answered-recurring", "unanswered-recurring", "unanswered-dropped")


@dataclass
class Answer:
    year: int
    path: str | None
    point: AnswerPoint
    features: Features
    link: Likeness

    def to_shape(self, explain: bool) -> series_shapes.ChainAnswer:
        answer = series_shapes.ChainAnswer(
            year=self.year, path=self.path, text=self.point.text, start=self.point.start, end=self.point.end,
            theme=self.point.theme, label=label_of(self.features.headline),
            kind=self.point.kind,  # type: ignore[arg-type]  # plan or rectification: see answer_points()
            score=round(self.link.score, 4))
        if explain:
            answer.shared_words = list(self.link.shared_words)
        return answer


@dataclass
class Chain:
    weakness: series_shapes.ChainPoint
    answered_by: int  # the year of the next report
    answers: list[Answer]
    recurs_in: list[int]

    @property
    def status(self) -> str:
        answered = "answered" if self.answers else "unanswered"
        if self.recurs_in:
            return f"{answered}-recurring"
        return "answered-resolved" if self.answers else "unanswered-dropped"

    def to_shape(self, explain: bool) -> series_shapes.Chain:
        return series_shapes.Chain(weakness=self.weakness, answered_by=self.answered_by,
                                   answers=[a.to_shape(explain) for a in self.answers], recurs_in=self.recurs_in,
                                   status=self.status)  # type: ignore[arg-type]  # one of STATUSES


@dataclass
class Chains:
    reports: list[tuple[Report, int]]
    chains: list[Chain]
    answer_counts: dict[int, int]  # by year: plan and rectification points found
    warnings: list[Warning] = field(default_factory=list)
    explain: bool = False

    def to_shape(self) -> series_shapes.ChainsDocument:
        return series_shapes.ChainsDocument(
            schema=shapes.CHAINS_ID,
            reports=[series_shapes.ChainedReport(path=r.source.path, year=year, weaknesses=len(r.weaknesses),
                                                 answers=self.answer_counts.get(year, 0)) for r, year in self.reports],
            chains=[c.to_shape(self.explain) for c in self.chains],
            warnings=[w.to_shape() for w in self.warnings])

    def to_dict(self) -> dict[str, Any]:
        """The chains document (``reportparse/chains/1``)."""
        return to_builtins(self.to_shape())


def chains(sources: Iterable[str | os.PathLike | Report], *, years: dict[str, int] | None = None,
           threshold: float | None = None, thread_threshold: float = DEFAULT_THRESHOLD,
           rules: RuleBook | None = None, explain: bool = False) -> Chains:
    """Parse each source (or take a parsed Report), order the series by year, and chain each report's
    weaknesses to the next report's answers. ``threshold`` defaults to the ``chain-answer-link`` setting."""
    book = rules or default_rules()
    answer_threshold = book.setting("chain-answer-link").number if threshold is None else threshold
    share = book.setting("chain-answer-share").number
    dated = dated_series(sources, book, years)
    for report, _ in dated:
        if report.known_length and not report.text:  # loaded by Report.from_dict without its text
            raise InputError(f"{report.source.path or 'a report'}: chains reads the headings' text, which this "
                             "report was loaded without: pass it as Report.from_dict(document, text)")
    comparison = compare([r for r, _ in dated], years={r.source.path: y for r, y in dated if r.source.path},
                         threshold=thread_threshold, rules=book)
    vocab = vocabulary(book)
    later = _later_years(comparison.threads)
    found: list[Chain] = []
    counts: dict[int, int] = {}
    for (report, year), (following, next_year) in zip(dated, dated[1:]):
        points = answer_points(following, book)
        counts[next_year] = len(points)
        answers = _AnswerIndex(points, following.text, next_year, following.source.path, vocab, answer_threshold,
                               share)
        for weakness in report.weaknesses:
            features = vocab.features(weakness.text, weakness.theme)
            point = series_shapes.ChainPoint(year=year, path=report.source.path, text=weakness.text,
                                             start=weakness.start, end=weakness.end, theme=weakness.theme,
                                             label=label_of(features.headline))
            found.append(Chain(point, next_year, answers.answering(features), later.get((year, weakness.start), [])))
    warnings = list(comparison.warnings)
    if dated:
        last, last_year = dated[-1]
        if last.weaknesses:
            warnings.append(Warning("last-report", f"{last.source.path or last_year}: the last report of the series; "
                                    f"its {len(last.weaknesses)} weaknesses have no next report to answer them", None))
        counts.setdefault(dated[0][1], len(answer_points(dated[0][0], book)))
    return Chains(dated, found, counts, warnings, explain)


def _later_years(threads: list[Thread]) -> dict[tuple[int, int], list[int]]:
    """For each weakness (year, start), the later years of every thread it is in."""
    later: dict[tuple[int, int], set[int]] = {}
    for thread in threads:
        years = thread.years
        for member in thread.members:
            later.setdefault((member.year, member.start), set()).update(y for y in years if y > member.year)
    return {key: sorted(years) for key, years in later.items()}


class _AnswerIndex:
    """One report's answer points, indexed by the words and character pairs of their bodies."""

    def __init__(self, points: list[AnswerPoint], text: str, year: int, path: str | None, vocab: Vocabulary,
                 threshold: float, share: float):
        # the title is read without its theme: a slogan's theme word (创新 in 加强和创新社会治理) says less
        # about what the section commits to than its body does
        self.answers = [(point, vocab.features(point.text, None), vocab.passage_features(point.body(text), None))
                        for point in points]
        self.year, self.path, self.threshold, self.share = year, path, threshold, share
        self.index = PointIndex()  # a point that shares nothing with the weakness covers none of it
        held: Counter[str] = Counter()
        for number, (_, _, body) in enumerate(self.answers):
            self.index.add(number, body)
            held.update(body.words | body.bigrams)
        count = len(self.answers)
        self.weights = {key: math.log((count + 1) / (n + 0.5)) for key, n in held.items()}
        self.unheld = math.log((count + 1) / 0.5)  # a word no point holds weighs most: no point covers it

    def weight(self, key: str) -> float:
        return self.weights.get(key, self.unheld)

    def answering(self, weakness: Features) -> list[Answer]:
        """The points that score the threshold and the share of the best score with the weakness, best first."""
        scored = []
        for number in self.index.candidates(weakness):
            point, title, body = self.answers[number]
            covered = coverage(weakness, body, self.weight)
            score = (covered.score + likeness(weakness, title).score) / 2
            scored.append(Answer(self.year, self.path, point, title, Likeness(score, covered.shared_words)))
        best = max((a.link.score for a in scored), default=0.0)
        found = [a for a in scored if a.link.score >= self.threshold and a.link.score >= self.share * best]
        return sorted(found, key=lambda a: (-a.link.score, a.point.start))
