"""Links, chains and panel against the training gold and the test gold, side by side.

    python bench/eval_series.py               # training and test figures
    python bench/eval_series.py --train-only  # training figures only: the test files are not opened

Training gold (tuned on): tests/gold/threads/national.json and duty-linjiang.json (2014–2025 and the duty
series), tests/gold/panel/national.json, and the dev set annotated blind in the second session:
threads/national-1978-1988.json, chains/national-dev.json, panel/national-1978-1988.json. Test gold
(annotated blind, never read while tuning): tests/gold/threads/national-1990-2013.json,
tests/gold/chains/national.json, tests/gold/panel/national-1990-2013.json.
A file that is absent, or whose reports are absent, is reported as such.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.chains_gold import chain_scores, gold_chains  # noqa: E402
from bench.compare_gold import gold_comparison, load_gold, pair_scores  # noqa: E402
from bench.panel_gold import compare_rows, gold_panel  # noqa: E402
from reportparse.chains import Chains  # noqa: E402
from reportparse.compare import Comparison  # noqa: E402
from reportparse.panel import Panel  # noqa: E402

GOLD = ROOT / "tests" / "gold"
# the *-1978-1988 and chains/national-dev.json files were annotated blind as a second tuning set (SERIES-DEV.md)
TRAINING = {"links": [GOLD / "threads" / "national.json", GOLD / "threads" / "duty-linjiang.json",
                      GOLD / "threads" / "national-1978-1988.json"],
            "chains": [GOLD / "chains" / "national-dev.json"],
            "panel": [GOLD / "panel" / "national.json", GOLD / "panel" / "national-1978-1988.json"]}
TEST = {"links": [GOLD / "threads" / "national-1990-2013.json"],
        "chains": [GOLD / "chains" / "national.json"],
        "panel": [GOLD / "panel" / "national-1990-2013.json"]}


def link_figures(gold: dict[str, Any], comparison: Comparison) -> str:
    s = pair_scores(gold, comparison)
    recall = s["linked"] / s["must_link"] if s["must_link"] else 0.0
    whole = s["linked"] / s["gold_must_link"] if s["gold_must_link"] else 0.0
    unknown = f", {s['unknown_points']} pairs name a point not found" if s["unknown_points"] else ""
    # recall over every gold pair counts a pair whose point was not extracted as not linked
    return (f"must-link {s['linked']}/{s['gold_must_link']} ({whole:.3f}) of all gold pairs, "
            f"{s['linked']}/{s['must_link']} ({recall:.3f}) where both points were found; "
            f"must-not-link wrongly linked {s['wrongly_linked']}/{s['must_not_link']}{unknown}")


def chain_figures(gold: dict[str, Any], produced: Chains) -> str:
    c = chain_scores(gold, produced)
    precision = c["answers_right"] / c["answers"] if c["answers"] else 0.0
    recall = c["answers_right"] / c["gold_answers"] if c["gold_answers"] else 0.0
    return (f"weaknesses found {c['found']}/{c['weaknesses']}; answers precision {precision:.3f} recall {recall:.3f} "
            f"({c['answers_right']} right of {c['answers']} found, {c['gold_answers']} in gold); "
            f"recurrence right {c['recurs_right']}/{c['found']}; status right {c['status_right']}/{c['found']}")


def panel_figures(gold: dict[str, Any], produced: Panel) -> str:
    rows = compare_rows(gold, produced)
    whole = sum(bool(r["target"] and r["outcome"] and r["verdict"]) for r in rows)
    parts = ", ".join(f"{part}s {sum(bool(r[part]) for r in rows)}" for part in ("target", "outcome", "verdict"))
    return f"triples whole {whole}/{len(rows)} ({parts})"


# per measure: what the gold's reports produce (None when they are absent), and the figures of the result
MEASURES: dict[str, tuple[Callable[[dict[str, Any], Path], Any], Callable[[dict[str, Any], Any], str]]] = {
    "links": (gold_comparison, link_figures), "chains": (gold_chains, chain_figures),
    "panel": (gold_panel, panel_figures)}


def figures(measure: str, path: Path) -> str:
    if not path.exists():
        return "gold file absent"
    produce, describe = MEASURES[measure]
    gold = load_gold(path)
    produced = produce(gold, ROOT)
    return "reports absent" if produced is None else describe(gold, produced)




def report(side: str, files: dict[str, list[Path]]) -> None:
    print(f"== {side}")
    for measure, paths in files.items():
        if not paths:
            print(f"  {measure}: no gold")
        for path in paths:
            print(f"  {measure} {path.relative_to(ROOT)}: {figures(measure, path)}")


def main(argv: list[str]) -> None:
    report("training", TRAINING)
    if "--train-only" not in argv:
        report("test", TEST)


if __name__ == "__main__":
    main(sys.argv[1:])
