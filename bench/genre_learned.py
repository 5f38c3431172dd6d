"""Would a learned classifier tell a title-less excerpt's genre? Measured on the dev half only.

    python bench/genre_learned.py            # 5 folds, seed 0 (a few seconds)

A multinomial naive Bayes over the character bigrams of each dev text's first 1,500 characters (its gold
range), trained on the other folds' texts with their gold genre (`null` a class of its own: news items and
texts of no genre), is asked about each held-out text. A fallback would name the genre it predicts, when
that is not `null` and its probability reaches a threshold, for the texts the rules leave without a genre.
Printed per threshold: how many it would name rightly and how many wrongly (a gold `null` named a genre
counts as wrong), and the classifier's accuracy on every held-out text.

Result (fifth session, 139 dev texts, 48 of them without a genre from the rules, 40 of those gold `null`): at
every threshold from 0.5 to 0.9999 it names 5 rightly for 10 wrongly, and it is right on 61% of all texts
against the rules' 93%, so no learned genre ships (like the cues alone: bench/genre_cues_only.py).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.genre_cues_only import dev_genres  # noqa: E402
from reportparse.api import parse_text  # noqa: E402
from reportparse.text import fold  # noqa: E402

OPENING = 1500  # characters of a text's range the classifier reads
THRESHOLDS = (0.5, 0.9, 0.99, 0.999, 0.9999)
NULL = "null"


def dev_texts() -> list[tuple[str, str, str | None]]:
    """(gold genre, folded range text, the rules' genre) for each dev text with a gold genre."""
    rows = []
    for genre, text, gold in dev_genres():
        start, end = gold.get("range") or (0, len(text))
        rows.append((genre or NULL, fold(text[start:end]), parse_text(text).genre))
    return rows


def bigrams(text: str) -> Counter[str]:
    text = text[:OPENING]
    return Counter(text[i:i + 2] for i in range(len(text) - 1))


class NaiveBayes:
    """Multinomial naive Bayes with add-one smoothing."""

    def __init__(self, examples: list[tuple[str, Counter[str]]]):
        self.prior = Counter(label for label, _ in examples)
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        for label, features in examples:
            self.counts[label].update(features)
        self.totals = {label: sum(c.values()) for label, c in self.counts.items()}
        self.vocabulary = len({k for c in self.counts.values() for k in c})

    def predict(self, features: Counter[str]) -> tuple[str, float]:
        """The likeliest label and its probability."""
        n = sum(self.prior.values())
        scores = {}
        for label, prior in self.prior.items():
            denominator = self.totals[label] + self.vocabulary
            scores[label] = math.log(prior / n) + sum(
                count * math.log((self.counts[label][k] + 1) / denominator) for k, count in features.items())
        best = max(scores, key=lambda label: scores[label])
        return best, 1 / sum(math.exp(s - scores[best]) for s in scores.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rows = dev_texts()
    order = list(range(len(rows)))
    random.Random(args.seed).shuffle(order)
    held_out = []
    for k in range(args.folds):
        test = set(order[k::args.folds])
        model = NaiveBayes([(rows[i][0], bigrams(rows[i][1])) for i in order if i not in test])
        held_out += [(rows[i][0], rows[i][2], *model.predict(bigrams(rows[i][1]))) for i in test]
    untold = [(gold, label, p) for gold, rules, label, p in held_out if rules is None]
    print(f"{len(rows)} dev texts; {len(untold)} without a genre from the rules, "
          f"{sum(1 for g, _, _ in untold if g == NULL)} of them gold null")
    for threshold in THRESHOLDS:
        named = [(gold, label) for gold, label, p in untold if p >= threshold and label != NULL]
        right = sum(1 for gold, label in named if gold == label)
        print(f"threshold {threshold}: right {right}, wrong {len(named) - right}")
    accuracy = sum(1 for gold, _, label, _ in held_out if gold == label) / len(held_out)
    rules = sum(1 for gold, ruled, _, _ in held_out if gold == (ruled or NULL)) / len(held_out)
    print(f"accuracy on every held-out text: classifier {accuracy:.3f}, rules {rules:.3f}")


if __name__ == "__main__":
    main()
