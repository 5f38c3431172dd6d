"""Which rules can match a line at all, told from the line's first character.

Most line rules (noise, heading styles, closing cues) are anchored at the line's start: ``^(?:来源|作者)…``,
``[（(](?P<num>…``. Their first character rules them out on almost every line, and trying every rule on
every line was most of the scanner's time. ``ByLeading`` keeps, per first character, the rules that may
match a text starting with it, in their order, so callers try only those and still take the first that
matches, as before. What a pattern may start with is read off the pattern itself (``leading``), never
declared beside it, so a rule file cannot make the two disagree. (One alternation of all the rules was
measured slower: it matches every line twice.)
"""

from __future__ import annotations

from typing import Callable, Generic, Sequence, TypeVar

import regex

from .pattern import Pattern
from .syntax import ATOMIC_GROUP, REPEATS, Items, C, parsed

R = TypeVar("R")

# A hostile text may open its lines with thousands of distinct characters: past this many, a line's
# candidates are worked out again instead of remembered.
MEMO_CHARACTERS = 4096

_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
               C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}


def leading(source: str, searched: bool) -> regex.Pattern[str] | None:
    """A one-character class every match of ``source`` starts with, or None when any text may match.

    ``searched``: the pattern is searched for (the match may start anywhere), so the first character of
    the text says something only when every alternative is anchored at the start (``^``, ``\\A``).
    """
    tree = parsed(source)
    if tree is None or (searched and not _anchored(tree)):
        return None
    classes, nullable = _first(tree)
    if classes is None or nullable:  # an empty match needs no first character
        return None
    return regex.compile("|".join(dict.fromkeys(classes)))  # one class per distinct item


def _first(items: Items) -> tuple[list[str] | None, bool]:
    """Classes of the characters a match of ``items`` can start with (None: any), and whether it can be empty."""
    classes: list[str] = []
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width: the next item takes the first character (skipping a test only widens)
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN):
            one = _class(op, av)
            return (None if one is None else classes + [one]), False
        if op is C.BRANCH:
            alternatives = [_first(seq) for seq in av[1]]
            if any(found is None for found, _ in alternatives):
                return None, False
            classes += [c for found, _ in alternatives for c in found or ()]
            nullable = any(empty for _, empty in alternatives)
        elif op is C.SUBPATTERN or op is ATOMIC_GROUP or op in REPEATS:
            body = av[3] if op is C.SUBPATTERN else av if op is ATOMIC_GROUP else av[2]
            found, nullable = _first(body)
            if found is None:
                return None, False
            classes += found
            nullable = nullable or (op in REPEATS and av[0] == 0)
        else:
            return None, False  # any character (.), a back-reference: anything may come first
        if not nullable:
            return classes, False
    return classes, True


def _class(op: object, av: object) -> str | None:
    """One consuming item as a character class ``regex`` reads, or None when it cannot be written so."""
    if op is C.LITERAL:
        return f"[{_char(av)}]"
    if op is C.NOT_LITERAL:
        return f"[^{_char(av)}]"
    parts = []
    for kind, value in av:  # type: ignore[attr-defined]  # IN holds (kind, value) pairs
        if kind is C.NEGATE:
            parts.append("^")
        elif kind is C.LITERAL:
            parts.append(_char(value))
        elif kind is C.RANGE:
            parts.append(f"{_char(value[0])}-{_char(value[1])}")
        elif kind is C.CATEGORY and value in _CATEGORIES:
            parts.append(_CATEGORIES[value])
        else:
            return None
    return "[" + "".join(parts) + "]"


def _char(code: object) -> str:
    return f"\\U{code:08x}"


def _anchored(items: Items) -> bool:
    """Whether every match starts at the start of the text (each alternative opens with ^ or \\A)."""
    for op, av in items:
        if op is C.AT and av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING):
            return True
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        if op is C.BRANCH:
            return all(_anchored(seq) for seq in av[1])
        if op is C.SUBPATTERN:
            return _anchored(av[3])
        return False
    return False


class ByLeading(Generic[R]):
    """Rules of one kind by the first character of the text they are tried on, in their order."""

    def __init__(self, rules: Sequence[R], pattern_of: Callable[[R], Pattern], searched: bool):
        self.rules = tuple(rules)
        self._tests = [(rule, leading(pattern_of(rule).source, searched)) for rule in self.rules]
        self._memo: dict[str, tuple[R, ...]] = {}

    def candidates(self, text: str) -> tuple[R, ...]:
        """The rules that may match ``text`` (matched from its start, or searched as the index was built for)."""
        if not text:
            return self.rules
        first = text[0]
        found = self._memo.get(first)
        if found is None:
            found = tuple(rule for rule, lead in self._tests if lead is None or lead.fullmatch(first))
            if len(self._memo) < MEMO_CHARACTERS:
                self._memo[first] = found
        return found
