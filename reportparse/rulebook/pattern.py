"""A compiled rule pattern: every match runs under a time limit, and a runaway names its rule."""

from __future__ import annotations

import regex

from ..errors import RuleError

# A runaway pattern on a long report must not hang a batch: every match runs under this limit.
MATCH_TIMEOUT_SECONDS = 2.0


class Pattern:
    """A compiled rule pattern that reports a timeout as a rule error naming its origin."""

    __slots__ = ("source", "compiled", "origin")

    compiled: regex.Pattern[str]

    def __init__(self, source: str, origin: tuple[str, str | None, str | None]):
        self.source = source
        self.origin = origin
        try:
            self.compiled = regex.compile(source)
        except regex.error as exc:
            raise RuleError(*origin, f"bad pattern: {exc}") from None

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        try:
            return self.compiled.match(text, pos, endpos, timeout=MATCH_TIMEOUT_SECONDS)
        except TimeoutError:
            raise self._runaway() from None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        try:
            return self.compiled.search(text, pos, endpos, timeout=MATCH_TIMEOUT_SECONDS)
        except TimeoutError:
            raise self._runaway() from None

    def fullmatch(self, text: str) -> regex.Match[str] | None:
        try:
            return self.compiled.fullmatch(text, timeout=MATCH_TIMEOUT_SECONDS)
        except TimeoutError:
            raise self._runaway() from None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[regex.Match[str]]:
        # materialised inside the guard so that the time limit covers the whole scan
        try:
            return list(self.compiled.finditer(text, pos, endpos, timeout=MATCH_TIMEOUT_SECONDS))
        except TimeoutError:
            raise self._runaway() from None

    def _runaway(self) -> RuleError:
        return RuleError(*self.origin, f"pattern ran over {MATCH_TIMEOUT_SECONDS}s (runaway?)")

    def __repr__(self) -> str:
        return f"Pattern({self.source!r})"
