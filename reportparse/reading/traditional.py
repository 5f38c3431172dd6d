"""Step ``traditional``: traditional characters read as simplified, one character for one.

OpenCC's t2s tables do the reading, through the maintained ``opencc`` package (OpenCC's own C++
library). ``opencc-python-reimplemented`` reads with the same tables and gave the same text back on
the project's corpus turned traditional, but at 0.65M characters a second against 19M
(bench/opencc_choice.py), and it has seen no release since 2023. Most reports
hold no traditional character at all, so a text is first looked over for one, with a character class
of every character t2s changes on its own; only then is the text converted.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..rulebook import ReadingRule, RuleBook, required
from .offsets import Reading

# the CJK blocks t2s has characters for: Extension A, the Unified Ideographs, the compatibility ones
_BLOCKS = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@lru_cache(maxsize=4)
def converter(config: str):
    import opencc  # loaded on first use: a clean report never needs it

    return opencc.OpenCC(config)


@lru_cache(maxsize=4)
def convertible(config: str) -> re.Pattern:
    """A character class of the characters the configuration changes when they stand alone (the
    standard library's ``re`` looks a clean report over for one of them in a few milliseconds)."""
    chars = [chr(c) for lo, hi in _BLOCKS for c in range(lo, hi)]
    read = converter(config).convert("\n".join(chars)).split("\n")
    changed = "".join(c for c, r in zip(chars, read) if c != r)
    return re.compile(f"[{re.escape(changed)}]" if changed else "(?!)")


def one_for_one(convert, text: str) -> str:
    """``convert(text)``, kept to one character for one: where a line comes out longer or shorter (a
    phrase table may do that), that line is converted character by character instead, and a character
    whose reading is not one character stays as it is."""
    whole = convert(text)
    if len(whole) == len(text):
        return whole
    lines = []
    for line in text.splitlines(keepends=True):
        read = convert(line)
        if len(read) != len(line):
            read = "".join(r if len(r := convert(ch)) == 1 else ch for ch in line)
        lines.append(read)
    return "".join(lines)


def read_traditional(reading: Reading, rule: ReadingRule, book: RuleBook) -> None:
    text = reading.text
    pattern = convertible(required(rule.config))
    if pattern.search(text) is None:
        return
    convert = converter(required(rule.config)).convert
    pieces, pos, count = [], 0, 0
    for m in pattern.finditer(text):
        if m.start() < pos:
            continue  # on a line already read
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        # a line at a time: t2s reads phrases, and a phrase does not run over a line break
        line = text[start:end]
        simplified = one_for_one(convert, line)
        count += sum(a != b for a, b in zip(line, simplified))
        pieces += [text[pos:start], simplified]
        pos = end
    pieces.append(text[pos:])
    reading.substitute("traditional", "".join(pieces), count)
