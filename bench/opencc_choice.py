"""How well and how fast the installed ``opencc`` module reads traditional text as simplified.

    python bench/opencc_choice.py [FILE ...]

Two packages install a module named ``opencc`` (the maintained ``opencc``, with the C++ library, and the
pure-Python ``opencc-python-reimplemented``), so each is measured in its own virtual environment. The
text is the project's own corpus/ (or the files given), turned into traditional characters with s2t,
then read back with t2s. Printed: the package, characters per second of t2s (best of a few rounds),
the share of characters that come back as they were, and how many lines t2s made longer or shorter
(the reading layer needs one character for one).
"""

from __future__ import annotations

import sys
import time
from importlib import metadata
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[1]
REPEATS = 5


def converter(config: str):
    try:
        return opencc.OpenCC(config)
    except Exception:  # the C++ build wants the file name of the configuration
        return opencc.OpenCC(config + ".json")


def package() -> str:
    for name in ("opencc", "opencc-python-reimplemented"):
        try:
            return f"{name} {metadata.version(name)}"
        except metadata.PackageNotFoundError:
            continue
    return "opencc (unknown distribution)"


def main() -> None:
    files = [Path(a) for a in sys.argv[1:]] or sorted((ROOT / "corpus").glob("*.txt"))
    simplified = [line for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    to_traditional, to_simplified = converter("s2t"), converter("t2s")
    traditional = [to_traditional.convert(line) for line in simplified]
    chars = sum(map(len, traditional))
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        back = [to_simplified.convert(line) for line in traditional]
        best = min(best, time.perf_counter() - started)
    changed = sum(a != b for t, s in zip(traditional, simplified) for a, b in zip(t, s))
    resized = sum(len(b) != len(t) for b, t in zip(back, traditional))
    same = sum(a == b for b, s in zip(back, simplified) if len(b) == len(s) for a, b in zip(b, s))
    print(f"package: {package()}")
    print(f"text: {len(files)} files, {chars:,} characters, {changed:,} of them changed by s2t")
    print(f"t2s: {chars / best:,.0f} chars/s; back as written: {same / chars:.4%}; lines resized: {resized}")
    whole = "\n".join(traditional)
    started = time.perf_counter()
    to_simplified.convert(whole)
    print(f"t2s on the whole text at once: {len(whole) / (time.perf_counter() - started):,.0f} chars/s")


if __name__ == "__main__":
    main()
