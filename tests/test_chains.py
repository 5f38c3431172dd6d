"""Chains: a weakness, the next report's points that answer it, and whether it recurs."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportparse.chains import STATUSES, chains
from reportparse.chains.html import chains_html

from .conftest import schema_valid

REPORTS = {
    2022: "2022年度述职报告\n一、履职情况\n全年工作有序推进，各项任务按期完成。\n二、存在的问题和不足\n"
          "一是调查研究不够深入，到乡镇村组实地走访偏少。二是督查督办力度不够，跟踪问效不及时。三是机关档案管理不够规范。\n"
          "三、下一步工作打算\n一是加强理论学习，提升政治素养。二是优化文稿服务，提高起草质量。\n",
    2023: "2023年度述职报告\n一、上年度查摆问题整改情况\n"
          "一是针对调查研究不够深入的问题，建立班子成员基层调研制度，全年实地走访乡镇村组46次。"
          "二是针对机关档案管理不够规范的问题，修订档案管理办法，完成历年档案数字化。\n"
          "二、履职情况\n全年工作有序推进。\n三、存在的问题和不足\n一是督查督办力度仍然不够，跟踪问效不够及时。二是信息化手段运用不够。\n"
          "四、下一步工作打算\n一是强化督查督办，健全跟踪问效机制。二是推进数字化办公。\n",
    2024: "2024年度述职报告\n一、履职情况\n全年工作有序推进。\n二、存在的问题和不足\n一是督查督办跟踪问效仍不到位。二是年轻干部培养力度不够。\n",
}


@pytest.fixture()
def series(tmp_path) -> list[str]:
    paths = []
    for year, text in REPORTS.items():
        path = tmp_path / f"{year}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def by_weakness(document: dict) -> dict[str, dict]:
    return {c["weakness"]["label"]: c for c in document["chains"]}


def test_each_status_from_a_duty_series(series):
    document = schema_valid(chains(series, explain=True).to_dict())
    found = by_weakness(document)
    research = found["调查研究不够深入，到乡镇村组实地走访偏少"]
    assert research["status"] == "answered-resolved" and research["recurs_in"] == []
    assert [a["kind"] for a in research["answers"]] == ["rectification"]  # 上年度…问题整改情况 answers
    assert "调研" in research["answers"][0]["shared_words"]
    supervision = found["督查督办力度不够，跟踪问效不及时"]
    assert supervision["status"] == "answered-recurring" and supervision["recurs_in"] == [2023, 2024]
    assert supervision["answers"][0]["kind"] == "plan" and supervision["answers"][0]["year"] == 2023
    assert found["督查督办力度仍然不够，跟踪问效不够及时"]["status"] == "unanswered-recurring"
    assert found["信息化手段运用不够"]["status"] == "unanswered-dropped"
    assert {c["status"] for c in document["chains"]} == set(STATUSES)


def test_offsets_index_the_reports_and_the_last_report_is_left_out(series):
    result = chains(series)
    document = schema_valid(result.to_dict())
    texts = {Path(p).name: Path(p).read_text(encoding="utf-8") for p in series}
    for chain in document["chains"]:
        for point in (chain["weakness"], *chain["answers"]):
            assert texts[Path(point["path"]).name][point["start"]:point["end"]] == point["text"]
    assert {c["weakness"]["year"] for c in document["chains"]} == {2022, 2023}
    assert any(w.code == "last-report" for w in result.warnings)


def test_the_threshold_is_a_setting_and_can_be_overridden(series):
    strict = by_weakness(chains(series, threshold=0.95).to_dict())
    assert all(not c["answers"] for c in strict.values())
    assert strict["调查研究不够深入，到乡镇村组实地走访偏少"]["status"] == "unanswered-dropped"


def test_html_page_filters_without_scripts(series):
    page = chains_html(chains(series).to_dict())
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "http" not in page
    assert page.count('class="chain ') == 5 and 'id="status-0"' in page and 'id="theme-all"' in page


def test_cli_json_csv_and_rich(series):
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "reportparse", "chains", *series, *args], capture_output=True,
                              timeout=300, env={**os.environ, "COLUMNS": "200"})

    document = schema_valid(json.loads(run("-f", "json", "--explain").stdout))
    rows = list(csv.DictReader(io.StringIO(run("-f", "csv").stdout.decode("utf-8-sig"))))
    assert len(rows) == sum(max(1, len(c["answers"])) for c in document["chains"])
    assert {r["status"] for r in rows} == set(STATUSES)
    until = schema_valid(json.loads(run("-f", "json", "--until", "2023").stdout))
    assert [r["year"] for r in until["reports"]] == [2022, 2023]
    view = run("--since", "2023")
    assert view.returncode == 0 and "督查督办力度仍然不够" in view.stdout.decode() and "2022" not in view.stdout.decode()


def test_the_harness_scores_chains_against_a_readers(series):
    from bench.chains_gold import chain_scores, gold_chains

    produced = chains(series)
    text = Path(series[0]).read_text(encoding="utf-8")
    start = text.index("调查研究不够深入")
    answer = Path(series[1]).read_text(encoding="utf-8").index("针对调查研究")
    gold = {"reports": {str(y): p for y, p in zip(REPORTS, series)},
            "chains": [{"weakness": [2022, start, text.index("。", start) + 1, "调研不深"],
                        "answers": [[2023, answer, answer + 20, "调研制度"]], "recurs_in": [],
                        "status": "answered-resolved"},
                       {"weakness": [2022, text.index("机关档案"), text.index("机关档案") + 10, "档案"],
                        "answers": [], "recurs_in": [2023], "status": "unanswered-recurring"}]}
    assert gold_chains(gold, Path("/")) is not None
    scores = chain_scores(gold, produced)
    assert scores == {"weaknesses": 2, "found": 2, "gold_answers": 1, "answers": 2, "answers_right": 1,
                      "recurs_right": 1, "status_right": 1}


GOVERNMENT = """政府工作报告
——{year}年1月10日在某县第十八届人民代表大会第一次会议上
各位代表：
现在，我代表县人民政府向大会报告工作，请予审议。
一、{last}年工作回顾
过去一年，全县经济运行稳中向好，地区生产总值增长6.5%。
我们也清醒看到，发展中还存在一些困难和问题：农村饮水安全保障水平不高，部分山区群众吃水难；中小学校舍老旧，寄宿条件较差；一些干部作风不实，形式主义仍然存在。
二、{year}年工作任务
（一）{year}年经济社会发展总体要求和政策取向
今年经济社会发展的总体要求是稳字当头、稳中求进，全面保障群众饮水和上学。
（二）坚持城乡统筹，推进乡村振兴
实施农村供水保障工程，新建集中供水站12处，解决山区群众吃水难问题。发展特色种植业。
（三）办好人民满意的教育
改造中小学校舍5所，改善寄宿条件，新建学生宿舍3栋。
各位代表！
新的形势和任务，对政府工作提出了新的更高要求。我们要坚决反对形式主义，转变干部作风。
各位代表！让我们紧密团结，奋力开创新局面！
"""


def test_a_heading_answers_by_its_subsection_body(tmp_path):
    paths = []
    for year in (2022, 2023):
        path = tmp_path / f"{year}.txt"
        path.write_text(GOVERNMENT.format(year=year, last=year - 1), encoding="utf-8")
        paths.append(str(path))
    document = schema_valid(chains(paths, explain=True).to_dict())
    found = {c["weakness"]["text"][:6]: c for c in document["chains"] if c["weakness"]["year"] == 2022}
    text = Path(paths[1]).read_text(encoding="utf-8")
    water = found["农村饮水安全"]["answers"]  # the title shares no word with it; its body does
    assert [a["text"] for a in water] == ["坚持城乡统筹，推进乡村振兴"]  # not the overall requirements
    assert text[water[0]["start"]:water[0]["end"]] == water[0]["text"]  # the span stays the title
    assert "吃水难" in water[0]["shared_words"]
    assert [a["text"] for a in found["中小学校舍老"]["answers"]] == ["办好人民满意的教育"]
    assert found["一些干部作风"]["answers"] == []  # the block after 各位代表！ belongs to no heading


def test_reports_loaded_without_their_text_are_refused_by_name(series):
    from reportparse import parse
    from reportparse.errors import InputError
    from reportparse.model import Report

    documents = [parse(path).to_dict() for path in series]
    with pytest.raises(InputError, match="2022.txt: chains reads the headings' text"):
        chains([Report.from_dict(d) for d in documents], years={p: y for p, y in zip(series, REPORTS)})
    texts = [Path(path).read_text(encoding="utf-8") for path in series]
    loaded = [Report.from_dict(d, t) for d, t in zip(documents, texts)]
    assert chains(loaded).to_dict() == chains(series).to_dict()
