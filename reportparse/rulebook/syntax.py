"""A rule pattern's syntax tree, read with Python's own ``re`` parser, for the analyses that speed up matching
(``leading.py``: what a match starts with; ``safety.py``: how much a match can cost).

Rule patterns run on the ``regex`` module, whose syntax is a superset of ``re``'s. A tree is given only
where both read the pattern alike, so an analysis never reasons about a pattern it misread: ``None`` for
anything ``re`` rejects (``\\p{Han}``, ``(?V1)``, recursion), warns about (``[[:alpha:]]``, a POSIX class to
``regex`` and a nested set to ``re``), or reads differently (``{e<=1}``, a fuzzy constraint to ``regex`` and
literal text to ``re``), and for flags that change what a character matches (``(?i)``, ``(?a)``, ``(?m)``).
Every analysis treats ``None`` as "unknown", which is always safe: the rule is simply tried.
"""

from __future__ import annotations

import sys
import warnings
from functools import lru_cache
from typing import Any

import regex

if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parse
else:  # pragma: no cover
    import sre_constants
    import sre_parse

C = sre_constants
Items = Any  # a parsed sequence: sre_parse.SubPattern, or a list of (opcode, argument) pairs

# {m}, {m,}, {,n}, {m,n}: the only braces both modules read as a repeat
_BRACE_NOT_REPEAT = regex.compile(r"\{(?!\d*(?:,\d*)?\})")
_PLAIN_FLAGS = C.SRE_FLAG_UNICODE | C.SRE_FLAG_VERBOSE  # a str pattern's default, and layout only


@lru_cache(maxsize=1024)
def parsed(source: str) -> Items | None:
    """The tree of ``source`` when ``re`` and ``regex`` read it alike, else None."""
    if _BRACE_NOT_REPEAT.search(source):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            tree = sre_parse.parse(source)
    except (Exception, Warning):  # re's error, or a warning that regex may read it otherwise
        return None
    if tree.state.flags & ~_PLAIN_FLAGS or _scoped_flags(tree):
        return None
    return _plain(tree)


def _plain(items: Items) -> list[tuple[Any, Any]]:
    """The tree as lists and tuples: re's SubPattern is slow to index, and the analyses walk it often."""
    return [(op, _plain_argument(op, av)) for op, av in items]


def _plain_argument(op: object, av: Any) -> Any:
    if op is C.BRANCH:
        return av[0], [_plain(seq) for seq in av[1]]
    if op is C.SUBPATTERN:
        return av[0], av[1], av[2], _plain(av[3])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, POSSESSIVE_REPEAT):
        return av[0], av[1], _plain(av[2])
    if op in (C.ASSERT, C.ASSERT_NOT):
        return av[0], _plain(av[1])
    if op is ATOMIC_GROUP:
        return _plain(av)
    if op is C.GROUPREF_EXISTS:
        return av[0], _plain(av[1]), (_plain(av[2]) if av[2] is not None else None)
    return av


def _scoped_flags(items: Items) -> bool:
    """Whether a group switches a flag on or off inside the pattern ((?i:…))."""
    for op, av in items:
        if op is C.SUBPATTERN and (av[1] or av[2]):
            return True
        if any(_scoped_flags(sub) for sub in subsequences(op, av)):
            return True
    return False


def subsequences(op: object, av: Any) -> list[Items]:
    """The parsed sequences directly inside one item (a group's body, a branch's alternatives …)."""
    if op is C.BRANCH:
        return list(av[1])
    if op is C.SUBPATTERN:
        return [av[3]]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, POSSESSIVE_REPEAT):
        return [av[2]]
    if op in (C.ASSERT, C.ASSERT_NOT):
        return [av[1]]
    if op is ATOMIC_GROUP:
        return [av]
    if op is C.GROUPREF_EXISTS:
        return [seq for seq in av[1:] if seq is not None]
    return []


# Python 3.11 added atomic groups and possessive repeats; on 3.10 re rejects them, so they never appear
ATOMIC_GROUP = getattr(C, "ATOMIC_GROUP", object())
POSSESSIVE_REPEAT = getattr(C, "POSSESSIVE_REPEAT", object())
REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, POSSESSIVE_REPEAT)

Item = tuple[Any, Any]  # one consuming item: (LITERAL, code), (NOT_LITERAL, code) or (IN, [(kind, value) …])
_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
               C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}


def first_items(items: Items) -> tuple[list[Item] | None, bool]:
    """The items one of which takes the first character of a match of ``items`` (None: any character may),
    and whether the match can be empty."""
    found: list[Item] = []
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero width: the next item takes the first character (skipping a test only widens)
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN):
            return found + [(op, av)], False
        if op is C.BRANCH:
            alternatives = [first_items(seq) for seq in av[1]]
            if any(items_of is None for items_of, _ in alternatives):
                return None, False
            found += [item for items_of, _ in alternatives for item in items_of or ()]
            nullable = any(empty for _, empty in alternatives)
        elif op is C.SUBPATTERN or op is ATOMIC_GROUP or op in REPEATS:
            inner, nullable = first_items(subsequences(op, av)[0])
            if inner is None:
                return None, False
            found += inner
            nullable = nullable or (op in REPEATS and av[0] == 0)
        else:
            return None, False  # any character (.), a back-reference: anything may come first
        if not nullable:
            return found, False
    return found, True


def class_source(op: object, av: Any) -> str | None:
    """One consuming item as a character class ``regex`` reads, or None when it cannot be written so."""
    if op is C.LITERAL:
        return f"[{_char(av)}]"
    if op is C.NOT_LITERAL:
        return f"[^{_char(av)}]"
    parts = []
    for kind, value in av:  # IN holds (kind, value) pairs
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


def _char(code: int) -> str:
    return f"\\U{code:08x}"
