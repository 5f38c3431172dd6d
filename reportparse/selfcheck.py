"""Run the examples and counter-examples every rule carries, the way the parser uses the rule."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .inline import Leaf, assemble_runs, find_marks
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


def _heading(rule: Rule, example: str) -> bool:
    line = split_lines(example)[0]
    return heading_block(example, fold(example), line, (rule,)) is not None


def _enumeration(rule: Rule, example: str) -> bool:
    leaves = [Leaf("paragraph", ln.content, ln.end) for ln in split_lines(example) if not ln.blank]
    return bool(assemble_runs(find_marks(fold(example), leaves, rule)))


def _noise(rule: Rule, example: str) -> bool:
    return bool(rule.pattern.search(fold(example.strip())))


def _genre(rule: Rule, example: str) -> bool:
    return any(p.search(example) for p in rule.title)


def _role(rule: Rule, example: str) -> bool:
    return bool(rule.pattern.search(example))


def _closing(rule: Rule, example: str) -> bool:
    first = example.split("\n", 1)[0]
    return bool(rule.start.search(first)) and (rule.confirm is None or bool(rule.confirm.search(example)))


MATCHERS: dict[str, Callable[[Rule, str], bool]] = {
    "heading": _heading, "enumeration": _enumeration, "noise": _noise,
    "genre": _genre, "role": _role, "closing": _closing,
}


def check_examples(book: RuleBook) -> list[Failure]:
    failures = []
    for rule in book:
        matches = MATCHERS[rule.kind]
        failures += [Failure(rule.file, rule.name, "examples", ex) for ex in rule.examples if not matches(rule, ex)]
        failures += [Failure(rule.file, rule.name, "counter_examples", ex)
                     for ex in rule.counter_examples if matches(rule, ex)]
    return failures
