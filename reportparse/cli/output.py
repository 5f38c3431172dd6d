"""The one place the CLI writes: data to stdout, everything else (warnings, errors) to stderr."""

from __future__ import annotations

import json
import sys
from typing import Any, Callable

from rich.console import Console

from ..export import to_csv_rows


class Sink:
    def __init__(self) -> None:
        self.out = Console(soft_wrap=True)
        self.err = Console(stderr=True, soft_wrap=True)

    def json(self, document: Any) -> None:
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
        sys.stdout.flush()

    def text(self, text: str) -> None:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()

    def show(self, renderable: Any) -> None:
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

    def warn(self, message: str) -> None:
        # the message may hold a path with [brackets]: only the prefix is markup
        self.err.print("[yellow]warning:[/yellow] ", end="", highlight=False, markup=True)
        self.err.print(message, highlight=False, markup=False)

    def note(self, message: str) -> None:
        self.err.print(message, highlight=False, markup=False)

    def error(self, message: str) -> None:
        # markup off: a message can quote a rule pattern with [brackets]
        self.err.print(f"reportparse: error: {message}", highlight=False, markup=False)
