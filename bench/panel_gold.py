"""The panel against a reader's table of targets, outcomes and verdicts (tests/gold/panel/*.json)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportparse.evaluate import report_path
from reportparse.panel import Panel, panel


def gold_panel(gold: dict[str, Any], root: Path) -> Panel | None:
    paths = {int(year): report_path(name, root) for year, name in gold["reports"].items()}
    if not all(p.exists() for p in paths.values()):
        return None
    indicators = sorted({row["indicator"] for row in gold["rows"]})
    return panel([str(p) for _, p in sorted(paths.items())], indicators=indicators,
                 years={str(p): y for y, p in paths.items()})


def compare_rows(gold: dict[str, Any], produced: Panel) -> list[dict[str, Any]]:
    """Per gold row: whether target, outcome and verdict came out as the reader has them."""
    rows = {(r.indicator, r.year): r.to_dict() for r in produced.rows}
    out = []
    for expected in gold["rows"]:
        got = rows.get((expected["indicator"], expected["year"]))
        target = _same(expected["target"], got["target"] if got else None)
        outcome = _same(expected["outcome"], got["outcome"] if got else None)
        verdict = got is not None and got["verdict"] == expected["verdict"]
        out.append({"indicator": expected["indicator"], "year": expected["year"], "target": target,
                    "outcome": outcome, "verdict": verdict, "got": got})
    return out


def _same(expected: dict[str, Any] | None, got: dict[str, Any] | None) -> bool:
    if expected is None or got is None:
        return expected is None and got is None
    def number(x):
        return None if x is None else Decimal(str(x))
    return (number(expected["value"]) == number(got["value"]) and number(expected.get("value_max")) ==
            number(got["value_max"]) and expected.get("unit") == got["unit"]
            and expected.get("qualifier") == got["qualifier"])


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))
