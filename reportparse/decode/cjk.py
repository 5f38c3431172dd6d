"""How plausible a reading is as Chinese text, to choose GB18030 or Big5.

A wrong CJK codec still decodes most bytes, so strictness alone cannot tell
GBK from Big5.  What differs is the characters: GBK read as Big5 (or Big5 read
as GBK) turns into rare hanzi, kana, Hangul and private-use characters, while
the right codec gives the frequent hanzi of its own script.  The frequent
characters come from the codecs' own tables (GB2312 level 1, Big5 level 1),
and a short list of very common characters breaks near-ties on short text.
"""

from __future__ import annotations

import functools
from collections import Counter

from ..punctuation import CHINESE_TEXT_MARKS
from .reading import CONTROL_RE, SAMPLE_CHARS

#: A Chinese reading scoring below this is not believed.
PLAUSIBLE = 0.5

# Very common characters (general text and work reports); simplified, and the
# same characters in traditional form.  Used to break near-ties on short text.
_COMMON_SIMPLIFIED = (
    "的一是了不在人有我他这中大来上国个到说们为子和你地出道也时年要就会对生能而以可"
    "发后作用行所然家种事成方多经法学都同现当动面起定分进好部其些主理心本前开但因只"
    "从想实意无力与长把机民第公此已工使情明性全又关点正业外将两高间由问很最重并物应"
    "向头文体政相见被等产或新己制身果加化合信表位度常提立及比员解水名论处各入认条平"
    "系气题活更别打变总何电数安少报才结反受目量再感建务做接必场件计管期市直资命金指"
    "保区统至形社展科基推强设革改务服济领导党组织落坚持深化"
)
_COMMON_TRADITIONAL = (
    "的一是了不在人有我他這中大來上國個到說們為子和你地出道也時年要就會對生能而以可"
    "發後作用行所然家種事成方多經法學都同現當動面起定分進好部其些主理心本前開但因只"
    "從想實意無力與長把機民第公此已工使情明性全又關點正業外將兩高間由問很最重並物應"
    "向頭文體政相見被等產或新己制身果加化合信表位度常提立及比員解水名論處各入認條平"
    "系氣題活更別打變總何電數安少報才結反受目量再感建務做接必場件計管期市直資命金指"
    "保區統至形社展科基推強設革改務服濟領導黨組織落堅持深化"
)
COMMON_SET = frozenset(_COMMON_SIMPLIFIED) | frozenset(_COMMON_TRADITIONAL)

_CJK_PUNCT = frozenset(CHINESE_TEXT_MARKS)

# Code point ranges that a wrong CJK codec tends to produce and real Chinese
# reports almost never contain.
_IMPLAUSIBLE_RANGES = (
    (0x0080, 0x009F),  # C1 controls
    (0x0370, 0x052F),  # Greek, Cyrillic
    (0x1100, 0x11FF),  # Hangul jamo
    (0x2500, 0x257F),  # box drawing
    (0x3040, 0x30FF),  # kana
    (0x3100, 0x312F),  # bopomofo
    (0x3130, 0x318F),  # Hangul compatibility jamo
    (0x3400, 0x4DBF),  # CJK extension A
    (0xA000, 0xA4CF),  # Yi
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xD800, 0xDFFF),  # surrogates
    (0xE000, 0xF8FF),  # private use (GBK user-defined areas)
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE50, 0xFE6F),  # small form variants
    (0xFF61, 0xFF9F),  # half-width katakana
    (0xFFF0, 0xFFFF),  # specials, incl. U+FFFD
)


# The tables are built on first use, not at import: decoding UTF-8 input
# never needs them.
@functools.cache
def frequent_gb() -> frozenset[str]:
    """GB2312 level-1 hanzi (the 3,755 most used simplified characters)."""
    return _table("gb2312", range(0xB0, 0xD8), (range(0xA1, 0xFF),))


@functools.cache
def frequent_big5() -> frozenset[str]:
    """Big5 level-1 hanzi (the 5,401 frequently used traditional characters)."""
    return _table("big5", range(0xA4, 0xC6), (range(0x40, 0x7F), range(0xA1, 0xFF))) | _table(
        "big5", range(0xC6, 0xC7), (range(0x40, 0x7F),)
    )


@functools.cache
def frequent_any() -> frozenset[str]:
    """Frequent hanzi of either script, for UTF-16 readings."""
    return frequent_gb() | frequent_big5()


def _table(codec: str, leads: range, trails: tuple[range, ...]) -> frozenset[str]:
    out = set()
    for lead in leads:
        for trail_range in trails:
            for trail in trail_range:
                try:
                    out.add(bytes((lead, trail)).decode(codec))
                except UnicodeDecodeError:
                    pass
    return frozenset(out)


def _implausible(code_point: int) -> bool:
    """True for code points a wrong CJK codec produces, not Chinese reports.

    >>> _implausible(ord("ㄛ")), _implausible(ord("学"))
    (True, False)
    """
    for low, high in _IMPLAUSIBLE_RANGES:
        if low <= code_point <= high:
            return True
    return False


def chinese_score(text: str, frequent: frozenset[str], common: frozenset[str]) -> float:
    """How plausible ``text`` is as Chinese; about 1 or more for real text.

    Counts only non-ASCII characters and control characters (printable ASCII
    reads the same in every candidate codec): frequent hanzi and Chinese
    punctuation score 1, very common hanzi one more, implausible characters
    (kana, Hangul, private use, controls...) -2.  Printable ASCII scores 1.

    >>> round(chinese_score("一、加强学习，提高能力。", frequent_gb(), COMMON_SET), 2)
    1.67
    >>> chinese_score("珨﹜樓Ч悝炾ㄛ枑詢夔薯﹝", frequent_gb(), COMMON_SET) < 0
    True
    """
    counts = Counter(text[:SAMPLE_CHARS])
    non_ascii = good = bad = bonus = 0
    for ch, k in counts.items():
        if ch < "\x80":
            if CONTROL_RE.match(ch):  # a control char is no ASCII text
                non_ascii += k
                bad += k
            continue
        non_ascii += k
        if ch in frequent or ch in _CJK_PUNCT:
            good += k
            if ch in common:
                bonus += k
        elif _implausible(ord(ch)):
            bad += k
    if non_ascii == 0:
        return 1.0
    return (good + bonus - 2 * bad) / non_ascii
