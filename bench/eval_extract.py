"""Precision and recall of each extractor against the gold files in tests/gold/.

    python bench/eval_extract.py [GOLD_DIR] [--show]

The same as `reportparse eval`; --show prints every miss and every spurious mention.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportparse.evaluate import evaluate, scores  # noqa: E402


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    gold_dir = Path(args[0]) if args else ROOT / "tests" / "gold"
    totals = evaluate(gold_dir, ROOT, show=print if "--show" in sys.argv else None)
    print(f"{'kind':<11} {'gold':>5} {'found':>6} {'precision':>9} {'recall':>7}  fields right")
    for kind, s in scores(totals).items():
        extra = f"  {s['fields']:.3f}" if "fields" in s else ""
        print(f"{kind:<11} {s['gold']:>5} {s['found']:>6} {s['precision']:>9.3f} {s['recall']:>7.3f}{extra}")


if __name__ == "__main__":
    main()
