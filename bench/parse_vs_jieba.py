"""Parser throughput beside jieba's segmentation of the same text, in one process.

    python bench/parse_vs_jieba.py [FOLDER]

FOLDER defaults to ../shared/corpus/gwr-national (the project's own corpus/ when that is absent).
Prints characters per second for `reportparse.parse_text` (structure only) and for `jieba.lcut`,
and their ratio; the target is a ratio of at least 5.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportparse import parse_text  # noqa: E402
from reportparse.api import default_rules  # noqa: E402

REPEATS = 3


def best_rate(work, texts: list[str]) -> float:
    """Characters per second over all texts, best of a few rounds (the least disturbed one)."""
    chars = sum(len(t) for t in texts)
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        for text in texts:
            work(text)
        best = min(best, time.perf_counter() - started)
    return chars / best


def main() -> None:
    default = ROOT.parent / "shared" / "corpus" / "gwr-national"
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else (default if default.is_dir() else ROOT / "corpus")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt reports in {folder}")
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()  # the dictionary load is a one-off cost, not throughput
    default_rules()  # likewise the rule files
    parser = best_rate(parse_text, texts)
    segmenter = best_rate(jieba.lcut, texts)
    print(f"corpus: {folder} ({len(texts)} reports, {sum(map(len, texts)):,} characters)")
    print(f"reportparse.parse_text: {parser:12,.0f} chars/s")
    print(f"jieba.lcut:             {segmenter:12,.0f} chars/s")
    print(f"ratio (parser / jieba): {parser / segmenter:.1f}x  (target: >= 5x)")


if __name__ == "__main__":
    main()
