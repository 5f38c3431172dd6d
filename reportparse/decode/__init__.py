"""Read a report's bytes and decode them to text.

Chinese work reports arrive as UTF-8 (with or without a BOM), UTF-16 (Word's
"Unicode text"), GB18030/GBK (older Windows tools on the mainland) or Big5
(Taiwan, Hong Kong).  :func:`decode` finds which, and gives back the text with
only a leading BOM removed: line ends, U+3000 indents and full-width digits are
left exactly as they are.  :mod:`.detect` gives the order in which encodings
are tried, and :mod:`.cjk` how GB18030 and Big5 readings are told apart.
"""

from __future__ import annotations

import os
import sys

from .detect import decode
from .errors import (
    BinaryInput,
    DecodeError,
    DirectoryInput,
    EmptyInput,
    MissingInput,
    UnreadableInput,
)
from .reading import Decoded

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


# read_source lives here rather than in a module of its own so that its
# ``open`` is looked up in this package's namespace: the tests replace
# ``reportparse.decode.open`` to simulate permission and I/O errors, which a
# test run as root cannot otherwise produce.
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
