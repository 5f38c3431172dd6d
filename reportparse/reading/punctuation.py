"""Step ``punctuation``: ASCII , ; : ( ) ! ? in Chinese text read as their full-width forms.

A mark is read full-width when the nearest character before or after it on its line (spaces
skipped) is Chinese. Kept as written: a comma or colon between two digits (1,234 and 8:30), marks
inside a web or mail address, and marks with only Latin text around them (an English sentence).
An opening bracket goes with its closing one on the same line, so (C919) in Chinese text reads （C919）.
"""

from __future__ import annotations

import re

from ..rulebook import ReadingRule, RuleBook, required
from .offsets import Reading

_BETWEEN_DIGITS = ",:"
_SPACES = " \t\u00a0"


def read_punctuation(reading: Reading, rule: ReadingRule, book: RuleBook) -> None:
    text = reading.text
    marks = re.compile(f"[{re.escape(required(rule.ascii))}]")
    if marks.search(text) is None:
        return
    table = dict(zip(required(rule.ascii), required(rule.full_width)))
    chinese = required(rule.chinese).compiled
    wide_at: list[int] = []
    opened: list[tuple[int, bool]] = []  # open brackets on this line: offset, read full-width
    kept: list[tuple[int, int]] = []  # addresses on this line
    line_end = -1
    for m in marks.finditer(text):
        i = m.start()
        if i > line_end:
            opened.clear()
            line_start, line_end = text.rfind("\n", 0, i) + 1, _line_end(text, i)
            # addresses are looked for on lines with a mark only: the whole text would cost a scan
            kept = [(a.start(), a.end()) for a in required(rule.keep).finditer(text, line_start, line_end)]
        if any(s <= i < e for s, e in kept):
            continue
        mark = text[i]
        if mark == "(":
            wide = _chinese_near(text, i, chinese) or _chinese_after_close(text, i, line_end, chinese)
            opened.append((i, wide))
        elif mark == ")" and opened:
            wide = opened.pop()[1]
        elif mark in _BETWEEN_DIGITS and text[i - 1:i].isdigit() and text[i + 1:i + 2].isdigit():
            continue  # 8:30, 1,234
        else:
            wide = _chinese_near(text, i, chinese)
        if wide:
            wide_at.append(i)
    if wide_at:
        pieces, pos = [], 0
        for i in wide_at:
            pieces += [text[pos:i], table[text[i]]]
            pos = i + 1
        pieces.append(text[pos:])
        reading.substitute("punctuation", "".join(pieces), len(wide_at))


def _line_end(text: str, i: int) -> int:
    end = text.find("\n", i)
    return len(text) if end < 0 else end


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] in _SPACES:
        j += step
    return text[j] if 0 <= j < len(text) and text[j] not in "\r\n" else ""


def _chinese_near(text: str, i: int, chinese) -> bool:
    return any(ch and chinese.match(ch) for ch in (_neighbour(text, i, -1), _neighbour(text, i, 1)))


def _chinese_after_close(text: str, i: int, line_end: int, chinese) -> bool:
    """(1)加强学习: the bracket holds no Chinese, but what follows its closing bracket is."""
    close = text.find(")", i, line_end)
    return close >= 0 and bool(chinese.match(_neighbour(text, close, 1) or "a"))
