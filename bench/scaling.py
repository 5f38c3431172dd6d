"""Time against input size, in one process, with the exponent of each fitted: is every stage linear?

    python bench/scaling.py [--only joined,enumerations,compare,series] [--repeats 3] [--quick]
    python bench/scaling.py --profile OUT.prof [--size 10000000]     # cProfile of the full pipeline
    python bench/scaling.py --series-detail   # the series' scores a point and time a score, up to 12,552 points

- joined: real reports (../shared/corpus, else the project's corpus/) joined to 0.1, 1, 3 and 10 M
  characters; the full pipeline, the structure alone (no extractors) and `jieba.lcut` on the same string.
- enumerations: `一是…，二是…，三是…。` N = 400…6,400 times in one paragraph, and on N lines (full pipeline).
- compare: 100…2,000 weakness points (the reports' own, then synthetic ones made of their clauses)
  over years of 10 points each: each point's features (jieba), then the linking into threads.
- series: the weakness points of the 52 national reports, with the 31 provincial ones (one year, kept
  apart as `compare --allow-same-year` does), and with 1,000 synthetic points more.

Each time is this process's CPU time, the best of --repeats runs (the least disturbed on a shared machine). The exponent is the
least-squares slope of log time against log size. Targets: every exponent <= 1.15; the full pipeline
at least 2x jieba at every size, the structure alone at least 5x.
"""

from __future__ import annotations

import math
import random
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportparse import parse_text  # noqa: E402
from reportparse.api import default_rules  # noqa: E402
from reportparse.compare.similarity import vocabulary  # noqa: E402
from reportparse.compare.threads import Member, Thread, link  # noqa: E402

JOINED_SIZES = (100_000, 1_000_000, 3_000_000, 10_000_000)
ENUMERATION_SIZES = (400, 800, 1_600, 3_200, 6_400)
COMPARE_SIZES = (100, 250, 500, 1_000, 2_000)
POINTS_PER_YEAR = 10
TRIPLE = "一是加强理论学习，二是改进工作作风，三是狠抓工作落实。"
MAX_EXPONENT, PIPELINE_VS_JIEBA, STRUCTURE_VS_JIEBA = 1.15, 2.0, 5.0


def corpus_files() -> list[Path]:
    shared = ROOT.parent / "shared" / "corpus"
    return sorted(shared.rglob("*.txt")) if shared.is_dir() else sorted((ROOT / "corpus").glob("*.txt"))


def without_closing_noise(text: str) -> str:
    """The report before a line that marks the rest of its file as page noise (a site's licence footer):
    joined after it, every later report would be noise too, and the line rules would run on one report."""
    from reportparse.api import default_rules
    from reportparse.rulebook import NoiseRule

    rest = [r.pattern for r in default_rules().of(NoiseRule) if r.next == "rest"]
    offset = 0
    for line in text.splitlines(keepends=True):
        if any(p.search(line.strip()) for p in rest):
            return text[:offset]
        offset += len(line)
    return text


def joined(size: int) -> str:
    """Real reports one after another (each without a closing footer that marks the rest of the file as
    noise), as many rounds as it takes, cut at the line break before `size`."""
    texts = [without_closing_noise(p.read_text(encoding="utf-8")) for p in corpus_files()]
    pieces, total = [], 0
    while total < size:
        for text in texts:
            pieces.append(text.rstrip("\n") + "\n\n")
            total += len(pieces[-1])
            if total >= size:
                break
    whole = "".join(pieces)[:size]
    return whole[:whole.rfind("\n") + 1]


def enumeration_paragraph(n: int) -> str:
    return "一、主要工作\n" + TRIPLE * n + "\n"


def enumeration_lines(n: int) -> str:
    return "一、主要工作\n" + (TRIPLE + "\n") * n


def best_time(work: Callable[[], object], repeats: int) -> float:
    """CPU seconds of this process (the machine is shared: wall time counts the others' work too)."""
    best = math.inf
    for _ in range(repeats):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def exponent(sizes: list[float], times: list[float]) -> float:
    xs, ys = [math.log(s) for s in sizes], [math.log(t) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def verdict(value: float) -> str:
    return "ok" if value <= MAX_EXPONENT else f"OVER {MAX_EXPONENT}"


def bench_joined(repeats: int, sizes: tuple[int, ...]) -> list[str]:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    failures = []
    print(f"{'chars':>12} {'pipeline s':>11} {'structure s':>12} {'jieba s':>9} {'pipeline/jieba':>15} "
          f"{'structure/jieba':>16}")
    rows = []
    for size in sizes:
        text = joined(size)
        rounds = repeats if size < 3_000_000 else 1
        pipeline = best_time(lambda: parse_text(text), rounds)
        structure = best_time(lambda: parse_text(text, extractors=False), rounds)
        segmenter = best_time(lambda: jieba.lcut(text), rounds)
        rows.append((len(text), pipeline, structure, segmenter))
        print(f"{len(text):>12,} {pipeline:>11.2f} {structure:>12.2f} {segmenter:>9.2f} "
              f"{segmenter / pipeline:>14.1f}x {segmenter / structure:>15.1f}x", flush=True)
        if segmenter / pipeline < PIPELINE_VS_JIEBA:
            failures.append(f"pipeline under {PIPELINE_VS_JIEBA}x jieba at {len(text):,} characters")
        if segmenter / structure < STRUCTURE_VS_JIEBA:
            failures.append(f"structure under {STRUCTURE_VS_JIEBA}x jieba at {len(text):,} characters")
    sizes_seen = [r[0] for r in rows]
    for name, column in (("pipeline", 1), ("structure", 2), ("jieba", 3)):
        value = exponent(sizes_seen, [r[column] for r in rows])
        print(f"exponent, joined reports, {name}: {value:.2f} {verdict(value)}")
        if name != "jieba" and value > MAX_EXPONENT:
            failures.append(f"joined reports, {name}: exponent {value:.2f}")
    return failures


def bench_enumerations(repeats: int, sizes: tuple[int, ...]) -> list[str]:
    failures = []
    for name, build in (("one paragraph", enumeration_paragraph), ("N lines", enumeration_lines)):
        times = []
        for n in sizes:
            text = build(n)
            times.append(best_time(lambda: parse_text(text), repeats))
            print(f"enumerations, {name}: N = {n:>5,} ({len(text):>9,} chars) {times[-1]:8.3f} s", flush=True)
        value = exponent(list(sizes), times)
        print(f"exponent, enumerations, {name}: {value:.2f} {verdict(value)}")
        if value > MAX_EXPONENT:
            failures.append(f"enumerations, {name}: exponent {value:.2f}")
    return failures


def real_points() -> list[tuple[str, str | None]]:
    points = []
    for path in corpus_files():
        report = parse_text(path.read_text(encoding="utf-8"), path=str(path), only=["weaknesses"])
        points += [(w.text, w.theme) for w in report.weaknesses]
    return points


def synthetic_points(pool: list[tuple[str, str | None]], count: int, seed: int = 14) -> list[tuple[str, str | None]]:
    """New points made of clauses of real ones (two or three, from different points), with the first's theme."""
    rng = random.Random(seed)
    clauses = [[c for c in text.replace("；", "，").rstrip("。").split("，") if len(c) >= 4] for text, _ in pool]
    usable = [(i, c) for i, c in enumerate(clauses) if c]
    made = []
    for _ in range(count):
        picks = rng.sample(usable, rng.choice((2, 3)))
        made.append(("，".join(rng.choice(c) for _, c in picks) + "。", pool[picks[0][0]][1]))
    return made


def series(points: list[Member]) -> dict[int, list[Member]]:
    by_year: dict[int, list[Member]] = {}
    for i, point in enumerate(points):
        point.year = 1000 + i // POINTS_PER_YEAR
        by_year.setdefault(point.year, []).append(point)
    return by_year


def compare_points(texts: list[tuple[str, str | None]]) -> list[Thread]:
    """What `compare` does once the reports are parsed: each point's features, then the threads."""
    vocab = vocabulary(default_rules())
    return link(series([Member(0, None, t, 0, len(t), theme, vocab.features(t, theme)) for t, theme in texts]))


def bench_compare(repeats: int, sizes: tuple[int, ...]) -> list[str]:
    vocabulary(default_rules())  # jieba's dictionary loads once per process: not part of a comparison
    pool = real_points()
    texts = pool + synthetic_points(pool, max(sizes))
    print(f"compare: {len(pool):,} real points of {len(corpus_files())} reports, the rest synthetic")
    times = []
    for n in sizes:
        threads: list[list[Thread]] = []
        times.append(best_time(lambda: threads.append(compare_points(texts[:n])), repeats))
        print(f"compare: {n:>5,} points ({n // POINTS_PER_YEAR} years) {times[-1]:8.3f} s, "
              f"{len(threads[-1]):,} threads", flush=True)
    value = exponent(list(sizes), times)
    print(f"exponent, compare: {value:.2f} {verdict(value)}")
    return [f"compare: exponent {value:.2f}"] if value > MAX_EXPONENT else []


SERIES_FOLDERS = ("gwr-national", "gwr-provincial-2026")


def dated_points(folder: str) -> list[tuple[int, str, str | None]]:
    """(year, text, theme) of each weakness point of a folder's reports; same-year reports stay apart."""
    points = []
    for index, path in enumerate(sorted((ROOT.parent / "shared" / "corpus" / folder).glob("*.txt"))):
        report = parse_text(path.read_text(encoding="utf-8"), path=str(path), only=["weaknesses"])
        key = (report.year or 0) * 100 + index  # compare --allow-same-year's key
        points += [(key, w.text, w.theme) for w in report.weaknesses]
    return points


def members_by_year(points: list[tuple[int, str, str | None]], vocab) -> dict[int, list[Member]]:
    """The series' points as compare links them, by their key (year, or year and report for same-year reports);
    each point's features are read here, so that timing a run times them too."""
    by_year: dict[int, list[Member]] = {}
    for key, text, theme in points:
        by_year.setdefault(key, []).append(Member(key // 100 or key, None, text, 0, len(text), theme,
                                                  vocab.features(text, theme)))
    return by_year


def bench_series(repeats: int) -> list[str]:
    """compare over the national reports, then with the provincial ones, then with 1,000 synthetic
    points more (100 years of 10 after the last report): how does the time grow with the points?"""
    folders = {folder: dated_points(folder) for folder in SERIES_FOLDERS}
    if not all(folders.values()):
        print("series: ../shared/corpus is absent, skipped")
        return []
    national, provincial = folders["gwr-national"], folders["gwr-provincial-2026"]
    last = max(key for key, _, _ in national + provincial)
    made = synthetic_points([(t, th) for _, t, th in national + provincial], 1_000)
    synthetic = [(last + 1 + i // POINTS_PER_YEAR, t, th) for i, (t, th) in enumerate(made)]
    vocab = vocabulary(default_rules())

    def run(points: list[tuple[int, str, str | None]]) -> int:
        return len(link(members_by_year(points, vocab)))

    rows = []
    for name, points in (("52 national", national), ("+ 31 provincial", national + provincial),
                         ("+ 1,000 synthetic", national + provincial + synthetic)):
        seconds = best_time(lambda: run(points), repeats)
        rows.append((len(points), seconds))
        print(f"series, {name:<18} {len(points):>6,} points {seconds:8.3f} s  {seconds / len(points) * 1e3:6.2f} ms a point, "
              f"{run(points):,} threads", flush=True)
    value = exponent([r[0] for r in rows], [r[1] for r in rows])
    print(f"exponent, series: {value:.2f} {verdict(value)}")
    return [f"series: exponent {value:.2f}"] if value > MAX_EXPONENT else []


def series_detail(sizes: tuple[int, ...] = (0, 1_000, 3_000, 12_000)) -> None:
    """Where the series' time per point goes as it grows: the scores a point gets (at most the index's
    SCORED) and the time of one score, with 0…12,000 synthetic points after the real ones."""
    from reportparse.compare import threads

    folders = {folder: dated_points(folder) for folder in SERIES_FOLDERS}
    if not all(folders.values()):
        print("series: ../shared/corpus is absent, skipped")
        return
    real = folders["gwr-national"] + folders["gwr-provincial-2026"]
    last = max(key for key, _, _ in real)
    made = synthetic_points([(t, th) for _, t, th in real], max(sizes))
    vocab = vocabulary(default_rules())
    for n in sizes:
        points = real + [(last + 1 + i // POINTS_PER_YEAR, t, th) for i, (t, th) in enumerate(made[:n])]
        by_year = members_by_year(points, vocab)
        scored = [0, 0.0]
        plain = threads.likeness

        def timed(a, b, plain=plain):
            began = time.process_time()
            found = plain(a, b)
            scored[0] += 1
            scored[1] += time.process_time() - began
            return found
        threads.likeness = timed
        try:
            began = time.process_time()
            link(by_year)
            seconds = time.process_time() - began
        finally:
            threads.likeness = plain
        print(f"series detail: {len(points):>6,} points {seconds / len(points) * 1e3:6.3f} ms a point, "
              f"{scored[0] / len(points):5.1f} scores a point, {scored[1] / max(scored[0], 1) * 1e6:5.2f} µs a score "
              "(timer included)", flush=True)


def profile(out: str, size: int) -> None:
    import cProfile
    import pstats

    text = joined(size)
    default_rules()
    profiler = cProfile.Profile(time.process_time)  # CPU time: the machine is shared
    profiler.runcall(parse_text, text)
    profiler.dump_stats(out)
    pstats.Stats(out).sort_stats("cumulative").print_stats(25)


def option(name: str, default: str) -> str:
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def main() -> None:
    if "--profile" in sys.argv:
        profile(option("--profile", "scaling.prof"), int(option("--size", "10000000")))
        return
    if "--series-detail" in sys.argv:
        series_detail()
        return
    repeats = int(option("--repeats", "3"))
    quick = "--quick" in sys.argv  # the smaller sizes only, for a first look
    only = option("--only", "joined,enumerations,compare,series").split(",")
    default_rules()
    failures: list[str] = []
    if "joined" in only:
        failures += bench_joined(repeats, JOINED_SIZES[:2] if quick else JOINED_SIZES)
    if "enumerations" in only:
        failures += bench_enumerations(repeats, ENUMERATION_SIZES[:3] if quick else ENUMERATION_SIZES)
    if "compare" in only:
        failures += bench_compare(repeats, COMPARE_SIZES[:3] if quick else COMPARE_SIZES)
    if "series" in only:
        failures += bench_series(repeats)
    print("targets met" if not failures else "targets missed: " + "; ".join(failures))


if __name__ == "__main__":
    main()
