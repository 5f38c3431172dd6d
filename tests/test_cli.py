"""The command line as a user meets it: streams, exit codes, one-line errors, overlays."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reportparse.contract import violations

from .conftest import schema_valid

SAMPLE = "各位代表：\n一、2024年工作回顾\n一是稳增长；二是促改革。\n（二）漏了一\n二、2025年工作安排\n"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportparse", *args], input=stdin,
                          capture_output=True, timeout=120)


def _report(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    return _report(tmp_path, "青川县2025年政府工作报告.txt", SAMPLE)


def test_json_goes_to_stdout_alone_and_warnings_to_stderr(report_file):
    done = run("parse", str(report_file), "--format", "json")
    assert done.returncode == 0, done.stderr
    document = schema_valid(json.loads(done.stdout))
    assert violations(document, SAMPLE) == []
    assert document["source"]["path"] == str(report_file) and document["year"] == 2025
    assert "numbering-gap" in done.stderr.decode()
    assert "numbering-gap" in [w["code"] for w in document["warnings"]]


def test_rich_outline(report_file):
    done = run("parse", str(report_file))
    assert done.returncode == 0
    out = done.stdout.decode()
    assert "2024年工作回顾" in out and "一是" in out and "稳增长" in out


def test_stdin_and_gbk(report_file):
    done = run("parse", "-", "-f", "json", stdin=SAMPLE.encode("gbk"))
    document = schema_valid(json.loads(done.stdout))
    assert document["source"] == {**document["source"], "path": None, "encoding": "gb18030"}
    assert len(document["sections"]) == 3


@pytest.mark.parametrize("make,needle", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "is a directory"),
    (lambda d: _write(d / "empty.txt", b""), "empty input"),
    (lambda d: _write(d / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))), "damaged image"),
])
def test_bad_input_is_one_line_and_exit_1(tmp_path, make, needle):
    done = run("parse", str(make(tmp_path)), "--format", "json")
    err = done.stderr.decode()
    assert done.returncode == 1
    assert done.stdout == b""
    assert needle in err and err.count("\n") == 1 and "Traceback" not in err


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_usage_error_exits_2(report_file):
    assert run("parse", str(report_file), "--format", "yaml").returncode == 2
    assert run("parse").returncode == 2


def test_rules_check_passes_on_shipped_rules():
    done = run("rules", "check")
    assert done.returncode == 0 and "0 failing" in done.stderr.decode()


def test_rules_check_names_the_failing_example(tmp_path):
    (tmp_path / "noise.toml").write_text(
        '[[noise]]\nname = "footer"\npattern = "^本页完$"\nexamples = ["本页"]\ncounter_examples = []\n',
        encoding="utf-8")
    done = run("rules", "check", str(tmp_path))
    err = done.stderr.decode()
    assert done.returncode == 1
    assert "noise.toml: rule 'footer', field 'examples': '本页' should match" in err


def test_invalid_rules_overlay_is_one_line_exit_1(tmp_path, report_file):
    (tmp_path / "headings.toml").write_text('[[heading]]\nname = "x"\nexamples = []\ncounter_examples = []\n',
                                            encoding="utf-8")
    done = run("parse", str(report_file), "--rules", str(tmp_path))
    err = done.stderr.decode()
    assert done.returncode == 1 and err.count("\n") == 1
    assert "headings.toml: rule 'x', field 'pattern': missing required field" in err


def test_help_lists_the_commands():
    out = run("--help").stdout.decode()
    assert "parse" in out and "rules" in out


DUTY = ("一、履职情况\n全年组织督查X余次，办结率95%。参加全县经济工作会议，起草《督查工作实施方案》。\n"
        "一年来，自己虽然取得了一些成绩，但还有差距。如：调研不够深入。创新不足。\n在今后的工作中，我将改进作风。\n")


@pytest.fixture
def duty_file(tmp_path: Path) -> Path:
    return _report(tmp_path, "duty-2024.txt", DUTY)


def test_extract_json_gives_the_lists(duty_file):
    done = run("extract", str(duty_file), "--format", "json", "--only", "quantities,meetings")
    document = schema_valid(json.loads(done.stdout))
    assert set(document) == {"schema", "source", "quantities", "meetings"}
    assert [q["text"] for q in document["quantities"]] == ["X余次", "95%"]
    assert [m["name"] for m in document["meetings"]] == ["全县经济工作会议"]


def test_extract_csv_has_a_bom_and_a_kind_column(duty_file):
    done = run("extract", str(duty_file), "--format", "csv")
    text = done.stdout.decode("utf-8")
    assert text.startswith("\ufeffkind,text,start,end,path")
    kinds = [line.split(",")[0] for line in text.splitlines()[1:]]
    assert {"quantities", "meetings", "documents", "weaknesses", "plans"} <= set(kinds)


def test_extract_tables(duty_file):
    out = run("extract", str(duty_file)).stdout.decode()
    assert "weaknesses (2)" in out and "调研不够深入" in out


def test_extract_unknown_kind_is_a_usage_error(duty_file):
    assert run("extract", str(duty_file), "--only", "colours").returncode == 2


def test_parse_json_carries_the_extracted_lists(duty_file):
    document = schema_valid(json.loads(run("parse", str(duty_file), "-f", "json").stdout))
    assert violations(document, DUTY) == []
    assert [w["text"] for w in document["weaknesses"]] == ["调研不够深入。", "创新不足。"]
    assert document["weaknesses"][0]["theme"] == "调查研究"
    assert [p["text"] for p in document["plans"]] == ["在今后的工作中，我将改进作风。"]
    assert document["documents"][0]["type"] == "方案"


def test_eval_scores_a_dev_half_and_a_test_half_side_by_side():
    gold = Path(__file__).parent / "gold" / "unseen"
    result = run("eval", str(gold / "dev"), str(gold / "test5"), "--root", str(Path(__file__).parents[1]))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    header = next(line for line in out.splitlines() if "kind" in line)
    assert "dev" in header and "test5" in header
    rows = {line.split("│")[1].strip(): line for line in out.splitlines() if line.count("│") == 4}
    assert set(rows) >= {"quantities", "meetings", "documents", "weaknesses", "plans"}
    assert all(cell.count("/") == 1 for row in rows.values() for cell in row.split("│")[2:4])
