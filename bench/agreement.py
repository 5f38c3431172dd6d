"""How far two blind annotators agree, and where the tool stands between them.

    python bench/agreement.py

(No listing of the differences: the first annotation is test gold, read by no one who tunes the rules.)

tests/gold/iaa/ holds a second annotation, made blind and independently, of texts whose first annotation is
frozen in a test set (tests/gold/unseen/test, test2, test3, tests/gold/blind): same text, same range, same kinds.
With the same strict scorer as bench/eval_unseen.py (exact spans; for quantities and documents every field):

- annotator 2 against annotator 1: how well one careful reader reproduces another (precision and recall
  swap when the roles are swapped; F1 is symmetric). It is the ceiling a target on this gold can ask for;
- the tool against annotator 1 and against annotator 2, on the same texts.

Only the first annotation is test gold; the second is not tuned on either (it lives apart, and no rule was
changed after reading it). Files whose report is absent are skipped.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.unseen_gold import Tally, UnseenScores, _headings, score_document  # noqa: E402
from reportparse.api import parse  # noqa: E402
from reportparse.evaluate import _load_gold, report_path  # noqa: E402
from reportparse.extract import KINDS  # noqa: E402

IAA = ROOT / "tests" / "gold" / "iaa"
FIRST = [ROOT / "tests" / "gold" / "unseen" / name for name in ("test", "test2", "test3")] + [ROOT / "tests" / "gold" / "blind"]
WIDTH = 34


def first_annotations() -> dict[str, Path]:
    """The frozen test gold files, by the report they annotate."""
    return {_load_gold(p)["report"]: p for folder in FIRST for p in sorted(folder.glob("*.json"))}


def as_document(gold: dict) -> tuple[dict, list[dict]]:
    """An annotation read as if the tool had found it: its mentions, its genre and its headings."""
    document = {kind: gold.get(kind, []) for kind in KINDS}
    document["genre"] = gold.get("genre")
    return document, gold.get("outline", [])


def f1(t: Tally) -> float:
    p, r = t.precision, t.recall
    return 2 * p * r / (p + r) if p + r else 0.0


def row(scores: UnseenScores) -> list[str]:
    cells = [f"{scores.files}"]
    for kind in KINDS:
        t = scores.kinds[kind]
        cells.append(f"P {t.precision:.3f} R {t.recall:.3f} F {f1(t):.3f} ({t.gold}/{t.found})")
    cells.append(f"{scores.genre_accuracy:.3f} ({scores.genre_right}/{scores.genre_files})")
    h = scores.headings
    cells.append(f"P {h.precision:.3f} R {h.recall:.3f} F {f1(h):.3f} ({h.gold}/{h.found})")
    return cells


def main() -> None:
    firsts = first_annotations()
    humans, tool_1, tool_2 = UnseenScores(), UnseenScores(), UnseenScores()
    for path in sorted(IAA.glob("*.json")):
        second = _load_gold(path)
        source = report_path(second["report"], ROOT)
        first_path = firsts.get(second["report"])
        if first_path is None or not source.exists():
            continue
        first = _load_gold(first_path)
        document, headings = as_document(second)
        report = parse(source)
        score_document(path.stem, first, report.text, document, headings, humans)
        parsed = report.to_dict()
        for gold, scores in ((first, tool_1), (second, tool_2)):
            lo, hi = gold["range"]
            score_document(path.stem, gold, report.text, parsed, _headings(parsed["sections"], lo, hi), scores)
    labels = ["files"] + list(KINDS) + ["genre", "outline"]
    columns = [("annotator 2 vs 1", row(humans)), ("tool vs annotator 1", row(tool_1)),
               ("tool vs annotator 2", row(tool_2))]
    print(f"{'':12}" + "".join(f"{name:{WIDTH + 12}}" for name, _ in columns))
    for i, label in enumerate(labels):
        print(f"{label:12}" + "".join(f"{cells[i]:{WIDTH + 12}}" for _, cells in columns))


if __name__ == "__main__":
    main()
