"""Cost that grows linearly (issue 14): long enumerations stay linear; the size limit and the per-file
time limit; compare's candidates give the same links as scoring every pair."""

from __future__ import annotations

import gc
import json
import time
from pathlib import Path

import pytest

from reportparse import parse_text
from reportparse.batch import run_batch
from reportparse.compare.similarity import likeness, vocabulary
from reportparse.compare.threads import Member, Thread, link
from reportparse.limits import TooLarge, part_spans
from reportparse.rulebook import default_rules, load_rules

from .test_cli import run

TRIPLE = "一是加强理论学习，二是改进工作作风，三是狠抓工作落实。"
ENUMERATIONS = {"one paragraph": lambda n: "一、主要工作\n" + TRIPLE * n + "\n",
                "N lines": lambda n: "一、主要工作\n" + (TRIPLE + "\n") * n,
                # a run-together page: one line of gaps, each before a heading after a long untitled stretch
                "one line of gaps": lambda n: "序" * 200 + " 一、甲" * (3 * n) + "\n",
                # a page that lost its breaks and spaces: a heading glued after each sentence, a subsection
                # marker glued to each heading's title (the glued step inserts two breaks per part)
                "one glued line": lambda n: "序" * 200 + "。一、加强学习(一)提高能力。全年完成任务" * n + "\n",
                # a long flat list of headings of one style (each was checked against all its siblings)
                "flat headings": lambda n: "报告。\n" + "1.加强学习\n做好工作。\n" * n,
                # problems announced and then listed by run-in headings, again and again (each cue looks for
                # the headings after it among a long list of siblings)
                "announced problems": lambda n: "一、工作回顾\n" + (
                    "我们也清醒地看到，还存在一些问题。\n——产业不强。工业比重偏低。\n——民生有短板。学校不足。\n") * n,
                # problems introduced with a colon again and again, no heading between (each introduction ran
                # on to the end of the text)
                "introduced problems": lambda n: "一、工作回顾\n" + (
                    "我们也清醒地看到，还存在一些问题，主要是：\n产业不强，工业比重偏低。\n") * n,
                # commitments that introduce what follows, again and again (each ran on to the end)
                "introduced commitments": lambda n: "一、工作回顾\n全年完成任务。\n" + (
                    "下一步，我们将从以下几个方面着手：\n做好各项工作，抓好落实。\n") * n}


def cpu_seconds(text: str, rounds: int = 3) -> float:
    """The best of ``rounds`` parses, the garbage collector held off while timing: a full collection
    that falls into one size's run and not the other's weighed more than the parse's own growth."""
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        gc.disable()
        try:
            started = time.process_time()
            parse_text(text)
            best = min(best, time.process_time() - started)
        finally:
            gc.enable()
    return best


@pytest.mark.parametrize("layout", list(ENUMERATIONS))
def test_enumerations_grow_linearly(layout):
    """8 times the items must cost at most 12 times the time (linear is 8; the quadratic stages of
    issue 14 gave over 40)."""
    build = ENUMERATIONS[layout]
    parse_text(build(50))  # rules and patterns loaded before timing
    small, large = cpu_seconds(build(800)), cpu_seconds(build(6_400))
    assert large / small <= 12, f"{layout}: N = 6,400 took {large / small:.1f}x N = 800"


def test_introductions_one_after_another_each_give_their_own_problems_and_commitments():
    """A passage that runs on stops before the next that runs on too: each problem or task is read once,
    and an introduction is no point of the passage before it."""
    report = parse_text(ENUMERATIONS["introduced problems"](3) + "二、有关情况\n"
                        + "下一步，我们将从以下几个方面着手：\n做好各项工作，抓好落实。\n" * 2)
    assert [p.text for p in report.weaknesses] == ["产业不强，工业比重偏低。"] * 3
    assert [p.text for p in report.plans] == ["做好各项工作，抓好落实。"] * 2
    assert all(report.text[p.start:p.end] == p.text for p in report.weaknesses + report.plans)


def test_enumeration_items_are_all_found():
    report = parse_text(ENUMERATIONS["one paragraph"](100))
    items = [n for n in report.walk() if n.kind == "item"]
    assert len(items) == 300 and [i.number for i in items[:4]] == [1, 2, 3, 1]


def small_limit(folder: Path, characters: int) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "settings.toml").write_text(f'[[setting]]\nname = "max-characters"\nvalue = "{characters}"\n'
                                          'flags = "above"\nexamples = []\ncounter_examples = ["1"]\n',
                                          encoding="utf-8")
    return folder


REPORT = "一、工作回顾\n全年接待游客120万人次，增长5%。\n二、存在问题\n一是学习不够深入，二是调研偏少。\n" * 6


def test_parse_refuses_a_text_over_the_limit(tmp_path):
    rules = load_rules(small_limit(tmp_path, 100))
    with pytest.raises(TooLarge, match="over the limit of 100"):
        parse_text(REPORT, rules=rules)
    assert parse_text(REPORT[:90], rules=rules).text == REPORT[:90]


def test_parse_command_says_so_in_one_line(tmp_path):
    report = tmp_path / "big.txt"
    report.write_text(REPORT, encoding="utf-8")
    done = run("parse", str(report), "--format", "json", "--rules", str(small_limit(tmp_path / "rules", 100)))
    assert done.returncode == 1 and done.stdout == b""
    assert len(done.stderr.decode().strip().splitlines()) == 1 and b"over the limit" in done.stderr


def test_parts_end_at_line_breaks_and_cover_the_text():
    spans = part_spans(REPORT, 100)
    assert spans[0][0] == 0 and spans[-1][1] == len(REPORT)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(e - s <= 100 and REPORT[e - 1] == "\n" for s, e in spans)


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_splits_a_report_over_the_limit(tmp_path, workers):
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text(REPORT, encoding="utf-8")
    small.write_text(REPORT[:60], encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_batch([str(big), str(small)], str(out), workers=workers,
                        rules_dir=str(small_limit(tmp_path / "rules", 100)))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    parts = [r for r in records if r["source"]["path"] == str(big)]
    assert len(parts) == len(part_spans(REPORT, 100)) > 1 and summary.failures == 0
    for record in parts:
        part = record["source"]["part"]
        assert part["count"] == len(parts) and record["text_length"] == part["end"] - part["start"]
        for quantity in record["quantities"]:  # offsets index the part: part.start + offset indexes the whole
            assert REPORT[part["start"] + quantity["start"]:part["start"] + quantity["end"]] == quantity["text"]
    assert records[-1]["source"] == {**records[-1]["source"], "path": str(small)} and "part" not in records[-1]["source"]


def test_batch_splits_only_a_long_report_not_one_over_a_budget(tmp_path):
    """Splitting is for max-characters alone: a file over input-max-bytes stays one too-large record."""
    big = tmp_path / "big.txt"
    big.write_text(REPORT, encoding="utf-8")
    rules = small_limit(tmp_path / "rules", 100)
    with open(rules / "settings.toml", "a", encoding="utf-8") as handle:
        handle.write('\n[[setting]]\nname = "input-max-bytes"\nvalue = "200"\nflags = "above"\n'
                     'examples = ["201"]\ncounter_examples = []\n')
    out = tmp_path / "out.jsonl"
    summary = run_batch([str(big)], str(out), rules_dir=str(rules))
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["error"]["type"] for r in records] == ["too-large"] and summary.failures == 1
    assert "input-max-bytes" in records[0]["error"]["message"]


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_timeout_makes_an_error_record_and_goes_on(tmp_path, workers):
    slow, quick = tmp_path / "slow.txt", tmp_path / "quick.txt"
    slow.write_text(ENUMERATIONS["N lines"](100_000), encoding="utf-8")  # far past 0.2 s: 20,000 took ~0.22 s
    quick.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_batch([str(slow), str(quick)], str(out), workers=workers, timeout=0.2)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records[0]["error"]["type"] == "timeout" and "0.2 s" in records[0]["error"]["message"]
    assert "error" not in records[1] and summary.failed == {"timeout": 1}


def every_pair_link(points_by_year: dict[int, list[Member]], threshold: float) -> list[Thread]:
    """The linking before the index: every point against every member of every open thread."""
    threads: list[Thread] = []
    for year in sorted(points_by_year):
        open_threads = [t for t in threads if year not in t.years]
        pairs = []
        for i, point in enumerate(points_by_year[year]):
            for j, thread in enumerate(open_threads):
                best = max((likeness(point.features, m.features) for m in thread.members), key=lambda x: x.score)
                if best.score >= threshold:
                    pairs.append((best.score, i, j, best))
        taken_points, taken_threads = set(), set()
        for _, i, j, best in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
            if i not in taken_points and j not in taken_threads:
                points_by_year[year][i].link = best
                open_threads[j].members.append(points_by_year[year][i])
                taken_points.add(i)
                taken_threads.add(j)
        threads += [Thread([p]) for i, p in enumerate(points_by_year[year]) if i not in taken_points]
    return threads


@pytest.mark.parametrize("threshold", [0.25, 0.1])
def test_candidates_link_as_every_pair_does(threshold):
    """In a series where no point shares words with more than SCORED earlier ones, scoring only the
    index's candidates gives the threads, and the scores, that scoring every pair gives."""
    vocab = vocabulary(default_rules())
    texts = ["一是理论学习不够深入。", "二是调查研究偏少，基层情况掌握不全面。", "三是工作作风不够扎实。",
             "理论学习还不够深入系统。", "深入基层调研偏少。", "作风建设有待加强。", "安全生产压力较大。"]

    def series() -> dict[int, list[Member]]:
        by_year: dict[int, list[Member]] = {}
        for i, text in enumerate(texts * 3):
            year = 2020 + i // 4
            theme = "作风" if "作风" in text else None
            by_year.setdefault(year, []).append(Member(year, None, text, 0, len(text), theme,
                                                       vocab.features(text, theme)))
        return by_year

    def described(threads: list[Thread]) -> list[list[tuple]]:
        return [[(m.year, m.text, m.link) for m in t.members] for t in threads]

    indexed, reference = described(link(series(), threshold)), described(every_pair_link(series(), threshold))
    assert indexed == reference and any(len(t) > 1 for t in indexed)
