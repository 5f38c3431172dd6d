"""README.md's `>>>` examples run as doctests (pytest's --doctest-glob, set in pyproject.toml). They name
files as a reader at the project's root would (corpus/…) and write results (results.sqlite, out/): they
run in a scratch folder holding a link to corpus/, so the checkout stays clean."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def readme_runs_in_a_scratch_folder(request: pytest.FixtureRequest) -> None:
    if request.node.path.name != "README.md":
        return
    scratch = request.getfixturevalue("tmp_path")
    (scratch / "corpus").symlink_to(ROOT / "corpus", target_is_directory=True)
    request.getfixturevalue("monkeypatch").chdir(scratch)


# tests/gold/ holds annotations and the scripts that built them, no tests: two of those scripts share a
# name (blind/make_gold.py, unseen/test/make_gold.py), which --doctest-modules would import as one module
collect_ignore_glob = ["tests/gold/*"]
