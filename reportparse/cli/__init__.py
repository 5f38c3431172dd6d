"""The ``reportparse`` command: each command loads, calls the library, renders."""

from __future__ import annotations

import os
import sqlite3
import sys

import typer

from ..errors import ReportParseError
from .output import OutputClosed, Sink, prepare_streams

app = typer.Typer(no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn Chinese work reports into structured data.")
rules_app = typer.Typer(no_args_is_help=True, help="Inspect and check rule files.",
                        epilog="Example: reportparse rules check my-rules/")
app.add_typer(rules_app, name="rules")
sink = Sink()

from . import commands  # noqa: E402,F401  (registers the commands on the apps above)
from . import schema  # noqa: E402,F401  (registers `reportparse schema`)

# Exit codes: 0 ok; 1 bad input or rules; 2 usage (Typer); 3 internal error (a bug: please report).
EXIT_INTERNAL = 3


def main() -> None:
    """Typer handles usage errors itself (exit 2); a library error becomes one line on stderr."""
    prepare_streams()
    try:
        app()
    except ReportParseError as exc:
        sink.error(str(exc))
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(130)
    except (OutputClosed, BrokenPipeError):
        _discard_stdout()
        sys.exit(0)
    except OSError as exc:  # an output path that cannot be written: the user's to fix
        where = f": {exc.filename}" if exc.filename else ""
        sink.error(f"cannot write{where}: {exc.strerror or exc}")
        sys.exit(1)
    except sqlite3.Error as exc:
        sink.error(f"database: {exc}")
        sys.exit(1)
    except Exception as exc:  # noqa: BLE001 - the user gets one line, not a traceback
        sink.error(f"internal error: {type(exc).__name__}: {exc}")
        sys.exit(EXIT_INTERNAL)


def _discard_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush of what is still buffered does not fail
    again on the closed pipe and print 'Exception ignored'."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
