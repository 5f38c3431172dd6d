"""Threads against the gold linking pairs in tests/gold/threads/, and the time a comparison takes.

    python bench/eval_compare.py [--threshold T]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportparse.compare import DEFAULT_THRESHOLD  # noqa: E402
from bench.compare_gold import gold_comparison, load_gold, pair_scores  # noqa: E402
from reportparse.compare.similarity import vocabulary  # noqa: E402
from reportparse.api import default_rules  # noqa: E402


def main() -> None:
    threshold = float(sys.argv[sys.argv.index("--threshold") + 1]) if "--threshold" in sys.argv else DEFAULT_THRESHOLD
    vocabulary(default_rules())  # jieba's dictionary load is a one-off, not part of a comparison
    for path in sorted((ROOT / "tests" / "gold" / "threads").glob("*.json")):
        gold = load_gold(path)
        started = time.perf_counter()
        comparison = gold_comparison(gold, ROOT, threshold)
        elapsed = time.perf_counter() - started
        if comparison is None:
            print(f"{path.stem}: reports absent, skipped")
            continue
        s = pair_scores(gold, comparison)
        print(f"{path.stem}: {len(comparison.reports)} reports, {len(comparison.threads)} threads, "
              f"{elapsed:.2f}s (parse + compare); must-link linked {s['linked']}/{s['must_link']}, "
              f"must-not-link wrongly linked {s['wrongly_linked']}/{s['must_not_link']}"
              + (f", {s['unknown_points']} pairs name unknown points" if s["unknown_points"] else ""))


if __name__ == "__main__":
    main()
