"""Budgets: the most one input may cost, each a setting in ``rules/settings.toml``.

Every budget is checked before the work it bounds (a file's size before it is read, a member's bytes while
they inflate, a page's operators before the page is interpreted, a label's length before it is built), so
a tiny hostile file costs next to nothing. An input over a budget is refused with one line that names the
setting and how to raise it; in a batch its error record has type ``too-large``.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    from .rulebook import RuleBook

INFLATE_CHUNK = 1 << 16  # bytes of compressed input handed to zlib at a time


class OverBudget(InputError):
    """An input that would cost more than a budget allows."""

    code = "too-large"


def limit(rules: RuleBook | None, name: str) -> int:
    """The whole-number value of the budget ``name`` (the shipped rules' when ``rules`` is None)."""
    if rules is None:
        from .rulebook import default_rules

        rules = default_rules()
    return rules.limit(name)


def refusal(name: str, allowed: float, what: str, path: str | None = None) -> OverBudget:
    """The one-line refusal: what is over which setting, and how to raise it."""
    where = f": {path}" if path else ""
    return OverBudget(f"refused: {what}, over the {name} setting ({allowed:,.0f}){where} (to raise it, give "
                      f"--rules DIR with a settings.toml holding [[setting]] name = \"{name}\")")


def check(rules: RuleBook | None, name: str, measure: int, what: str, path: str | None = None) -> None:
    """Raise the refusal when ``measure`` is over the budget ``name``; ``what`` says what was measured."""
    allowed = limit(rules, name)
    if measure > allowed:
        raise refusal(name, allowed, what, path)


class Inflation:
    """Bytes inflated so far from one file's members (or streams), against a per-member and a total budget.

    Counting happens while inflating, never from sizes an archive declares: a zip member that says 1,000
    bytes may inflate to a gigabyte.
    """

    def __init__(self, rules: RuleBook | None, path: str | None = None):
        self.member_limit = limit(rules, "inflate-member-max-bytes")
        self.total_limit = limit(rules, "inflate-total-max-bytes")
        self.total = 0
        self.path = path

    def add(self, name: str, member_bytes: int, new_bytes: int) -> None:
        """``new_bytes`` more inflated from member ``name``, which has given ``member_bytes`` so far."""
        self.total += new_bytes
        if member_bytes > self.member_limit:
            raise refusal("inflate-member-max-bytes", self.member_limit, f"{name} keeps inflating", self.path)
        if self.total > self.total_limit:
            raise refusal("inflate-total-max-bytes", self.total_limit, "its parts keep inflating", self.path)

    def inflate(self, name: str, compressed: bytes, *, keep: bool = True, wbits: int = zlib.MAX_WBITS) -> bytes:
        """The inflated bytes of a zlib/deflate stream, counted as they come; b"" when ``keep`` is False (a
        check only). zlib errors propagate (the caller decides whether the data was meant to be zlib)."""
        inflater = zlib.decompressobj(wbits)
        out: list[bytes] = []
        size = 0
        pending = compressed
        while True:
            # max_length bounds each step's output, so memory stays at one step however large the bomb
            piece = inflater.decompress(pending, INFLATE_CHUNK)
            pending = inflater.unconsumed_tail
            if not pending or inflater.eof:
                piece += inflater.flush()  # what zlib still holds once the input is used up: a few bytes
            size += len(piece)
            self.add(name, size, len(piece))
            if keep:
                out.append(piece)
            if not pending or inflater.eof:
                return b"".join(out)
