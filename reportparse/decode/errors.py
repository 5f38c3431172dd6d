"""Why an input could not be read or decoded, as one line and a short code."""

from __future__ import annotations

from reportparse.errors import InputError


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


class SpecialInput(DecodeError):
    """A named pipe, a device or a socket: reading it may block or never end."""

    code = "special"


def naming_path(message: str, path: str | None) -> str:
    """``message``, followed by the path when there is one.

    >>> naming_path("empty input", "a.txt"), naming_path("empty input", None)
    ('empty input: a.txt', 'empty input')
    """
    return f"{message}: {path}" if path else message


def empty_input(path: str | None) -> EmptyInput:
    return EmptyInput(naming_path("empty input", path))


def binary_input(path: str | None) -> BinaryInput:
    return BinaryInput(naming_path("binary input, not a text report", path))
