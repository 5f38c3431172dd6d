"""The order in which encodings are tried on a report's bytes.

1. a BOM (UTF-8, UTF-16 LE/BE);
2. NUL bytes: UTF-16 without a BOM when the NULs are halves of characters
   (never a whole aligned NUL pair) and the reading is text, else UTF-32
   (with a BOM, step 1) when it reads as Chinese; otherwise the input is
   binary;
3. strict UTF-8: if the bytes decode, they *are* UTF-8;
4. GB18030 and Big5 (and BOM-less UTF-16 of text without ASCII), each decoded
   strictly and scored for how plausible the result is as Chinese text (see
   :mod:`.cjk`), so GBK read as Big5, or Big5 read as GBK, scores low.
   charset-normalizer is not asked here: on a short GBK heading it answers
   cp949, and its maintainers call short input out of its reach
   (jawah/charset_normalizer#216);
5. UTF-8 damaged in a few places (a file cut inside a character), then lines in
   UTF-8 and lines in GB18030 pieced together (:mod:`.mixed`);
6. no plausible Chinese reading: Western European cp1252 text, else
   charset-normalizer for other single-byte encodings (never a CJK one);
7. GB18030 or Big5 damaged in a few places;
8. a strict but implausible GB18030/Big5 reading, unless it is mostly
   characters no text contains; anything else is binary.

Damaged bytes (steps 1, 2, 5 and 7, at most 1% of the characters) become
U+FFFD.
"""

from __future__ import annotations

import codecs
import os

from .cjk import COMMON_SET, PLAUSIBLE, chinese_score, frequent_any, frequent_big5, frequent_gb
from .errors import binary_input, empty_input
from .mixed import UTF32_BOMS, read_mixed, read_utf32
from .reading import MAX_CONTROL_SHARE, MAX_ERROR_SHARE, Decoded, control_share, decode_counting
from .single_byte import read_single_byte
from .utf16 import read_utf16_without_bom

_BOMS = (
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)


def decode(data: bytes, *, path: str | os.PathLike[str] | None = None) -> Decoded:
    """Decode a report's bytes, trying encodings in the order above.

    ``path``, when given, is only named in error messages.

    >>> decode("一、加强学习，提高能力。".encode("gbk"))
    Decoded(text='一、加强学习，提高能力。', encoding='gb18030')
    >>> decode(b"\\xef\\xbb\\xbfok\\r\\n")
    Decoded(text='ok\\r\\n', encoding='utf-8-sig')
    """
    where = os.fspath(path) if path is not None else None
    data = bytes(data)
    if not data:
        raise empty_input(where)

    result = _detect(data, where)
    if not result.text:
        raise empty_input(where)
    if control_share(result.text) > MAX_CONTROL_SHARE:
        raise binary_input(where)
    return result


def _detect(data: bytes, where: str | None) -> Decoded:
    # 1. BOMs (UTF-32's first: its little-endian BOM starts with UTF-16's)
    if data.startswith(tuple(bom for bom, _ in UTF32_BOMS)):
        utf32 = read_utf32(data)
        if utf32 is None:
            raise binary_input(where)
        return utf32
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text, errors = decode_counting(data[len(bom):], codec)
            if errors and errors > MAX_ERROR_SHARE * max(len(text), 1):
                raise binary_input(where)
            return Decoded(text, name)

    # 2. NUL bytes: UTF-16 without a BOM, or binary
    if b"\x00" in data:
        reading = read_utf16_without_bom(data) or read_utf32(data)
        if reading is None:
            raise binary_input(where)
        return reading

    # 3. strict UTF-8
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass

    # 4. Chinese legacy encodings, scored
    candidates = []  # (score, order, Decoded)
    gb_frequent, big5_frequent = frequent_gb(), frequent_big5()
    for order, (codec, frequent) in enumerate(
        (("gb18030", gb_frequent), ("big5", big5_frequent))
    ):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((chinese_score(text, frequent, COMMON_SET), -order, Decoded(text, codec)))
    if len(data) % 2 == 0:
        for order, codec in enumerate(("utf-16-le", "utf-16-be"), start=2):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            score = chinese_score(text, frequent_any(), COMMON_SET)
            candidates.append((score, -order, Decoded(text, codec)))
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    if candidates and candidates[0][0] >= PLAUSIBLE:
        return candidates[0][2]

    # 5. damaged UTF-8 (a character cut in two, a stray byte)
    text, errors = decode_counting(data, "utf-8")
    multibyte = len(text) - len(text.encode("ascii", errors="ignore")) - errors
    if multibyte >= 20 * errors and errors <= MAX_ERROR_SHARE * len(text):
        return Decoded(text, "utf-8")

    # 5b. lines in UTF-8 and lines in GB18030, pieced together
    mixed = read_mixed(data)
    if mixed is not None:
        return mixed

    # 6. not Chinese: Western European text, else ask charset-normalizer
    #    about single-byte encodings
    guess = read_single_byte(data)
    if guess is not None:
        return guess

    # 7. damaged GB18030 / Big5
    damaged = []
    for order, (codec, frequent) in enumerate(
        (("gb18030", gb_frequent), ("big5", big5_frequent))
    ):
        text, errors = decode_counting(data, codec)
        if errors <= MAX_ERROR_SHARE * len(text):
            score = chinese_score(text, frequent, COMMON_SET)
            damaged.append((score, -order, Decoded(text, codec)))
    damaged.sort(key=lambda c: (c[0], c[1]), reverse=True)
    if damaged and damaged[0][0] >= PLAUSIBLE:
        return damaged[0][2]

    # 8. a strict but implausible Chinese reading beats calling text binary,
    #    as long as it is not mostly characters no report contains
    if candidates and candidates[0][0] > 0:
        return candidates[0][2]
    raise binary_input(where)
