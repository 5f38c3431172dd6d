"""A compiled rule pattern: every match runs under a time limit, and a runaway names its rule.

Two limits: each match stops at ``MATCH_TIMEOUT_SECONDS``, and all the matches of one file share the
``pattern-seconds-per-file`` budget (opened by the parser with :func:`pattern_budget`, and widened by
``pattern-seconds-per-million-characters`` of its text), so a pattern just
under the per-match limit cannot run for minutes over a file of many lines. A match on a text short enough
that the pattern provably cannot run long (``safety.py``) is not given the per-match limit, which costs
more than such a match, but still counts against the file's budget.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Iterator, TypeVar

import regex

from ..errors import RuleError
from .safety import safe_lengths

# A runaway pattern on a long report must not hang a batch: every match runs under this limit.
MATCH_TIMEOUT_SECONDS = 2.0

T = TypeVar("T")


class _Budget:
    """Seconds the patterns may still take on the file being parsed."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.left = seconds


_BUDGET: ContextVar[_Budget | None] = ContextVar("pattern_budget", default=None)


@contextmanager
def pattern_budget(seconds: float) -> Iterator[None]:
    """Patterns matched inside share ``seconds``; nested calls share the outermost budget (one file)."""
    if _BUDGET.get() is not None:
        yield
        return
    token = _BUDGET.set(_Budget(seconds))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def extend_pattern_budget(seconds: float) -> None:
    """More time for the file being parsed, once its text is known: the patterns' cost grows with the
    text's length, so a fixed budget meant to stop a runaway would also stop a long, dense report."""
    budget = _BUDGET.get()
    if budget is not None:
        budget.seconds += seconds
        budget.left += seconds


class Pattern:
    """A compiled rule pattern that reports a timeout as a rule error naming its origin."""

    __slots__ = ("source", "compiled", "origin", "safe_match", "safe_search")

    compiled: regex.Pattern[str]
    safe_match: int  # the longest texts (in characters) a match from the start, or a search, provably
    safe_search: int  # cannot run long on: worked out on first use (see __getattr__)

    def __init__(self, source: str, origin: tuple[str, str | None, str | None]):
        self.source = source
        self.origin = origin
        try:
            self.compiled = regex.compile(source)
        except regex.error as exc:
            raise RuleError(*origin, f"bad pattern: {exc}") from None

    def __getattr__(self, name: str) -> int:
        # Called only while a slot is unset: the safe lengths are worked out when a pattern is first used,
        # not for every pattern a rule book loads (a tenth of a millisecond each), and cost nothing after.
        if name not in ("safe_match", "safe_search"):
            raise AttributeError(name)
        self.safe_match, self.safe_search = safe_lengths(self.source)
        return int(getattr(self, name))

    # Each call passes the compiled method and its arguments (no closure per match: patterns run in the
    # parser's inner loops, a hundred thousand times for a year of national reports).
    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        return self._timed(self.compiled.match, len(text) <= self.safe_match, text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        return self._timed(self.compiled.search, len(text) <= self.safe_search, text, pos, endpos)

    def fullmatch(self, text: str) -> regex.Match[str] | None:
        return self._timed(self.compiled.fullmatch, len(text) <= self.safe_match, text)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[regex.Match[str]]:
        # Materialised inside the guard so that the time limit covers the whole scan; a scan's cost grows
        # with the stretch it scans, so its limit is the per-match one for each million characters of it.
        scanned = (len(text) if endpos is None else min(endpos, len(text))) - pos
        return self._timed(self._all_matches, False, text, pos, endpos, scale=max(1.0, scanned / 1_000_000))

    def _all_matches(self, text: str, pos: int, endpos: int | None, timeout: float) -> list[regex.Match[str]]:
        return list(self.compiled.finditer(text, pos, endpos, timeout=timeout))

    def _timed(self, method: Callable[..., T], safe: bool, *args: object,
               scale: float = 1.0) -> T:
        budget = _BUDGET.get()
        if safe:  # provably short: no per-match limit, but the time still counts against the file's budget
            if budget is None:
                return method(*args)
            if budget.left <= 0:
                raise self._over(budget)
            started = time.perf_counter()
            try:
                return method(*args)
            finally:
                budget.left -= time.perf_counter() - started
        limit = MATCH_TIMEOUT_SECONDS * scale
        if budget is None:
            try:
                return method(*args, timeout=limit)
            except TimeoutError:
                raise self._runaway(limit) from None
        left = budget.left
        if left <= 0:
            raise self._over(budget)
        timeout = limit if left > limit else left
        started = time.perf_counter()
        try:
            return method(*args, timeout=timeout)
        except TimeoutError:
            raise (self._over(budget) if timeout < limit else self._runaway(limit)) from None
        finally:
            budget.left -= time.perf_counter() - started

    def _runaway(self, limit: float) -> RuleError:
        return RuleError(*self.origin, f"pattern ran over {limit:g}s (runaway?)")

    def _over(self, budget: _Budget) -> RuleError:
        return RuleError(*self.origin, f"the rules' patterns used up their {budget.seconds:g} s for this file here "
                                       "(the pattern-seconds-per-file and -per-million-characters settings; a slow pattern?)")

    def __repr__(self) -> str:
        return f"Pattern({self.source!r})"
