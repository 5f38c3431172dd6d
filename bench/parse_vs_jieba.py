"""Parser throughput beside jieba's segmentation of the same text, in one process.

    python bench/parse_vs_jieba.py [FOLDER]

FOLDER defaults to ../shared/corpus/gwr-national (the project's own corpus/ when that is absent).
Prints characters per second for the structure alone (`parse_text(..., extractors=False)`), for the
whole pipeline (structure and every extractor), and for `jieba.lcut`, with the ratios to jieba.
Targets: structure at least 5x jieba, the whole pipeline at least 2x.
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
    structure = best_rate(lambda text: parse_text(text, extractors=False), texts)
    pipeline = best_rate(parse_text, texts)
    segmenter = best_rate(jieba.lcut, texts)
    print(f"corpus: {folder} ({len(texts)} reports, {sum(map(len, texts)):,} characters)")
    print(f"structure (parse_text, extractors=False): {structure:12,.0f} chars/s  "
          f"{structure / segmenter:4.1f}x jieba  (target: >= 5x)")
    print(f"pipeline (parse_text, all extractors):    {pipeline:12,.0f} chars/s  "
          f"{pipeline / segmenter:4.1f}x jieba  (target: >= 2x)")
    print(f"jieba.lcut:                               {segmenter:12,.0f} chars/s")


if __name__ == "__main__":
    main()
