"""Precision and recall of each extractor against the gold files in tests/gold/.

    python bench/eval_extract.py [GOLD_DIR] [--show]

Quantities match when their spans overlap (one to one, in order); the share with value, unit and
qualifier all right is counted over the matched ones. Meetings and documents must match exactly.
Points (weaknesses, plans) match when they overlap by at least half of the shorter one.
--show prints every miss and every spurious mention.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportparse import parse  # noqa: E402
from reportparse.extract import KINDS  # noqa: E402

EXACT = {"meetings", "documents"}


def report_path(name: str) -> Path:
    if name.startswith("shared:"):
        return ROOT.parent / "shared" / "corpus" / name[len("shared:"):]
    return ROOT / name


def matches(kind: str, gold: dict, found: dict) -> bool:
    if kind in EXACT:
        return (gold["start"], gold["end"]) == (found["start"], found["end"])
    overlap = min(gold["end"], found["end"]) - max(gold["start"], found["start"])
    if kind == "quantities":
        return overlap > 0
    shorter = min(gold["end"] - gold["start"], found["end"] - found["start"])
    return overlap > 0 and overlap * 2 >= shorter


def pair(kind: str, gold: list[dict], found: list[dict]) -> list[tuple[dict, dict]]:
    pairs, used = [], set()
    for g in gold:
        for i, f in enumerate(found):
            if i not in used and matches(kind, g, f):
                pairs.append((g, f))
                used.add(i)
                break
    return pairs


def fields_right(gold: dict, found: dict) -> bool:
    def same(a, b):
        if a is None or b is None:
            return a is None and b is None
        return Decimal(str(a)) == Decimal(str(b))
    return (same(gold.get("value"), found["value"]) and same(gold.get("value_max"), found["value_max"])
            and gold.get("unit") == found["unit"] and gold.get("qualifier") == found["qualifier"]
            and bool(gold.get("redacted")) == found["redacted"])


def evaluate(gold_dir: Path, show: bool = False) -> dict:
    totals = {k: {"gold": 0, "found": 0, "matched": 0, "fields": 0} for k in KINDS}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        source = report_path(gold["report"])
        if not source.exists():
            continue
        report = parse(source)
        lo, hi = gold["range"]
        document = report.to_dict()
        for kind in gold.get("kinds", KINDS):
            wanted = gold.get(kind, [])
            got = [m for m in document[kind] if lo <= m["start"] < hi]
            pairs = pair(kind, wanted, got)
            t = totals[kind]
            t["gold"] += len(wanted)
            t["found"] += len(got)
            t["matched"] += len(pairs)
            t["fields"] += sum(fields_right(g, f) for g, f in pairs) if kind == "quantities" else 0
            if show:
                _show(path.stem, kind, report.text, wanted, got, pairs)
    return totals


def _show(name, kind, text, wanted, got, pairs):
    hit_gold = {id(g) for g, _ in pairs}
    hit_found = {id(f) for _, f in pairs}
    for g in wanted:
        if id(g) not in hit_gold:
            print(f"{name} {kind} MISSED   {text[g['start']:g['end']]!r} {_fields(g)}")
    for f in got:
        if id(f) not in hit_found:
            print(f"{name} {kind} SPURIOUS {text[f['start']:f['end']]!r} {_fields(f)}")
    if kind == "quantities":
        for g, f in pairs:
            if not fields_right(g, f):
                print(f"{name} {kind} FIELDS   {text[f['start']:f['end']]!r} gold {_fields(g)} got {_fields(f)}")


def _fields(m: dict) -> str:
    keys = ("value", "value_max", "unit", "qualifier", "redacted", "type")
    return " ".join(f"{k}={m.get(k)}" for k in keys if k in m)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    gold_dir = Path(args[0]) if args else ROOT / "tests" / "gold"
    totals = evaluate(gold_dir, show="--show" in sys.argv)
    print(f"{'kind':<11} {'gold':>5} {'found':>6} {'precision':>9} {'recall':>7}  fields right")
    for kind, t in totals.items():
        precision = t["matched"] / t["found"] if t["found"] else 1.0
        recall = t["matched"] / t["gold"] if t["gold"] else 1.0
        extra = f"  {t['fields'] / t['matched']:.3f}" if kind == "quantities" and t["matched"] else ""
        print(f"{kind:<11} {t['gold']:>5} {t['found']:>6} {precision:>9.3f} {recall:>7.3f}{extra}")


if __name__ == "__main__":
    main()
