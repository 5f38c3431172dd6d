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


def older_gwr(year: int, review: str, targets: str) -> str:
    """The layout of the national reports before 2014: the cue alone on its line, the targets on the next
    line after a blank one, indented with U+3000 and written with full-width ％."""
    return (f"政府工作报告\n——{year}年3月5日在第十一届全国人民代表大会第三次会议上\n各位代表：\n"
            f"一、{year - 1}年工作回顾\n\u3000\u3000{review}\n二、{year}年工作总体部署\n"
            f"\u3000\u3000今年经济社会发展的主要预期目标是：\n\n\u3000\u3000{targets}\n")


def test_older_layouts_and_wordings(tmp_path):
    first = write(tmp_path, "2006.txt", older_gwr(
        2006, "2005年，国内生产总值达到18.23万亿元，比上年增长9.9%。",
        "国内生产总值增长8％左右；居民消费价格总水平涨幅控制在3％；“十一五”期间年均增长7.5％。赤字率拟按3%安排。"))
    second = write(tmp_path, "2007.txt", older_gwr(
        2007, "2006年，国内生产总值比上年增长10.7％，居民消费价格总水平上涨1.5％。", "国内生产总值增长8％左右。"))
    rows = {(r.indicator, r.year): r for r in panel([first, second]).rows}
    gdp = rows[("国内生产总值", 2006)]
    assert (gdp.target.quantity.text, gdp.outcome.quantity.text, gdp.verdict) == ("8％左右", "10.7％", "exceeded")
    assert rows[("国内生产总值", 2005)].outcome.quantity.text == "9.9%"  # 2005年 is a year, not 五年
    prices = rows[("居民消费价格涨幅", 2006)]
    assert (prices.target.direction, prices.verdict) == ("at-most", "met")  # 控制在3％: a ceiling
    assert rows[("赤字率", 2006)].target.quantity.text == "3%"
    assert all(r.target is None or r.target.quantity.text != "7.5％" for r in rows.values())  # a five-year target


def test_several_years_of_one_province(tmp_path):
    def provincial(year: int, review: str, targets: str) -> str:
        return (f"政府工作报告\n——{year}年1月20日在临江省第十四届人民代表大会第二次会议上\n各位代表：\n"
                f"一、{year - 1}年工作回顾\n{review}\n二、{year}年目标任务\n今年全省发展的主要预期目标是：{targets}\n")

    paths = [write(tmp_path, f"{y}.txt", provincial(y, f"全省地区生产总值增长{g}%。", f"地区生产总值增长{t}%左右。"))
             for y, g, t in ((2023, "4.5", "6"), (2024, "6.2", "5.5"), (2025, "5.4", "5"))]
    rows = [r for r in panel(paths).rows if r.indicator == "国内生产总值"]
    assert [(r.year, r.verdict) for r in rows] == [(2022, "unknown"), (2023, "met"), (2024, "met"), (2025, "unknown")]
    assert schema_valid(panel(paths).to_dict())["panel"][1]["outcome"]["report"].endswith("2024.txt")
