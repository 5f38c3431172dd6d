"""Rebuild every NAME.json of the unseen test set from its spec in specs/.

    python tests/gold/unseen/test/make_gold.py

Runs bench/gold_tool.py on each spec (it turns surfaces into offsets; nothing here runs the extractors) and adds
the spec's "genre" and "outline", which gold_tool does not carry over.
"""

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]

for spec_path in sorted((HERE / "specs").glob("*.json")):
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "gold_tool.py"), str(spec_path)],
                         capture_output=True, text=True, cwd=ROOT)
    if run.returncode:
        sys.exit(f"{spec_path.name}: {run.stderr.strip()}")
    gold = json.loads(run.stdout)
    out = {"report": gold.pop("report"), "sha256": gold.pop("sha256"), "genre": spec.get("genre"),
           "outline": spec.get("outline", []), **gold}
    (HERE / spec_path.name).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(spec_path.name, {k: len(out.get(k, [])) for k in ("quantities", "meetings", "documents", "weaknesses", "plans")})
