"""The one place the CLI writes: data to stdout (or to a file, ``-`` meaning stdout), everything else
(warnings, notes, errors, progress) to stderr.

Two conventions live here:

* A reader that goes away (``reportparse parse X -f json | head -1``) ends the command quietly with exit 0:
  every write to stdout turns a broken pipe into :class:`OutputClosed`, which :func:`reportparse.cli.main`
  handles.
* Output is UTF-8 where the stream cannot hold Chinese. JSON and CSV are UTF-8 by definition and a pipe or
  a file has no screen to garble, so a non-terminal stdout whose encoding cannot write Chinese (``LANG=C``
  on an old Python, ``PYTHONIOENCODING=ascii``) is switched to UTF-8. A terminal that says it cannot show
  Chinese is taken at its word: a one-line error (exit 1) rather than bytes it would print as garbage.
  stderr keeps its encoding and escapes what it cannot write (``\\u4e2d``), so a message is never lost.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, BinaryIO, Callable, TextIO

from rich.console import Console, RenderableType

from ..errors import ReportParseError
from ..export import to_csv_rows
from ..paths import printable

STDOUT = "-"  # as an output path: write to standard output


class OutputClosed(Exception):
    """stdout's reader went away; the user has what they wanted. Not an OSError, so that Click (which exits
    1 on a broken pipe) lets it through to ``main``."""


class OutputEncodingError(ReportParseError):
    """The terminal's encoding cannot show Chinese text."""


class _Console(Console):
    def on_broken_pipe(self) -> None:  # Rich's own handling exits 1
        self.quiet = True
        raise OutputClosed


def is_stdout(path: Path) -> bool:
    return str(path) == STDOUT


def writes_chinese(stream: TextIO) -> bool:
    """Whether text written to ``stream`` can hold Chinese (its encoding is a Unicode one, GB18030, Big5 …)."""
    try:
        "中文".encode(getattr(stream, "encoding", None) or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        return False


def prepare_streams() -> None:
    """UTF-8 on a stdout that is not a terminal and cannot hold Chinese; escapes on such a stderr."""
    if not writes_chinese(sys.stdout) and not _is_terminal(sys.stdout) and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    if not writes_chinese(sys.stderr) and hasattr(sys.stderr, "reconfigure"):
        sys.stderr.reconfigure(errors="backslashreplace")


class Sink:
    def __init__(self) -> None:
        self.out = _Console(soft_wrap=True)
        self.err = Console(stderr=True, soft_wrap=True)

    # -- data, to stdout ----------------------------------------------------------------------------

    def json(self, document: Any) -> None:
        self.text(json.dumps(document, ensure_ascii=False, indent=2))

    def text(self, text: str) -> None:
        """``text`` on stdout, always valid UTF-8 there: an undecodable file name in it shows U+FFFD."""
        stream = self._text_stdout()
        try:
            stream.write(printable(text) + "\n")
            stream.flush()
        except BrokenPipeError:
            raise OutputClosed from None

    def show(self, renderable: RenderableType) -> None:
        self._text_stdout()
        self.out.print(renderable)

    def emit(self, fmt: str, document: Any, *, view: Callable[[Any], Any],
             rows: Callable[[Any], tuple[list, tuple[str, ...]]] | None = None,
             page: Callable[[Any], str] | None = None) -> None:
        """A command's result in the format asked for: json, csv (``rows``), html (``page``), or the Rich ``view``."""
        if fmt == "json":
            self.json(document)
        elif fmt == "csv" and rows is not None:
            self.text(to_csv_rows(*rows(document)).rstrip("\n"))
        elif fmt == "html" and page is not None:
            self.text(page(document))
        else:
            self.show(view(document))

    def write_text(self, path: Path, text: str) -> None:
        """``text`` to the file at ``path``, or to stdout for ``-``."""
        if is_stdout(path):
            self.text(text.rstrip("\n"))
            return
        try:
            path.write_text(printable(text), encoding="utf-8")
        except BrokenPipeError:  # a path that is a pipe: /dev/stdout, a named pipe
            raise OutputClosed from None

    def write_bytes(self, path: Path, data: bytes) -> None:
        """``data`` to the file at ``path``, or to stdout for ``-``."""
        if not is_stdout(path):
            try:
                path.write_bytes(data)
            except BrokenPipeError:  # a path that is a pipe: /dev/stdout, a named pipe
                raise OutputClosed from None
            return
        stream = self._binary_stdout()
        try:
            stream.write(data)
            stream.flush()
        except BrokenPipeError:
            raise OutputClosed from None

    def refuse_binary_on_terminal(self, path: Path) -> None:
        """Fail before any work when binary output would go to a terminal (``-`` with stdout not redirected)."""
        if is_stdout(path) and self.stdout_is_terminal():
            raise ReportParseError("binary output is not written to a terminal: redirect it (> FILE) or give a path")

    def stdout_is_terminal(self) -> bool:
        return _is_terminal(sys.stdout)

    # -- everything else, to stderr -----------------------------------------------------------------

    def warn(self, message: str) -> None:
        # the message may hold a path with [brackets]: only the prefix is markup
        self.err.print("[yellow]warning:[/yellow] ", end="", highlight=False, markup=True)
        self.err.print(printable(message), highlight=False, markup=False)

    def note(self, message: RenderableType) -> None:
        self.err.print(printable(message) if isinstance(message, str) else message, highlight=False, markup=False)

    def error(self, message: str) -> None:
        # markup off: a message can quote a rule pattern with [brackets]
        self.err.print(f"reportparse: error: {printable(message)}", highlight=False, markup=False)

    # -- stdout itself ------------------------------------------------------------------------------

    def _text_stdout(self) -> TextIO:
        if not writes_chinese(sys.stdout):  # prepare_streams() left it so: a terminal
            encoding = getattr(sys.stdout, "encoding", None) or "unknown"
            raise OutputEncodingError(f"this terminal's encoding ({encoding}) cannot show Chinese: use a UTF-8 "
                                      "locale (LANG=C.UTF-8) or PYTHONIOENCODING=utf-8, or redirect the output")
        return sys.stdout

    @staticmethod
    def _binary_stdout() -> BinaryIO:
        sys.stdout.flush()  # text written before stays before
        return sys.stdout.buffer
