"""Read a report's bytes and decode them to text.

Chinese work reports arrive as UTF-8 (with or without a BOM), UTF-16 (Word's
"Unicode text"), GB18030/GBK (older Windows tools on the mainland) or Big5
(Taiwan, Hong Kong).  :func:`decode` finds which, and gives back the text with
only a leading BOM removed: line ends, U+3000 indents and full-width digits are
left exactly as they are.

Detection order:

1. a BOM (UTF-8, UTF-16 LE/BE);
2. NUL bytes: UTF-16 without a BOM when the NULs are halves of characters
   (never a whole aligned NUL pair) and the reading is text; otherwise the
   input is binary;
3. strict UTF-8: if the bytes decode, they *are* UTF-8;
4. GB18030 and Big5 (and BOM-less UTF-16 of text without ASCII), each decoded
   strictly and scored for how plausible the result is as Chinese text.  The
   score uses the codecs' own "frequent character" tables (GB2312 level 1,
   Big5 level 1) and a short list of very common characters, so GBK read as
   Big5, or Big5 read as GBK, scores low.  charset-normalizer is not asked
   here: on a short GBK heading it answers cp949, and its maintainers call
   short input out of its reach (jawah/charset_normalizer#216);
5. UTF-8 damaged in a few places (a file cut inside a character);
6. no plausible Chinese reading: Western European cp1252 text, else
   charset-normalizer for other single-byte encodings (never a CJK one);
7. GB18030 or Big5 damaged in a few places;
8. a strict but implausible GB18030/Big5 reading, unless it is mostly
   characters no text contains; anything else is binary.

Damaged bytes (steps 1, 2, 5 and 7, at most 1% of the characters) become
U+FFFD.  Only the first 32K characters of each candidate are scored, so a
large file costs a few codec passes in C and one count of a sample.
"""

from __future__ import annotations

import codecs
import functools
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass

from reportparse.errors import InputError

__all__ = [
    "Decoded",
    "decode",
    "read_source",
    "DecodeError",
    "EmptyInput",
    "BinaryInput",
    "MissingInput",
    "DirectoryInput",
    "UnreadableInput",
]


# --------------------------------------------------------------------------
# errors


class DecodeError(InputError):
    """An input problem with a one-line message and a short machine ``code``."""

    code = "input"

    def __init__(self, message: str, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return self.message


class EmptyInput(DecodeError):
    code = "empty"


class BinaryInput(DecodeError):
    code = "binary"


class MissingInput(DecodeError):
    code = "missing"


class DirectoryInput(DecodeError):
    code = "directory"


class UnreadableInput(DecodeError):
    code = "unreadable"


def _where(message: str, path: str | None) -> str:
    return f"{message}: {path}" if path else message


# --------------------------------------------------------------------------
# result


@dataclass(frozen=True)
class Decoded:
    text: str
    """The decoded text, BOM removed, nothing else changed."""
    encoding: str
    """Canonical lowercase name: "utf-8", "utf-8-sig", "gb18030", "utf-16-le",
    "utf-16-be", "big5" (or a Python codec name for rare single-byte input)."""


# --------------------------------------------------------------------------
# tuning

#: Only this many characters of a candidate decoding are scored.
_SAMPLE_CHARS = 32 * 1024
#: Only this many bytes are inspected for the NUL pattern.
_SAMPLE_BYTES = 64 * 1024
#: A Chinese reading scoring below this is not believed.
_PLAUSIBLE = 0.5
#: More C0 control characters than this share of the text means binary.
_MAX_CONTROL_SHARE = 0.02
#: Damaged input: at most this share of the characters may be U+FFFD.
_MAX_ERROR_SHARE = 0.01

_BOMS = (
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

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

# Punctuation and full-width forms that Chinese text uses all the time.
_CJK_PUNCT = frozenset(
    "，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕—…·－～　％＋＝／．﹒•"
    + "".join(chr(c) for c in range(0xFF10, 0xFF1A))  # ０-９
    + "".join(chr(c) for c in range(0xFF21, 0xFF3B))  # Ａ-Ｚ
    + "".join(chr(c) for c in range(0xFF41, 0xFF5B))  # ａ-ｚ
)

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

_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

# Encodings charset-normalizer may suggest that we never take from it: the
# CJK multi-byte ones were judged above, by a better test for this input.
_NOT_FROM_NORMALIZER = re.compile(
    r"(cp949|euc[-_]?kr|johab|ks_?c|shift[-_]?jis|cp932|euc[-_]?j|iso2022|"
    r"hz|gb|big5|cp950|utf)",
    re.IGNORECASE,
)


@functools.cache
def _frequent_gb() -> frozenset[str]:
    """GB2312 level-1 hanzi (the 3,755 most used simplified characters)."""
    return _table("gb2312", range(0xB0, 0xD8), (range(0xA1, 0xFF),))


@functools.cache
def _frequent_big5() -> frozenset[str]:
    """Big5 level-1 hanzi (the 5,401 frequently used traditional characters)."""
    return _table("big5", range(0xA4, 0xC6), (range(0x40, 0x7F), range(0xA1, 0xFF))) | _table(
        "big5", range(0xC6, 0xC7), (range(0x40, 0x7F),)
    )


@functools.cache
def _frequent_any() -> frozenset[str]:
    """Frequent hanzi of either script, for UTF-16 readings."""
    return _frequent_gb() | _frequent_big5()


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


# --------------------------------------------------------------------------
# pure helpers


def _looks_utf16(data: bytes) -> str | None:
    r"""The likelier UTF-16 byte order if the NUL bytes allow UTF-16, else None.

    In UTF-16 text the NULs are halves of characters: the high byte of ASCII
    (``a\x00`` in little-endian) or the low byte of U+xx00 hanzi such as
    一 U+4E00.  A whole aligned NUL pair is U+0000, which text does not contain
    but binary data is full of.  The side holding more NULs gives the byte
    order (ASCII is the usual source); the caller still checks both readings.

    >>> _looks_utf16(b"a\x00b\x00")
    'utf-16-le'
    >>> _looks_utf16("工作\r\n".encode("utf-16-be"))
    'utf-16-be'
    >>> _looks_utf16(b"plain ascii") is None
    True
    >>> _looks_utf16(b"ab\x00\x00\x00\x00cd") is None
    True
    """
    data = data[:_SAMPLE_BYTES]
    n = len(data) - len(data) % 2
    if n < 2:
        return None
    low = data[0:n:2]
    high = data[1:n:2]
    even, odd = low.count(0), high.count(0)
    if even + odd == 0:
        return None
    # aligned NUL pairs: where both halves are zero
    pairs = memoryview(data[:n]).cast("H").tolist().count(0) if even and odd else 0
    if pairs > n // 200:
        return None
    return "utf-16-le" if odd >= even else "utf-16-be"


def _control_share(text: str) -> float:
    """Share of C0 control characters other than tab, LF, VT, FF and CR.

    >>> _control_share("a\\r\\nb")
    0.0
    >>> _control_share("\\x01\\x02ab")
    0.5
    """
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return 0.0
    return len(_CONTROL_RE.findall(sample)) / len(sample)


def _implausible(code_point: int) -> bool:
    """True for code points a wrong CJK codec produces, not Chinese reports.

    >>> _implausible(ord("ㄛ")), _implausible(ord("学"))
    (True, False)
    """
    for low, high in _IMPLAUSIBLE_RANGES:
        if low <= code_point <= high:
            return True
    return False


def _chinese_score(text: str, frequent: frozenset[str], common: frozenset[str]) -> float:
    """How plausible ``text`` is as Chinese; about 1 or more for real text.

    Counts only non-ASCII characters and control characters (printable ASCII
    reads the same in every candidate codec): frequent hanzi and Chinese
    punctuation score 1, very common hanzi one more, implausible characters
    (kana, Hangul, private use, controls...) -2.  Printable ASCII scores 1.

    >>> round(_chinese_score("一、加强学习，提高能力。", _frequent_gb(), _COMMON_SET), 2)
    1.67
    >>> _chinese_score("珨﹜樓Ч悝炾ㄛ枑詢夔薯﹝", _frequent_gb(), _COMMON_SET) < 0
    True
    """
    counts = Counter(text[:_SAMPLE_CHARS])
    non_ascii = good = bad = bonus = 0
    for ch, k in counts.items():
        if ch < "\x80":
            if _CONTROL_RE.match(ch):  # a control char is no ASCII text
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


_COMMON_SET = frozenset(_COMMON_SIMPLIFIED) | frozenset(_COMMON_TRADITIONAL)


def _looks_latin(text: str) -> bool:
    """True for Western European text: a few accented letters among ASCII.

    Every non-ASCII character must be a Latin letter or common typography,
    and accented letters must be a minority (Cyrillic cp1251 read as cp1252
    is all accented letters).

    >>> _looks_latin("Größe, déjà vu – “Übung”")
    True
    >>> _looks_latin("Ò»¡¢¼ÓÇ¿")
    False
    >>> _looks_latin("Ïðèâåò ìèð")
    False
    """
    letters = accented = 0
    for ch, k in Counter(text[:_SAMPLE_CHARS]).items():
        if ch < "\x80":
            if ch.isalpha():
                letters += k
        elif "\u00c0" <= ch <= "\u017f" and ch.isalpha():
            letters += k
            accented += k
        elif ch not in _LATIN_TYPOGRAPHY:
            return False
    return accented <= 0.5 * letters


_LATIN_TYPOGRAPHY = frozenset("\u00a0‘’‚“”„–—…€«»°·§©®™•")


def _decode_counting(data: bytes, codec: str) -> tuple[str, int]:
    """Decode with U+FFFD for bad bytes; return the text and how many.

    >>> _decode_counting("学".encode("utf-8")[:2] + b"ab", "utf-8")
    ('\\ufffdab', 1)
    """
    try:
        return data.decode(codec), 0
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        return text, text.count("\ufffd") - _count_fffd_in_source(data, codec)


def _count_fffd_in_source(data: bytes, codec: str) -> int:
    # U+FFFD already present in the input (rare) is not a decoding error.
    try:
        marker = "\ufffd".encode(codec)
    except UnicodeEncodeError:
        return 0
    return data.count(marker) if marker else 0


# --------------------------------------------------------------------------
# decoding


def decode(data: bytes, *, path: str | os.PathLike[str] | None = None) -> Decoded:
    """Decode a report's bytes; see the module docstring for the order.

    ``path``, when given, is only named in error messages.

    >>> decode("一、加强学习，提高能力。".encode("gbk"))
    Decoded(text='一、加强学习，提高能力。', encoding='gb18030')
    >>> decode(b"\\xef\\xbb\\xbfok\\r\\n")
    Decoded(text='ok\\r\\n', encoding='utf-8-sig')
    """
    where = os.fspath(path) if path is not None else None
    data = bytes(data)
    if not data:
        raise EmptyInput(_where("empty input", where))

    result = _detect(data, where)
    if not result.text:
        raise EmptyInput(_where("empty input", where))
    if _control_share(result.text) > _MAX_CONTROL_SHARE:
        raise _binary(where)
    return result


def _binary(where: str | None) -> BinaryInput:
    return BinaryInput(_where("binary input, not a text report", where))


def _detect(data: bytes, where: str | None) -> Decoded:
    # 1. BOMs
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text, errors = _decode_counting(data[len(bom):], codec)
            if errors and errors > _MAX_ERROR_SHARE * max(len(text), 1):
                raise _binary(where)
            return Decoded(text, name)

    # 2. NUL bytes: UTF-16 without a BOM, or binary
    if b"\x00" in data:
        likely = _looks_utf16(data)
        if likely is not None:
            readings = []
            for codec in ("utf-16-le", "utf-16-be"):
                reading = _try_utf16(data, codec)
                if reading is not None:
                    readings.append((reading[0], codec == likely, reading[1]))
            if readings:
                return max(readings, key=lambda r: (r[0], r[1]))[2]
        raise _binary(where)

    # 3. strict UTF-8
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass

    # 4. Chinese legacy encodings, scored
    candidates = []  # (score, order, Decoded)
    gb_frequent, big5_frequent = _frequent_gb(), _frequent_big5()
    for order, (codec, frequent) in enumerate(
        (("gb18030", gb_frequent), ("big5", big5_frequent))
    ):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_chinese_score(text, frequent, _COMMON_SET), -order, Decoded(text, codec)))
    if len(data) % 2 == 0:
        for order, codec in enumerate(("utf-16-le", "utf-16-be"), start=2):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            score = _chinese_score(text, _frequent_any(), _COMMON_SET)
            candidates.append((score, -order, Decoded(text, codec)))
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    if candidates and candidates[0][0] >= _PLAUSIBLE:
        return candidates[0][2]

    # 5. damaged UTF-8 (a character cut in two, a stray byte)
    text, errors = _decode_counting(data, "utf-8")
    multibyte = len(text) - len(text.encode("ascii", errors="ignore")) - errors
    if multibyte >= 20 * errors and errors <= _MAX_ERROR_SHARE * len(text):
        return Decoded(text, "utf-8")

    # 6. not Chinese: Western European text, else ask charset-normalizer
    #    about single-byte encodings
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_latin(text):
            return Decoded(text, "cp1252")
    guess = _normalizer_guess(data)
    if guess is not None:
        return guess

    # 7. damaged GB18030 / Big5
    damaged = []
    for order, (codec, frequent) in enumerate(
        (("gb18030", gb_frequent), ("big5", big5_frequent))
    ):
        text, errors = _decode_counting(data, codec)
        if errors <= _MAX_ERROR_SHARE * len(text):
            score = _chinese_score(text, frequent, _COMMON_SET)
            damaged.append((score, -order, Decoded(text, codec)))
    damaged.sort(key=lambda c: (c[0], c[1]), reverse=True)
    if damaged and damaged[0][0] >= _PLAUSIBLE:
        return damaged[0][2]

    # 8. a strict but implausible Chinese reading beats calling text binary,
    #    as long as it is not mostly characters no report contains
    if candidates and candidates[0][0] > 0:
        return candidates[0][2]
    raise _binary(where)


def _try_utf16(data: bytes, codec: str) -> tuple[float, Decoded] | None:
    """Score and result of reading ``data`` as UTF-16 if it looks like text."""
    text, errors = _decode_counting(data, codec)
    if errors > _MAX_ERROR_SHARE * max(len(text), 1):
        return None
    sample = text[:_SAMPLE_CHARS]
    printable = sum(
        k for ch, k in Counter(sample).items() if ch.isprintable() or ch.isspace()
    )
    if printable < 0.95 * len(sample):
        return None
    score = _chinese_score(sample, _frequent_any(), _COMMON_SET)
    if score <= 0:
        return None
    return score, Decoded(text, codec)


def _normalizer_guess(data: bytes) -> Decoded | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    best = from_bytes(data).best()
    if best is None or not best.encoding:
        return None
    if _NOT_FROM_NORMALIZER.search(best.encoding):
        return None
    try:
        name = codecs.lookup(best.encoding).name.lower()
        text = data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None
    return Decoded(text, name)


# --------------------------------------------------------------------------
# reading


def read_source(source: str | os.PathLike[str] | bytes) -> tuple[bytes, str | None]:
    """Bytes and path (None for bytes/stdin '-'). '-' reads sys.stdin.buffer.

    Only the string ``"-"`` means standard input; ``Path("-")`` is a file
    named ``-``.

    >>> read_source(b"abc")
    (b'abc', None)
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), None
    if isinstance(source, str) and source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise UnreadableInput("cannot read standard input")
        return stream.read(), None

    path = os.fspath(source)
    try:
        with open(path, "rb") as handle:
            return handle.read(), path
    except FileNotFoundError:
        raise MissingInput(f"no such file: {path}") from None
    except IsADirectoryError:
        raise DirectoryInput(f"is a directory: {path}") from None
    except PermissionError:
        if os.path.isdir(path):  # Windows reports directories this way
            raise DirectoryInput(f"is a directory: {path}") from None
        raise UnreadableInput(f"permission denied: {path}") from None
    except OSError as exc:
        raise UnreadableInput(f"cannot read {path}: {exc.strerror or exc}") from None
