"""Property tests: whatever the text, the parse keeps the contract's invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse import parse_text
from reportparse.contract import violations

from .conftest import schema_valid

PIECES = ["一、", "二、", "（一）", "(二)", "1.", "2、", "１．", "（1）", "①", "第一章", "一是", "二是", "三是",
          "第一，", "第二，", "首先，", "其次，", "最后，", "。", "；", "，", "：", "\n", "\r\n", "\r", "\u3000",
          "各位代表！", "让我们团结奋斗！", "下载", "来源：", "X余次", "1.2亿元", "2025.3", "总结", "述职报告",
          "统一是", "学习", "\x00", "\ufeff", " ", "工作回顾"]

soup = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(soup)
def test_any_text_keeps_the_invariants(text):
    report = parse_text(text)
    assert violations(schema_valid(report.to_dict()), text) == []
    for node in report.walk():
        assert report.surface(node) == text[node.start:node.end]


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(PIECES), st.integers(min_value=1, max_value=400))
def test_deeply_repeated_markers(piece, times):
    text = (piece + "加强学习。\n") * times
    assert violations(schema_valid(parse_text(text).to_dict()), text) == []


# -- robustness: bytes of any kind, one huge line -------------------------------------------------

from reportparse import InputError, Report, parse  # noqa: E402

ENCODINGS = ["utf-8", "gb18030", "utf-16", "big5"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(soup, st.sampled_from(ENCODINGS)), max_size=4), st.binary(max_size=40))
def test_any_bytes_parse_or_fail_cleanly(pieces, noise):
    data = b"".join(text.encode(encoding, errors="ignore") for text, encoding in pieces) + noise
    try:
        report = parse(data)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert violations(schema_valid(report.to_dict()), report.text) == []


def test_a_ten_megabyte_single_line():
    line = ("一、加强学习，提高履职能力，全年增长5.2%，召开会议X余次；二是改进作风。" * 400_000)[:10_000_000]
    report = parse(line.encode("utf-8"))
    document = report.to_dict()
    assert document["text_length"] == 10_000_000
    assert violations(document, report.text) == []
    # half a million quantities: jsonschema would take a minute, so the loader checks the declared shapes
    assert Report.from_dict(document).to_dict() == document


def test_nul_bytes_are_binary_not_a_crash():
    with pytest.raises(InputError, match="binary"):
        parse("一、学习".encode("utf-8") + b"\x00" * 64 + "二、作风".encode("utf-8"))
