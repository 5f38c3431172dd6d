"""Precision and recall of the extractors against gold annotations (format: tests/gold/README.md).

Quantities match when their spans overlap (one to one, in order); for matched ones, value, value_max,
unit, qualifier and redaction are compared. Meetings and documents must match exactly. Points
(weaknesses, plans) match when they overlap by at least half of the shorter one.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Callable

from .api import parse
from .errors import ReportParseError
from .extract import KINDS

EXACT = {"meetings", "documents"}


def report_path(name: str, root: Path) -> Path:
    """A gold file's report: relative to the project root, or to ../shared/corpus for ``shared:``."""
    if name.startswith("shared:"):
        return root.resolve().parent / "shared" / "corpus" / name[len("shared:"):]
    return root / name


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


def evaluate(gold_dir: Path, root: Path, show: Callable[[str], None] | None = None) -> dict:
    """Totals per kind over the gold files whose report is present (real reports may be absent)."""
    totals = {k: {"gold": 0, "found": 0, "matched": 0, "fields": 0, "files": 0} for k in KINDS}
    for path in sorted(gold_dir.glob("*.json")):
        gold = _load_gold(path)
        source = report_path(gold["report"], root)
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
            t["files"] += 1
            if show:
                for line in differences(path.stem, kind, report.text, wanted, got, pairs):
                    show(line)
    return totals


def _load_gold(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReportParseError(f"{path}: not a gold file: {exc}") from None
    if not isinstance(gold, dict) or not isinstance(gold.get("report"), str) or "range" not in gold:
        raise ReportParseError(f"{path}: not a gold file (needs report and range)")
    return gold


def evaluated_files(totals: dict) -> int:
    return max(t["files"] for t in totals.values()) if totals else 0


def differences(name, kind, text, wanted, got, pairs):
    hit_gold = {id(g) for g, _ in pairs}
    hit_found = {id(f) for _, f in pairs}
    for g in wanted:
        if id(g) not in hit_gold:
            yield f"{name} {kind} MISSED   {text[g['start']:g['end']]!r} {_fields(g)}"
    for f in got:
        if id(f) not in hit_found:
            yield f"{name} {kind} SPURIOUS {text[f['start']:f['end']]!r} {_fields(f)}"
    if kind == "quantities":
        for g, f in pairs:
            if not fields_right(g, f):
                yield f"{name} {kind} FIELDS   {text[f['start']:f['end']]!r} gold {_fields(g)} got {_fields(f)}"


def _fields(m: dict) -> str:
    keys = ("value", "value_max", "unit", "qualifier", "redacted", "type")
    return " ".join(f"{k}={m.get(k)}" for k in keys if k in m)




def scores(totals: dict) -> dict[str, dict[str, float]]:
    """Precision, recall (and for quantities the share of matched ones with every field right)."""
    out = {}
    for kind, t in totals.items():
        out[kind] = {"gold": t["gold"], "found": t["found"],
                     "precision": t["matched"] / t["found"] if t["found"] else 1.0,
                     "recall": t["matched"] / t["gold"] if t["gold"] else 1.0}
        if kind == "quantities":
            out[kind]["fields"] = t["fields"] / t["matched"] if t["matched"] else 1.0
    return out
