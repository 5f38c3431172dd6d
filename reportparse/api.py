"""The one public entry point: ``parse`` (and ``parse_text`` for text already decoded)."""

from __future__ import annotations

import os
from typing import Iterable

from .formats.ocr import OCR_MODES, OcrMode, OcrOptions
from .model import Report
from .pipeline import Parser
from .rulebook import RuleBook, default_rules

__all__ = ["parse", "parse_reports", "parse_text", "default_rules", "OcrOptions"]


def parse(source: str | os.PathLike[str] | bytes, *, rules: RuleBook | None = None, path: str | None = None,
          extractors: bool = True, only: Iterable[str] | None = None,
          ocr: OcrOptions | OcrMode | None = None) -> Report:
    """Parse a report given as a path, ``-`` (stdin), raw bytes, or its text.

    Bytes are read by what they are: text in any common Chinese encoding, .docx, .pdf, or .doc/.wps
    (through LibreOffice); the text extracted is what offsets refer to.

    A ``str`` with a line break (``\\n``, ``\\r``, U+2028/U+2029) is the report's text; any other ``str``
    is a path.
    ``path`` names the source when bytes or text are given (it feeds the year fallback).
    ``only`` names the extractors to run (``["quantities"]``); ``extractors=False`` runs none.
    ``ocr`` is ``"auto"`` (OCR reads PDF pages with no text layer, and images), ``"always"``, ``"never"``,
    or ``OcrOptions`` with a per-page callback and a cache folder; OCR needs the ``[ocr]`` extra.
    """
    return Parser(rules).parse(source, path=path, extractors=extractors, only=only, ocr=_ocr_options(ocr))


def parse_reports(source: str | os.PathLike[str] | bytes, *, rules: RuleBook | None = None, path: str | None = None,
                  extractors: bool = True, only: Iterable[str] | None = None,
                  ocr: OcrOptions | OcrMode | None = None, split_long: bool = False) -> list[Report]:
    """Like ``parse``, but a file that holds several reports (a compilation) gives one Report each,
    with ``source.part`` saying where in the file it lies; a file with one report gives a list of one.
    ``split_long`` cuts a report over ``max-characters`` into parts too, instead of refusing it."""
    return Parser(rules).parse_reports(source, path=path, extractors=extractors, only=only, ocr=_ocr_options(ocr),
                                       split_long=split_long)


def _ocr_options(ocr: OcrOptions | OcrMode | None) -> OcrOptions | None:
    if ocr is None or isinstance(ocr, OcrOptions):
        return ocr
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {', '.join(OCR_MODES)}, got {ocr!r}")
    return OcrOptions(mode=ocr)


def parse_text(text: str, *, rules: RuleBook | None = None, path: str | None = None,
               encoding: str = "utf-8", sha256: str | None = None, extractors: bool = True,
               source_format: str = "txt", only: Iterable[str] | None = None) -> Report:
    """Parse text that is already decoded; ``extractors=False`` gives the tree alone."""
    return Parser(rules).parse_text(text, path=path, encoding=encoding, sha256=sha256, source_format=source_format,
                                    extractors=extractors, only=only)
