"""Could a learned line classifier find the weakness passages the rules miss? Measured by cross-validation.

    python bench/learned_weakness_lines.py        # about a minute

Data: the lines (paragraphs) inside the range of every tuned and dev gold file that annotates weaknesses
(tests/gold, tests/gold/heldout, tests/gold/unseen/dev; the test half is never read). A line is positive when
a gold weakness point starts in it. Model: naive Bayes over the line's character 2- and 3-grams (digits
dropped, features seen fewer than 3 times ignored), its score the mean log-ratio of the features present,
so that a long line does not win by length. Five folds grouped by report.

A fallback would add the lines the model is sure of where the rules found no weakness point. For each
threshold the table gives, out of fold: gold lines the rules miss that the model finds, and lines with no
gold point it would add. The rules are tuned on this gold (in-sample), so the lines they miss are few and
hard; the fallback is worth shipping only if it finds some of them for few false ones.
"""

from __future__ import annotations

import math
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportparse.api import parse  # noqa: E402
from reportparse.evaluate import _load_gold, report_path  # noqa: E402
from reportparse.text import fold  # noqa: E402

FOLDERS = [ROOT / "tests" / "gold", ROOT / "tests" / "gold" / "heldout", ROOT / "tests" / "gold" / "unseen" / "dev"]
FOLDS = 5
MIN_COUNT = 3
THRESHOLDS = (0.5, 1.0, 1.5, 2.0, 2.5, 3.0)


def lines() -> list[dict]:
    """Every non-blank line in range: its report, features, and whether gold and rules put a point in it."""
    rows = []
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.json")):
            gold = _load_gold(path)
            source = report_path(gold["report"], ROOT)
            if "weaknesses" not in gold.get("kinds", ["weaknesses"]) or not source.exists():
                continue
            report = parse(source)
            ruled = [m.start for m in report.weaknesses]
            wanted = [g["start"] for g in gold.get("weaknesses", [])]
            lo, hi = gold["range"]
            at = lo
            for line in report.text[lo:hi].split("\n"):
                start, end, at = at, at + len(line), at + len(line) + 1
                if line.strip():
                    rows.append({"report": str(source), "features": features(line),
                                 "gold": any(start <= s < end for s in wanted),
                                 "rule": any(start <= s < end for s in ruled)})
    return rows


def features(line: str) -> set[str]:
    chars = "".join(ch for ch in fold(line) if not ch.isspace() and not ch.isdigit())
    return {chars[i:i + n] for n in (2, 3) for i in range(len(chars) - n + 1)}


def train(rows: list[dict]) -> tuple[Counter, Counter, int, int]:
    positive, negative = Counter(), Counter()
    for row in rows:
        (positive if row["gold"] else negative).update(row["features"])
    n_pos = sum(row["gold"] for row in rows)
    return positive, negative, n_pos, len(rows) - n_pos


def score(model: tuple[Counter, Counter, int, int], found: set[str]) -> float:
    positive, negative, n_pos, n_neg = model
    ratios = [math.log((positive[f] + 0.5) / (n_pos + 1)) - math.log((negative[f] + 0.5) / (n_neg + 1))
              for f in found if positive[f] + negative[f] >= MIN_COUNT]
    return sum(ratios) / len(ratios) if ratios else 0.0


def main() -> None:
    rows = lines()
    reports = sorted({row["report"] for row in rows})
    random.Random(0).shuffle(reports)
    fold_of = {report: i % FOLDS for i, report in enumerate(reports)}
    scored = []
    for k in range(FOLDS):
        model = train([row for row in rows if fold_of[row["report"]] != k])
        scored += [(score(model, row["features"]), row) for row in rows if fold_of[row["report"]] == k]
    missed = sum(row["gold"] and not row["rule"] for _, row in scored)
    print(f"{len(rows)} lines, {sum(r['gold'] for r in rows)} with a gold point, {missed} of them missed by the rules")
    print("threshold  found of the missed  lines it would add wrongly")
    for threshold in THRESHOLDS:
        sure = [row for s, row in scored if s > threshold and not row["rule"]]
        print(f"{threshold:9.1f}  {sum(r['gold'] for r in sure):5d} of {missed:<12d}  {sum(not r['gold'] for r in sure):5d}")


if __name__ == "__main__":
    main()
