"""Options shared by the commands, declared once."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer


class Format(str, Enum):
    rich = "rich"
    json = "json"
    outline = "outline"


class TableFormat(str, Enum):
    rich = "rich"
    json = "json"
    csv = "csv"


class CompareFormat(str, Enum):
    rich = "rich"
    json = "json"
    csv = "csv"
    html = "html"


def _format_option(formats: type[Enum], help_text: str) -> Any:
    return Annotated[formats, typer.Option("--format", "-f", help=help_text)]


FormatOption = _format_option(Format, "rich: a readable view; json: one JSON document on stdout; "
                                      "outline: plain text, one node a line.")
TableFormatOption = _format_option(TableFormat, "rich: a table per kind; json: the lists on stdout; "
                                                "csv: one row a mention.")
CompareFormatOption = _format_option(CompareFormat, "rich: a thread × year table; json; csv: one row a member; "
                                                    "html: one self-contained page.")
RulesOption = Annotated[
    Optional[Path],
    typer.Option("--rules", "-r", help="A folder of rule files laid over the shipped ones.", show_default=False),
]
OnlyOption = Annotated[
    Optional[str],
    typer.Option("--only", help="Kinds to extract, comma-separated: quantities,meetings,documents,weaknesses,plans."),
]
ReportArgument = Annotated[str, typer.Argument(help="A report file, or - for standard input.", show_default=False)]
ReportsArgument = Annotated[list[str], typer.Argument(help="Report files, or folders of them.", show_default=False)]
YearOption = Annotated[
    Optional[list[str]], typer.Option("--year", help="FILE=YEAR: a report's year, overriding its text (repeatable).")
]


class OcrChoice(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


OcrOption = Annotated[
    OcrChoice,
    typer.Option("--ocr", help="auto: OCR reads images and PDF pages with no text layer; always: every page; "
                               "never: none. OCR needs the [ocr] extra."),
]
