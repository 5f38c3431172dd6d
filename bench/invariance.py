"""Invariance of the parse under messy text: perturbation x kind, the share of the clean parse kept.

    python bench/invariance.py [--quick] [--seed N]

Sources: every gold file in tests/gold and tests/gold/heldout (held to the gold mentions the clean parse
finds) and every report in ../shared/corpus (held to everything the clean parse finds). Each is made
messy by each perturbation (wrap, spaced, ascii, zero-width, traditional, all of them; and flattened, every
line break a space) and parsed again. A cell is the share of outline entries or mentions kept, with how many
were held in brackets; the floor is 0.95 everywhere but flattened's outline and plans
(bench/invariance_measure.LOWER_FLOORS). ``--quick`` takes the gold files alone.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.invariance_measure import corpus_sources, floor, gold_sources, measure, render, shares  # noqa: E402


def main() -> None:
    args = sys.argv[1:]
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 0
    sources = gold_sources(ROOT / "tests" / "gold", ROOT) + gold_sources(ROOT / "tests" / "gold" / "heldout", ROOT)
    corpus = ROOT.parent / "shared" / "corpus"
    if "--quick" not in args and corpus.is_dir():
        sources += corpus_sources(corpus)
    started = time.perf_counter()
    table = measure(sources, seed=seed)
    print(f"{len(sources)} sources ({sum(len(s.text) for s in sources):,} characters), seed {seed}, "
          f"{time.perf_counter() - started:.0f}s")
    print(render(table))
    low = [(p, c, v) for p, row in shares(table).items() for c, v in row.items() if v is not None and v < floor(p, c)]
    print("every cell at its floor or above" if not low else
          "below the floor: " + ", ".join(f"{p}/{c} {v:.3f} < {floor(p, c)}" for p, c, v in low))
    sys.exit(1 if low else 0)


if __name__ == "__main__":
    main()
