"""How alike two stated weaknesses are: shared content words (jieba with the rules' domain terms as
its user dictionary, synonyms folded), shared character pairs, and the same theme.

jieba is imported here only, when a comparison runs, so that `parse` stays free of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..extras import needs_extra
from ..rulebook import RuleBook

WORD_WEIGHT, BIGRAM_WEIGHT, THEME_WEIGHT = 0.55, 0.3, 0.15
_HAN = regex.compile(r"\p{Han}+")
# a point's marker (一是, 第一，, （一）) says where it stands, not what it says
_MARKER = regex.compile(r"^\s*(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]?|[（(][一二三四五六七八九十\d]+[）)]|"
                        r"其[一二三四五六七八九十][，,]|首先[，,]?|其次[，,]?|再次[，,]?|最后[，,]?)")


def headline(text: str) -> str:
    """The point's first sentence without its marker: the problem, before the details.

    >>> headline("一是深入基层调研还不够。到乡镇走访偏少。")
    '深入基层调研还不够。'
    """
    text = _MARKER.sub("", text, count=1)
    end = text.find("。")
    return text[:end + 1] if 0 <= end < len(text) - 1 else text


@dataclass(frozen=True)
class Features:
    words: frozenset[str]
    bigrams: frozenset[str]
    theme: str | None


@dataclass(frozen=True)
class Likeness:
    score: float
    shared_words: tuple[str, ...] = field(default=())


class Vocabulary:
    """The segmenter and the word lists a comparison uses, built once per rule book."""

    def __init__(self, book: RuleBook):
        with needs_extra("compare", "comparing years (jieba)"):
            import jieba

        jieba.setLogLevel(60)
        self.tokenizer = jieba.Tokenizer()
        self.canonical: dict[str, str] = {}
        for group in book["synonym"]:
            for word in group.words:
                self.canonical.setdefault(word, group.words[0])
        terms = {w for r in book["theme"] for w in r.words} | set(self.canonical)
        for term in sorted(terms):
            self.tokenizer.add_word(term, freq=2000)
        self.stopwords = frozenset(w for r in book["lexicon"] if r.name == "compare-stopwords" for w in r.words)

    def features(self, text: str, theme: str | None) -> Features:
        text = headline(text)
        words = set()
        for token in self.tokenizer.lcut(text):
            token = token.strip()
            if len(token) < 2 or token in self.stopwords or not _HAN.fullmatch(token):
                continue
            words.add(self.canonical.get(token, token))
        han = "".join(_HAN.findall(text))
        bigrams = {han[i:i + 2] for i in range(len(han) - 1)}
        return Features(frozenset(words), frozenset(bigrams), theme)


@lru_cache(maxsize=4)
def vocabulary(book: RuleBook) -> Vocabulary:
    return Vocabulary(book)


def _overlap(a: frozenset, b: frozenset) -> float:
    """The mean of Jaccard and the overlap coefficient: a short point inside a long one still counts,
    without a long catch-all point matching everything."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return (shared / len(a | b) + shared / min(len(a), len(b))) / 2


def likeness(a: Features, b: Features) -> Likeness:
    """
    >>> f = lambda w, t: Features(frozenset(w), frozenset(), t)
    >>> round(likeness(f({"企业", "经营"}, "经济运行"), f({"企业", "生产", "经营"}, "经济运行")).score, 4)
    0.6083
    """
    shared = a.words & b.words
    words = _overlap(a.words, b.words)
    pairs = _overlap(a.bigrams, b.bigrams)
    theme = 1.0 if a.theme and a.theme == b.theme else 0.0
    return Likeness(WORD_WEIGHT * words + BIGRAM_WEIGHT * pairs + THEME_WEIGHT * theme, tuple(sorted(shared)))
