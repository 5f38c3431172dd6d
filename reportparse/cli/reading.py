"""How the commands read report files: OCR as ``--ocr`` says, with each OCR'd page told on stderr."""

from __future__ import annotations

from typing import Iterable, Iterator

from ..api import parse, parse_reports
from ..formats.ocr import OcrOptions
from ..model import Report
from ..rulebook import RuleBook
from .inputs import expand_paths
from .options import OcrChoice
from .output import Sink

PROGRESS_FROM_PAGES = 2  # a single page needs no progress line


def ocr_options(choice: OcrChoice, sink: Sink, source: str) -> OcrOptions:
    def on_page(number: int, count: int) -> None:
        if count >= PROGRESS_FROM_PAGES:
            sink.note(f"{source}: page {number} of {count}")

    return OcrOptions(mode=choice.value, on_page=on_page)


def read_report(source: str, choice: OcrChoice, sink: Sink, rules: RuleBook | None = None,
                only: Iterable[str] | None = None) -> Report:
    """One report from a file (a compilation's reports read as one)."""
    return parse(source, rules=rules, only=only, ocr=ocr_options(choice, sink, source))


def read_reports(source: str, choice: OcrChoice, sink: Sink, rules: RuleBook | None = None) -> list[Report]:
    """Every report a file holds: one, or a compilation's several."""
    return parse_reports(source, rules=rules, ocr=ocr_options(choice, sink, source))


def all_reports(arguments: list[str], choice: OcrChoice, sink: Sink, rules: RuleBook | None = None) -> Iterator[Report]:
    """Every report of every file the arguments name (files, folders, globs), one at a time."""
    for path in expand_paths(arguments):
        yield from read_reports(path, choice, sink, rules)
