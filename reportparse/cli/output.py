"""The one place the CLI writes: data to stdout, everything else (warnings, errors) to stderr."""

from __future__ import annotations

import json
import sys
from typing import Any

from rich.console import Console


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

    def warn(self, message: str) -> None:
        self.err.print(f"[yellow]warning:[/yellow] {message}", highlight=False, markup=True)

    def error(self, message: str) -> None:
        # markup off: a message can quote a rule pattern with [brackets]
        self.err.print(f"reportparse: error: {message}", highlight=False, markup=False)
