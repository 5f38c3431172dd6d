"""Extractors against the gold annotations (tests/gold): floors under precision and recall.

The figures themselves come from `reportparse eval tests/gold`; these floors sit a little under
them so that a regression fails while a gold file can still be corrected.
"""

from __future__ import annotations

import pytest

from reportparse.evaluate import evaluate, scores

from .conftest import ROOT

FLOORS = {
    "quantities": {"precision": 0.95, "recall": 0.95, "fields": 0.97},
    "meetings": {"precision": 0.95, "recall": 0.95},
    "documents": {"precision": 0.97, "recall": 0.97},
    "weaknesses": {"precision": 0.95, "recall": 0.95},
    # a ；-list of tasks is one plan point per task since the third session; duty-linjiang-2023's gold keeps
    # one list whole (P .966 with ../shared, .947 without it)
    "plans": {"precision": 0.93, "recall": 0.95},
}


@pytest.fixture(scope="module")
def measured():
    return scores(evaluate(ROOT / "tests" / "gold", ROOT))


@pytest.mark.parametrize("kind", list(FLOORS))
def test_extractor_meets_its_floor(measured, kind):
    assert measured[kind]["gold"] > 0
    for measure, floor in FLOORS[kind].items():
        assert measured[kind][measure] >= floor, (kind, measure, measured[kind])


# Annotated after the rules were tuned, by a reader who never saw the extractors' output: the figures on
# these stretches are the honest ones (see the closing note). Floors guard them; no rule was tuned on them.
HELD_OUT_FLOORS = {"quantities": {"precision": 0.95, "recall": 0.9, "fields": 0.95},
                   "weaknesses": {"precision": 0.95, "recall": 0.95}}


@pytest.mark.parametrize("kind", list(HELD_OUT_FLOORS))
def test_held_out_stretches(kind):
    measured = scores(evaluate(ROOT / "tests" / "gold" / "heldout", ROOT))
    if measured[kind]["gold"] == 0:
        pytest.skip("the held-out reports are absent (../shared/corpus)")
    for measure, floor in HELD_OUT_FLOORS[kind].items():
        assert measured[kind][measure] >= floor, (kind, measure, measured[kind])
