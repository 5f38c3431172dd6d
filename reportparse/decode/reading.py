"""One codec's reading of a report's bytes, and the limits every reading meets."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Decoded:
    text: str
    """The decoded text, BOM removed, nothing else changed."""
    encoding: str
    """Canonical lowercase name: "utf-8", "utf-8-sig", "gb18030", "utf-16-le",
    "utf-16-be", "big5" (or a Python codec name for rare single-byte input)."""


#: Only this many characters of a candidate decoding are scored, so a large
#: file costs a few codec passes in C and one count of a sample.
SAMPLE_CHARS = 32 * 1024
#: More C0 control characters than this share of the text means binary.
MAX_CONTROL_SHARE = 0.02
#: Damaged input: at most this share of the characters may be U+FFFD.
MAX_ERROR_SHARE = 0.01

# Tab, LF, VT, FF and CR are left out: reports are full of them.
CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def control_share(text: str) -> float:
    """Share of C0 control characters other than tab, LF, VT, FF and CR.

    >>> control_share("a\\r\\nb")
    0.0
    >>> control_share("\\x01\\x02ab")
    0.5
    """
    sample = text[:SAMPLE_CHARS]
    if not sample:
        return 0.0
    return len(CONTROL_RE.findall(sample)) / len(sample)


def decode_counting(data: bytes, codec: str) -> tuple[str, int]:
    """Decode with U+FFFD for bad bytes; return the text and how many.

    >>> decode_counting("学".encode("utf-8")[:2] + b"ab", "utf-8")
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
