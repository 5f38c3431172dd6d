"""Step ``markers``: a heading's numeral typed as a dash (—、總體情況; (-)坚守第一道防线) read as 一.

一 and a dash look alike, and pages typed or copied in haste put one for the other in the first heading of
a list; no heading rule reads a dash as a number. Only a dash where a numeral stands in a marker
(``mistyped``: at a line's start before 、, or alone in brackets before a title) is read as ``read_as``, one
character for one, so every offset stays.

Cost: linear, one scan of the text with the rule's pattern.
"""

from __future__ import annotations

from ..rulebook import ReadingRule, RuleBook, required
from .offsets import Reading


def read_markers(reading: Reading, rule: ReadingRule, book: RuleBook) -> None:
    """Read each mistyped dash as the numeral it stands for, one character for one."""
    read_as = required(rule.read_as)
    edits = [(m.start(), m.end(), read_as) for m in required(rule.mistyped).finditer(reading.text)]
    if edits:
        reading.edit("markers", edits)
