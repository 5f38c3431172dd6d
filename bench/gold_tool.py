"""Turn a gold spec written as surfaces into the offsets file the evaluation reads.

    python bench/gold_tool.py tests/gold/specs/NAME.json > tests/gold/NAME.json

A spec is the gold format (tests/gold/README.md) with `surface` instead of `start`/`end` in each mention,
and `range` given as `[from_surface, to_surface]` (the range runs from the first character of the first
occurrence of `from_surface` to the last character of the first occurrence of `to_surface` after it;
null for either end means the start or the end of the text). Mentions of each kind are found in order,
each after the previous one. Add `"skip": N` to a mention to take the (N+1)-th occurrence instead.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("quantities", "meetings", "documents", "weaknesses", "plans")


def report_path(name: str) -> Path:
    if name.startswith("shared:"):
        return ROOT.parent / "shared" / "corpus" / name[len("shared:"):]
    return ROOT / name


def locate(spec: dict) -> dict:
    sys.path.insert(0, str(ROOT))
    from reportparse import parse

    path = report_path(spec["report"])
    report = parse(path)
    text = report.text
    start_surface, end_surface = spec.get("range") or (None, None)
    lo = text.index(start_surface) if start_surface else 0
    hi = text.index(end_surface, lo) + len(end_surface) if end_surface else len(text)
    out = {"report": spec["report"], "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "range": [lo, hi]}
    for key in ("kinds", "genre", "outline"):  # genre and outline: the unseen halves (tests/gold/unseen)
        if key in spec:
            out[key] = spec[key]
    keep_text = not spec["report"].startswith("shared:")
    for kind in spec.get("kinds", KINDS):
        found, pos = [], lo
        for mention in spec.get(kind, []):
            mention = dict(mention)
            surface = mention.pop("surface")
            at = pos - 1
            for _ in range(mention.pop("skip", 0) + 1):
                at = text.find(surface, at + 1)
                if at < 0 or at + len(surface) > hi:
                    sys.exit(f"{kind}: {surface!r} not found in range after offset {pos}")
            entry = {"start": at, "end": at + len(surface), **mention}
            if keep_text:
                entry["text"] = surface
            found.append(entry)
            pos = at + 1
        out[kind] = found
    return out


def main() -> None:
    spec = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    json.dump(locate(spec), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
