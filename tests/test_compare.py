"""Comparing years' weaknesses: linking, statuses, bad input, and the outputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reportparse import ReportParseError
from reportparse.compare import compare
from reportparse.compare.html import comparison_html

from .conftest import OWN_CORPUS, schema_valid

SERIES = [str(OWN_CORPUS / f"duty-linjiang-{year}.txt") for year in (2022, 2023, 2024)]


def write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def duty(year: int, *points: str) -> str:
    listed = "".join(f"{'一二三四五'[i]}是{p}。" for i, p in enumerate(points))
    return f"{year}年度述职报告\n一、履职情况\n全年工作有序推进。\n二、存在的问题和不足\n{listed}\n"


def test_a_reworded_weakness_links_and_a_new_one_is_new(tmp_path):
    a = write(tmp_path, "a.txt", duty(2022, "科技创新能力还不强", "部分中小企业和个体工商户经营困难"))
    b = write(tmp_path, "b.txt", duty(2023, "关键领域创新支撑能力不强", "部分企业生产经营困难", "生态环境保护治理任重道远"))
    result = schema_valid(compare([a, b]).to_dict())
    by_label = {t["label"]: t for t in result["threads"]}
    assert len(result["threads"]) == 3
    statuses = sorted(t["status"] for t in result["threads"])
    assert statuses == ["new", "recurring", "recurring"]
    assert any(t["years"] == [2023] and "生态环境" in t["label"] for t in by_label.values())


def test_a_point_links_to_at_most_one_point_per_other_year(tmp_path):
    a = write(tmp_path, "a.txt", duty(2022, "部分企业生产经营困难"))
    b = write(tmp_path, "b.txt", duty(2023, "部分企业生产经营困难", "一些企业生产经营困难较多"))
    for thread in schema_valid(compare([a, b]).to_dict())["threads"]:
        years = [m["year"] for m in thread["members"]]
        assert len(years) == len(set(years))


def test_dropped_and_running(tmp_path):
    a = write(tmp_path, "a.txt", duty(2021, "形式主义官僚主义仍然存在"))
    b = write(tmp_path, "b.txt", duty(2022, "形式主义、官僚主义问题仍然存在"))
    c = write(tmp_path, "c.txt", duty(2023, "群众就业增收面临压力"))
    threads = schema_valid(compare([c, a, b]).to_dict())["threads"]
    formalism = next(t for t in threads if t["years"] == [2021, 2022])
    assert (formalism["status"], formalism["running"]) == ("dropped", 2)


def test_years_order_the_series_and_same_year_is_an_error(tmp_path):
    a = write(tmp_path, "a.txt", duty(2022, "调查研究不够深入"))
    b = write(tmp_path, "b.txt", duty(2022, "调研不够深入"))
    with pytest.raises(ReportParseError, match="two reports of 2022"):
        compare([a, b])
    assert len(compare([a, b], allow_same_year=True).reports) == 2
    assert [y for _, y in compare([a, b], years={b: 2023}).reports] == [2022, 2023]


def test_single_report_and_missing_passage_warn(tmp_path):
    lone = compare([SERIES[0]])
    assert lone.threads == [] and "single-report" in [w.code for w in lone.warnings]
    empty = write(tmp_path, "2023.txt", "2023年度述职报告\n一、履职情况\n全年工作有序推进。\n")
    result = compare([SERIES[0], empty])
    assert "no-weaknesses" in [w.code for w in result.warnings]
    assert schema_valid(result.to_dict())["reports"][1]["weaknesses"] == []


def test_json_contract_and_html_page():
    document = schema_valid(compare(SERIES, explain=True).to_dict())
    assert document["schema"] == "reportparse/compare/1"
    assert [r["year"] for r in document["reports"]] == [2022, 2023, 2024]
    for thread in document["threads"]:
        assert set(thread) >= {"label", "theme", "years", "status", "members"}
        assert thread["status"] in {"recurring", "new", "dropped", "once"}
        for member in thread["members"]:
            text = Path(member["path"]).read_text(encoding="utf-8")
            assert text[member["start"]:member["end"]] == member["text"]
    page = comparison_html(document)
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page and "http" not in page
    assert page.count('class="hit"') == sum(len(t["members"]) for t in document["threads"])
    themes = sorted({t["theme"] for t in document["threads"] if t["theme"]})
    for i, theme in enumerate(themes):  # a radio button per theme, and the CSS rule that hides the other rows
        assert f'id="theme-{i}"' in page and f"#theme-{i}:checked~table tbody tr:not(.t{i})" in page
        assert page.count(f'<tr class="t{i}">') == sum(1 for t in document["threads"] if t["theme"] == theme)


def test_a_point_naming_two_problems_follows_both_threads(tmp_path):
    a = write(tmp_path, "a.txt", duty(2021, "一些地方财政收支矛盾较大", "金融等领域风险隐患依然不少"))
    b = write(tmp_path, "b.txt", duty(2022, "一些地方财政收支矛盾突出，防范化解金融等领域风险任务依然艰巨"))
    threads = schema_valid(compare([a, b]).to_dict())["threads"]
    assert [t["years"] for t in threads] == [[2021, 2022], [2021, 2022]]
    assert sorted(m["also"] for t in threads for m in t["members"] if m["year"] == 2022) == [False, True]


def test_terminal_view_over_many_years_keeps_its_columns(tmp_path):
    from rich.console import Console

    from reportparse.cli.render import thread_table

    paths = [write(tmp_path, f"{y}.txt", duty(y, "一些地方财政收支矛盾较大" if y % 3 else "科技创新能力还不强"))
             for y in range(1970, 2026)]
    document = compare(paths).to_dict()
    wide, narrow = Console(width=160, record=True), Console(width=80, record=True)
    wide.print(thread_table(document))
    narrow.print(thread_table(document))
    lines = wide.export_text().splitlines()
    assert "1970" in lines[2] and "2020" in lines[2]  # the ruler above the marks names the decades
    assert any("1970, 1972–1973, 1975–1976" in line for line in lines)  # years as spans, not a column each
    assert sum(line.count("●") for line in lines if "│" in line) == 56  # one mark per report stated
    assert "columns wide shows one mark per report" in narrow.export_text()


def test_cli_compare_skips_an_unreadable_report_unless_strict(tmp_path):
    missing = str(tmp_path / "2019.txt")
    command = [sys.executable, "-m", "reportparse", "compare", *SERIES, missing, "-f", "json"]
    done = subprocess.run(command, capture_output=True, timeout=300)
    assert done.returncode == 0 and "no such file" in done.stderr.decode()
    assert len(schema_valid(json.loads(done.stdout))["reports"]) == 3
    strict = subprocess.run(command + ["--strict"], capture_output=True, timeout=300)
    assert strict.returncode == 1 and strict.stdout == b""


@pytest.mark.parametrize("name,min_linked,max_wrong", [("duty-linjiang", 9, 0), ("national", 49, 0)])
def test_threads_follow_the_gold_pairs(name, min_linked, max_wrong):
    from bench.compare_gold import gold_comparison, load_gold, pair_scores

    from .conftest import ROOT

    gold = load_gold(ROOT / "tests" / "gold" / "threads" / f"{name}.json")
    comparison = gold_comparison(gold, ROOT)
    if comparison is None:
        pytest.skip("the series' reports are absent (../shared/corpus)")
    scores = pair_scores(gold, comparison)
    assert scores["unknown_points"] == 0
    assert scores["linked"] >= min_linked and scores["wrongly_linked"] <= max_wrong, scores


THEME_TIE = """
import json
from reportparse.compare.similarity import Features
from reportparse.compare.threads import Member, Thread
point = lambda year, theme: Member(year, None, "x", 0, 1, theme, Features(frozenset(), frozenset(), theme))
thread = Thread([point(2022, "改革创新"), point(2023, "经济运行"), point(2024, "经济运行"), point(2025, "改革创新")])
print(json.dumps(thread.theme, ensure_ascii=False))
"""


def test_a_thread_theme_tie_goes_to_the_earliest_member_under_any_hash_seed():
    # a set walked to break the tie once made compare's output change with PYTHONHASHSEED
    seen = {subprocess.run([sys.executable, "-c", THEME_TIE], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout
            for seed in range(6)}
    assert seen == {'"改革创新"\n'}
