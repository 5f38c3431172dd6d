"""Where a batch run's time goes besides parsing, in one process: why two workers are not twice one.

    python bench/batch_costs.py [--inputs 300]

For the corpus's reports (../shared/corpus, else corpus/), linked round until --inputs: CPU seconds
to parse them all (the work that parallelises), to load the rules (once per worker), to start a pool
of two, and what the parent does per record, which does not parallelise and takes a core from the
workers on a 2-core machine: unpickling a whole record and serialising it to JSON (before: the
workers sent dicts), against taking bytes already serialised by the worker (now).
"""

from __future__ import annotations

import json
import multiprocessing
import pickle
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportparse.batch.jsonl import jsonl_line  # noqa: E402
from reportparse.batch.records import process_path  # noqa: E402
from reportparse.rulebook import load_rules  # noqa: E402


def sources(count: int) -> list[str]:
    shared = ROOT.parent / "shared" / "corpus"
    files = sorted(shared.rglob("*.txt")) if shared.is_dir() else sorted((ROOT / "corpus").glob("*.txt"))
    return [str(files[i % len(files)]) for i in range(count)]


def cpu(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.process_time()
    result = work()
    return time.process_time() - started, result


def _nothing(_: int) -> None:
    return None


def pool_start() -> float:
    """Wall seconds to fork two workers and get one trivial result back."""
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_nothing, [0, 1])
    return time.perf_counter() - started


def main() -> None:
    count = int(sys.argv[sys.argv.index("--inputs") + 1]) if "--inputs" in sys.argv else 300
    paths = sources(count)
    rules_load, book = cpu(load_rules)
    parse_all, records = cpu(lambda: [process_path(p, book) for p in paths])
    pickled = [pickle.dumps(r) for r in records]
    unpickle, _ = cpu(lambda: [pickle.loads(p) for p in pickled])
    to_json, lines = cpu(lambda: [jsonl_line(r) for r in records])
    pickled_lines = [pickle.dumps(line) for line in lines]
    unpickle_lines, _ = cpu(lambda: [pickle.loads(p) for p in pickled_lines])
    megabytes = sum(map(len, pickled)) / 1e6
    print(f"{count} inputs, {sum(r.get('text_length', 0) for r in records):,} characters")
    print(f"parse (the parallel part):             {parse_all:7.2f} s CPU")
    print(f"rules load, once per worker:           {rules_load:7.2f} s CPU")
    print(f"pool of 2 started, first result back:  {pool_start():7.2f} s wall")
    before = unpickle + to_json
    after = unpickle_lines
    print(f"parent, before (unpickle dicts {megabytes:.0f} MB + JSON): {before:7.2f} s CPU = {before / parse_all:5.1%} of the parse")
    print(f"parent, now (unpickle serialised lines):   {after:7.2f} s CPU = {after / parse_all:5.1%} of the parse")
    # two cores run the workers' parse and the parent's share together: (parse + parent) / 2 at best
    print(f"two workers on two cores, best case: before {2 * parse_all / (parse_all + before):.2f}x, "
          f"now {2 * parse_all / (parse_all + after):.2f}x (the parent's share is taken from the workers' cores)")


if __name__ == "__main__":
    main()
