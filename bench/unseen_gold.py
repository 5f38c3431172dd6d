"""Strict scores on text nobody tuned on: the unseen dev and test halves (tests/gold/unseen, tests/gold/blind).

A mention counts as found only when its span is exactly the gold span and, for quantities and documents,
every field agrees (value, value_max, unit, qualifier, redacted, type). A gold file may also give the
report's `genre` (compared as written, null included) and its `outline`: the headings as
`{"marker", "title", "level"}`; a heading is found when a section of the parse has the same marker and
title, and its level is counted apart. Gold files without `genre` or `outline` are left out of those
measures. Cost: one parse per gold file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from reportparse.api import parse
from reportparse.evaluate import _load_gold, report_path
from reportparse.extract import KINDS
from reportparse.extract.quantities import RATIO_SEP
from reportparse.reading.traditional import converter
from reportparse.text import FOLD_TABLE

QUANTITY_FIELDS = ("value", "value_max", "unit", "qualifier", "redacted", "type")


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    matched: int = 0

    def add(self, gold: int, found: int, matched: int) -> None:
        self.gold += gold
        self.found += found
        self.matched += matched

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0


@dataclass
class UnseenScores:
    files: int = 0
    kinds: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    genre_right: int = 0
    genre_files: int = 0
    headings: Tally = field(default_factory=Tally)
    heading_levels_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def genre_accuracy(self) -> float:
        return self.genre_right / self.genre_files if self.genre_files else 1.0


def score_folders(folders: list[Path], root: Path) -> UnseenScores:
    """Strict totals over every gold file in the folders that exist and whose report is present."""
    scores = UnseenScores()
    for folder in folders:
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            gold = _load_gold(path)
            source = report_path(gold["report"], root)
            if source.exists():
                _score_file(path.stem, gold, source, scores)
    return scores


def _score_file(name: str, gold: dict, source: Path, scores: UnseenScores) -> None:
    report = parse(source)
    document = report.to_dict()
    lo, hi = gold["range"]
    score_document(name, gold, report.text, document, _headings(document["sections"], lo, hi), scores)


def score_document(name: str, gold: dict, text: str, document: dict, headings: list[dict],
                   scores: UnseenScores) -> None:
    """Score what ``document`` holds (its mentions by kind, its genre; ``headings`` as
    ``{"marker", "title", "level"}``) against one gold file of ``text``: the tool's parse, or another
    annotator's gold (bench/agreement.py)."""
    lo, hi = gold["range"]
    scores.files += 1
    for kind in gold.get("kinds", KINDS):
        wanted = gold.get(kind, [])
        got = [m for m in document[kind] if lo <= m["start"] < hi]
        matched = _strict_matches(kind, wanted, got)
        scores.kinds[kind].add(len(wanted), len(got), len(matched))
        hit = {(g["start"], g["end"]) for g in matched}
        scores.misses += [f"{name} {kind} MISSED {text[g['start']:g['end']]!r}"
                          for g in wanted if (g["start"], g["end"]) not in hit]
        scores.misses += [f"{name} {kind} WRONG  {text[f['start']:f['end']]!r}"
                          for f in got if (f["start"], f["end"]) not in hit]
    if "genre" in gold:
        scores.genre_files += 1
        scores.genre_right += document["genre"] == gold["genre"]
        if document["genre"] != gold["genre"]:
            scores.misses.append(f"{name} genre {document['genre']!r} for {gold['genre']!r}")
    if "outline" in gold:
        _score_outline(name, gold["outline"], headings, scores)


def _strict_matches(kind: str, wanted: list[dict], got: list[dict]) -> list[dict]:
    by_span = {(f["start"], f["end"]): f for f in got}
    return [g for g in wanted if (f := by_span.get((g["start"], g["end"]))) is not None and _fields_agree(kind, g, f)]


def _fields_agree(kind: str, gold: dict, found: dict) -> bool:
    if kind == "documents":
        return gold.get("type") == found.get("type")
    if kind != "quantities":
        return True
    if gold.get("type") == "ratio" and found.get("type") == "ratio":
        # the gold writes a ratio's parts as its value (3.6:48:48.4); the tool gives a ratio no one value: its
        # parts are its surface, read the same way
        wanted, got = _ratio_parts(str(gold.get("value"))), _ratio_parts(found["text"])
        return len(wanted) == len(got) and all(_same(a, b) for a, b in zip(wanted, got)) and \
            _same(gold.get("qualifier"), found.get("qualifier"))
    return all(_same(_simplified(gold.get(k)), _simplified(found.get(k))) if k in SCRIPTED else _same(gold.get(k), found.get(k))
               for k in QUANTITY_FIELDS if k != "redacted") \
        and bool(gold.get("redacted")) == bool(found.get("redacted"))


def _ratio_parts(text: str) -> list[str]:
    """
    >>> _ratio_parts("22.2：46.4：31.4"), _ratio_parts("3.6 : 48 : 48.4")
    (['22.2', '46.4', '31.4'], ['3.6', '48', '48.4'])
    """
    return [part.strip() for part in re.split(RATIO_SEP, text.translate(FOLD_TABLE))]


SCRIPTED = ("unit", "qualifier")  # fields the tool reads on the reading form


def _simplified(unit: object) -> object:
    """A unit or qualifier read in simplified script: the gold writes it as the page does (畝, 條, 餘), the tool
    reads them on the reading form (亩, 条, 余; README "Messy text"), and the two name the same word."""
    return converter("t2s").convert(unit) if isinstance(unit, str) else unit


def _same(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) and isinstance(b, str) and not _is_number(a):
        return a == b
    return _is_number(str(a)) and _is_number(str(b)) and Decimal(str(a)) == Decimal(str(b))


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def _headings(nodes: list[dict], lo: int, hi: int) -> list[dict]:
    out = []
    for node in nodes:
        if node["kind"] == "section" and lo <= node["start"] < hi:
            out.append({"marker": node["marker"], "title": node["title"], "level": node["level"]})
        out += _headings(node["children"], lo, hi)
    return out


def _score_outline(name: str, wanted: list[dict], got: list[dict], scores: UnseenScores) -> None:
    free = list(got)
    matched = 0
    for heading in wanted:
        twin = next((h for h in free if (h["marker"], h["title"]) == (heading["marker"], heading["title"])), None)
        if twin is None:
            scores.misses.append(f"{name} outline MISSED {heading['marker']}{heading['title']}")
            continue
        free.remove(twin)
        matched += 1
        scores.heading_levels_right += twin["level"] == heading["level"]
    scores.misses += [f"{name} outline WRONG  {h['marker']}{h['title']}" for h in free]
    scores.headings.add(len(wanted), len(got), matched)
