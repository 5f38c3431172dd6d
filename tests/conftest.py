from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from reportparse.schemas import KINDS, schema

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


@functools.cache
def _validators() -> dict[str, Draft202012Validator]:
    """A validator per schema id, over the schema files the package ships."""
    found = {}
    for kind in KINDS:
        shipped = schema(kind)
        Draft202012Validator.check_schema(shipped)
        found[shipped["$id"]] = Draft202012Validator(shipped)
    return found


def schema_valid(document: Any) -> Any:
    """``document`` itself, after checking it against the shipped schema its ``schema`` field names;
    every JSON document a test produces goes through here."""
    assert isinstance(document, dict), f"a document is a JSON object, not {type(document).__name__}"
    validator = _validators().get(document.get("schema"))
    assert validator is not None, f"unknown schema id {document.get('schema')!r}"
    errors = [f"{e.json_path}: {e.message[:200]}" for e in validator.iter_errors(document)]
    assert not errors, f"{len(errors)} schema errors, first: " + "; ".join(errors[:3])
    return document
