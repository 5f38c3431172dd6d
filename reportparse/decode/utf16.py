"""UTF-16 without a BOM: telling it from binary data by its NUL bytes."""

from __future__ import annotations

from collections import Counter

from .cjk import COMMON_SET, chinese_score, frequent_any
from .reading import MAX_ERROR_SHARE, SAMPLE_CHARS, Decoded, decode_counting

#: Only this many bytes are inspected for the NUL pattern.
SAMPLE_BYTES = 64 * 1024

_BYTE_ORDERS = ("utf-16-le", "utf-16-be")


def read_utf16_without_bom(data: bytes) -> Decoded | None:
    """The better UTF-16 reading of ``data``, or None when it is not text.

    Both byte orders are tried; the one the NUL pattern points to wins a tie.
    """
    likely = _looks_utf16(data)
    if likely is None:
        return None
    readings = []
    for codec in _BYTE_ORDERS:
        reading = _try_utf16(data, codec)
        if reading is not None:
            readings.append((reading[0], codec == likely, reading[1]))
    if not readings:
        return None
    return max(readings, key=lambda r: (r[0], r[1]))[2]


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
    data = data[:SAMPLE_BYTES]
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


def _try_utf16(data: bytes, codec: str) -> tuple[float, Decoded] | None:
    """Score and result of reading ``data`` as UTF-16 if it looks like text."""
    text, errors = decode_counting(data, codec)
    if errors > MAX_ERROR_SHARE * max(len(text), 1):
        return None
    sample = text[:SAMPLE_CHARS]
    printable = sum(
        k for ch, k in Counter(sample).items() if ch.isprintable() or ch.isspace()
    )
    if printable < 0.95 * len(sample):
        return None
    score = chinese_score(sample, frequent_any(), COMMON_SET)
    if score <= 0:
        return None
    return score, Decoded(text, codec)
