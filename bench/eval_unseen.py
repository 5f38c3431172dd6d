"""Strict scores on the unseen halves, dev and test side by side.

    python bench/eval_unseen.py              # dev, and the test sets: test (tests/gold/unseen/test + tests/gold/blind,
                                             # frozen in the first session), test2 (tests/gold/unseen/test2, frozen
                                             # in the second), test3 (tests/gold/unseen/test3, frozen in the third),
                                             # weak-test (weaknesses of nine provincial reports, frozen in the third),
                                             # test4 (tests/gold/unseen/test4, frozen in the fourth),
                                             # test5 (tests/gold/unseen/test5, frozen in the fifth),
                                             # test6 (tests/gold/unseen/test6, whole reports, frozen in the sixth),
                                             # test7 (tests/gold/unseen/test7, whole reports, frozen in the sixth),
                                             # test8 (tests/gold/unseen/test8, whole reports, frozen in the seventh),
                                             # test9 (tests/gold/unseen/test9, whole reports, frozen in the seventh),
                                             # test10 (tests/gold/unseen/test10, whole reports and news, frozen in the eighth),
                                             # test11 (tests/gold/unseen/test11, reports cut short, frozen in the eighth),
                                             # test12 (tests/gold/unseen/test12, page openings, frozen in the eighth),
                                             # test13 (tests/gold/unseen/test13, excerpts, digests and page openings,
                                             # frozen in the ninth),
                                             # test14 (tests/gold/unseen/test14, page openings, frozen in the ninth),
                                             # test15 (tests/gold/unseen/test15, page openings, frozen in the ninth),
                                             # test16 (tests/gold/unseen/test16, page openings, frozen in the ninth),
                                             # test17 (tests/gold/unseen/test17, page openings, frozen in the tenth),
                                             # test18 (tests/gold/unseen/test18, page openings found by topic, tenth),
                                             # test19 (tests/gold/unseen/test19, page openings found by place, tenth),
                                             # test20 (tests/gold/unseen/test20, page openings found by era, tenth),
                                             # test21 (tests/gold/unseen/test21, the repository's last report and
                                             # page openings by the wording of 2013-2025, eleventh),
                                             # all of the test sets together, and apart the outside test
                                             # (tests/gold/outside: the national party congress reports, genre,
                                             # outline and plans only)
                                             # and all of them together; dev holds tests/gold/unseen/dev and weak-dev
    python bench/eval_unseen.py --dev-only   # while tuning: the test half is neither read nor scored
    python bench/eval_unseen.py --dev-only --show   # and each miss on dev
    python bench/eval_unseen.py --dev-only --folder tests/gold/unseen/batch4   # a new batch beside dev,
                                             # to measure it once before any rule is tuned on it

Per kind: precision and recall with a mention found only when its span and fields are exactly the gold
ones (bench/unseen_gold.py); genre accuracy; outline headings recall and precision.
A folder that does not exist is skipped.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.unseen_gold import UnseenScores, score_folders  # noqa: E402
from reportparse.extract import KINDS  # noqa: E402

DEV = [ROOT / "tests" / "gold" / "unseen" / "dev", ROOT / "tests" / "gold" / "unseen" / "weak-dev"]
TEST = [ROOT / "tests" / "gold" / "unseen" / "test", ROOT / "tests" / "gold" / "blind"]
TEST2 = [ROOT / "tests" / "gold" / "unseen" / "test2"]
TEST3 = [ROOT / "tests" / "gold" / "unseen" / "test3"]
TEST4 = [ROOT / "tests" / "gold" / "unseen" / "test4"]
TEST5 = [ROOT / "tests" / "gold" / "unseen" / "test5"]
TEST6 = [ROOT / "tests" / "gold" / "unseen" / "test6"]  # whole reports from public repositories
TEST7 = [ROOT / "tests" / "gold" / "unseen" / "test7"]  # whole government reports of 河北, from one repository
TEST8 = [ROOT / "tests" / "gold" / "unseen" / "test8"]  # the same repository's older and messier copies
TEST9 = [ROOT / "tests" / "gold" / "unseen" / "test9"]  # more of them, frozen later in the same session
TEST10 = [ROOT / "tests" / "gold" / "unseen" / "test10"]  # more of them, with two news pages on their sessions
TEST11 = [ROOT / "tests" / "gold" / "unseen" / "test11"]  # three copies the repository cut short, frozen later
TEST12 = [ROOT / "tests" / "gold" / "unseen" / "test12"]  # page openings of diverse genres, as test to test5
TEST13 = [ROOT / "tests" / "gold" / "unseen" / "test13"]  # the repository's last copies and more page openings
TEST14 = [ROOT / "tests" / "gold" / "unseen" / "test14"]  # page openings of the genres the pages hold least
TEST15 = [ROOT / "tests" / "gold" / "unseen" / "test15"]  # more of them, frozen later in the same session
TEST16 = [ROOT / "tests" / "gold" / "unseen" / "test16"]  # and more, asked for weakness and plan passages
TEST17 = [ROOT / "tests" / "gold" / "unseen" / "test17"]  # the last the stored pages gave, in the tenth session
TEST18 = [ROOT / "tests" / "gold" / "unseen" / "test18"]  # and a few more, found by the topic of a body's year
TEST19 = [ROOT / "tests" / "gold" / "unseen" / "test19"]  # and by place: less-known counties of many provinces
TEST20 = [ROOT / "tests" / "gold" / "unseen" / "test20"]  # and by era: the wording of 1995-2012
TEST21 = [ROOT / "tests" / "gold" / "unseen" / "test21"]  # and of 2013-2025, with the repository's last report
OUTSIDE = [ROOT / "tests" / "gold" / "outside"]  # the outside test: never tuned on
WEAK_TEST = [ROOT / "tests" / "gold" / "unseen" / "weak-test"]  # weaknesses only, of ../shared reports
WIDTH = 50


def rows(scores: UnseenScores) -> list[tuple[str, str]]:
    out = [("files", str(scores.files))]
    for kind in KINDS:
        t = scores.kinds[kind]
        out.append((kind, f"P {t.precision:.3f} R {t.recall:.3f} ({t.gold} gold, {t.found} found)"))
    out.append(("genre", f"{scores.genre_accuracy:.3f} ({scores.genre_right}/{scores.genre_files})"))
    h = scores.headings
    out.append(("outline", f"P {h.precision:.3f} R {h.recall:.3f} ({h.gold} gold, {h.found} found)"))
    out.append(("levels", f"{scores.heading_levels_right}/{h.matched} right"))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-only", action="store_true", help="score the dev half alone")
    parser.add_argument("--show", action="store_true", help="print every miss on dev and on each --folder")
    parser.add_argument("--folder", type=Path, action="append", default=[],
                        help="also score this gold folder in a column of its own (repeatable)")
    args = parser.parse_args()
    tuned = [score_folders(DEV, ROOT)] + [score_folders([ROOT / folder], ROOT) for folder in args.folder]
    halves = [(name, rows(scores)) for name, scores in zip(["dev"] + [f.name for f in args.folder], tuned)]
    if not args.dev_only:
        halves += [("test", rows(score_folders(TEST, ROOT))), ("test2", rows(score_folders(TEST2, ROOT))),
                   ("test3", rows(score_folders(TEST3, ROOT))), ("weak-test", rows(score_folders(WEAK_TEST, ROOT))),
                   ("test4", rows(score_folders(TEST4, ROOT))), ("test5", rows(score_folders(TEST5, ROOT))),
                   ("test6", rows(score_folders(TEST6, ROOT))), ("test7", rows(score_folders(TEST7, ROOT))),
                   ("test8", rows(score_folders(TEST8, ROOT))), ("test9", rows(score_folders(TEST9, ROOT))),
                   ("test10", rows(score_folders(TEST10, ROOT))), ("test11", rows(score_folders(TEST11, ROOT))),
                   ("test12", rows(score_folders(TEST12, ROOT))),
                   ("test13", rows(score_folders(TEST13, ROOT))),
                   ("test14", rows(score_folders(TEST14, ROOT))),
                   ("test15", rows(score_folders(TEST15, ROOT))),
                   ("test16", rows(score_folders(TEST16, ROOT))),
                   ("test17", rows(score_folders(TEST17, ROOT))),
                   ("test18", rows(score_folders(TEST18, ROOT))),
                   ("test19", rows(score_folders(TEST19, ROOT))),
                   ("test20", rows(score_folders(TEST20, ROOT))),
                   ("test21", rows(score_folders(TEST21, ROOT))),
                   ("all test", rows(score_folders(TEST + TEST2 + TEST3 + WEAK_TEST + TEST4 + TEST5 + TEST6 + TEST7
                                                   + TEST8 + TEST9 + TEST10 + TEST11
                                                   + TEST12 + TEST13 + TEST14 + TEST15
                                                   + TEST16 + TEST17 + TEST18 + TEST19 + TEST20 + TEST21, ROOT))),
                   ("outside", rows(score_folders(OUTSIDE, ROOT)))]
    print(f"{'':12}" + "".join(f"{name:{WIDTH}}" for name, _ in halves))
    for i, (label, _) in enumerate(halves[0][1]):
        print(f"{label:12}" + "".join(f"{half[i][1]:{WIDTH}}" for _, half in halves))
    if args.show:
        print("\n".join(miss for scores in tuned for miss in scores.misses))


if __name__ == "__main__":
    main()
