"""File names in any encoding, in JSON and on screen.

A name the OS gives that is not UTF-8 (a GBK name from a zip made on Windows, ``\\xca\\xf6\\xd6\\xb0.txt``)
reaches Python as a str with lone surrogates (PEP 383), which no UTF-8 output can hold. Such a name is
written as two fields: ``path``, the name with each undecodable byte shown as U+FFFD (for reading), and
``path_bytes``, the name's bytes in base64 (to open the file again: ``base64.b64decode(path_bytes)``).
A name that is valid UTF-8 is written as it is, with no ``path_bytes``.
"""

from __future__ import annotations

import base64
import os
import re

_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with lone surrogates (undecodable bytes of a file name) shown as U+FFFD, so that it can be
    written as UTF-8.

    >>> printable("\\udcca\\udcf6.txt"), printable("述职.txt")
    ('\\ufffd\\ufffd.txt', '述职.txt')
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def path_bytes(path: str) -> str | None:
    """The base64 of the name's bytes when the name is not valid UTF-8 text, else None.

    >>> path_bytes("\\udcca\\udcf6.txt"), path_bytes("述职.txt")
    ('yvYudHh0', None)
    """
    if not _SURROGATE.search(path):
        return None
    return base64.b64encode(os.fsencode(path)).decode("ascii")


def from_fields(path: str | None, encoded: str | None) -> str | None:
    """The name as the OS gives it, from a JSON source's ``path`` and ``path_bytes``.

    >>> from_fields("\\ufffd\\ufffd.txt", "yvYudHh0") == "\\udcca\\udcf6.txt"
    True
    """
    if encoded is None:
        return path
    return os.fsdecode(base64.b64decode(encoded))
