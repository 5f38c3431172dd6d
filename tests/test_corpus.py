"""The project's own corpus: each report against its expected outline, header included."""

from __future__ import annotations

import pytest

from reportparse import parse
from reportparse.contract import violations
from reportparse.outline import render_outline

from .conftest import OWN_CORPUS, schema_valid

REPORTS = sorted(OWN_CORPUS.glob("*.txt"))


def test_corpus_has_the_genres_and_a_three_year_series():
    genres = {parse(p).genre for p in REPORTS}
    assert {"述职报告", "述职述廉报告", "工作总结", "政府工作报告", "民主生活会对照检查材料"} <= genres
    assert len(REPORTS) >= 8
    assert {p.stem for p in REPORTS} >= {"duty-linjiang-2022", "duty-linjiang-2023", "duty-linjiang-2024"}


@pytest.mark.parametrize("path", REPORTS, ids=lambda p: p.stem)
def test_expected_outline(path):
    expected = path.with_suffix(".outline").read_text(encoding="utf-8").strip()
    report = parse(path)
    assert render_outline(report) == expected
    assert violations(schema_valid(report.to_dict()), report.text) == []
