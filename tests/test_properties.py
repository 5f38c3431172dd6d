"""Property tests: whatever the text, the parse keeps the contract's invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse import parse_text
from reportparse.contract import violations

PIECES = ["一、", "二、", "（一）", "(二)", "1.", "2、", "１．", "（1）", "①", "第一章", "一是", "二是", "三是",
          "第一，", "第二，", "首先，", "其次，", "最后，", "。", "；", "，", "：", "\n", "\r\n", "\r", "\u3000",
          "各位代表！", "让我们团结奋斗！", "下载", "来源：", "X余次", "1.2亿元", "2025.3", "总结", "述职报告",
          "统一是", "学习", "\x00", "\ufeff", " ", "工作回顾"]

soup = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(soup)
def test_any_text_keeps_the_invariants(text):
    report = parse_text(text)
    assert violations(report.to_dict(), text) == []
    for node in report.walk():
        assert report.surface(node) == text[node.start:node.end]


@settings(max_examples=50, deadline=None)
@given(st.sampled_from(PIECES), st.integers(min_value=1, max_value=400))
def test_deeply_repeated_markers(piece, times):
    text = (piece + "加强学习。\n") * times
    assert violations(parse_text(text).to_dict(), text) == []
