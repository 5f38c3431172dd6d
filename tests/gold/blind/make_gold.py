"""Rebuild the offsets files of the blind set from their surface specs.

    python tests/gold/blind/make_gold.py

For every spec in specs/ this runs bench/gold_tool.py and adds the spec's "genre" (gold_tool drops fields it
does not know) to the offsets file written beside this script. Where gold_tool cannot run (in the wip-gold
worktree it fails while loading rules: "No module named 'reportparse.rules'"), the same location procedure is
applied here to the text decoded as UTF-8 (the texts are plain UTF-8, LF line ends, no BOM); the output says
which way each file was made. Nothing here uses the extractors.
"""

import hashlib
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
KINDS = ("quantities", "meetings", "documents", "weaknesses", "plans")


def locate(spec: dict) -> dict:
    """bench/gold_tool.py's locate(), on the UTF-8 text of the report."""
    path = ROOT / spec["report"]
    text = path.read_bytes().decode("utf-8")
    start_surface, end_surface = spec.get("range") or (None, None)
    lo = text.index(start_surface) if start_surface else 0
    hi = text.index(end_surface, lo) + len(end_surface) if end_surface else len(text)
    out = {"report": spec["report"], "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "range": [lo, hi]}
    if "kinds" in spec:
        out["kinds"] = spec["kinds"]
    for kind in spec.get("kinds", KINDS):
        found, pos = [], lo
        for mention in spec.get(kind, []):
            mention = dict(mention)
            surface = mention.pop("surface")
            at = pos - 1
            for _ in range(mention.pop("skip", 0) + 1):
                at = text.find(surface, at + 1)
                if at < 0 or at + len(surface) > hi:
                    sys.exit(f"{spec['report']}: {kind}: {surface!r} not found in range after offset {pos}")
            found.append({"start": at, "end": at + len(surface), **mention, "text": surface})
            pos = at + 1
        out[kind] = found
    return out


for spec_path in sorted((HERE / "specs").glob("*.json")):
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "gold_tool.py"), str(spec_path)],
                         capture_output=True, text=True, cwd=ROOT)
    if run.returncode == 0:
        gold, how = json.loads(run.stdout), "gold_tool"
    else:
        gold, how = locate(spec), "fallback"
    out = {"report": gold.pop("report"), "sha256": gold.pop("sha256"), "genre": spec.get("genre"), **gold}
    (HERE / spec_path.name).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(how, spec_path.name, {k: len(out.get(k, [])) for k in KINDS})
