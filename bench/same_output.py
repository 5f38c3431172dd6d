"""Record, then check, that a change leaves the output of every real report unchanged.

    python bench/same_output.py record before.json     # before the change
    python bench/same_output.py check before.json      # after it: lists every report whose output differs

For every report in ../shared/corpus and the project's corpus/, the digest of what `reportparse parse
--format json` and `reportparse extract --format json` print (the same documents, built in one
process), and of `compare` over each folder of the shared corpus (a series of years). Only digests
are written, never report text. Exit 1 when any differs.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportparse import parse  # noqa: E402
from reportparse.compare import compare  # noqa: E402
from reportparse.export import mentions_document, selected_kinds  # noqa: E402

SERIES_FOLDERS = ("gwr-national", "gwr-provincial-2026")


def digest(document: object) -> str:
    return hashlib.sha256(json.dumps(document, ensure_ascii=False, indent=2).encode()).hexdigest()


def report_files() -> list[Path]:
    shared = ROOT.parent / "shared" / "corpus"
    files = sorted(shared.rglob("*.txt")) if shared.is_dir() else []
    return files + sorted((ROOT / "corpus").glob("*.txt"))


def digests() -> dict[str, str]:
    out: dict[str, str] = {}
    for path in report_files():
        report = parse(str(path))
        out[f"parse {path}"] = digest(report.to_dict())
        out[f"extract {path}"] = digest(mentions_document(report, selected_kinds(None)))
    shared = ROOT.parent / "shared" / "corpus"
    for folder in SERIES_FOLDERS:
        files = sorted((shared / folder).glob("*.txt"))
        if len(files) > 1:
            out[f"compare {folder}"] = digest(compare([str(p) for p in files], allow_same_year=True).to_dict())
    return out


def main() -> None:
    if len(sys.argv) != 3 or sys.argv[1] not in ("record", "check"):
        sys.exit(__doc__)
    store = Path(sys.argv[2])
    now = digests()
    if sys.argv[1] == "record":
        store.write_text(json.dumps(now, indent=1))
        print(f"recorded {len(now)} outputs in {store}")
        return
    before = json.loads(store.read_text())
    differ = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for key in differ:
        print(f"differs: {key}")
    print(f"{len(now) - len(differ)} of {len(before.keys() | now.keys())} outputs identical")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
