"""Invariance of the parse under messy text: the share of outline and mentions kept per perturbation.

A source is a clean report and the mentions it is held to: the gold mentions of a gold file that the
clean parse finds, or, for a report without gold, every mention the clean parse finds. Each
perturbation (``perturb.PERTURBATIONS``) is applied to the text, the spans are carried through it,
and the messy text is parsed. A mention is kept when the messy parse finds it at the carried span
(by the rules of ``reportparse.evaluate``) with the same value, value_max, unit, qualifier and
redaction (quantities) or name (meetings, documents), names compared on their reading form. The
outline is kept entry by entry: sections and items in order, by depth, kind, marker and title on
their reading form.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Iterable

from reportparse.api import default_rules, parse_text
from reportparse.evaluate import fields_right, matches, pair, report_path
from reportparse.extract import KINDS
from reportparse.model import Node, Report
from reportparse.reading import read
from bench.perturb import PERTURBATIONS, perturb

COLUMNS = ("outline",) + KINDS
FLOOR = 0.95
# A page that lost its line breaks cannot give back a heading that follows text with no sentence end,
# nor an unnumbered title run into its paragraph (the flattened reading step needs a space after a
# sentence end or a short title before a numbered heading): its outline and the plan headings have
# lower floors, measured over every gold file and ../shared/corpus (bench/invariance.py: outline 0.844,
# plans 0.946; without the step 0.093 and 0.012).
LOWER_FLOORS = {("flattened", "outline"): 0.8, ("flattened", "plans"): 0.9}


def floor(perturbation: str, column: str) -> float:
    return LOWER_FLOORS.get((perturbation, column), FLOOR)
_NAMES = {"meetings": "name", "documents": "title"}
_FULL_WIDTH = str.maketrans(",;:()!?", "，；：（）！？")
_GAPS = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")


@dataclass(frozen=True)
class Source:
    name: str
    text: str
    gold: dict | None = None  # a gold file's content, or None: held to the clean parse


def gold_sources(gold_dir: Path, root: Path) -> list[Source]:
    """The gold files of ``gold_dir`` whose report is present."""
    sources = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        report = report_path(gold["report"], root)
        if report.exists():
            sources.append(Source(path.stem, report.read_text(encoding="utf-8"), gold))
    return sources


def corpus_sources(folder: Path) -> list[Source]:
    return [Source(str(p.relative_to(folder)), p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.txt"))]


def canon(surface: str | None) -> str:
    """The reading form of a surface out of its context: gaps dropped, characters read as the layer reads,
    and every ASCII mark full-width (out of context, (1) has no Chinese next to it to tell)."""
    return read(_GAPS.sub("", surface or ""), default_rules()).text.translate(_FULL_WIDTH)


def measure(sources: Iterable[Source], perturbations: Iterable[str] = PERTURBATIONS,
            seed: int = 0) -> dict[str, dict[str, list[int]]]:
    """[kept, total] per perturbation and column."""
    perturbations = list(perturbations)
    table = {p: {c: [0, 0] for c in COLUMNS} for p in perturbations}
    for source in sources:
        clean = parse_text(source.text)
        outline = _outline(clean)
        held = _held(source, clean.to_dict())
        for name in perturbations:
            messy = perturb(source.text, name, seed)
            report = parse_text(messy.text)
            row = table[name]
            _add(row["outline"], _kept_in_order(outline, _outline(report)), len(outline))
            found = report.to_dict()
            for kind, mentions in held.items():
                _add(row[kind], sum(_found(kind, m, messy, found[kind]) for m in mentions), len(mentions))
    return table


def _add(cell: list[int], kept: int, total: int) -> None:
    cell[0] += kept
    cell[1] += total


def _outline(report: Report) -> list[tuple]:
    entries: list[tuple] = []

    def walk(node: Node, depth: int) -> None:
        if node.kind in ("section", "item"):
            entries.append((depth, node.kind, canon(node.marker), canon(node.title)))
        for child in node.children:
            walk(child, depth + 1)

    for top in report.sections:
        walk(top, 0)
    return entries


def _kept_in_order(clean: list[tuple], messy: list[tuple]) -> int:
    return sum(block.size for block in SequenceMatcher(None, clean, messy, autojunk=False).get_matching_blocks())


def _held(source: Source, clean: dict) -> dict[str, list[dict]]:
    """The mentions each kind is held to, with their clean surfaces."""
    if source.gold is None:
        return {kind: clean[kind] for kind in KINDS}
    lo, hi = source.gold["range"]
    held = {}
    for kind in source.gold.get("kinds", KINDS):
        got = [m for m in clean[kind] if lo <= m["start"] < hi]
        pairs = pair(kind, source.gold.get(kind, []), got)
        held[kind] = [{**gold, **({_NAMES[kind]: found[_NAMES[kind]]} if kind in _NAMES else {})}
                      for gold, found in pairs if kind != "quantities" or fields_right(gold, found)]
    return held


def _found(kind: str, mention: dict, messy, found: list[dict]) -> bool:
    start, end = messy.span(mention["start"], mention["end"])
    carried = {**mention, "start": start, "end": end}
    for candidate in found:
        if not matches(kind, carried, candidate):
            continue
        if kind == "quantities" and fields_right(carried, candidate):
            return True
        if kind in _NAMES and canon(candidate[_NAMES[kind]]) == canon(mention[_NAMES[kind]]):
            return True
        if kind in ("weaknesses", "plans"):
            return True
    return False


def shares(table: dict[str, dict[str, list[int]]]) -> dict[str, dict[str, float | None]]:
    return {p: {c: (kept / total if total else None) for c, (kept, total) in row.items()} for p, row in table.items()}


def render(table: dict[str, dict[str, list[int]]]) -> str:
    """The table as aligned text: share kept per perturbation and column, with the count held."""
    lines = [f"{'perturbation':<12}" + "".join(f"{c:>18}" for c in COLUMNS)]
    for name, row in table.items():
        cells = "".join(f"{(f'{k / t:.3f} ({t})' if t else '-'):>18}" for k, t in row.values())
        lines.append(f"{name:<12}{cells}")
    return "\n".join(lines)
