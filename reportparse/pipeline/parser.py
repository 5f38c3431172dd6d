"""The parser: a rule book, a chain of stages and a chain of extractors.

    >>> from reportparse.pipeline import Parser
    >>> parser = Parser()
    >>> parser.stages.names()
    ['read', 'scan', 'outline', 'items', 'tree', 'profile', 'extract']
    >>> report = parser.parse_text("一、概况\\n全年接待游客120万人次。\\n", only=["quantities"])
    >>> [q.text for q in report.quantities], report.meetings
    (['120万人次'], [])

A user adds an extractor from Python: a function of the parse state that returns mentions (objects
with ``start``, ``end``, ``path`` and ``to_dict()``); its list appears under its name in the output.
"""

from __future__ import annotations

import hashlib
import os
from typing import Iterable

from ..decode import EmptyInput, read_source
from ..extract import default_extractors, extraction_of
from ..formats import extract_text
from ..limits import check_size
from ..model import Report, Source
from ..rulebook import RuleBook, default_rules
from ..scan import heading_opener
from .state import ParseState
from .stages import default_stages


class Parser:
    def __init__(self, rules: RuleBook | None = None):
        self.rules = rules or default_rules()
        self.stages = default_stages()
        self.extractors = default_extractors()

    def parse(self, source: str | os.PathLike[str] | bytes, *, path: str | None = None,
              extractors: bool = True, only: Iterable[str] | None = None) -> Report:
        """A report given as a path, ``-`` (stdin), raw bytes, or its text (a ``str`` with a line break)."""
        if isinstance(source, str) and any(brk in source for brk in "\n\r\u2028\u2029"):
            return self.parse_text(source, path=path, extractors=extractors, only=only)
        data, found = read_source(source)
        path = path or found
        extracted = extract_text(data, path, heading_opener(self.rules))
        if not extracted.text.strip():
            raise EmptyInput(f"empty input (blank lines only){': ' + str(path) if path else ''}", "empty")
        return self.parse_text(extracted.text, path=path, encoding=extracted.encoding or "utf-8",
                               sha256=hashlib.sha256(data).hexdigest(), source_format=extracted.format,
                               extractors=extractors, only=only)

    def parse_text(self, text: str, *, path: str | None = None, encoding: str = "utf-8", sha256: str | None = None,
                   source_format: str = "txt", extractors: bool = True, only: Iterable[str] | None = None) -> Report:
        """Text that is already decoded; ``extractors=False`` gives the tree alone, ``only`` names the
        extractors to run (the others' lists stay empty)."""
        check_size(text, self.rules, path)
        state = ParseState(text, self.rules, path=path)
        if extractors:
            state.extractors = self.extractors
            state.only = self._checked(only)
        for _, stage in self.stages:
            stage(state)
        source = Source(str(path) if path else None, encoding,
                        sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(), source_format)
        facts = state.profile
        return Report(text, source, state.sections, state.warnings, genre=facts.genre if facts else None,
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
