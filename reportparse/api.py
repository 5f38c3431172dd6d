"""The one public entry point: ``parse``."""

from __future__ import annotations

import hashlib
import os

from .decode import EmptyInput, read_source
from .extract import extract
from .formats import extract_text
from .inline import fill_region
from .model import Report, Source, Warning
from .profile import assign_roles, profile
from .reading import normalised_warnings, read
from .reading.restore import to_original
from .rulebook import RuleBook, load_rules
from .scan import scan
from .text import fold, split_lines
from .tree import build_tree

_default_rules: RuleBook | None = None


def default_rules() -> RuleBook:
    global _default_rules
    if _default_rules is None:
        _default_rules = load_rules()
    return _default_rules


def parse(source: str | os.PathLike | bytes, *, rules: RuleBook | None = None, path: str | None = None,
          extractors: bool = True) -> Report:
    """Parse a report given as a path, ``-`` (stdin), raw bytes, or its text.

    Bytes are read by what they are: text in any common Chinese encoding, .docx, .pdf, or .doc/.wps
    (through LibreOffice); the text extracted is what offsets refer to.

    A ``str`` with a line break (``\n``, ``\r``, U+2028/U+2029) is the report's text; any other ``str``
    is a path.
    ``path`` names the source when bytes or text are given (it feeds the year fallback).
    """
    if isinstance(source, str) and any(brk in source for brk in "\n\r\u2028\u2029"):
        data, encoding, text, fmt = None, "utf-8", source, "txt"
    else:
        data, found = read_source(source)
        path = path or found
        extracted = extract_text(data, path)
        text, encoding, fmt = extracted.text, extracted.encoding or "utf-8", extracted.format
        if not text.strip():
            raise EmptyInput(f"empty input (blank lines only){': ' + str(path) if path else ''}", "empty")
    raw = data if data is not None else text.encode("utf-8")
    return parse_text(text, rules=rules, path=path, encoding=encoding, sha256=hashlib.sha256(raw).hexdigest(),
                      extractors=extractors, source_format=fmt)


def parse_text(text: str, *, rules: RuleBook | None = None, path: str | None = None,
               encoding: str = "utf-8", sha256: str | None = None, extractors: bool = True,
               source_format: str = "txt") -> Report:
    """Parse text that is already decoded; ``extractors=False`` gives the tree alone."""
    rules = rules or default_rules()
    sha = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    reading = read(text, rules)  # every stage reads the reading form; to_original maps the report back
    text = reading.text
    folded = fold(text)
    warnings: list[Warning] = normalised_warnings(reading)
    blocks = scan(text, folded, split_lines(text), rules)
    top, regions = build_tree(text, blocks, rules, warnings)
    for region in regions:
        fill_region(text, folded, region, rules["enumeration"])
    for node in (n for t in top for n in t.walk()):
        if node.kind == "section" and node.title_start is not None:
            node.title = text[node.title_start:node.title_end] or None
    assign_roles(top, rules["role"])
    facts = profile(text, folded, blocks, rules, path)
    extraction = extract(text, folded, top, facts.genre, rules, warnings) if extractors else None
    source = Source(str(path) if path else None, encoding, sha, source_format)
    return to_original(Report(text, source, top, warnings, genre=facts.genre, title=facts.title, year=facts.year,
                              extraction=extraction), reading)
