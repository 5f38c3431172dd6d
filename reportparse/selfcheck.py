"""Run the examples and counter-examples every rule carries, the way the parser uses the rule."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .api import parse_text
from .extract.themes import theme_of
from .inline import Leaf, assemble_runs, find_marks
from .reading import changes
from .rulebook import Rule, RuleBook
from .scan import heading_block
from .text import fold, split_lines


@dataclass(frozen=True)
class Failure:
    file: str
    rule: str
    field: str
    example: str

    def __str__(self) -> str:
        expectation = "should match" if self.field == "examples" else "should not match"
        return f"{self.file}: rule {self.rule!r}, field {self.field!r}: {self.example!r} {expectation}"


def _heading(rule: Rule, example: str, book: RuleBook) -> bool:
    line = split_lines(example)[0]
    return heading_block(example, fold(example), line, (rule,)) is not None


def _enumeration(rule: Rule, example: str, book: RuleBook) -> bool:
    leaves = [Leaf("paragraph", ln.content, ln.end) for ln in split_lines(example) if not ln.blank]
    return bool(assemble_runs(find_marks(fold(example), leaves, rule)))


def _noise(rule: Rule, example: str, book: RuleBook) -> bool:
    return bool(rule.pattern.search(fold(example.strip())))


def _genre(rule: Rule, example: str, book: RuleBook) -> bool:
    return any(p.search(example) for p in rule.title)


def _pattern(rule: Rule, example: str, book: RuleBook) -> bool:
    return bool(rule.pattern.search(fold(example)))


def _closing(rule: Rule, example: str, book: RuleBook) -> bool:
    first = example.split("\n", 1)[0]
    return bool(rule.start.search(first)) and (rule.confirm is None or bool(rule.confirm.search(example)))


def _quantities(example: str, book: RuleBook) -> list:
    return parse_text(example + "\n", rules=book).quantities


def _unit(rule: Rule, example: str, book: RuleBook) -> bool:
    return any(q.unit in rule.units for q in _quantities(example, book))


def _qualifier(rule: Rule, example: str, book: RuleBook) -> bool:
    return any(q.qualifier in rule.words for q in _quantities(example, book))


def _lexicon(rule: Rule, example: str, book: RuleBook) -> bool:
    return example in rule.words


def _meeting(rule: Rule, example: str, book: RuleBook) -> bool:
    return bool(rule.pattern.search(fold(example))) and bool(parse_text(example + "\n", rules=book).meetings)


def _document(rule: Rule, example: str, book: RuleBook) -> bool:
    return any(d.type == rule.name for d in parse_text(example + "\n", rules=book).documents)


def _theme(rule: Rule, example: str, book: RuleBook) -> bool:
    return theme_of(example, book) == rule.name


def _synonym(rule: Rule, example: str, book: RuleBook) -> bool:
    left, _, right = example.partition("|")
    return left in rule.words and right in rule.words


def _indicator(rule: Rule, example: str, book: RuleBook) -> bool:
    return any(p.search(example) for p in rule.aliases)


MATCHERS: dict[str, Callable[[Rule, str, RuleBook], bool]] = {
    "heading": _heading, "enumeration": _enumeration, "noise": _noise, "genre": _genre,
    "role": _pattern, "closing": _closing, "unit": _unit, "qualifier": _qualifier, "stopterm": _pattern,
    "lexicon": _lexicon, "meeting": _meeting, "document": _document, "passage": _pattern, "theme": _theme,
    "synonym": _synonym, "indicator": _indicator, "reading": changes,
}


def check_examples(book: RuleBook) -> list[Failure]:
    failures = []
    for rule in book:
        matches = MATCHERS[rule.kind]
        failures += [Failure(rule.file, rule.name, "examples", ex)
                     for ex in rule.examples if not matches(rule, ex, book)]
        failures += [Failure(rule.file, rule.name, "counter_examples", ex)
                     for ex in rule.counter_examples if matches(rule, ex, book)]
    return failures
