"""The parser: a rule book, a chain of stages and a chain of extractors.

    >>> from reportparse.pipeline import Parser
    >>> parser = Parser()
    >>> parser.stages.names()
    ['read', 'scan', 'profile', 'outline', 'items', 'tree', 'extract', 'restore']
    >>> report = parser.parse_text("一、概况\\n全年接待游客120万人次。\\n", only=["quantities"])
    >>> [q.text for q in report.quantities], report.meetings
    (['120万人次'], [])

A user adds an extractor from Python: a function of the parse state that returns mentions (objects
with ``start``, ``end``, ``path`` and ``to_dict()``); its list appears under its name in the output.
"""

from __future__ import annotations

import hashlib
import os
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Iterable, Sequence

from .. import budgets
from ..decode import EmptyInput, read_source
from ..extract import default_extractors, extraction_of
from ..compilation import ReportPart, split_reports
from ..formats import Extracted, OcrOptions, extract_text
from ..formats.ocr import PageInfo
from ..limits import LIMIT, check_size, part_spans
from ..model import Report, Source
from ..rulebook import RuleBook, default_rules
from ..rulebook.pattern import extend_pattern_budget, pattern_budget
from ..scan import heading_opener
from .state import ParseState
from .stages import default_stages


@dataclass(frozen=True)
class _Input:
    extracted: Extracted
    path: str | None
    sha256: str | None  # of the file's bytes (None for text given as a str: the text's own is used)


def warn_low_confidence(state: ParseState, pages: Sequence[PageInfo]) -> None:
    threshold = state.rules.setting("ocr-low-confidence")
    for page in pages:
        if page.ocr and page.confidence is not None and threshold.flagged(page.confidence):
            state.warn("low-confidence", f"page {page.page}: OCR read it with mean confidence "
                                         f"{page.confidence:.2f} (below {threshold.value}); check its text")


class Parser:
    def __init__(self, rules: RuleBook | None = None):
        self.rules = rules or default_rules()
        self.stages = default_stages()
        self.extractors = default_extractors()

    def parse(self, source: str | os.PathLike[str] | bytes, *, path: str | None = None,
              extractors: bool = True, only: Iterable[str] | None = None, ocr: OcrOptions | None = None) -> Report:
        """A report given as a path, ``-`` (stdin), raw bytes, or its text (a ``str`` with a line break).
        ``ocr`` says when OCR reads a page of a PDF or image (default: pages with no text layer)."""
        with self._pattern_budget():
            return self._parse_extracted(self._extract(source, path, ocr), extractors, only)

    def parse_reports(self, source: str | os.PathLike[str] | bytes, *, path: str | None = None,
                      extractors: bool = True, only: Iterable[str] | None = None,
                      ocr: OcrOptions | None = None, split_long: bool = False) -> list[Report]:
        """Every report a file holds (a compilation gives several, each with ``source.part``); one for most.
        ``split_long`` cuts a report over ``max-characters`` at line breaks into parts of its own (what
        ``batch`` does; ``parse`` refuses such a report)."""
        with self._pattern_budget():
            input = self._extract(source, path, ocr)
            parts = split_reports(input.extracted.text, self.rules)
            if split_long:
                parts = self._within_size(input.extracted.text, parts)
            if len(parts) == 1:
                return [self._parse_extracted(input, extractors, only)]
            return [self._parse_extracted(input, extractors, only, part) for part in parts]

    def _pattern_budget(self) -> AbstractContextManager[None]:
        """The time all rule patterns together may take on one file (a compilation's reports share it)."""
        return pattern_budget(self.rules.setting("pattern-seconds-per-file").number)

    def _within_size(self, text: str, parts: list[ReportPart]) -> list[ReportPart]:
        """The parts again, each one over ``max-characters`` cut at line breaks (numbered anew if any is)."""
        limit = self.rules.limit(LIMIT)
        spans = [(part.start + start, part.start + end) for part in parts
                 for start, end in part_spans(text[part.start:part.end], limit) or [(0, part.end - part.start)]]
        if len(spans) == len(parts):
            return parts
        return [ReportPart(number, len(spans), start, end) for number, (start, end) in enumerate(spans, 1)]

    def _extract(self, source: str | os.PathLike[str] | bytes, path: str | None,
                 ocr: OcrOptions | None) -> _Input:
        if isinstance(source, str) and any(brk in source for brk in "\n\r\u2028\u2029"):
            budgets.check(self.rules, "text-max-characters", len(source), f"the text has {len(source):,} characters",
                          path)
            return _Input(Extracted(source, "txt", "utf-8"), path, None)
        data, found = read_source(source, budgets.limit(self.rules, "input-max-bytes"))
        path = path or found
        sha256 = hashlib.sha256(data).hexdigest()
        extracted = extract_text(data, path, heading_opener(self.rules), ocr=ocr, sha256=sha256, rules=self.rules)
        # checked before the parse: the reading itself is bounded by the byte and inflation budgets
        budgets.check(self.rules, "text-max-characters", len(extracted.text),
                      f"the text read has {len(extracted.text):,} characters", path)
        if not extracted.text.strip():
            raise EmptyInput(f"empty input (blank lines only){': ' + str(path) if path else ''}", "empty")
        return _Input(extracted, path, sha256)

    def _parse_extracted(self, input: _Input, extractors: bool, only: Iterable[str] | None,
                         part: ReportPart | None = None) -> Report:
        extracted = input.extracted
        text = extracted.text[part.start:part.end] if part else extracted.text
        return self.parse_text(text, path=input.path, encoding=extracted.encoding or "utf-8", sha256=input.sha256,
                               source_format=extracted.format, extractors=extractors, only=only,
                               pages=extracted.pages, part=part)

    def parse_text(self, text: str, *, path: str | None = None, encoding: str = "utf-8", sha256: str | None = None,
                   source_format: str = "txt", extractors: bool = True, only: Iterable[str] | None = None,
                   pages: Sequence[PageInfo] = (), part: ReportPart | None = None) -> Report:
        """Text that is already decoded; ``extractors=False`` gives the tree alone, ``only`` names the
        extractors to run (the others' lists stay empty). ``pages`` are the pages OCR read (each gets a
        ``low-confidence`` warning below the rules' threshold); ``part`` places a compilation's report."""
        check_size(text, self.rules, path)
        state = ParseState(text, self.rules, path=path)
        warn_low_confidence(state, pages)
        if extractors:
            state.extractors = self.extractors
            state.only = self._checked(only)
        with self._pattern_budget():
            extend_pattern_budget(self.rules.setting("pattern-seconds-per-million-characters").number
                                  * len(text) / 1_000_000)
            for _, stage in self.stages:
                stage(state)
        source = Source(str(path) if path else None, encoding,
                        sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(), source_format,
                        tuple(p.to_dict() for p in pages), part.to_dict() if part else None)
        facts = state.profile
        return Report(state.text, source, state.sections, state.warnings, genre=facts.genre if facts else None,
                      title=facts.title if facts else None, year=facts.year if facts else None,
                      extraction=extraction_of(state))

    def _checked(self, only: Iterable[str] | None) -> frozenset[str] | None:
        if only is None:
            return None
        names = frozenset(only)
        unknown = sorted(names - set(self.extractors.names()))
        if unknown:
            raise ValueError(f"unknown extractor {unknown[0]!r} (known: {', '.join(self.extractors.names())})")
        return names
