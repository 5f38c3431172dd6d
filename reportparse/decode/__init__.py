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
import stat
import sys
from typing import BinaryIO

from ..budgets import refusal
from .detect import decode
from .errors import (
    BinaryInput,
    DecodeError,
    DirectoryInput,
    EmptyInput,
    MissingInput,
    SpecialInput,
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
    "SpecialInput",
]

# What a path that is neither a file nor a folder is, for the refusal.
_SPECIAL_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
                  (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


# read_source lives here rather than in a module of its own so that its
# ``open`` is looked up in this package's namespace: the tests replace
# ``reportparse.decode.open`` to simulate permission and I/O errors, which a
# test run as root cannot otherwise produce.
def read_source(source: str | os.PathLike[str] | bytes, max_bytes: int | None = None) -> tuple[bytes, str | None]:
    """Bytes and path (None for bytes/stdin '-'). '-' reads sys.stdin.buffer.

    Only the string ``"-"`` means standard input; ``Path("-")`` is a file
    named ``-``. ``max_bytes`` (the ``input-max-bytes`` budget) refuses a
    larger file from its size, before reading, and never reads more than one
    byte past it (standard input, a file that grows). A FIFO, a device or a
    socket is refused before it is opened: reading one may block forever or
    never end (``/dev/zero``).

    >>> read_source(b"abc")
    (b'abc', None)
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), None
    if isinstance(source, str) and source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            raise UnreadableInput("cannot read standard input")
        return _bounded(stream, max_bytes, None), None

    path = os.fspath(source)
    try:
        _refuse_special(path, max_bytes)
        with open(path, "rb") as handle:
            return _bounded(handle, max_bytes, path), path
    except FileNotFoundError:
        if os.path.islink(path):
            raise MissingInput(f"broken symbolic link (it points to {os.readlink(path)}): {path}") from None
        raise MissingInput(f"no such file: {path}") from None
    except IsADirectoryError:
        raise DirectoryInput(f"is a directory: {path}") from None
    except PermissionError:
        if os.path.isdir(path):  # Windows reports directories this way
            raise DirectoryInput(f"is a directory: {path}") from None
        raise UnreadableInput(f"permission denied: {path}") from None
    except OSError as exc:
        raise UnreadableInput(f"cannot read {path}: {exc.strerror or exc}") from None


def _refuse_special(path: str, max_bytes: int | None) -> None:
    """Refuse, from the path's metadata alone, what must not be opened or is too large to read."""
    try:
        info = os.stat(path)
    except OSError:
        return  # missing, a link loop …: opening it names the problem
    for is_kind, kind in _SPECIAL_KINDS:
        if is_kind(info.st_mode):
            # reading one may block for ever (a FIFO no one writes) or never end (/dev/zero)
            raise SpecialInput(f"not a regular file but {kind} (for standard input, give -): {path}")
    if max_bytes is not None and stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
        raise refusal("input-max-bytes", max_bytes, f"the file is {info.st_size:,} bytes", path)


def _bounded(stream: BinaryIO, max_bytes: int | None, path: str | None) -> bytes:
    if max_bytes is None:
        return stream.read()
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise refusal("input-max-bytes", max_bytes, f"the input is over {max_bytes:,} bytes", path)
    return data
