"""Batch throughput with 1 and 2 workers, and peak memory at 100 and 1,000 inputs, in one run.

    python bench/batch_scaling.py [--inputs 1000] [--runs 5]

Inputs are the 84 files of ../shared/corpus (the project's corpus/ when that is absent), linked into a
temporary folder until there are at least 1,000 of them. Each configuration runs in a fresh process, so
that its peak resident memory (the parent's or any worker's, whichever is larger) is its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

RUN = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from reportparse.batch import run_batch
started = time.perf_counter()
summary = run_batch([{folder!r}], {out!r}, workers={workers})
seconds = time.perf_counter() - started
usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
peak_kib = max(u.ru_maxrss for u in usage)
cpu = sum(u.ru_utime + u.ru_stime for u in usage)
print(json.dumps({{"files": summary.inputs, "chars": summary.characters, "seconds": seconds, "peak_mib": peak_kib / 1024,
                  "cpu": cpu}}))
"""


def sources() -> list[Path]:
    shared = ROOT.parent / "shared" / "corpus"
    folder = shared if shared.is_dir() else ROOT / "corpus"
    return sorted(folder.rglob("*.txt"))


def linked_folder(base: Path, count: int) -> Path:
    folder = base / f"inputs-{count}"
    folder.mkdir()
    files = sources()
    for i in range(count):
        os.link(files[i % len(files)], folder / f"{i:05d}-{files[i % len(files)].name}")
    return folder


def measure(folder: Path, workers: int, out: Path) -> dict:
    code = RUN.format(root=str(ROOT), folder=str(folder), out=str(out), workers=workers)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    count = int(sys.argv[sys.argv.index("--inputs") + 1]) if "--inputs" in sys.argv else 1000
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 1
    speedups = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        small, large = linked_folder(base, 100), linked_folder(base, count)
        for run in range(runs):  # one and two workers back to back, so both meet the same load on the machine
            one = measure(large, 1, base / "w1.jsonl")
            two = measure(large, 2, base / "w2.jsonl")
            speedups.append(one["seconds"] / two["seconds"])
            # cores obtained = CPU seconds / wall seconds: under 2 with two workers, others held a core
            print(f"run {run + 1}: 1 worker {one['seconds']:.1f} s, 2 workers {two['seconds']:.1f} s: "
                  f"{speedups[-1]:.2f}x; cores obtained by 2 workers {two['cpu'] / two['seconds']:.2f}", flush=True)
        peak_small = measure(small, 2, base / "s.jsonl")["peak_mib"]
    for name, r in (("--workers 1", one), ("--workers 2", two)):
        print(f"{name}: {r['files']} files in {r['seconds']:.1f} s: {r['files'] / r['seconds']:.1f} files/s, "
              f"{r['chars'] / r['seconds']:,.0f} chars/s, peak {r['peak_mib']:.0f} MiB")
    ordered = sorted(speedups)
    print(f"speed-up with 2 workers over {runs} run(s): median {ordered[len(ordered) // 2]:.2f}x, "
          f"min {ordered[0]:.2f}x, max {ordered[-1]:.2f}x (target >= 1.7x on 2 cores)")
    print(f"peak memory, 2 workers: {peak_small:.0f} MiB at 100 inputs, {two['peak_mib']:.0f} MiB at {count} "
          f"({two['peak_mib'] / peak_small - 1:+.0%}; target within 20%)")


if __name__ == "__main__":
    main()
