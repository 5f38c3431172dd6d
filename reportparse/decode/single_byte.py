"""Input with no plausible Chinese reading: single-byte encodings."""

from __future__ import annotations

import codecs
import re
from collections import Counter

from ..punctuation import LATIN_TYPOGRAPHY
from .reading import SAMPLE_CHARS, Decoded

# Encodings charset-normalizer may suggest that we never take from it: the
# CJK multi-byte ones were judged before we got here, by a better test for
# this input.
_NOT_FROM_NORMALIZER = re.compile(
    r"(cp949|euc[-_]?kr|johab|ks_?c|shift[-_]?jis|cp932|euc[-_]?j|iso2022|"
    r"hz|gb|big5|cp950|utf)",
    re.IGNORECASE,
)

_LATIN_TYPOGRAPHY = frozenset(LATIN_TYPOGRAPHY)


def read_single_byte(data: bytes) -> Decoded | None:
    """Western European cp1252 text, else charset-normalizer's single-byte guess."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if _looks_latin(text):
            return Decoded(text, "cp1252")
    return _normalizer_guess(data)


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
    for ch, k in Counter(text[:SAMPLE_CHARS]).items():
        if ch < "\x80":
            if ch.isalpha():
                letters += k
        elif "\u00c0" <= ch <= "\u017f" and ch.isalpha():
            letters += k
            accented += k
        elif ch not in _LATIN_TYPOGRAPHY:
            return False
    return accented <= 0.5 * letters


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
