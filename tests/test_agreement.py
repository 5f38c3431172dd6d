"""bench/agreement.py: an annotation scored against itself agrees everywhere, and against a copy with one
mention moved by a character it loses exactly that mention (the scorer is strict)."""

from __future__ import annotations

import copy

from bench.agreement import as_document
from bench.unseen_gold import UnseenScores, score_document
from reportparse.evaluate import _load_gold

from .conftest import ROOT

GOLD = ROOT / "tests" / "gold" / "iaa" / "gwr-township-shu-2018.json"


def score(first: dict, second: dict) -> UnseenScores:
    scores = UnseenScores()
    document, headings = as_document(second)
    text = (ROOT / first["report"]).read_text(encoding="utf-8")
    score_document(GOLD.stem, first, text, document, headings, scores)
    return scores


def test_an_annotation_agrees_with_itself():
    gold = _load_gold(GOLD)
    scores = score(gold, gold)
    assert all(t.matched == t.gold == t.found for t in scores.kinds.values())
    assert scores.genre_right == scores.genre_files == 1
    assert scores.headings.matched == scores.headings.gold > 0


def test_one_mention_off_by_a_character_is_one_disagreement():
    gold = _load_gold(GOLD)
    moved = copy.deepcopy(gold)
    moved["quantities"][0]["end"] -= 1
    tally = score(gold, moved).kinds["quantities"]
    assert (tally.gold, tally.found, tally.matched) == (len(gold["quantities"]), len(gold["quantities"]),
                                                         len(gold["quantities"]) - 1)
