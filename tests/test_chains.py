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
