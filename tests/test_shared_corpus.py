"""Real reports in ../shared/corpus (skipped when a clone has no ../shared).

Expectations here are structural (markers, numbers, roles, counts), read off the reports by hand,
so that no text of the reports is copied into the project.
"""

from __future__ import annotations

import csv

import pytest

from reportparse import parse
from reportparse.contract import violations

from .conftest import SHARED_CORPUS, shared_reports, schema_valid


def _manifest() -> dict[str, dict[str, str]]:
    with open(SHARED_CORPUS / "manifest.csv", encoding="utf-8") as handle:
        return {row["path"]: row for row in csv.DictReader(handle)}


@pytest.mark.parametrize("path", shared_reports())
def test_every_real_report_parses_losslessly_with_its_genre_and_year(path):
    report = parse(path)
    assert violations(schema_valid(report.to_dict()), report.text) == []
    row = _manifest()[str(path.relative_to(SHARED_CORPUS))]
    assert (report.genre, str(report.year)) == (row["genre"], row["year"])


def top(report, kind="section"):
    return [n for n in report.sections if n.kind == kind]


def subsections(node):
    return [n for n in node.children if n.kind == "section"]


def items(node):
    return [n for n in node.children if n.kind == "item"]


def test_duty_report(shared_corpus):
    report = parse(shared_corpus / "duty" / "county-office-director-2021.txt")
    sections = top(report)
    assert [s.marker for s in sections] == ["一、", "二、", "三、"]
    first, second, _ = sections
    # 一是…三是 inside the one paragraph of section 一; 一是…五是 opening the paragraphs of section 二
    assert [i.marker for i in items(first)] == ["一是", "二是", "三是"]
    assert report.text.count("\n", items(first)[0].start, items(first)[-1].end) == 0
    assert [i.number for i in items(second)] == [1, 2, 3, 4, 5]
    assert all(report.text[i.start - 1] == "\n" for i in items(second))
    closing = top(report, "closing")
    assert len(closing) == 1 and closing[0].role == "weaknesses"
    assert report.warnings == []


@pytest.mark.parametrize("year,l2_under_third,items_in_first,body_on_heading_line",
                         [(2019, 10, 0, False), (2024, 10, 6, True)])
def test_recent_national_reports(shared_corpus, year, l2_under_third, items_in_first, body_on_heading_line):
    report = parse(shared_corpus / "gwr-national" / f"{year}.txt")
    sections = top(report)
    assert [s.marker for s in sections] == ["一、", "二、", "三、"]
    assert [s.role for s in sections] == ["review", "plans", "plans"]
    third = subsections(sections[2])
    assert [s.number for s in third] == list(range(1, l2_under_third + 1))
    assert all(s.level == 2 and s.title and "。" not in s.title for s in third)
    # the level-2 heading's line carries body text after its title
    assert body_on_heading_line == all(
        any(c.kind == "paragraph" and c.start < report.text.index("\n", s.start) for c in s.children) for s in third)
    assert len([i for i in sections[0].walk() if i.kind == "item"]) >= items_in_first
    assert len(top(report, "closing")) == 1
    trailing = report.sections[-1]
    assert trailing.kind == "noise" and report.text[trailing.start:trailing.end].strip() == "false"
    # the wiki's licence footer links 法规, 中国大陆, 公有领域 …: those words are read back into its sentences
    assert [w.message.split(":")[0] for w in report.warnings] == ["links"]


def test_1995_full_width_digits(shared_corpus):
    report = parse(shared_corpus / "gwr-national" / "1995.txt")
    sections = top(report)
    assert [s.number for s in sections] == list(range(1, 8))
    assert "１９９４" in sections[0].title and sections[0].role == "review"
    assert report.year == 1995


def test_2010_items_opening_indented_paragraphs(shared_corpus):
    report = parse(shared_corpus / "gwr-national" / "2010.txt")
    second_items = [n for n in report.walk() if n.kind == "item" and n.marker == "二是"]
    opening = [n for n in second_items if report.text[n.start - 1] == "\u3000"]
    assert len(opening) >= 3
    assert [s.marker for s in top(report)] == ["一、", "二、"]


@pytest.mark.parametrize("name", ["beijing", "anhui", "hebei", "jiangxi", "tianjin"])
def test_provincial_page_noise_is_marked_not_cut(shared_corpus, name):
    report = parse(shared_corpus / "gwr-provincial-2026" / f"{name}.txt")
    kinds = [n.kind for n in report.sections]
    leading = kinds[:kinds.index("preamble")]
    assert len(leading) >= 9 and set(leading) == {"noise"}
    preamble = report.sections[len(leading)]
    assert report.title and report.title.startswith("2026年") and report.title.endswith("政府工作报告")
    assert sum(1 for c in preamble.children if c.kind == "noise") >= 2  # 来源： and 时间：
    assert kinds[-1] == "noise" and report.text[report.sections[-1].start:].strip() == "相关报道："
    assert "closing" in kinds and [s.marker for s in top(report)][:3] == ["一、", "二、", "三、"]


def test_guangdong_closing_before_its_annex(shared_corpus):
    report = parse(shared_corpus / "gwr-provincial-2026" / "guangdong.txt")
    assert [s.marker for s in top(report)] == ["一、", "二、", "三、"]
    closing = top(report, "closing")[0]
    assert report.text[closing.start:].startswith("各位代表！")
    assert "附件1" in report.text[closing.start:closing.end]


def test_unnumbered_parts(shared_corpus):
    report = parse(shared_corpus / "gwr-provincial-2026" / "gansu.txt")
    parts = top(report)
    # 2026年重点工作 stands on a line of its own: a third part, after the five-year targets
    assert [(p.marker, p.role) for p in parts] == [(None, "review"), (None, "plans"), (None, "plans")]
    assert len(subsections(parts[-1])) >= 8
