"""How long a text a rule pattern can be matched on with no risk of running away.

The ``regex`` module's per-match time limit costs about 1.4 µs a call even when the match itself takes
0.3 µs, and the parse matches patterns on tens of thousands of short lines per year of national reports.
The limit is only needed where a match could run long, and on a short text most patterns cannot.

``safe_lengths`` bounds the work of a backtracking matcher from above: the ways a match can go (each
alternative, each count a repeat may stop at; nested choices multiply, so ``(x+x+)+`` has no bound), times
the steps one way takes, times the positions a search starts from. A repeat of one character class that
the pattern's next item can never continue from (``\\s*`` before ``[：:]``) stops at one count only: any
shorter count leaves a character the next item refuses. Up to the lengths it returns the bound stays under
``SAFE_STEPS``; a pattern ``syntax.py`` cannot read (back-references, ``regex``-only syntax) is never safe.
"""

from __future__ import annotations

from typing import Callable

import regex

from .syntax import ATOMIC_GROUP, REPEATS, C, Item, Items, class_source, first_items, parsed, subsequences

# Even at 10 ns a step this is 0.1 s, a twentieth of the 2 s per-match limit (MATCH_TIMEOUT_SECONDS);
# regex does far less than the bound (it skips ahead to text a match needs): on quadratic patterns a search
# took under 0.1 ns per step of the bound.
SAFE_STEPS = 10_000_000
# The lengths tried: fine where line rules run (a heading's window, a noise line up to its max_length),
# coarse beyond (paragraphs); few texts matched one at a time are longer than the last.
LENGTHS = (16, 32, 64, 128, 256, 512, 1024, 4096, 16384, 65536)
_INFINITE = SAFE_STEPS + 1
_ONE_CHARACTER = (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY)
_FINITE_RANGE = 1024  # a class range up to this many characters is checked character by character
_DISJOINT_CATEGORIES = {frozenset(pair) for pair in (
    (C.CATEGORY_SPACE, C.CATEGORY_DIGIT), (C.CATEGORY_SPACE, C.CATEGORY_WORD),
    (C.CATEGORY_SPACE, C.CATEGORY_NOT_SPACE), (C.CATEGORY_DIGIT, C.CATEGORY_NOT_DIGIT),
    (C.CATEGORY_WORD, C.CATEGORY_NOT_WORD))}


def safe_lengths(source: str) -> tuple[int, int]:
    """The longest texts on which ``source`` is safe to match (from the start) and to search; -1: none.
    Only the LENGTHS are tried (or 0): the bound is coarse anyway, and a few trials keep loading fast."""
    tree = parsed(source)
    if tree is None:
        return -1, -1
    bound = _Bound(tree)
    return _longest(bound.match_work), _longest(bound.search_work)


def _longest(work: Callable[[int], int]) -> int:
    """The longest of LENGTHS whose work stays under SAFE_STEPS (work grows with the length)."""
    if work(0) > SAFE_STEPS:
        return -1
    safe = 0
    for length in LENGTHS:
        if work(length) > SAFE_STEPS:
            break
        safe = length
    return safe


class _Bound:
    """The work bound of one parsed pattern at any length; which repeats stop at one count does not depend
    on the length and is worked out once."""

    def __init__(self, tree: Items):
        self.tree = tree
        self.size = _size(tree)
        self.widest = _widest_body(tree)
        self.caret = _opens_with_caret(tree)
        self.stops_once: dict[tuple[int, int], bool] = {}
        self.match_works: dict[int, int] = {}

    def match_work(self, length: int) -> int:
        """Steps to try a match at one position: ways × steps a way takes (each item, and each character
        consumed or given back by the repeats, times the largest repeated body)."""
        if length not in self.match_works:
            steps = self.size + 2 * _longest_match(self.tree, length) * self.widest
            self.match_works[length] = min(self.ways(self.tree, length) * steps, _INFINITE)
        return self.match_works[length]

    def search_work(self, length: int) -> int:
        """A search tries each start; past the first, a pattern opening with ^ fails at its first item."""
        if self.caret:
            return self.match_work(length) + (length + 1) * self.size
        return min(self.match_work(length) * (length + 1), _INFINITE)

    def ways(self, items: Items, length: int) -> int:
        """How many ways a match of ``items`` can go on ``length`` characters (capped past SAFE_STEPS)."""
        total = 1
        for index, (op, av) in enumerate(items):
            if op is C.AT or op in _ONE_CHARACTER:
                ways = 1
            elif op is C.BRANCH:
                ways = sum(self.ways(seq, length) for seq in av[1])
            elif op is C.SUBPATTERN or op is ATOMIC_GROUP or op in (C.ASSERT, C.ASSERT_NOT):
                ways = self.ways(subsequences(op, av)[0], length)  # a lookaround runs at each arrival
            elif op in REPEATS:
                ways = 1 if self._stops_once(items, index) else \
                    _repeat_ways(av[0], min(av[1], length), self.ways(av[2], length))
            else:
                return _INFINITE  # a back-reference, a conditional: no bound
            total = min(total * ways, _INFINITE)
        return total

    def _stops_once(self, items: Items, index: int) -> bool:
        """Whether the repeat ``items[index]`` repeats one character class that what follows it in
        ``items`` must not start with."""
        key = (id(items), index)
        if key not in self.stops_once:
            body = items[index][1][2]
            self.stops_once[key] = len(body) == 1 and body[0][0] in _ONE_CHARACTER and \
                _refuses(body[0], list(items[index + 1:]))
        return self.stops_once[key]


def _repeat_ways(least: int, most: int, each: int) -> int:
    """Ways of ``least`` to ``most`` rounds of a body with ``each`` ways: each**k summed over k."""
    if each >= _INFINITE:
        return _INFINITE  # a body with no bound (a back-reference) has none at any count
    if least > most:
        return 1  # it cannot match: one failed try
    if each == 1:
        return most - least + 1
    power = 1
    for _ in range(least):
        power = min(power * each, _INFINITE)
    ways = 0
    for _ in range(least, most + 1):
        ways = min(ways + power, _INFINITE)
        power = min(power * each, _INFINITE)
        if ways == _INFINITE:
            break
    return ways


def _refuses(repeated: Item, rest: Items) -> bool:
    """Whether ``rest`` must start with a character outside the class ``repeated``."""
    follow, may_be_empty = first_items(rest)
    return follow is not None and not may_be_empty and all(_disjoint(repeated, item) for item in follow)


def _disjoint(a: Item, b: Item) -> bool:
    """Whether no character matches both classes: each character of a finite one is tried on the other;
    two categories are disjoint where Unicode says so (no space is a digit or a word character)."""
    category_a, category_b = _category(a), _category(b)
    if category_a is not None and category_b is not None:
        return frozenset((category_a, category_b)) in _DISJOINT_CATEGORIES
    chars, other = (_finite(a), b) if _finite(a) is not None else (_finite(b), a)
    source = class_source(*other) if other[0] is not C.ANY else None
    if chars is None or source is None:
        return False
    test = regex.compile(source)
    return not any(test.fullmatch(chr(code)) for code in chars)


def _category(item: Item) -> object | None:
    """The category a class is (``\\s`` alone), else None."""
    op, av = item
    return av[0][1] if op is C.IN and len(av) == 1 and av[0][0] is C.CATEGORY else None


def _finite(item: Item) -> set[int] | None:
    """The characters of a class written as characters and ranges, or None (negated, categories, any)."""
    op, av = item
    if op is C.LITERAL:
        return {av}
    if op is not C.IN:
        return None
    chars: set[int] = set()
    for kind, value in av:
        if kind is C.LITERAL:
            chars.add(value)
        elif kind is C.RANGE and value[1] - value[0] < _FINITE_RANGE:
            chars.update(range(value[0], value[1] + 1))
        else:
            return None
    return chars


def _longest_match(items: Items, length: int) -> int:
    """The most characters a match of ``items`` can read (at most ``length``); what a lookaround reads
    counts too, for the steps it takes."""
    total = 0
    for op, av in items:
        if op in _ONE_CHARACTER:
            total += 1
        elif op is C.BRANCH:
            total += max(_longest_match(seq, length) for seq in av[1])
        elif op is C.SUBPATTERN or op is ATOMIC_GROUP or op in (C.ASSERT, C.ASSERT_NOT):
            total += _longest_match(subsequences(op, av)[0], length)
        elif op in REPEATS:
            total += min(av[1], length) * _longest_match(av[2], length)
        if total >= length:
            return length
    return total


def _widest_body(items: Items) -> int:
    """The most items one round of a repeat in ``items`` visits (1 when nothing repeats)."""
    widest = 1
    for op, av in items:
        for seq in subsequences(op, av):
            widest = max(widest, _size(seq) if op in REPEATS else 1, _widest_body(seq))
    return widest


def _size(items: Items) -> int:
    """Items in the pattern, nested ones counted."""
    return sum(1 + sum(_size(seq) for seq in subsequences(op, av)) for op, av in items)


def _opens_with_caret(items: Items) -> bool:
    """Whether every alternative opens with ^ or \\A, so a search fails at once past the text's start."""
    if not items:
        return False
    op, av = items[0]
    if op is C.AT:
        return av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING)
    if op is C.BRANCH:
        return all(_opens_with_caret(seq) for seq in av[1])
    if op is C.SUBPATTERN:
        return _opens_with_caret(av[3])
    return False
