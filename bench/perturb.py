"""Messy versions of a clean report, for invariance tests (CheckList-style metamorphic tests).

Each perturbation makes one kind of mess the reading layer reads through: hard wraps, spaces,
ASCII punctuation, zero-width characters, traditional characters (OpenCC s2t, the direction the
reading layer does not use), or all of them; and, apart, a web page that lost its line breaks
(`flattened`: every line break read as a space). It only inserts characters or replaces one with one,
and says where it inserted them, so a span of the clean text can be found in the messy one.
"""

from __future__ import annotations

import random
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from reportparse.reading.traditional import converter, one_for_one

PERTURBATIONS = ("wrap", "spaced", "ascii", "zero-width", "traditional", "all", "flattened")
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_UNIT_AFTER = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff%‰]")
_FULL_TO_ASCII = str.maketrans("，；：（）！？", ",;:()!?")
_FIGURE = re.compile(r"\d+(?:\.\d+)?")


@dataclass
class Messy:
    """A perturbed text and where characters were inserted (offsets of the text before each step)."""

    text: str
    steps: list[list[int]] = field(default_factory=list)  # per step: insertion points, sorted

    def position(self, i: int) -> int:
        for inserted in self.steps:
            i += bisect_right(inserted, i)
        return i

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Where the clean span [start, end) lies in the messy text (insertions inside it included)."""
        if end <= start:
            at = self.position(start)
            return at, at
        return self.position(start), self.position(end - 1) + 1


def perturb(text: str, name: str, seed: int = 0) -> Messy:
    """``text`` with the perturbation ``name`` (one of PERTURBATIONS) applied."""
    rng = random.Random(f"{seed}:{name}")
    messy = Messy(text)
    for step in (("traditional", "ascii", "spaced", "zero-width", "wrap") if name == "all" else (name,)):
        _STEPS[step](messy, rng)
    return messy


def _insert(messy: Messy, points: list[tuple[int, str]]) -> None:
    """Insert each (offset, character) of ``points`` into the text, before the character at offset."""
    points.sort(key=lambda p: p[0])
    pieces, pos = [], 0
    for at, ch in points:
        pieces += [messy.text[pos:at], ch]
        pos = at
    pieces.append(messy.text[pos:])
    messy.text = "".join(pieces)
    messy.steps.append([at for at, _ in points])


def _wrap(messy: Messy, rng: random.Random) -> None:
    """Hard wraps at one width (30-45 wide characters), as a PDF or an OCR engine breaks lines."""
    width = 2 * rng.randint(30, 45)
    text, points, column = messy.text, [], 0
    for i, ch in enumerate(text):
        if ch in "\r\n":
            column = 0
            continue
        wide = 0 if ch in ZERO_WIDTH else 1 if ch < "\u2000" else 2
        if column + wide > width:
            points.append((i, "\n"))
            column = 0
        column += wide
    _insert(messy, points)


def _spaced(messy: Messy, rng: random.Random) -> None:
    """A space between a figure and its unit (1.2 万吨, 2006 年), figures set letter-spaced now and then
    (2 0 0 6), and a stray space inside some CJK words."""
    text, points = messy.text, []
    for m in _FIGURE.finditer(text):
        if m.end() < len(text) and _UNIT_AFTER.match(text, m.end()):
            points.append((m.end(), " "))
        if rng.random() < 0.2 and not _touches_figure(text, m.start(), m.end()):
            points += [(i, " ") for i in range(m.start() + 1, m.end())]
    points += [(i, " ") for i in _han_pairs(text) if rng.random() < 0.05]
    _insert(messy, points)


def _zero_width(messy: Messy, rng: random.Random) -> None:
    """Zero-width characters between figures and units, inside figures and inside some CJK words."""
    text, points = messy.text, []
    for m in _FIGURE.finditer(text):
        if m.end() < len(text) and _UNIT_AFTER.match(text, m.end()) and rng.random() < 0.5:
            points.append((m.end(), rng.choice(ZERO_WIDTH)))
        points += [(i, rng.choice(ZERO_WIDTH)) for i in range(m.start() + 1, m.end()) if rng.random() < 0.2]
    points += [(i, rng.choice(ZERO_WIDTH)) for i in _han_pairs(text) if rng.random() < 0.03]
    _insert(messy, points)


def _ascii(messy: Messy, rng: random.Random) -> None:
    """Full-width , ; : ( ) ! ? as ASCII, as web editors write them (a colon between digits is a time
    in the clean text as well, and stays)."""
    text = messy.text
    chars = list(text.translate(_FULL_TO_ASCII))
    for i, ch in enumerate(text):
        if ch in "：，" and text[i - 1:i].isdigit() and text[i + 1:i + 2].isdigit():
            chars[i] = ch
    messy.text = "".join(chars)


def _traditional(messy: Messy, rng: random.Random) -> None:
    """The text in traditional characters (OpenCC s2t), one character for one."""
    messy.text = one_for_one(converter("s2t").convert, messy.text)


def _flattened(messy: Messy, rng: random.Random) -> None:
    """The page's line breaks lost: every line break a space, so paragraphs and headings run on one line,
    as scraped pages give them (one character for one: offsets stay)."""
    messy.text = messy.text.replace("\r", " ").replace("\n", " ")


def _han_pairs(text: str):
    """Offsets between two CJK characters."""
    for m in _HAN.finditer(text, 1):
        if _HAN.match(text, m.start() - 1):
            yield m.start()


def _touches_figure(text: str, start: int, end: int) -> bool:
    # letter-spacing a figure that another figure or a dot touches would read as two numbers
    return text[start - 1:start] in (".", "．") or text[end:end + 1] in (".", "．")


_STEPS = {"wrap": _wrap, "spaced": _spaced, "ascii": _ascii, "zero-width": _zero_width, "traditional": _traditional,
          "flattened": _flattened}
