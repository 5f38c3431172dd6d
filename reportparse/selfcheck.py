"""Run the examples and counter-examples every rule carries, the way the parser uses the rule."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import regex

from .api import parse_text
from .compilation import report_starts
from .formats.ocr import fix_text
from .extract.themes import theme_of
from .inline import Leaf, assemble_runs, find_marks
from .extract.mentions import Quantity
from .profile import find_year
from .reading import changes
from .rulebook import (BY_KIND, ClosingRule, DocumentRule, EnumerationRule, GenreRule, GrammarRule, HeadingRule,
                       IndicatorRule, LexiconRule, MeetingRule, NoiseRule, OcrFixRule, PassageRule, QualifierRule,
                       ReportStartRule, RoleRule, RuleBook, SettingRule, StoptermRule, SynonymRule, ThemeRule,
                       UnitRule)
from .scan import heading_block, noise_by_leading, noise_rule, styles_by_leading
from .text import fold, split_lines
from .tree import closings_by_leading


_STATED_YEAR = regex.compile(r"(?:19|20)\d{2}")


@dataclass(frozen=True)
class Failure:
    file: str
    rule: str
    field: str
    example: str

    def __str__(self) -> str:
        expectation = "should match" if self.field == "examples" else "should not match"
        return f"{self.file}: rule {self.rule!r}, field {self.field!r}: {self.example!r} {expectation}"


def _heading(rule: HeadingRule, example: str, book: RuleBook) -> bool:
    line = split_lines(example)[0]
    return heading_block(example, fold(example), line, styles_by_leading((rule,))) is not None


def _enumeration(rule: EnumerationRule, example: str, book: RuleBook) -> bool:
    leaves = [Leaf("paragraph", ln.content, ln.end) for ln in split_lines(example) if not ln.blank]
    return bool(assemble_runs(find_marks(fold(example), leaves, rule)))


def _noise(rule: NoiseRule, example: str, book: RuleBook) -> bool:
    return noise_rule(fold(example.strip()), noise_by_leading((rule,))) is rule


def _genre(rule: GenreRule, example: str, book: RuleBook) -> bool:
    """A title line of the genre; when it states a year, the genre's year patterns read that year."""
    if not any(p.search(example) for p in rule.title):
        return False
    stated = _STATED_YEAR.search(example)
    return stated is None or find_year(example, example, (rule,), rule, None) == int(stated.group())


def _pattern(rule: RoleRule | StoptermRule | PassageRule, example: str, book: RuleBook) -> bool:
    return bool(rule.pattern.search(fold(example)))


def _grammar(rule: GrammarRule, example: str, book: RuleBook) -> bool:
    return bool(rule.pattern.fullmatch(example))


def _closing(rule: ClosingRule, example: str, book: RuleBook) -> bool:
    first = example.split("\n", 1)[0]
    if rule not in closings_by_leading((rule,)).candidates(first):
        return False  # the parser would not try the rule on this paragraph
    return bool(rule.start.search(first)) and (rule.confirm is None or bool(rule.confirm.search(example)))


def _quantities(example: str, book: RuleBook) -> list[Quantity]:
    return parse_text(example + "\n", rules=book).quantities


def _unit(rule: UnitRule, example: str, book: RuleBook) -> bool:
    # a share's figure has no unit left (四成 is 0.4): its surface, its qualifier taken off, ends with the unit
    return any(q.unit in rule.units or (rule.share and q.unit is None and _unqualified(q).endswith(rule.units))
               for q in _quantities(example, book))


def _unqualified(quantity: Quantity) -> str:
    """The surface without the qualifier at either end (超过四成, 七成以上 → 四成, 七成)."""
    qualifier = quantity.qualifier or ""
    return quantity.text.removeprefix(qualifier).removesuffix(qualifier) if qualifier else quantity.text


def _qualifier(rule: QualifierRule, example: str, book: RuleBook) -> bool:
    return any(q.qualifier in rule.words for q in _quantities(example, book))


def _lexicon(rule: LexiconRule, example: str, book: RuleBook) -> bool:
    return example in rule.words


def _meeting(rule: MeetingRule, example: str, book: RuleBook) -> bool:
    return bool(rule.pattern.search(fold(example))) and bool(parse_text(example + "\n", rules=book).meetings)


def _document(rule: DocumentRule, example: str, book: RuleBook) -> bool:
    return any(d.type == rule.name for d in parse_text(example + "\n", rules=book).documents)


def _theme(rule: ThemeRule, example: str, book: RuleBook) -> bool:
    return theme_of(example, book) == rule.name


def _synonym(rule: SynonymRule, example: str, book: RuleBook) -> bool:
    left, _, right = example.partition("|")
    return left in rule.words and right in rule.words


def _indicator(rule: IndicatorRule, example: str, book: RuleBook) -> bool:
    return any(p.search(example) for p in rule.aliases)


def _report_start(rule: ReportStartRule, example: str, book: RuleBook) -> bool:
    """A title and the lines after it: the rule opens a report at its first line."""
    return report_starts(example, RuleBook({rule.KIND: (rule,)})) == [0]


def _ocr_fix(rule: OcrFixRule, example: str, book: RuleBook) -> bool:
    return fix_text(example, (rule,)) != example


def _setting(rule: SettingRule, example: str, book: RuleBook) -> bool:
    """A measure (``0.62``), or a size whose pixels count (``20000x20000``), on the flagged side."""
    measure = 1.0
    for factor in example.lower().split("x"):
        measure *= float(factor)
    return rule.flagged(measure)


# Each matcher takes the rule class it is keyed by; the dict cannot say so, hence Any.
MATCHERS: dict[str, Callable[[Any, str, RuleBook], bool]] = {
    "heading": _heading, "enumeration": _enumeration, "noise": _noise, "genre": _genre,
    "role": _pattern, "closing": _closing, "unit": _unit, "qualifier": _qualifier, "stopterm": _pattern,
    "lexicon": _lexicon, "grammar": _grammar, "meeting": _meeting, "document": _document, "passage": _pattern,
    "theme": _theme, "synonym": _synonym, "indicator": _indicator, "report-start": _report_start,
    "ocr-fix": _ocr_fix, "setting": _setting,
    "reading": changes,
}
assert set(MATCHERS) == set(BY_KIND), "every rule kind has a matcher for its examples"


def check_examples(book: RuleBook) -> list[Failure]:
    failures = []
    for rule in book:
        matches = MATCHERS[rule.kind]
        failures += [Failure(rule.file, rule.name, "examples", ex)
                     for ex in rule.examples if not matches(rule, ex, book)]
        failures += [Failure(rule.file, rule.name, "counter_examples", ex)
                     for ex in rule.counter_examples if matches(rule, ex, book)]
    return failures
