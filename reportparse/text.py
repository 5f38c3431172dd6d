"""Lines of the decoded text, and the 1:1 fold that lets rules see full-width forms as ASCII.

The fold maps one character to one character, so an offset in the folded text is the same
offset in the original: rules match on the fold, nodes point into the original.

Cost (the read stage): linear in the text: one substitution over the runs of full-width forms, one
scan for line breaks, and each line's indentation read from its two ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .punctuation import INDENT_CHARS

_FULL = "０１２３４５６７８９．％＋－Ｘｘ／"
_HALF = "0123456789.%+-Xx/"
FOLD_TABLE = str.maketrans(_FULL, _HALF)
_FOLDABLE = regex.compile(f"[{regex.escape(_FULL)}]+")
_BREAK = regex.compile(r"\r\n|\r|\n|\u2028|\u2029")


def fold(text: str) -> str:
    """Full-width digits and signs as ASCII, one character for one.

    >>> fold("１９９４年增长１１．８％")
    '1994年增长11.8%'
    """
    # most reports hold few full-width forms: translating the runs beats translating the text
    return _FOLDABLE.sub(lambda m: m.group().translate(FOLD_TABLE), text)


@dataclass(frozen=True, slots=True)
class Line:
    start: int    # first character of the line
    content: int  # first character after indentation
    end: int      # end of the content, trailing spaces and the line break excluded
    stop: int     # where the next line starts (after the line break)

    @property
    def blank(self) -> bool:
        return self.content >= self.end


def split_lines(text: str) -> list[Line]:
    """Every line of ``text``, blank ones included, so that the lines tile it.

    >>> [(l.start, l.content, l.end, l.stop) for l in split_lines("a\\r\\n\\u3000b \\n")]
    [(0, 0, 1, 3), (3, 4, 5, 7)]
    """
    return list(_lines(text))


@lru_cache(maxsize=4)
def _lines(text: str) -> tuple[Line, ...]:
    # the reading steps, the parser and the extractors each ask for the lines of the same text: split it once
    lines: list[Line] = []
    pos = 0
    for brk in _BREAK.finditer(text):
        lines.append(_line(text, pos, brk.start(), brk.end()))
        pos = brk.end()
    if pos < len(text):
        lines.append(_line(text, pos, len(text), len(text)))
    return tuple(lines)


def skip_indent(text: str, start: int, end: int) -> int:
    """The first character at or after ``start`` (before ``end``) that is no indentation.

    >>> skip_indent("\u3000\u3000一、总体情况", 0, 8)
    2
    """
    while start < end and text[start] in INDENT_CHARS:
        start += 1
    return start


def _line(text: str, start: int, end: int, stop: int) -> Line:
    content = skip_indent(text, start, end)
    while end > content and text[end - 1] in INDENT_CHARS:
        end -= 1
    return Line(start, content, end, stop)
