"""Options shared by the commands, declared once."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer


class Format(str, Enum):
    rich = "rich"
    json = "json"
    outline = "outline"


RulesOption = Annotated[
    Optional[Path],
    typer.Option("--rules", "-r", help="A folder of rule files laid over the shipped ones.", show_default=False),
]
FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help="rich: a readable view; json: one JSON document on stdout; outline: plain text, one node a line."),
]
class TableFormat(str, Enum):
    rich = "rich"
    json = "json"
    csv = "csv"


TableFormatOption = Annotated[
    TableFormat,
    typer.Option("--format", "-f", help="rich: a table per kind; json: the lists on stdout; csv: one row a mention."),
]
class CompareFormat(str, Enum):
    rich = "rich"
    json = "json"
    csv = "csv"
    html = "html"


CompareFormatOption = Annotated[
    CompareFormat,
    typer.Option("--format", "-f", help="rich: a thread × year table; json; csv: one row a member; html: one page."),
]
OnlyOption = Annotated[
    Optional[str],
    typer.Option("--only", help="Kinds to extract, comma-separated: quantities,meetings,documents,weaknesses,plans."),
]
ReportArgument = Annotated[str, typer.Argument(help="A report file, or - for standard input.", show_default=False)]
