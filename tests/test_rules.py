"""Rule files: every example and counter-example, validation at load, overlays, runaway patterns."""

from __future__ import annotations

import pytest

from reportparse import RuleError, parse
from reportparse.rulebook import load_rules, pattern
from reportparse.selfcheck import MATCHERS, check_examples

SHIPPED = load_rules()


def _cases():
    for rule in SHIPPED:
        for field in ("examples", "counter_examples"):
            for example in getattr(rule, field):
                yield pytest.param(rule, field, example, id=f"{rule.kind}:{rule.name}:{field}:{example[:16]}")


@pytest.mark.parametrize("rule,field,example", list(_cases()))
def test_rule_example(rule, field, example):
    assert MATCHERS[rule.kind](rule, example, SHIPPED) == (field == "examples")


def test_every_rule_carries_examples_and_counter_examples():
    for rule in SHIPPED:
        assert rule.examples and rule.counter_examples, rule


def test_shipped_rules_check_clean():
    assert check_examples(SHIPPED) == []


def _write(tmp_path, name, body):
    (tmp_path / name).write_text(body, encoding="utf-8")
    return tmp_path


GOOD_NOISE = """
[[noise]]
name = "{name}"
pattern = '{pattern}'
examples = ["{example}"]
counter_examples = ["正文"]
"""


@pytest.mark.parametrize("body,rule,field", [
    ('[[noise]]\nname = "a"\nexamples = []\ncounter_examples = []\n', "a", "pattern"),
    ('[[noise]]\nname = "a"\npattern = "("\nexamples = []\ncounter_examples = []\n', "a", "pattern"),
    ('[[noise]]\nname = "a"\npattern = "x"\nexamples = []\ncounter_examples = []\ncolour = 1\n', "a", "colour"),
    ('[[noise]]\nname = "a"\npattern = 3\nexamples = []\ncounter_examples = []\n', "a", "pattern"),
    ('[[noise]]\nname = "a"\npattern = "x"\nnext = "sometimes"\nexamples = []\ncounter_examples = []\n', "a", "next"),
    ('[[noise]]\nname = "a"\npattern = "x"\nexamples = [1]\ncounter_examples = []\n', "a", "examples"),
])
def test_invalid_rule_names_file_rule_and_field(tmp_path, body, rule, field):
    _write(tmp_path, "noise.toml", body)
    with pytest.raises(RuleError) as caught:
        load_rules(tmp_path)
    message = str(caught.value)
    assert "noise.toml" in message and f"rule {rule!r}" in message and f"field {field!r}" in message
    assert "\n" not in message


def test_a_guard_on_a_qualifier_before_the_number_names_its_field(tmp_path):
    _write(tmp_path, "qualifiers.toml", '[[qualifier]]\nname = "a"\nposition = "before"\nwords = ["约"]\n'
                                        'followed_by = ["1"]\nexamples = []\ncounter_examples = []\n')
    with pytest.raises(RuleError, match="qualifiers.toml.*rule 'a'.*field 'position'"):
        load_rules(tmp_path)


@pytest.mark.parametrize("name,body,needle", [
    ("colours.toml", "", "unknown rule file"),
    ("noise.toml", "[[noise]\n", "not valid TOML"),
    ("noise.toml", '[[heading]]\nname = "a"\n', "unknown top-level key"),
    ("noise.toml", GOOD_NOISE.format(name="a", pattern="x", example="x") * 2, "the same name is used twice"),
])
def test_invalid_rule_files(tmp_path, name, body, needle):
    _write(tmp_path, name, body)
    with pytest.raises(RuleError, match=needle):
        load_rules(tmp_path)


def test_overlay_replaces_a_rule_by_name_and_adds_new_ones(tmp_path):
    body = GOOD_NOISE.format(name="page-tools", pattern="^只此一行$", example="只此一行")
    body += GOOD_NOISE.format(name="house-footer", pattern="^本页完$", example="本页完")
    book = load_rules(_write(tmp_path, "noise.toml", body))
    names = [r.name for r in book["noise"]]
    assert names.count("page-tools") == 1 and names[-1] == "house-footer"
    assert len(names) == len(SHIPPED["noise"]) + 1
    report = parse("下载\n只此一行\n一、正文\n本页完\n", rules=book)
    assert [n.kind for n in report.sections] == ["preamble", "section", "noise"]


def test_overlay_with_replace_true_replaces_the_whole_file(tmp_path):
    body = "replace = true\n" + GOOD_NOISE.format(name="only", pattern="^仅此$", example="仅此")
    book = load_rules(_write(tmp_path, "noise.toml", body))
    assert [r.name for r in book["noise"]] == ["only"]
    assert len(book["heading"]) == len(SHIPPED["heading"])


def test_overlay_must_be_a_folder(tmp_path):
    with pytest.raises(RuleError, match="must be a folder"):
        load_rules(tmp_path / "missing")


def test_runaway_pattern_is_reported_as_a_rule_error(tmp_path, monkeypatch):
    monkeypatch.setattr(pattern, "MATCH_TIMEOUT_SECONDS", 0.2)
    body = GOOD_NOISE.format(name="runaway", pattern="(x+x+)+y", example="xy") + "max_length = 10000\n"
    book = load_rules(_write(tmp_path, "noise.toml", body))
    with pytest.raises(RuleError) as caught:
        parse("一、正文\n" + "x" * 5000 + "\n", rules=book)
    assert "rule 'runaway'" in str(caught.value) and "field 'pattern'" in str(caught.value)
    assert "ran over" in str(caught.value)


@pytest.mark.parametrize("name,body,field", [
    ("headings.toml", '[[heading]]\nname = "article"\nrank = 80\nnumeral = "arabic"\npattern = \'第\\d+条\'\n'
                      'examples = []\ncounter_examples = []\n', "pattern"),
    ("indicators.toml", '[[indicator]]\nname = "x"\naliases = ["x"]\nunits = ["%"]\ntolerance = "0.5个百分点"\n'
                        'examples = []\ncounter_examples = []\n', "tolerance"),
    ("noise.toml", '[[noise]]\nname = "blank"\npattern = ""\nexamples = []\ncounter_examples = []\n', "pattern"),
    ("noise.toml", 'replace = "no"\n', "replace"),
    ("roles.toml", '[[role]]\nname = "weaknesses"\npattern = "问题"\nnot_under = ["plan"]\n'
                   'examples = []\ncounter_examples = []\n', "not_under"),
])
def test_rules_that_would_fail_later_fail_at_load(tmp_path, name, body, field):
    _write(tmp_path, name, body)
    with pytest.raises(RuleError) as caught:
        load_rules(tmp_path)
    assert f"field {field!r}" in str(caught.value)


LEXICON = '[[lexicon]]\nname = "{name}"\nwords = ["举办"]\nexamples = ["举办"]\ncounter_examples = []\n'


def test_a_misspelt_lexicon_entry_is_an_error_naming_file_and_entry(tmp_path):
    _write(tmp_path, "lexicons.toml", LEXICON.format(name="meeting-lead"))
    with pytest.raises(RuleError) as caught:
        load_rules(tmp_path)
    message = str(caught.value)
    assert "lexicons.toml" in message and "rule 'meeting-lead'" in message and "meeting-leads" in message


def test_an_overlay_that_drops_a_needed_entry_is_an_error(tmp_path):
    _write(tmp_path, "grammar.toml", "replace = true\n")
    with pytest.raises(RuleError) as caught:
        load_rules(tmp_path)
    assert "grammar.toml" in str(caught.value) and "rule 'meeting-issuer'" in str(caught.value)
    assert "missing entry" in str(caught.value)


def test_an_overlay_may_replace_a_needed_entry_by_name(tmp_path):
    book = load_rules(_write(tmp_path, "lexicons.toml", LEXICON.format(name="change-verbs")))
    assert book.words("change-verbs") == ("举办",)
    assert parse("全年产量增长5%。\n", rules=book).quantities[0].change is None
    assert parse("全年产量增长5%。\n").quantities[0].change == "增长"


@pytest.mark.parametrize("body,field", [
    ('[[heading]]\nname = "a"\nrank = true\nnumeral = "arabic"\npattern = "(?P<num>1)"\n'
     'examples = []\ncounter_examples = []\n', "rank"),
    ('[[heading]]\nname = "a"\nrank = 1\nnumeral = "arabic"\npattern = "(?P<num>1)"\nskippable = 1\n'
     'examples = []\ncounter_examples = []\n', "skippable"),
    ('[[heading]]\nname = "a"\nrank = 1\nnumeral = "roman"\npattern = "(?P<num>1)"\n'
     'examples = []\ncounter_examples = []\n', "numeral"),
])
def test_field_types_are_read_from_the_rule_class(tmp_path, body, field):
    _write(tmp_path, "headings.toml", body)
    with pytest.raises(RuleError) as caught:
        load_rules(tmp_path)
    assert f"field {field!r}" in str(caught.value)


def test_rules_are_typed_and_read_only():
    from dataclasses import FrozenInstanceError

    from reportparse.rulebook import HeadingRule

    heading = SHIPPED.of(HeadingRule)[0]
    assert isinstance(heading.rank, int) and heading.kind == "heading"
    with pytest.raises(FrozenInstanceError):
        heading.rank = 1  # type: ignore[misc]


def test_a_lowest_bound_is_a_floor_for_the_panel():
    from decimal import Decimal

    from reportparse.panel.verdict import direction_of, verdict

    assert direction_of("最低", SHIPPED) == "at-least"
    assert verdict(Decimal(5), None, direction_of("最低", SHIPPED), Decimal("4.8"), Decimal("0.5")) == "missed"
