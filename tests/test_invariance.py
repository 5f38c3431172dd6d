"""Invariance under messy text (CheckList-style metamorphic tests): the floors of bench/invariance.py on a
few gold files of the project's own corpus, so CI stays fast; the bench runs every gold file and
../shared/corpus."""

from __future__ import annotations

import pytest

from bench.invariance_measure import floor, gold_sources, measure, shares
from bench.perturb import PERTURBATIONS, perturb

from .conftest import ROOT

SAMPLE = ("duty-linjiang-2023", "gwr-linjiang-2025-web", "summary-culture-tourism-2024-chapters",
          "summary-personal-finance-2024")


@pytest.fixture(scope="module")
def table():
    sources = [s for s in gold_sources(ROOT / "tests" / "gold", ROOT) if s.name in SAMPLE]
    assert len(sources) == len(SAMPLE)
    return shares(measure(sources))


@pytest.mark.parametrize("perturbation", PERTURBATIONS)
def test_outline_and_mentions_survive(table, perturbation):
    low = {kind: share for kind, share in table[perturbation].items()
           if share is not None and share < floor(perturbation, kind)}
    assert not low, (perturbation, low)
    assert table[perturbation]["quantities"] is not None and table[perturbation]["outline"] is not None


def test_perturbations_carry_spans():
    text = "一、加强学习\n全年粮食产量1.2万吨，增长6.7%（见附件）。\n"
    start, end = text.index("1.2"), text.index("吨") + 1
    for name in PERTURBATIONS:
        messy = perturb(text, name, seed=3)
        first, last = messy.span(start, end)
        assert messy.text[first] in "1" and messy.text[last - 1] in "吨噸", (name, messy.text[first:last])
