"""Patterns matched without the per-match time limit: only on texts where they provably cannot run long."""

from __future__ import annotations

import time

import pytest
import regex

from reportparse.rulebook import default_rules
from reportparse.rulebook.pattern import Pattern
from reportparse.rulebook.safety import _DISJOINT_CATEGORIES, safe_lengths
from reportparse.rulebook.syntax import C


@pytest.mark.parametrize("source", [r"(?:x+x+)+y", r"(a|aa)+$", r"(\w+\s?)+$", r"^(a+)+$"])
def test_nested_repeats_are_safe_on_a_few_characters_at_most(source):
    match, search = safe_lengths(source)
    assert match < 16 and search < 16


@pytest.mark.parametrize("source", [r"^(a)\1+", r"\p{Han}+", r"(?i)abc"])
def test_what_the_analysis_cannot_read_is_never_safe(source):
    assert safe_lengths(source) == (-1, -1)


def test_a_repeat_the_next_item_cannot_continue_stops_once():
    # \s* before a name, then \s* before a colon: each can end in one place only, so long lines are safe
    match, search = safe_lengths(r"^[（(]?\s*(?:来源|作者|编辑)\s*[：:]")
    assert match >= 1 << 16 and search >= 1 << 16
    assert safe_lengths(r"\s*\s*x")[1] < safe_lengths(r"\s*x")[1]  # two spans of spaces compete


def test_the_shipped_line_rules_are_safe_on_their_lines():
    book = default_rules()
    safe = [r.name for r in book["noise"] if r.pattern.safe_search >= r.max_length]
    assert len(safe) >= 12
    assert all(r.pattern.safe_match >= 64 for r in book["heading"] if r.name != "unnumbered-part")


def test_categories_called_disjoint_share_no_character():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    names = {C.CATEGORY_SPACE: r"\s", C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_DIGIT: r"\d",
             C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}
    for pair in _DISJOINT_CATEGORIES:
        a, b = (names[c] for c in pair)
        assert regex.search(f"(?V1)[{a}&&{b}]", every) is None, (a, b)


@pytest.mark.parametrize("source,alphabet", [
    (r"(?:记者|通讯员|摄影)[^。！？]{0,24}摄[)）]?[。.]?$", "记者通讯员摄影。）"),
    (r"^\d{4}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)\s*\d{1,2}[:时]\d{2}分?(?::\d{2})?$", "2-年月日 :时分"),
    (r"a{0,30}a{0,30}b", "a"),
])
def test_a_safe_search_stays_far_below_the_limit(source, alphabet):
    pattern = Pattern(source, ("test.toml", "probe", "pattern"))
    length = min(pattern.safe_search, 4096)
    assert length > 0
    worst = 0.0
    for shift in range(len(alphabet)):
        text = (alphabet[shift:] + alphabet[:shift]) * (length // len(alphabet) + 1)
        started = time.perf_counter()
        pattern.search(text[:length])
        worst = max(worst, time.perf_counter() - started)
    assert worst < 0.1
