"""Genre and year against ../shared/corpus/manifest.csv, with and without the file name's help.

    python bench/eval_profile.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportparse import parse_text  # noqa: E402


def main() -> None:
    corpus = ROOT.parent / "shared" / "corpus"
    if not corpus.is_dir():
        sys.exit("../shared/corpus is absent")
    rows = list(csv.DictReader(open(corpus / "manifest.csv", encoding="utf-8")))
    genre = year_named = year_text = 0
    for row in rows:
        text = (corpus / row["path"]).read_text(encoding="utf-8")
        with_name, text_only = parse_text(text, path=row["path"]), parse_text(text)
        genre += with_name.genre == row["genre"]
        year_named += str(with_name.year) == row["year"]
        year_text += str(text_only.year) == row["year"]
    n = len(rows)
    print(f"reports: {n}")
    print(f"genre right:                    {genre}/{n}")
    print(f"year right (text or file name): {year_named}/{n}")
    print(f"year right (text alone):        {year_text}/{n}")


if __name__ == "__main__":
    main()
