"""The spaCy export: a DocBin that loads back with the mentions as span groups."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from spacy.tokens import DocBin  # noqa: E402

from reportparse import parse  # noqa: E402
from reportparse.api import default_rules  # noqa: E402
from reportparse.spacy_export import SPAN_GROUPS, blank_chinese, export_docbin  # noqa: E402

from .conftest import OWN_CORPUS  # noqa: E402


def test_docbin_loads_back_with_the_mentions(tmp_path):
    reports = [parse(p) for p in sorted(OWN_CORPUS.glob("duty-linjiang-*.txt"))]
    out = tmp_path / "reports.spacy"
    counts = export_docbin(reports, out, default_rules())
    docs = list(DocBin().from_disk(out).get_docs(blank_chinese(default_rules()).vocab))
    assert len(docs) == counts.docs == 3
    widened = 0
    for report, doc in zip(reports, docs):
        assert doc.text == report.text
        for kind, group in SPAN_GROUPS.items():
            mentions = getattr(report, kind)
            spans = list(doc.spans[group])
            assert len(spans) == len(mentions)
            for mention, span in zip(mentions, spans):
                surface = report.text[mention.start:mention.end]
                if span.text != surface:  # widened to the tokens around it
                    assert surface in span.text
                    widened += 1
        assert len(doc.spans["heading"]) == sum(1 for n in report.walk() if n.kind == "section" and n.title)
    assert widened <= counts.expanded
