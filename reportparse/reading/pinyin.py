"""Step ``pinyin``: the pinyin a mirror site glossed after characters (經(jīng)濟, 會(huì)議) read as nothing.

Some sites that copy government pages insert each difficult character's pinyin, in brackets, right after
it. The gloss breaks every word it stands in (a meeting's name, a figure's unit), so the reading form
drops it as part of its character: offsets still point into the decoded text, and a mention that ends
with the character ends after its gloss (省兩會(huì)), as the page has it. Only a bracketed run of lower-case letters holding a tone mark, right after a Han character,
is a gloss (``gloss``): 附件(a) and (见附件) are not.

Cost: linear, one scan of the text with the rule's pattern.
"""

from __future__ import annotations

from ..rulebook import ReadingRule, RuleBook, required
from .offsets import Reading


def read_pinyin(reading: Reading, rule: ReadingRule, book: RuleBook) -> None:
    reading.drop_attached("pinyin", [(m.start(), m.end()) for m in required(rule.gloss).finditer(reading.text)])
