"""How well threads follow a reader's judgement: must-link pairs linked, must-not-link pairs kept apart.

A gold file (tests/gold/threads/*.json) names reports by year and points by (year, start offset).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reportparse.compare import DEFAULT_THRESHOLD, Comparison, compare
from reportparse.evaluate import report_path


def load_gold(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def gold_comparison(gold: dict[str, Any], root: Path, threshold: float = DEFAULT_THRESHOLD) -> Comparison | None:
    paths = {int(year): report_path(name, root) for year, name in gold["reports"].items()}
    if not all(p.exists() for p in paths.values()):
        return None
    return compare([str(p) for _, p in sorted(paths.items())], threshold=threshold,
                   years={str(p): y for y, p in paths.items()})


def pair_scores(gold: dict[str, Any], comparison: Comparison) -> dict[str, Any]:
    threads_of: dict[tuple[int, int], set[int]] = {}  # a point naming two problems follows two threads
    for i, thread in enumerate(comparison.threads):
        for m in thread.members:
            threads_of.setdefault((m.year, m.start), set()).add(i)
    known = lambda point: (point[0], point[1]) in threads_of  # noqa: E731

    def linked(pair) -> bool:
        a, b = ((p[0], p[1]) for p in pair)
        return bool(threads_of.get(a, set()) & threads_of.get(b, set()))

    must = [p for p in gold["must_link"] if all(known(x) for x in p)]
    must_not = [p for p in gold["must_not_link"] if all(known(x) for x in p)]
    return {"must_link": len(must), "linked": sum(linked(p) for p in must), "gold_must_link": len(gold["must_link"]),
            "must_not_link": len(must_not), "wrongly_linked": sum(linked(p) for p in must_not),
            "unknown_points": len(gold["must_link"]) + len(gold["must_not_link"]) - len(must) - len(must_not)}
