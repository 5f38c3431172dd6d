"""How every command behaves at the edges of a shell: a reader that closes the pipe early, a stream that
cannot hold Chinese, a terminal instead of a file, `-` as an output path, --help, --version, completion."""

from __future__ import annotations

import importlib.metadata
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
import typer

import reportparse
from reportparse.cli import app

from .conftest import OWN_CORPUS

SAMPLE = OWN_CORPUS / "duty-linjiang-2023.txt"
SCRIPT = Path(sys.executable).parent / "reportparse"  # the console script, named as a user types it
# a report whose JSON and extract tables are far larger than a pipe's buffer (64 KiB on Linux)
LONG_REPORT = "".join(f"{'一二三四五六七八九'[i]}、第{i + 1}项工作\n" + "全年完成投资12.3亿元，同比增长5.6%。\n" * 300
                      for i in range(9))


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "reportparse", *args]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command(*args), capture_output=True, timeout=300, env={**os.environ, **(env or {})})


def on_a_terminal(*args: str, env: dict[str, str] | None = None) -> tuple[int, bytes, str]:
    """Run with stdout on a pseudo-terminal: exit code, what reached the terminal, stderr."""
    main, secondary = pty.openpty()
    try:
        done = subprocess.run(command(*args), stdout=secondary, stderr=subprocess.PIPE, timeout=300,
                              env={**os.environ, **(env or {})})
    finally:
        os.close(secondary)
    shown = b""
    try:
        while chunk := os.read(main, 65536):
            shown += chunk
    except OSError:  # Linux reports the closed terminal as EIO once its output is read
        pass
    os.close(main)
    return done.returncode, shown, done.stderr.decode()


@pytest.fixture(scope="module")
def long_report(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("long") / "long-2024.txt"
    path.write_text(LONG_REPORT, encoding="utf-8")
    return path


@pytest.mark.parametrize("args", [("parse", "--format", "json"), ("extract",), ("extract", "--format", "csv"),
                                  ("show", "--html", "-")])
def test_a_closed_pipe_ends_quietly_with_exit_0(long_report, args):
    process = subprocess.Popen(command(args[0], str(long_report), *args[1:]), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first_line = process.stdout.readline()
    process.stdout.close()  # what `| head -1` does once it has its line
    errors = process.stderr.read().decode()
    assert process.wait(timeout=300) == 0, errors
    assert first_line
    assert "Traceback" not in errors and "Exception ignored" not in errors and "Broken pipe" not in errors


@pytest.mark.parametrize("args,needle", [
    (("parse", str(SAMPLE), "--format", "json"), '"title": "2023年度述职报告"'),
    (("parse", str(SAMPLE)), "坚持学思践悟"),
    (("extract", str(SAMPLE), "--format", "csv"), "\ufeffkind,text"),
])
def test_a_pipe_that_cannot_hold_chinese_gets_utf8(args, needle):
    done = run(*args, env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr.decode()
    assert needle in done.stdout.decode("utf-8")


def test_stderr_that_cannot_hold_chinese_gets_escapes(tmp_path):
    missing = tmp_path / "没有.txt"
    done = run("parse", str(missing), env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 1
    assert done.stderr.decode("ascii") == f"reportparse: error: no such file: {tmp_path}/\\u6ca1\\u6709.txt\n"


def test_a_terminal_that_cannot_show_chinese_is_one_line_exit_1():
    code, shown, errors = on_a_terminal("parse", str(SAMPLE), env={"PYTHONIOENCODING": "ascii"})
    assert code == 1 and shown == b""
    failures = [line for line in errors.splitlines() if line.startswith("reportparse: error:")]
    assert failures == ["reportparse: error: this terminal's encoding (ascii) cannot show Chinese: use a UTF-8 "
                        "locale (LANG=C.UTF-8) or PYTHONIOENCODING=utf-8, or redirect the output"]


def test_a_utf8_terminal_shows_the_outline():
    code, shown, _ = on_a_terminal("parse", str(SAMPLE), env={"PYTHONIOENCODING": "utf-8"})
    assert code == 0 and "坚持学思践悟" in shown.decode("utf-8")


def test_show_writes_the_page_to_a_redirected_stdout(tmp_path):
    done = run("show", str(SAMPLE))
    assert done.returncode == 0 and done.stdout.startswith(b"<!DOCTYPE html>")
    assert "坚持学思践悟" in done.stdout.decode("utf-8") and done.stderr == b""


def test_show_on_a_terminal_only_says_how_to_write_the_page():
    code, shown, errors = on_a_terminal("show", str(SAMPLE))
    assert code == 0 and shown == b""
    assert errors == "give --html duty-linjiang-2023.html to write the view (or redirect: > duty-linjiang-2023.html)\n"


def test_show_html_dash_writes_the_page_to_stdout_and_a_path_to_the_file(tmp_path):
    to_stdout = run("show", str(SAMPLE), "--html", "-")
    page = tmp_path / "view.html"
    to_file = run("show", str(SAMPLE), "--html", str(page))
    assert to_stdout.returncode == to_file.returncode == 0
    assert to_stdout.stdout.decode("utf-8") == page.read_text(encoding="utf-8")
    assert to_file.stdout == b"" and to_file.stderr.decode() == f"wrote {page}\n"


def test_export_spacy_dash_writes_the_docbin_to_stdout():
    spacy_tokens = pytest.importorskip("spacy.tokens")
    from reportparse.api import default_rules
    from reportparse.spacy_export import blank_chinese

    done = run("export", str(SAMPLE), "--spacy", "-")
    assert done.returncode == 0, done.stderr.decode()
    docs = list(spacy_tokens.DocBin().from_bytes(done.stdout).get_docs(blank_chinese(default_rules()).vocab))
    assert [doc.text for doc in docs] == [SAMPLE.read_text(encoding="utf-8")]
    assert "wrote 1 docs to standard output" in done.stderr.decode()


def test_export_will_not_write_binary_to_a_terminal():
    code, shown, errors = on_a_terminal("export", str(SAMPLE), "--spacy", "-")
    assert code == 1 and shown == b""
    assert errors == ("reportparse: error: binary output is not written to a terminal: redirect it (> FILE) "
                      "or give a path\n")


def _command_paths() -> list[tuple[str, ...]]:
    """Every command and group of the CLI, as the words that name it: (), ("parse",), ("rules", "check") …"""
    paths: list[tuple[str, ...]] = []

    def walk(group, prefix: tuple[str, ...]) -> None:
        paths.append(prefix)
        for name, sub in getattr(group, "commands", {}).items():
            walk(sub, prefix + (name,))

    walk(typer.main.get_command(app), ())
    return paths


@pytest.mark.parametrize("words", _command_paths(), ids=lambda words: " ".join(words) or "reportparse")
def test_every_help_ends_with_an_example(words):
    done = run(*words, "--help")
    assert done.returncode == 0
    examples = [line.strip() for line in done.stdout.decode().splitlines() if line.strip().startswith("Example:")]
    assert len(examples) == 1
    assert examples[0].startswith("Example: reportparse " + "".join(word + " " for word in words))


def test_version_is_the_installed_one():
    done = run("--version")
    assert done.returncode == 0
    assert done.stdout.decode() == f"reportparse {reportparse.__version__}\n"
    assert reportparse.__version__ == importlib.metadata.version("reportparse")


@pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed next to this Python")
def test_shell_completion_is_on():
    script = subprocess.run([str(SCRIPT), "--show-completion", "bash"], capture_output=True, timeout=60)
    assert script.returncode == 0 and b"_REPORTPARSE_COMPLETE=complete_bash" in script.stdout
    env = {**os.environ, "_REPORTPARSE_COMPLETE": "complete_bash", "COMP_WORDS": "reportparse pa", "COMP_CWORD": "1"}
    completed = subprocess.run([str(SCRIPT)], capture_output=True, timeout=60, env=env)
    assert completed.stdout.decode().split() == ["parse", "panel"]
