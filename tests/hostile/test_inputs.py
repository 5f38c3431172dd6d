"""Issue 15's hostile inputs, each built here and read by the command under resource limits: every case
ends in a result or in one line naming the limit it met (exit 1)."""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from reportparse.errors import RuleError
from reportparse.rulebook import Pattern
from reportparse.rulebook import pattern as pattern_module
from reportparse.rulebook.pattern import extend_pattern_budget, pattern_budget

from . import files
from .limited import refused, run

ROOT = Path(__file__).resolve().parents[2]
REPORT = ROOT / "corpus" / "duty-linjiang-2023.txt"


def write(folder: Path, name: str, data: bytes) -> str:
    path = folder / name
    path.write_bytes(data)
    return str(path)


def settings_overlay(folder: Path, **values: int) -> str:
    """A --rules folder that lowers budgets: the way a user raises (or lowers) one."""
    rules = folder / "rules"
    rules.mkdir(exist_ok=True)
    entries = [f'[[setting]]\nname = "{name.replace("_", "-")}"\nnote = "test"\nvalue = "{value}"\nflags = "above"\n'
               f'examples = ["{value + 1}"]\ncounter_examples = ["{value}"]\n' for name, value in values.items()]
    (rules / "settings.toml").write_text("\n".join(entries), encoding="utf-8")
    return str(rules)


# -- budgets --------------------------------------------------------------------------------------

@pytest.mark.parametrize("start", [10**10, 10**12])
def test_a_list_numbered_from_ten_billion_is_refused_before_its_label_is_built(tmp_path, start):
    line = refused("parse", write(tmp_path, "list.docx", files.numbering_docx(start)), "-f", "json")
    assert "numbering-label-max-characters" in line and "--rules" in line


def test_word_numbering_of_an_ordinary_list_still_reads(tmp_path):
    ended = run("parse", write(tmp_path, "list.docx", files.numbering_docx(3, "chineseCounting")), "-f", "outline")
    assert ended.code == 0 and "三.\t2024年度述职报告" in ended.stdout.decode()


def test_a_member_that_lies_about_its_size_is_stopped_while_inflating(tmp_path):
    # declares 1,000 bytes, inflates to 1 GB: never more than a read's chunk past the declared size
    line = refused("parse", write(tmp_path, "lie.docx", files.lying_member_docx(1 << 30)))
    assert "damaged .docx" in line or "inflate-member-max-bytes" in line


def test_a_member_over_the_inflation_budget_is_refused_naming_it(tmp_path):
    data = files.docx(["二〇二四年工作总结 " * 2000])  # about 40 KB of document.xml
    rules = settings_overlay(tmp_path, inflate_member_max_bytes=20_000)
    assert "inflate-member-max-bytes" in refused("parse", write(tmp_path, "big.docx", data), "--rules", rules)


def test_a_pdf_of_two_million_one_character_operators_is_refused_before_it_is_read(tmp_path):
    data = files.pdf([files.many_operators_page(2_000_000)])
    assert len(data) < 100_000
    assert "pdf-max-page-text-operators" in refused("parse", write(tmp_path, "ops.pdf", data))


def test_a_pdf_flate_bomb_is_refused_while_inflating(tmp_path):
    data = files.pdf_with_raw_stream(files.flate_bomb(400 << 20))
    assert len(data) < 1_000_000
    assert "inflate-member-max-bytes" in refused("parse", write(tmp_path, "bomb.pdf", data))


@pytest.mark.parametrize("which", ["pages", "root"])
def test_a_pdf_object_that_refers_to_itself_is_damaged_not_endless(tmp_path, which):
    line = refused("parse", write(tmp_path, "loop.pdf", files.self_referencing_pdf(which)))
    assert "refers to itself" in line


def test_pages_and_operators_per_page_are_settings(tmp_path):
    three = write(tmp_path, "three.pdf", files.pdf([files.text_page(["Report", "1. Study"])] * 3))
    assert "pdf-max-pages" in refused("parse", three, "--rules", settings_overlay(tmp_path, pdf_max_pages=2))
    busy = settings_overlay(tmp_path, pdf_max_page_operators=5)
    assert "pdf-max-page-operators" in refused("parse", three, "--rules", busy)


def test_the_input_size_is_refused_from_the_file_size_before_reading(tmp_path):
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:  # sparse: 2 GB claimed, nothing written
        handle.truncate(2 << 30)
    assert "input-max-bytes" in refused("parse", str(huge))


def test_standard_input_is_read_no_further_than_the_budget(tmp_path):
    rules = settings_overlay(tmp_path, input_max_bytes=1000)
    ended = run("parse", "-", "--rules", rules, stdin=REPORT.read_bytes())
    assert ended.code == 1 and "input-max-bytes" in ended.error


def test_decoded_characters_are_a_budget(tmp_path):
    rules = settings_overlay(tmp_path, text_max_characters=500)
    assert "text-max-characters" in refused("parse", str(REPORT), "--rules", rules)


def test_an_image_claiming_too_many_pixels_is_refused_from_its_header(tmp_path):
    header = b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 20000, 20000, 8, 2, 0, 0, 0))
    line = refused("parse", write(tmp_path, "bomb.png", header + _chunk(b"IEND", b"")))
    assert "image too large" in line


# -- special files -----------------------------------------------------------------------------------

def test_a_fifo_is_refused_before_it_is_opened(tmp_path):
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    assert "named pipe" in refused("parse", str(fifo))  # opening it would block for ever


def test_dev_zero_is_refused_before_it_is_read():
    assert "character device" in refused("parse", "/dev/zero")


# -- readings that are not "binary" -------------------------------------------------------------------

@pytest.mark.parametrize(("codec", "name"), [("utf-32", "utf-32-le"), ("utf-32-be", "utf-32-be")])
def test_utf32_is_read(tmp_path, codec, name):
    text = REPORT.read_text(encoding="utf-8")
    ended = run("parse", write(tmp_path, "u.txt", text.encode(codec)), "-f", "json")
    assert ended.code == 0 and json.loads(ended.stdout)["source"]["encoding"] == name


def test_lines_in_utf8_and_in_gbk_are_read_as_one_text(tmp_path):
    lines = REPORT.read_text(encoding="utf-8").splitlines(keepends=True)
    mixed = b"".join(line.encode("utf-8" if i % 2 else "gbk") for i, line in enumerate(lines))
    ended = run("parse", write(tmp_path, "mixed.txt", mixed), "-f", "json")
    document = json.loads(ended.stdout)
    assert document["source"]["encoding"] == "utf-8+gb18030" and document["title"] == "2023年度述职报告"


def test_a_copy_protected_pdf_with_an_owner_password_only_is_read(tmp_path):
    pytest.importorskip("pypdf")
    ended = run("parse", write(tmp_path, "protected.pdf", files.owner_password_pdf()), "-f", "outline")
    assert ended.code == 0 and "section L1 1. Study" in ended.stdout.decode()  # its text, not "no text layer"


# -- user patterns -------------------------------------------------------------------------------------

def test_a_catastrophic_meeting_lead_fragment_stops_at_the_time_limit(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "lexicons.toml").write_text('[[lexicon]]\nname = "meeting-leads"\nnote = "hostile"\n'
                                         'words = ["(a|aa)+$"]\nexamples = ["aa"]\ncounter_examples = []\n')
    report = write(tmp_path, "r.txt", ("一、会议\n召开" + "a" * 40 + "b全县经济工作会议。\n").encode())
    line = refused("parse", report, "--rules", str(rules))
    assert "meeting-leads" in line and "words" in line


def test_all_patterns_of_a_file_share_one_budget():
    slow = Pattern(r"(?:x+x+)+y", ("grammar.toml", "slow-rule", "pattern"))
    line = "x" * 18
    with pytest.raises(RuleError, match="pattern-seconds-per-file") as caught, pattern_budget(0.3):
        for _ in range(10_000):
            slow.search(line)  # each call well under the 2 s per-match limit; together over the budget
    assert caught.value.rule == "slow-rule"


def test_a_long_text_widens_the_budget_by_its_length():
    slow = Pattern(r"(?:x+x+)+y", ("grammar.toml", "slow-rule", "pattern"))
    with pytest.raises(RuleError, match=r"used up their 0\.5 s") as caught, pattern_budget(0.3):
        extend_pattern_budget(0.2)
        for _ in range(20_000):
            slow.search("x" * 18)
    assert caught.value.rule == "slow-rule"


def test_a_scan_of_a_long_text_gets_its_limit_per_million_characters(monkeypatch):
    monkeypatch.setattr(pattern_module, "MATCH_TIMEOUT_SECONDS", 0.05)
    slow = Pattern(r"(?:x+x+)+y", ("grammar.toml", "slow-rule", "pattern"))
    with pytest.raises(RuleError, match=r"ran over 0\.05s"):
        slow.finditer("x" * 5_000)
    with pytest.raises(RuleError, match=r"ran over 0\.15s"):
        slow.finditer("x" * 3_000_000)


# -- small items ----------------------------------------------------------------------------------------

def test_threshold_nan_is_a_usage_error(tmp_path):
    done = subprocess.run([sys.executable, "-m", "reportparse", "compare", str(REPORT), "--threshold", "nan"],
                          capture_output=True, timeout=120)
    assert done.returncode == 2 and b"from 0 to 1" in done.stderr


def test_panel_plot_names_the_file_it_wrote(tmp_path):
    pytest.importorskip("matplotlib")
    years = [write(tmp_path, f"{year}.txt", (
        f"政府工作报告\n——{year}年3月5日在青川县第十八届人民代表大会第四次会议上\n各位代表：\n一、{year - 1}年工作回顾\n"
        f"地区生产总值增长{year - 2019}.1%。\n二、{year}年工作安排\n今年发展主要预期目标是：地区生产总值增长5%左右。\n"
    ).encode()) for year in (2023, 2024)]
    ended = run("panel", *years, "--indicator", "国内生产总值", "--plot", str(tmp_path / "plot"))
    assert f"wrote {tmp_path / 'plot.png'}" in ended.stderr
    assert (tmp_path / "plot.png").read_bytes().startswith(b"\x89PNG")


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
