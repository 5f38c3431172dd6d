"""Optional dependencies: a text parse loads none of them, and a command whose extra is missing says which
extra to install (one line, exit 1). A missing package is simulated the way ``import`` sees one:
``sys.modules[name] = None`` in a fresh interpreter."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import OWN_CORPUS

OPTIONAL = ("jieba", "spacy", "matplotlib", "pdfplumber", "pdfminer", "lxml", "olefile")
SAMPLE = OWN_CORPUS / "duty-linjiang-2023.txt"
SERIES = [str(OWN_CORPUS / f"duty-linjiang-{year}.txt") for year in (2022, 2023, 2024)]
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def run_without(missing: str | None, *args: str) -> subprocess.CompletedProcess:
    """The CLI in a fresh interpreter where ``missing`` cannot be imported; it then prints which of the
    optional packages it loaded, as the last line of stderr."""
    code = (
        "import sys\n"
        f"if {missing!r}:\n    sys.modules[{missing!r}] = None\n"
        "from reportparse.cli import main\n"
        f"sys.argv = ['reportparse', *{list(args)!r}]\n"
        "try:\n    main()\n"
        "finally:\n"
        f"    loaded = sorted(m for m in {OPTIONAL!r} if sys.modules.get(m) is not None)\n"
        "    sys.stderr.write('loaded: ' + ' '.join(loaded) + '\\n')\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=300)


def error_lines(done: subprocess.CompletedProcess) -> list[str]:
    return [line for line in done.stderr.decode().splitlines() if line.startswith("reportparse: error:")]


def loaded(done: subprocess.CompletedProcess) -> list[str]:
    last = done.stderr.decode().splitlines()[-1]
    assert last.startswith("loaded:"), done.stderr.decode()
    return last.split()[1:]


def test_library_parse_of_a_text_file_imports_no_optional_package():
    code = (
        "import sys, reportparse\n"
        f"report = reportparse.parse({str(SAMPLE)!r})\n"
        "assert report.sections and report.quantities\n"
        f"print(sorted(m for m in {OPTIONAL!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().strip() == "[]"


@pytest.mark.parametrize("args", [
    ("parse", str(SAMPLE), "--format", "json"),
    ("extract", str(SAMPLE)),
    ("show", str(SAMPLE), "--html", "-"),
])
def test_core_commands_on_text_import_no_optional_package(args):
    done = run_without(None, *args)
    assert done.returncode == 0, done.stderr.decode()
    assert loaded(done) == []


def test_batch_of_text_files_imports_no_optional_package(tmp_path):
    done = run_without(None, "batch", str(SAMPLE), "--out", str(tmp_path / "out.jsonl"), "--workers", "1")
    assert done.returncode == 0, done.stderr.decode()
    assert loaded(done) == []


def _pdf(folder: Path) -> Path:
    path = folder / "report.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")  # reaches the reader's import
    return path


def _docx(folder: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    path = folder / "report.docx"
    path.write_bytes(buffer.getvalue())
    return path


def _doc(folder: Path) -> Path:
    path = folder / "report.doc"
    path.write_bytes(OLE_MAGIC + bytes(512))
    return path


@pytest.mark.parametrize("missing,make,extra,purpose", [
    ("pdfplumber", _pdf, "pdf", "reading .pdf files (pdfplumber)"),
    ("lxml", _docx, "office", "reading .docx files (lxml)"),
    ("olefile", _doc, "office", "reading .doc/.wps files (olefile, lxml)"),
])
def test_a_reader_without_its_extra_names_it(tmp_path, missing, make, extra, purpose):
    done = run_without(missing, "parse", str(make(tmp_path)), "--format", "json")
    assert done.returncode == 1 and done.stdout == b""
    assert error_lines(done) == [f"reportparse: error: {purpose} needs the [{extra}] extra: "
                                 f"pip install 'reportparse[{extra}]'"]
    assert "Traceback" not in done.stderr.decode()


def test_compare_without_jieba_names_the_compare_extra():
    done = run_without("jieba", "compare", *SERIES, "--format", "json")
    assert done.returncode == 1 and done.stdout == b""
    assert error_lines(done) == ["reportparse: error: comparing years (jieba) needs the [compare] extra: "
                                 "pip install 'reportparse[compare]'"]


@pytest.mark.parametrize("missing", ["spacy", "jieba"])
def test_export_without_spacy_or_jieba_names_the_spacy_extra(tmp_path, missing):
    out = tmp_path / "reports.spacy"
    done = run_without(missing, "export", str(SAMPLE), "--spacy", str(out))
    assert done.returncode == 1 and not out.exists()
    assert error_lines(done) == ["reportparse: error: the spaCy export (spacy, jieba) needs the [spacy] extra: "
                                 "pip install 'reportparse[spacy]'"]


def test_panel_plot_without_matplotlib_names_the_plot_extra_before_any_output(tmp_path):
    done = run_without("matplotlib", "panel", *SERIES, "--plot", str(tmp_path / "panel.png"), "--format", "json")
    assert done.returncode == 1 and done.stdout == b""
    assert error_lines(done) == ["reportparse: error: drawing the panel (matplotlib) needs the [plot] extra: "
                                 "pip install 'reportparse[plot]'"]


def test_batch_records_a_missing_extra_and_goes_on(tmp_path):
    out = tmp_path / "out.jsonl"
    done = run_without("pdfplumber", "batch", str(_pdf(tmp_path)), str(SAMPLE), "--out", str(out), "--workers", "1")
    assert done.returncode == 1
    first, second = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert first["error"]["type"] == "missing-extra" and "[pdf]" in first["error"]["message"]
    assert second["source"]["path"] == str(SAMPLE) and "error" not in second
