"""The parse as a chain of named stages: order, extractors by name, a user's own extractor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from reportparse import parse
from reportparse.pipeline import Parser, ParseState

TEXT = "一、概况\n召开县委常委会12次，印发《关于加强管理的意见》。\n二、存在的问题\n一是学习不深入；二是调研不扎实。\n"


def test_stages_run_in_the_documented_order():
    assert Parser().stages.names() == ["read", "scan", "profile", "outline", "items", "tree", "extract", "restore"]


def test_only_runs_the_extractors_asked_for(monkeypatch):
    ran: list[str] = []
    parser = Parser()
    for name, fn in list(parser.extractors):
        parser.extractors.replace(name, lambda state, fn=fn, name=name: ran.append(name) or fn(state))
    report = parser.parse_text(TEXT, only=["quantities"])
    assert ran == ["quantities"]
    assert [q.text for q in report.quantities] == ["12次"] and report.meetings == [] and report.weaknesses == []


def test_meetings_alone_still_leave_document_titles_out():
    report = parse("印发《关于召开全县经济工作会议的通知》，召开全县经济工作会议。\n", only=["meetings"])
    assert [m.name for m in report.meetings] == ["全县经济工作会议"]
    assert report.documents == []


def test_an_unknown_extractor_name_is_refused():
    with pytest.raises(ValueError, match="unknown extractor 'dates'"):
        parse(TEXT, only=["dates"])


@dataclass
class Hashtag:
    text: str
    start: int
    end: int
    path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "path": self.path}


def test_a_user_adds_an_extractor_from_python():
    def hashtags(state: ParseState) -> list[Hashtag]:
        at = state.text.find("县委常委会")
        return [Hashtag(state.text[at:at + 5], at, at + 5)]

    parser = Parser()
    parser.extractors.push("bodies", hashtags)
    report = parser.parse_text(TEXT)
    found = report.to_dict()["bodies"]
    assert found == [{"text": "县委常委会", "start": 7, "end": 12, "path": "一、"}]
    assert TEXT[found[0]["start"]:found[0]["end"]] == found[0]["text"]


def test_a_stage_can_be_switched_off_and_warnings_are_collected_on_the_state():
    parser = Parser()
    parser.stages.disable("extract")
    report = parser.parse_text(TEXT)
    assert report.quantities == [] and report.sections[0].title == "概况"
    warned = Parser().parse_text("一、甲\n三、乙\n")
    assert [w.code for w in warned.warnings][:1] == ["numbering-gap"]


def test_nodes_come_out_complete():
    report = parse(TEXT)
    section = report.sections[1]
    assert (section.title, section.role) == ("存在的问题", "weaknesses")
    assert [c.kind for c in section.children] == ["item", "item"]
    assert all(n.end > n.start for n in report.walk())
