"""The indicator panel: targets beside outcomes, verdicts by qualifier, and a reader's table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reportparse.panel import panel
from bench.panel_gold import compare_rows, gold_panel, load

from .conftest import ROOT, schema_valid


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def gwr(year: int, review: str, targets: str) -> str:
    return (f"政府工作报告\n——{year}年3月5日在青川县第十八届人民代表大会第四次会议上\n各位代表：\n"
            f"一、{year - 1}年工作回顾\n{review}\n二、{year}年工作安排\n今年发展主要预期目标是：{targets}\n")


@pytest.fixture
def series(tmp_path):
    return [write(tmp_path, "a.txt", gwr(2023, "地区生产总值增长4.1%。", "地区生产总值增长5%左右；城镇新增就业1.2万人以上；居民消费价格涨幅3%左右。")),
            write(tmp_path, "b.txt", gwr(2024, "地区生产总值增长5.3%，城镇新增就业1.31万人，居民消费价格上涨0.4%。",
                                         "地区生产总值增长5.5%左右。"))]


def test_targets_meet_their_outcomes(series):
    rows = {(r.indicator, r.year): r for r in panel(series).rows}
    assert rows[("城镇新增就业", 2023)].verdict == "exceeded"  # 以上: 13100 is over 12000 by more than 5%
    assert rows[("居民消费价格涨幅", 2023)].verdict == "missed"   # 左右: 0.4 is below 3 by more than 0.5
    assert ("城镇新增就业", 2024) not in rows                        # no jobs target in 2024, no 2025 report


def test_a_report_without_targets_gives_outcomes_and_a_warning(tmp_path):
    only = write(tmp_path, "a.txt", gwr(2024, "城镇新增就业1.31万人。", "").replace("今年发展主要预期目标是：", ""))
    result = panel([only])
    assert [w.code for w in result.warnings] == ["no-targets"]
    assert [(r.indicator, r.year, r.verdict) for r in result.rows] == [("城镇新增就业", 2023, "unknown")]


def test_the_same_indicator_twice_keeps_both_with_a_warning(tmp_path):
    twice = write(tmp_path, "a.txt", gwr(2024, "", "城镇新增就业1.2万人以上，城镇新增就业力争1.3万人。"))
    result = panel([twice])
    assert len([r for r in result.rows if r.indicator == "城镇新增就业"]) == 2
    assert "repeated-target" in [w.code for w in result.warnings]


def test_the_national_panel_reproduces_a_readers_table():
    gold = load(ROOT / "tests" / "gold" / "panel" / "national.json")
    produced = gold_panel(gold, ROOT)
    if produced is None:
        pytest.skip("the national reports are absent (../shared/corpus)")
    results = compare_rows(gold, produced)
    whole = sum(r["target"] and r["outcome"] and r["verdict"] for r in results)
    assert whole >= len(results) - 2, [r for r in results if not (r["target"] and r["outcome"] and r["verdict"])]
    assert all(r["got"]["verdict"] == "unknown" for r in results if r["year"] in (2019, 2025))


def test_cli_json_and_plot(series, tmp_path):
    png = tmp_path / "gdp.png"
    done = subprocess.run([sys.executable, "-m", "reportparse", "panel", *series, "-f", "json",
                           "--indicator", "国内生产总值", "--plot", str(png)], capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    document = schema_valid(json.loads(done.stdout))
    assert {r["indicator"] for r in document["panel"]} == {"国内生产总值"}
    assert png.read_bytes().startswith(b"\x89PNG")
