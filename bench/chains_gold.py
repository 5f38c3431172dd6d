"""Chains against a reader's: for each weakness the reader chained, whether its answers, its recurrence
and its status came out as the reader has them.

A gold file (tests/gold/chains/*.json) is ``{"reports": {year: path}, "chains": [{"weakness": [year, start,
end, label], "answers": [[year, start, end, label], ...], "recurs_in": [year, ...], "status": str}]}``.
A point is found when a produced point of the same year overlaps the reader's by half the shorter
(the rule ``reportparse eval`` uses for weaknesses and plans).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportparse.chains import Chains, chains
from reportparse.evaluate import report_path


def gold_chains(gold: dict[str, Any], root: Path) -> Chains | None:
    paths = {int(year): report_path(name, root) for year, name in gold["reports"].items()}
    if not all(p.exists() for p in paths.values()):
        return None
    return chains([str(p) for _, p in sorted(paths.items())], years={str(p): y for y, p in paths.items()})


def _same(point: list, year: int, start: int, end: int) -> bool:
    if point[0] != year:
        return False
    overlap = min(point[2], end) - max(point[1], start)
    return overlap > 0 and overlap * 2 >= min(point[2] - point[1], end - start)


def chain_scores(gold: dict[str, Any], produced: Chains) -> dict[str, int]:
    """Counts: weaknesses found; answers (gold, found, right); recurrence and status as the reader has them."""
    counts = {"weaknesses": 0, "found": 0, "gold_answers": 0, "answers": 0, "answers_right": 0,
              "recurs_right": 0, "status_right": 0}
    for expected in gold["chains"]:
        counts["weaknesses"] += 1
        counts["gold_answers"] += len(expected["answers"])
        chain = next((c for c in produced.chains if _same(expected["weakness"], c.weakness.year, c.weakness.start,
                                                            c.weakness.end)), None)
        if chain is None:
            continue
        counts["found"] += 1
        counts["answers"] += len(chain.answers)
        counts["answers_right"] += sum(
            any(_same(g, a.year, a.point.start, a.point.end) for g in expected["answers"]) for a in chain.answers)
        counts["recurs_right"] += sorted(expected["recurs_in"]) == chain.recurs_in
        counts["status_right"] += expected["status"] == chain.status
    return counts
