"""Every argument and option of the commands, declared once."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import __version__


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


# -- shared by several commands --------------------------------------------------------------------

# (written out as Annotated aliases, not made by a helper, so that mypy sees types)
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="rich: a readable view; json: one JSON "
                                              "document on stdout; outline: plain text, one node a line.")]
TableFormatOption = Annotated[TableFormat, typer.Option("--format", "-f", help="rich: a table per kind; json: the "
                                                        "lists on stdout; csv: one row a mention.")]
CompareFormatOption = Annotated[CompareFormat, typer.Option("--format", "-f", help="rich: a thread a row, its years "
                                                            "as spans and one mark per report; json; csv: one row a "
                                                            "member; html: one page.")]
ChainsFormatOption = Annotated[CompareFormat, typer.Option("--format", "-f", help="rich: a weakness a row; json; csv: "
                                                           "one row an answer; html: one page.")]
RulesOption = Annotated[
    Optional[Path],
    typer.Option("--rules", "-r", help="A folder of rule files laid over the shipped ones.", show_default=False),
]
ReportArgument = Annotated[str, typer.Argument(help="A report file, or - for standard input.", show_default=False)]
ReportsArgument = Annotated[list[str], typer.Argument(help="Report files, or folders of them.", show_default=False)]
YearOption = Annotated[
    Optional[list[str]], typer.Option("--year", help="FILE=YEAR: a report's year, overriding its text (repeatable).")
]

# -- one command each ------------------------------------------------------------------------------

def _show_version(asked: bool) -> None:
    """--version is answered while the options are parsed, before Click would ask for a command."""
    if asked:
        from . import sink  # the CLI's one sink; the package has made it before it imports the commands

        sink.text(f"reportparse {__version__}")
        raise typer.Exit()


VersionOption = Annotated[bool, typer.Option("--version", help="Print the version and exit.", is_eager=True,
                                             callback=_show_version)]
OnlyOption = Annotated[
    Optional[str],
    typer.Option("--only", help="Kinds to extract, comma-separated: quantities,meetings,documents,weaknesses,plans."),
]
# compare
AllowSameYearOption = Annotated[bool, typer.Option(help="Keep two reports of one year apart.")]
def _finite_share(value: float) -> float:
    if not 0.0 <= value <= 1.0:  # also refuses nan, which compares false with everything and would link nothing
        raise typer.BadParameter(f"{value} is not a number from 0 to 1")
    return value


ThresholdOption = Annotated[float, typer.Option(help="How alike two points must be to link, from 0 to 1.",
                                                callback=_finite_share)]
ExplainOption = Annotated[bool, typer.Option(help="Show the words each link shares and its score.")]
StrictOption = Annotated[bool, typer.Option(help="Fail when a report cannot be read (default: skip it).")]
SinceOption = Annotated[Optional[int], typer.Option(help="Only reports of this year and later.", show_default=False)]
UntilOption = Annotated[Optional[int], typer.Option(help="Only reports of this year and earlier.", show_default=False)]
# chains
AnswerThresholdOption = Annotated[Optional[float], typer.Option(
    "--threshold", help="How alike a plan point must be to a weakness to answer it (default: the "
    "chain-answer-link setting in rules/settings.toml).", show_default=False)]
# batch
BatchPathsArgument = Annotated[list[str], typer.Argument(help="Files, folders and globs of reports.",
                                                         show_default=False)]
OutOption = Annotated[Path, typer.Option("--out", "-o", help="The JSONL file: one line per input.")]
WorkersOption = Annotated[Optional[int], typer.Option(
    "--workers", "-w", min=1, help="Parallel processes (default: the number of cores; never more than the cores "
                                   "or the inputs unless --force-workers).")]
ForceWorkersOption = Annotated[bool, typer.Option("--force-workers", help="Start as many processes as --workers "
                                                                          "says, even beyond the cores or the inputs.")]
ResumeOption = Annotated[bool, typer.Option(help="Skip inputs whose sha256 already has a line in --out.")]
DatabaseOption = Annotated[Optional[Path], typer.Option(help="Also write a SQLite database of the results.")]
CsvFolderOption = Annotated[Optional[Path], typer.Option("--csv", help="Also write one CSV per table here.")]
TimeoutOption = Annotated[Optional[float], typer.Option(
    min=0.001, help="Seconds one input may take; a slower one becomes an error record and the run goes on.")]
CsvGuardOption = Annotated[bool, typer.Option(
    "--csv-guard/--no-csv-guard", help="Prefix ' to CSV cells that start with = + - @ so a spreadsheet does not run "
                                       "them as formulas (OWASP); --no-csv-guard for a pipeline that reads them back.")]
# show, export: "-" writes to stdout
HtmlOption = Annotated[Optional[Path], typer.Option(
    help="Write the page here (one self-contained file; - for stdout). Without it the page goes to stdout "
         "when that is not a terminal.")]
SpacyOption = Annotated[Path, typer.Option("--spacy", help="Write a spaCy DocBin here (- for stdout).")]
# panel
IndicatorOption = Annotated[Optional[list[str]], typer.Option(help="Only these indicators (repeatable).")]
PlotOption = Annotated[Optional[Path], typer.Option(help="Draw target bands and outcomes to this PNG.")]
# eval
GoldArgument = Annotated[list[Path], typer.Argument(
    help="Folders of gold files (see tests/gold/README.md); two or more are scored side by side (a dev half and a test half).")]
GoldRootOption = Annotated[Path, typer.Option(help="Where gold files' report paths start.")]
ShowMissesOption = Annotated[bool, typer.Option("--show", help="List every miss and spurious mention on stderr.")]
# rules check
RulesFolderArgument = Annotated[
    Optional[Path], typer.Argument(help="A folder of rule files; the shipped rules without it.")
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
OcrCacheOption = Annotated[Optional[Path], typer.Option(
    "--cache", help="Keep OCR'd pages here (default: OUT.ocr-cache beside --out).")]
