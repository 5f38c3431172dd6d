"""The harness of bench/learned_meetings.py (the learned fallback for meetings that did not beat the rules,
so nothing of it ships): its windows, tokens, suggester and gates, and one tiny training run whose scored
spans must fall on the text where a meeting rule ends. The cross-validation itself is the bench's (minutes)."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")
pytest.importorskip("jieba")

import regex  # noqa: E402

from bench.learned_meetings import (GoldFile, combine, head_ends_pattern, make_doc, new_pipeline,  # noqa: E402
                                    score_candidates, suggest, train, windows)
from reportparse.rulebook import default_rules  # noqa: E402

BOOK = default_rules()
HEADS = head_ends_pattern(BOOK)
COMPILED = regex.compile(HEADS)


def _file(text: str, gold: set[tuple[int, int]], rules: set[tuple[int, int]] | None = None,
          titles: list[tuple[int, int]] | None = None) -> GoldFile:
    f = GoldFile(name="t", group="t", text=text, range=(0, len(text)), gold=gold, rules=rules or set(),
                 titles=titles or [])
    f.windows = windows(text, 0, len(text), COMPILED)
    return f


def _span(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


def test_a_window_starts_after_the_sentence_before_and_ends_with_its_own() -> None:
    text = "全年完成任务。会后召开县委常委会会议，研究部署工作。下一句没有会。"
    [(start, end)] = windows(text, 0, len(text) - 8, COMPILED)
    assert text[start:end] == "会后召开县委常委会会议，研究部署工作"


def test_tokens_are_split_where_a_head_word_ends_inside_one() -> None:
    nlp = new_pipeline(BOOK, HEADS)
    text = "在县委常委会上听取汇报"
    doc = make_doc(nlp, text, COMPILED)
    assert doc.text == text
    assert text.index("会上") + 1 in {t.idx + len(t.text) for t in doc}


def test_the_suggester_proposes_spans_that_end_on_a_head_and_stop_at_a_comma() -> None:
    nlp = new_pipeline(BOOK, HEADS)
    text = "工作扎实，召开全县经济工作会议"
    doc = make_doc(nlp, text, COMPILED)
    proposed = suggest([doc], COMPILED, 16)
    spans = [doc[int(a):int(b)].text for a, b in proposed.dataXd.tolist()]
    assert "全县经济工作会议" in spans
    assert all(s.endswith(("会议", "工作会议")) for s in spans)
    assert not any("，" in s for s in spans)


def test_a_learned_name_is_added_only_where_no_rule_meeting_or_title_lies() -> None:
    text = "召开县委常委会，学习《关于召开座谈会的通知》，举办青年干部恳谈会。"
    rule, title, free = _span(text, "县委常委会"), _span(text, "《关于召开座谈会的通知》"), _span(text, "青年干部恳谈会")
    clash = (rule[0] - 2, rule[1])
    inside = _span(text, "座谈会")
    f = _file(text, gold={rule, free}, rules={rule}, titles=[title])
    scored = {clash: 0.99, inside: 0.99, free: 0.99}
    assert combine(f, scored, "rules+add", 0.9) == {rule, free}
    assert combine(f, {free: 0.8}, "rules+add", 0.9) == {rule}


def test_the_left_edge_moves_only_when_the_model_is_sure_of_both_spans() -> None:
    text = "组织召开全县经济工作会议。"
    rule = _span(text, "召开全县经济工作会议")
    better = _span(text, "全县经济工作会议")
    f = _file(text, gold={better}, rules={rule})
    assert combine(f, {rule: 0.05, better: 0.95}, "rules+left", 0.9) == {better}
    assert combine(f, {rule: 0.3, better: 0.95}, "rules+left", 0.9) == {rule}
    assert combine(f, {rule: 0.05, better: 0.6}, "rules+left", 0.9) == {rule}


def test_a_tiny_training_run_scores_spans_that_end_where_a_rule_ends() -> None:
    text = "今年召开全县经济工作会议。三月举办乡村振兴推进会。县委常委会听取汇报。"
    gold = {_span(text, "全县经济工作会议"), _span(text, "乡村振兴推进会"), _span(text, "县委常委会")}
    f = _file(text, gold=gold)
    nlp, unreachable = train([f], BOOK, HEADS, epochs=2, seed=0)
    scored = score_candidates(nlp, f, HEADS)
    assert unreachable == 0
    assert gold <= set(scored)
    ends = {m.end() for m in COMPILED.finditer(text)}
    assert all(e in ends and 0 <= s < e and 0.0 <= p <= 1.0 for (s, e), p in scored.items())
