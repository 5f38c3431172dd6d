"""Would cues alone tell the genre of a title-less excerpt? Measured on the dev half only.

    python bench/genre_cues_only.py

For every dev text the rules leave without a genre (no title, no lead), each genre's `cues` (rules/genres.toml)
are counted in its opening, as `reportparse.profile.best_genre` counts them; a fallback would name the genre
with most cues when it has at least MIN cues and leads the next genre by MARGIN. Printed per (MIN, MARGIN):
how many texts it would name rightly and how many wrongly (a gold `null`, a news item, named a genre counts as
wrong). Result (fourth session, 45 such texts): at best 1–3 right for 1–21 wrong, so no fallback ships.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportparse.api import parse_text  # noqa: E402
from reportparse.profile import CUE_WINDOW  # noqa: E402
from reportparse.rulebook import GenreRule, default_rules  # noqa: E402
from reportparse.text import fold  # noqa: E402

DEV = ROOT / "tests" / "gold" / "unseen" / "dev"


def dev_genres() -> list[tuple[str | None, str, dict]]:
    """(gold genre, text, gold file) for each dev text whose gold names a genre or null."""
    rows = []
    for path in sorted(DEV.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "genre" in gold:
            rows.append((gold["genre"], (ROOT / gold["report"]).read_text(encoding="utf-8"), gold))
    return rows


def untold(genres) -> list[tuple[str | None, int, int, str]]:
    """(gold genre, top cue count, runner-up's, top genre) for each dev text the rules give no genre."""
    rows = []
    for genre, text, _ in dev_genres():
        if parse_text(text).genre is not None:
            continue
        front = fold(text)[:CUE_WINDOW]
        scored = sorted(((sum(1 for p in g.cues if p.search(front)), -i, g.name) for i, g in enumerate(genres)),
                        reverse=True)
        rows.append((genre, scored[0][0], scored[1][0], scored[0][2]))
    return rows


def main() -> None:
    rows = untold(default_rules().of(GenreRule))
    print(f"{len(rows)} dev texts without a genre from title or lead")
    for least in (2, 3, 4):
        for margin in (1, 2, 3):
            named = [(gold, top) for gold, first, second, top in rows if first >= least and first - second >= margin]
            right = sum(1 for gold, top in named if gold == top)
            print(f"min {least} margin {margin}: right {right}, wrong {len(named) - right}")


if __name__ == "__main__":
    main()
