from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
OWN_CORPUS = ROOT / "corpus"


def shared_reports() -> list:
    """Every report in ../shared/corpus, or one skipped case when a clone has no ../shared."""
    if not SHARED_CORPUS.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason="../shared/corpus is absent"))]
    return [pytest.param(p, id=str(p.relative_to(SHARED_CORPUS))) for p in sorted(SHARED_CORPUS.rglob("*.txt"))]


@pytest.fixture
def shared_corpus() -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return SHARED_CORPUS
