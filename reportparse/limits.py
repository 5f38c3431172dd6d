"""How large a report may be: ``max-characters`` in rules/settings.toml (default 20 M characters).

``parse`` refuses a longer text with one line (exit code 1); ``batch`` splits it into parts that end
at line breaks and parses each part on its own.
"""

from __future__ import annotations

from .budgets import OverBudget
from .rulebook import RuleBook

LIMIT = "max-characters"


class TooLarge(OverBudget):
    """The text is longer than one report may be (``batch`` splits it; ``parse`` refuses it)."""


def check_size(text: str, book: RuleBook, path: str | None = None) -> None:
    limit = book.limit(LIMIT)
    if len(text) > limit:
        raise TooLarge(f"{path or 'the text'}: {len(text):,} characters, over the limit of {limit:,} "
                       f"({LIMIT} in settings.toml; `reportparse batch` splits such a file into parts)")


def part_spans(text: str, limit: int) -> list[tuple[int, int]]:
    """Spans of at most ``limit`` characters that cover the text, each ending after a line break when
    there is one in its reach (a line longer than the limit is cut where the limit falls).

    >>> part_spans("ab\\ncd\\nef", 4)
    [(0, 3), (3, 6), (6, 8)]
    """
    spans, start = [], 0
    while start < len(text):
        end = start + limit
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut >= start else end
        spans.append((start, min(end, len(text))))
        start = spans[-1][1]
    return spans
