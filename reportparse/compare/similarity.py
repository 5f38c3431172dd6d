"""How alike two stated weaknesses are: shared content words (jieba with the rules' domain terms as
its user dictionary, synonyms folded), shared character pairs, and the same theme. And how much of a
short problem a long passage covers (``coverage``): what chains read a plan heading's subsection by.

jieba is imported here only, when a comparison runs, so that `parse` stays free of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

import regex

from ..extras import needs_extra
from ..punctuation import LEAD_CLAUSE_ENDS
from ..rulebook import Pattern, RuleBook, SynonymRule, ThemeRule

WORD_WEIGHT, BIGRAM_WEIGHT, THEME_WEIGHT, LEAD_WEIGHT = 0.45, 0.25, 0.15, 0.15
_HAN = regex.compile(r"\p{Han}+")
_CLAUSE = regex.compile(f"[^{regex.escape(LEAD_CLAUSE_ENDS)}]+")


def headline(text: str, marker: Pattern) -> str:
    """The point's first sentence without its marker (一是, 第一，, （一）: where it stands, not what
    it says): the problem, before the details.

    >>> from reportparse.api import default_rules
    >>> headline("一是深入基层调研还不够。到乡镇走访偏少。", default_rules().grammar("point-marker"))
    '深入基层调研还不够。'
    """
    found = marker.match(text)
    text = text[found.end():] if found else text
    end = text.find("。")
    return text[:end + 1] if 0 <= end < len(text) - 1 else text


@dataclass(frozen=True)
class Features:
    words: frozenset[str]
    bigrams: frozenset[str]
    theme: str | None
    headline: str = ""  # the sentence the features were read from
    lead: frozenset[str] = frozenset()  # the words of the first clause that has any: what the point is about


@dataclass(frozen=True)
class Likeness:
    score: float
    shared_words: tuple[str, ...] = field(default=())  # sorted


class Vocabulary:
    """The segmenter and the word lists a comparison uses, built once per rule book."""

    def __init__(self, book: RuleBook):
        with needs_extra("compare", "comparing years (jieba)"):
            import jieba

        jieba.setLogLevel(60)
        self.tokenizer = jieba.Tokenizer()
        self.canonical: dict[str, str] = {}
        for group in book.of(SynonymRule):
            for word in group.words:
                self.canonical.setdefault(word, group.words[0])
        terms = {w for r in book.of(ThemeRule) for w in r.words} | set(self.canonical)
        for term in sorted(terms):
            self.tokenizer.add_word(term, freq=2000)
        self.stopwords = frozenset(book.words("compare-stopwords"))
        self.marker = book.grammar("point-marker")

    def features(self, text: str, theme: str | None) -> Features:
        text = headline(text, self.marker)
        words: set[str] = set()
        lead: frozenset[str] = frozenset()
        for clause in _CLAUSE.findall(text):
            found = self.content_words(clause)
            lead = lead or frozenset(found)
            words |= found
        han = "".join(_HAN.findall(text))
        bigrams = {han[i:i + 2] for i in range(len(han) - 1)}
        return Features(frozenset(words), frozenset(bigrams), theme, text, lead)

    def passage_features(self, text: str, theme: str | None) -> Features:
        """The words and character pairs of a whole passage (every sentence, not only the first);
        its headline and lead are its first sentence's."""
        first = self.features(text, theme)
        words = set(first.words)
        for clause in _CLAUSE.findall(text):
            words |= self.content_words(clause)
        han = "".join(_HAN.findall(text))
        bigrams = {han[i:i + 2] for i in range(len(han) - 1)}
        return Features(frozenset(words), frozenset(bigrams), theme, first.headline, first.lead)

    def content_words(self, text: str) -> set[str]:
        """The words that say what a problem is: not stock words, synonyms read as their group's first."""
        words = set()
        for token in self.tokenizer.lcut(text):
            token = token.strip()
            if len(token) < 2 or token in self.stopwords or not _HAN.fullmatch(token):
                continue
            words.add(self.canonical.get(token, token))
        return words


@lru_cache(maxsize=4)
def vocabulary(book: RuleBook) -> Vocabulary:
    return Vocabulary(book)


def _overlap(a: frozenset, b: frozenset) -> float:
    """The mean of Jaccard and the overlap coefficient: a short point inside a long one still counts,
    without a long catch-all point matching everything."""
    return _overlap_of(len(a & b), len(a), len(b)) if a and b else 0.0


def _overlap_of(shared: int, a: int, b: int) -> float:
    """``_overlap`` from the sizes: |a ∩ b|, |a| and |b| (both non-empty)."""
    return (shared / (a + b - shared) + shared / min(a, b)) / 2  # |a ∪ b|, not built


def likeness(a: Features, b: Features) -> Likeness:
    """
    >>> f = lambda w, t: Features(frozenset(w), frozenset(), t, lead=frozenset(w))
    >>> round(likeness(f({"企业", "经营"}, "经济运行"), f({"企业", "生产", "经营"}, "经济运行")).score, 4)
    0.65
    """
    shared = a.words & b.words  # once: the overlap is read from its size
    words = _overlap_of(len(shared), len(a.words), len(b.words)) if a.words and b.words else 0.0
    pairs = _overlap(a.bigrams, b.bigrams)
    theme = 1.0 if a.theme and a.theme == b.theme else 0.0
    lead = (_covered(a.lead, b.words) + _covered(b.lead, a.words)) / 2
    return Likeness(WORD_WEIGHT * words + BIGRAM_WEIGHT * pairs + THEME_WEIGHT * theme + LEAD_WEIGHT * lead,
                    tuple(sorted(shared)) if shared else ())


def coverage(problem: Features, passage: Features, weight: Callable[[str], float]) -> Likeness:
    """How much of a short problem a long passage holds: the share of the problem's content words and
    character pairs found in the passage, each counted by its weight (how rare it is among the passages
    it could be found in). Overlap would punish the passage for its length; this does not.

    >>> f = lambda w: Features(frozenset(w), frozenset(), None)
    >>> coverage(f({"农民", "增收"}), f({"农民", "增收", "粮食", "生产"}), lambda k: 1.0).score
    1.0
    >>> coverage(f({"农民", "增收"}), f({"粮食", "增收"}), lambda k: 3.0 if k == "农民" else 1.0).score
    0.25
    """
    keys = problem.words | problem.bigrams
    total = sum(weight(k) for k in keys)
    if not total:
        return Likeness(0.0)
    held = keys & (passage.words | passage.bigrams)
    return Likeness(sum(weight(k) for k in held) / total, tuple(sorted(problem.words & passage.words)))


def _covered(lead: frozenset, words: frozenset) -> float:
    """How much of what one point leads with the other states anywhere: a point that names two problems
    belongs with the earlier point on the problem it names first."""
    return len(lead & words) / len(lead) if lead else 0.0
