"""``reportparse schema KIND``: the JSON Schema of one kind of document, on stdout."""

from __future__ import annotations

from typing import Annotated

import typer

from ..schemas import KINDS, schema_text
from . import app, sink


@app.command("schema")
def schema_command(
    kind: Annotated[str, typer.Argument(help=f"The kind of document: {', '.join(KINDS)}.", metavar="KIND",
                                        show_default=False)],
) -> None:
    """Print the JSON Schema (draft 2020-12) of one kind of document.

    batch-record is a line of batch --out for an input that parsed; error, a line for one that did not.
    Example: reportparse schema parse > parse.schema.json
    """
    if kind not in KINDS:
        raise typer.BadParameter(f"unknown kind {kind!r} (known: {', '.join(KINDS)})", param_hint="KIND")
    sink.text(schema_text(kind).rstrip("\n"))
