"""The package list in pyproject.toml names every subpackage, so a wheel holds all of them."""

from __future__ import annotations

import sys

from .conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_every_subpackage_is_listed():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {"reportparse." + p.parent.name for p in (ROOT / "reportparse").glob("*/__init__.py")}
    assert found <= listed and "reportparse.rules" in listed
