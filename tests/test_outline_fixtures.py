"""Plain-text fixture cases (tests/fixtures/*.txt): input and expected outline, parametrised by case."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportparse import parse_text
from reportparse.contract import violations
from reportparse.outline import render_outline

from .conftest import schema_valid

FIXTURES = Path(__file__).parent / "fixtures"


def read_cases(path: Path):
    """Cases as (title, line number, input, expected), from blocks fenced by lines holding one dot."""
    lines = path.read_text(encoding="utf-8").split("\n")
    title, i = None, 0
    while i < len(lines):
        if lines[i].startswith("## "):
            title = lines[i][3:]
        if lines[i] == ".":
            start = i
            ends = [j for j in range(i + 1, len(lines)) if lines[j] == "."][:2]
            source = "\n".join(lines[i + 1:ends[0]]) + "\n"
            expected = "\n".join(lines[ends[0] + 1:ends[1]])
            yield pytest.param(source, expected, id=f"{path.stem}:{start + 1}:{title}")
            i = ends[1]
        i += 1


@pytest.mark.parametrize("source,expected", [c for f in sorted(FIXTURES.glob("*.txt")) for c in read_cases(f)])
def test_outline_case(source, expected):
    report = parse_text(source)
    assert render_outline(report, header=False) == expected
    assert violations(schema_valid(report.to_dict()), report.text) == []
