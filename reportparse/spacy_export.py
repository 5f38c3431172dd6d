"""Export reports to a spaCy DocBin: one Doc per report, segmented by jieba with the domain terms as
its user dictionary, the mentions as span groups and the headings as `heading` spans.

Mention offsets are characters; a span that does not fall on token boundaries is widened to the
tokens that cover it (alignment_mode="expand"), and those are counted so the caller can warn.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .extras import needs_extra
from .model import Report
from .paths import path_bytes, printable
from .rulebook import RuleBook, SynonymRule, ThemeRule

if TYPE_CHECKING:  # spaCy is the [spacy] extra, imported only when an export runs
    from spacy.language import Language
    from spacy.tokens import Doc, DocBin, Span

SPAN_GROUPS = {"quantities": "quantity", "meetings": "meeting", "documents": "document",
               "weaknesses": "weakness", "plans": "plan"}


@dataclass
class ExportCounts:
    docs: int = 0
    spans: int = 0
    expanded: int = 0


def blank_chinese(book: RuleBook) -> Language:
    with needs_extra("spacy", "the spaCy export (spacy, jieba)"):
        import jieba
        import spacy

    jieba.setLogLevel(60)
    terms = {w for r in book.of(ThemeRule) for w in r.words} | {w for r in book.of(SynonymRule) for w in r.words}
    for term in sorted(terms):
        jieba.add_word(term, freq=2000)  # spaCy's Chinese tokenizer segments with jieba's default dictionary
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})


def build_docbin(reports: Iterable[Report], book: RuleBook) -> tuple[DocBin, ExportCounts]:
    """One Doc per report, with the mentions and headings as span groups; the caller writes it."""
    nlp = blank_chinese(book)
    from spacy.tokens import DocBin

    counts = ExportCounts()
    bin_ = DocBin(store_user_data=True)
    for report in reports:
        nlp.max_length = max(nlp.max_length, len(report.text) + 1)  # reports are read whole, not in pieces
        doc = nlp(report.text)
        for kind, group in SPAN_GROUPS.items():
            doc.spans[group] = [s for m in getattr(report, kind) if (s := _span(doc, m.start, m.end, group, counts))]
        titles = [(n.title_start, n.title_end) for n in report.walk() if n.kind == "section"]
        doc.spans["heading"] = [s for start, end in titles if start is not None and end is not None and end > start
                                and (s := _span(doc, start, end, "heading", counts))]
        source = report.source.path
        doc.user_data["source"] = printable(source) if source else source  # msgpack writes strings as UTF-8
        if source and (encoded := path_bytes(source)):
            doc.user_data["source_path_bytes"] = encoded  # the name's bytes, as in the JSON's source.path_bytes
        bin_.add(doc)
        counts.docs += 1
    return bin_, counts


def export_docbin(reports: Iterable[Report], path: str | Path, book: RuleBook) -> ExportCounts:
    """Build the DocBin and write it to ``path``."""
    docbin, counts = build_docbin(reports, book)
    docbin.to_disk(path)
    return counts


def _span(doc: Doc, start: int, end: int, label: str, counts: ExportCounts) -> Span | None:
    span = doc.char_span(start, end, label=label)
    if span is None:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        counts.expanded += span is not None
    counts.spans += span is not None
    return span
