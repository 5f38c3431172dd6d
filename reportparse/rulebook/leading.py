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
from .syntax import Items, C, class_source, first_items, parsed

R = TypeVar("R")

# A hostile text may open its lines with thousands of distinct characters: past this many, a line's
# candidates are worked out again instead of remembered.
MEMO_CHARACTERS = 4096


def leading(source: str, searched: bool) -> regex.Pattern[str] | None:
    """A one-character class every match of ``source`` starts with, or None when any text may match.

    ``searched``: the pattern is searched for (the match may start anywhere), so the first character of
    the text says something only when every alternative is anchored at the start (``^``, ``\\A``).
    """
    tree = parsed(source)
    if tree is None or (searched and not _anchored(tree)):
        return None
    items, nullable = first_items(tree)
    if items is None or nullable:  # an empty match needs no first character
        return None
    classes = [class_source(op, av) for op, av in items]
    if None in classes:
        return None
    return regex.compile("|".join(dict.fromkeys(c for c in classes if c)))  # one class per distinct item


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

    def first_characters(self) -> str | None:
        """A regex matching one character that some rule may start with, or None when one may start with
        anything: a scan can jump to where a rule may match instead of trying every position."""
        if any(lead is None for _, lead in self._tests):
            return None
        return "|".join(f"(?:{lead.pattern})" for _, lead in self._tests if lead is not None) or None

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
