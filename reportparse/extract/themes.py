"""Themes of weakness and plan points from the rules' lexicon.

Plain substring matching of the lexicon's domain terms, longest first: on one short sentence it
finds what a segmenter would (the terms are the user dictionary), and keeps `parse` free of jieba.

Cost: linear in the point's text: one scan of one alternation of the lexicon's terms.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..rulebook import RuleBook, ThemeRule


@lru_cache(maxsize=8)
def _lexicon(book: RuleBook) -> tuple[regex.Pattern | None, dict[str, int], list[str]]:
    owner: dict[str, int] = {}
    names = []
    for i, theme in enumerate(book.of(ThemeRule)):
        names.append(theme.name)
        for word in theme.words:
            owner.setdefault(word, i)
    if not owner:
        return None, owner, names
    words = sorted(owner, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(w) for w in words)), owner, names


def theme_of(text: str, book: RuleBook) -> str | None:
    pattern, owner, names = _lexicon(book)
    if pattern is None:
        return None
    hits = [0] * len(names)
    for m in pattern.finditer(text):
        hits[owner[m.group()]] += 1
    best = max(range(len(names)), key=lambda i: (hits[i], -i))
    return names[best] if hits[best] else None
