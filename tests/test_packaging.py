"""What a wheel holds: every subpackage, the rule files, py.typed and the version written once; the core
requirements without the extras' packages; no harness that only bench/, tests/ or docs/ use."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser

import pytest

import reportparse

from .conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

EXTRAS = {"compare": {"jieba"}, "spacy": {"spacy", "jieba"}, "plot": {"matplotlib"}, "pdf": {"pdfplumber"},
          "office": {"lxml", "olefile"}, "ocr": {"rapidocr-onnxruntime", "reportparse[pdf]"}}


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_subpackage_is_listed():
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    found = {"reportparse." + p.parent.name for p in (ROOT / "reportparse").glob("*/__init__.py")}
    assert found <= listed and "reportparse.rules" in listed


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    """A wheel built from a copy of the sources (a build writes build/ and *.egg-info beside them)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("reportparse", "rules"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out),
                           str(source)], capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()
    (built,) = out.glob("reportparse-*.whl")
    return zipfile.ZipFile(built)


def _metadata(wheel: zipfile.ZipFile):
    (name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    return Parser().parsestr(wheel.read(name).decode("utf-8"))


def test_wheel_ships_py_typed_and_the_rules(wheel):
    names = set(wheel.namelist())
    assert "reportparse/py.typed" in names
    assert {f"reportparse/rules/{p.name}" for p in (ROOT / "rules").glob("*.toml")} <= names


def test_wheel_ships_no_harness(wheel):
    names = set(wheel.namelist())
    assert not names & {"reportparse/compare/evaluate.py", "reportparse/panel/evaluate.py",
                        "reportparse/view/browser.py"}
    assert "reportparse/evaluate.py" in names  # `reportparse eval` is a user command
    assert not [n for n in names if n.startswith(("bench/", "tests/", "docs/"))]


def test_version_is_written_once(wheel):
    assert _metadata(wheel)["Version"] == reportparse.__version__
    assert "version" in _pyproject()["project"]["dynamic"] and "version" not in _pyproject()["project"]


def test_core_requirements_leave_the_extras_out(wheel):
    metadata = _metadata(wheel)
    core: set[str] = set()
    by_extra: dict[str, set[str]] = {}
    for requirement in metadata.get_all("Requires-Dist"):
        name, its_extras = _requirement(requirement)
        extra = re.search(r'extra == "([^"]+)"', requirement)
        if extra is None:
            core.add(name)
        else:
            by_extra.setdefault(extra[1], set()).add(f"{name}[{','.join(sorted(its_extras))}]" if its_extras else name)
    assert core == {"regex", "typer", "rich", "charset-normalizer", "msgspec", "opencc", "tomli"}
    for extra, packages in EXTRAS.items():
        assert by_extra[extra] == packages
    assert by_extra["all"] == {f"reportparse[{','.join(sorted(EXTRAS))}]"}
    assert set(EXTRAS) | {"all", "test"} <= set(metadata.get_all("Provides-Extra"))


def _requirement(line: str) -> tuple[str, set[str]]:
    """The package name and the extras a Requires-Dist line asks for: ``spacy>=3.7; extra == "spacy"``."""
    match = re.match(r"([A-Za-z0-9_.-]+)\s*(?:\[([^\]]*)\])?", line)
    assert match, line
    return match[1].lower(), {e.strip() for e in (match[2] or "").split(",") if e.strip()}
