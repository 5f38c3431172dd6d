"""Line rules looked up by a line's first character: never a rule left out that could have matched."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportparse.rulebook import ClosingRule, HeadingRule, NoiseRule, default_rules
from reportparse.rulebook.leading import ByLeading, leading
from reportparse.scan import heading_styles, noise_rules
from reportparse.text import fold, split_lines
from reportparse.tree import closing_rules

ROOT = Path(__file__).resolve().parents[1]


def test_an_anchored_pattern_starts_with_what_its_alternatives_start_with():
    lead = leading(r"^[（(]?\s*(?:来源|作者)\s*[：:]", searched=True)
    assert lead is not None
    assert all(lead.fullmatch(ch) for ch in "（(来作 \u3000")
    assert not any(lead.fullmatch(ch) for ch in "一源：")


@pytest.mark.parametrize("source,searched", [
    ("来源[：:]", True),            # searched and not anchored: a match may start anywhere
    ("^a*", False),                  # may match nothing
    ("^.{2}作报告", True),           # any character first
    (r"^\p{Han}", True),             # regex-only syntax
    ("(?i)^page", True),             # case folded
    ("^[[:alpha:]]", True),          # a POSIX class to regex, a nested set to re
    ("^(?:ab){e<=1}", True),         # a fuzzy match to regex, literal braces to re
    (r"^(a?)\1b", True),             # a back-reference may come first
])
def test_what_cannot_be_read_safely_is_tried_on_every_line(source, searched):
    assert leading(source, searched) is None


def test_candidates_keep_the_rules_order_and_empty_text_gets_them_all():
    book = default_rules()
    index = heading_styles(book)
    names = [s.name for s in index.candidates("（一）加强")]
    shipped = [s.name for s in book.of(HeadingRule)]
    assert names == [n for n in shipped if n in names] and "paren-chinese" in names and "chinese-dun" not in names
    assert index.candidates("") == book.of(HeadingRule)


def _lines():
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        folded = fold(text)
        for line in split_lines(text):
            if not line.blank:
                yield text[line.content:line.end], folded[line.content:line.end]


def test_no_line_of_the_corpus_loses_a_rule_that_matches_it():
    book = default_rules()
    checks: list[tuple[ByLeading, str]] = [(noise_rules(book), "search"), (heading_styles(book), "match"),
                                           (closing_rules(book), "search")]
    for text, folded in _lines():
        for index, how in checks:
            line = text if index is closing_rules(book) else folded
            kept = set(map(id, index.candidates(line)))
            for rule in index.rules:
                pattern = rule.start if isinstance(rule, ClosingRule) else rule.pattern
                if getattr(pattern, how)(line):
                    assert id(rule) in kept, (rule.name, line)


def test_every_line_rule_of_the_shipped_book_is_read():
    """The shipped rules keep their speed: a rule left unread is tried on every line."""
    book = default_rules()
    unread = [r.name for r in book.of(HeadingRule) if leading(r.pattern.source, searched=False) is None]
    unread += [r.name for r in book.of(ClosingRule) if leading(r.start.source, searched=True) is None]
    assert unread == ["unnumbered-part"]  # `.*` then a closing word: any character may open it
    assert sum(leading(r.pattern.source, searched=True) is not None for r in book.of(NoiseRule)) >= 10


def _alphabet() -> str:
    """Characters the line rules name, and a few they do not: random lines that now and then match."""
    book = default_rules()
    sources = [r.pattern.source for r in (*book.of(NoiseRule), *book.of(HeadingRule))]
    sources += [r.start.source for r in book.of(ClosingRule)]
    named = {ch for source in sources for ch in source if not ch.isascii() or ch.isalnum() or ch in "-/|:.>"}
    return "".join(sorted(named)) + " \u3000一二三年月日。，"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_alphabet(), min_size=1, max_size=30))
def test_no_random_line_loses_a_rule_that_matches_it(line):
    book = default_rules()
    for index, how, pattern_of in ((noise_rules(book), "search", lambda r: r.pattern),
                                   (heading_styles(book), "match", lambda r: r.pattern),
                                   (closing_rules(book), "search", lambda r: r.start)):
        kept = set(map(id, index.candidates(line)))
        assert all(id(rule) in kept for rule in index.rules if getattr(pattern_of(rule), how)(line)), line
