"""The indicator panel against tests/gold/panel/*.json: (target, outcome, verdict) triples reproduced.

    python bench/eval_panel.py [--show]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.panel_gold import compare_rows, gold_panel, load  # noqa: E402


def main() -> None:
    for path in sorted((ROOT / "tests" / "gold" / "panel").glob("*.json")):
        gold = load(path)
        produced = gold_panel(gold, ROOT)
        if produced is None:
            print(f"{path.stem}: reports absent, skipped")
            continue
        results = compare_rows(gold, produced)
        per: dict[str, Counter] = {}
        for r in results:
            c = per.setdefault(r["indicator"], Counter())
            c["rows"] += 1
            c["all"] += r["target"] and r["outcome"] and r["verdict"]
            for part in ("target", "outcome", "verdict"):
                c[part] += r[part]
            if "--show" in sys.argv and not (r["target"] and r["outcome"] and r["verdict"]):
                print("  differs:", r["indicator"], r["year"], {k: r[k] for k in ("target", "outcome", "verdict")},
                      r["got"] and {k: (r["got"][k] or {}).get("text") if k != "verdict" else r["got"][k]
                                    for k in ("target", "outcome", "verdict")})
        print(f"{path.stem}:")
        for name, c in per.items():
            print(f"  {name}: {c['all']}/{c['rows']} triples whole (targets {c['target']}, outcomes {c['outcome']}, "
                  f"verdicts {c['verdict']})")
        total = sum(c["all"] for c in per.values()), sum(c["rows"] for c in per.values())
        print(f"  all: {total[0]}/{total[1]}")


if __name__ == "__main__":
    main()
