"""Fuzz the text, .docx and PDF readers with Hypothesis for a stretch of time, and print what it found.

    python bench/fuzz_readers.py --minutes 10            # the run the closing note of issue 15 quotes
    python bench/fuzz_readers.py --minutes 1 --keep out/  # keep every input that raised, to reproduce

Each case is a seed file (a report as UTF-8, GB18030 and UTF-16 text; a .docx with Word numbering; a PDF)
mutated by Hypothesis: bytes flipped, slices cut, repeated or spliced in, the file truncated, and for the
.docx and PDF the inner XML or content stream mutated and the container rebuilt, so that the reader gets
past its first checks. A case passes when the reader returns text or raises ``InputError`` (the one-line
refusal); anything else is an exception found. Each case runs under a 20 s alarm and the whole process
under a 1.5 GB address-space limit, so a case that would take longer or more is counted as slow or as
out of memory instead of hanging the run.
"""

from __future__ import annotations

import argparse
import hashlib
import resource
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportparse.errors import InputError  # noqa: E402
from reportparse.formats import OcrOptions, extract_text  # noqa: E402
from tests.hostile import files  # noqa: E402

CASE_SECONDS = 20
HEAVY_SECONDS = 5      # a case slower than this, or raising the peak memory by more than
HEAVY_GROWTH_MB = 200  # this, is counted and kept: not a failure, a place to look
NO_OCR = OcrOptions(mode="never")  # the readers are fuzzed, not the OCR engine (bench/ocr.py measures it)
ADDRESS_SPACE = 1536 * 1024 * 1024


class CaseTimeout(BaseException):
    """A case ran past CASE_SECONDS. A BaseException: pdfminer catches Exception in places and would go on."""


def seeds() -> dict[str, list[bytes]]:
    report = (ROOT / "corpus" / "duty-linjiang-2023.txt").read_text(encoding="utf-8")
    short = report[:3000]
    return {
        "text": [short.encode("utf-8"), short.encode("gb18030"), short.encode("utf-16"), short.encode("big5", "replace")],
        "docx": [files.docx(short.splitlines()[:40]), files.numbering_docx(3, "chineseCounting", 5)],
        "pdf": [files.pdf([files.text_page(["Annual Report 2024", "1. Study", "We studied twelve times."]),
                           files.text_page(["2. Problems", "- 2 -"])])],
    }


@st.composite
def mutated(draw: Callable, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 8))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "cut", "repeat", "insert", "truncate", "byte"]))
        if kind == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "byte":
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at:at + draw(st.integers(1, 64))]
        elif kind == "repeat":
            piece = bytes(data[at:at + draw(st.integers(1, 64))])
            data[at:at] = piece * draw(st.integers(1, 200))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        else:
            del data[at:]
    return bytes(data)


def inner_mutations(kind: str, rng_text: str) -> bytes | None:
    """A container rebuilt around mutated inner text: the XML of a .docx, the content of a PDF page."""
    if kind == "docx":
        return files.docx(rng_text.splitlines() or [""], numbered=min(3, len(rng_text.splitlines())))
    if kind == "pdf":
        return files.pdf([rng_text.encode("latin-1", "replace")])
    return None


def run(minutes: float, keep: Path | None) -> int:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    signal.signal(signal.SIGALRM, _alarm)
    outcomes: Counter[str] = Counter()
    found: dict[str, str] = {}
    slowest = [0.0, ""]
    heaviest = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024]
    deadline = time.monotonic() + minutes * 60
    pool = seeds()

    def one(kind: str, data: bytes) -> None:
        if keep is not None:  # the case at hand, for a run that hangs where no alarm can reach
            _keep(keep, kind, data, "current", named=False)
        started = time.perf_counter()
        # repeating: a reader's cleanup (pdfplumber's close walks the pages again) must be interrupted too
        signal.setitimer(signal.ITIMER_REAL, CASE_SECONDS, 5)
        try:
            extract_text(data, f"case.{kind}", ocr=NO_OCR)
            outcomes[f"{kind}: read"] += 1
        except InputError:
            outcomes[f"{kind}: refused"] += 1
        except CaseTimeout:
            outcomes[f"{kind}: slow (> {CASE_SECONDS} s)"] += 1
            _keep(keep, kind, data, "slow")
        except MemoryError:
            outcomes[f"{kind}: out of memory"] += 1
            _keep(keep, kind, data, "memory")
        except Exception as exc:  # noqa: BLE001 - what the fuzzer is looking for
            key = f"{kind}: {type(exc).__name__}: {str(exc)[:80]}"
            outcomes[f"{kind}: EXCEPTION"] += 1
            found.setdefault(key, traceback.format_exc(limit=4))
            _keep(keep, kind, data, "exception")
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        seconds = time.perf_counter() - started
        if seconds > slowest[0]:
            slowest[:] = [seconds, kind]
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        if seconds > HEAVY_SECONDS or peak > heaviest[0] + HEAVY_GROWTH_MB:
            outcomes[f"{kind}: heavy (> {HEAVY_SECONDS} s or +{HEAVY_GROWTH_MB} MB)"] += 1
            _keep(keep, kind, data, "heavy")
        heaviest[0] = max(heaviest[0], peak)

    fuzz_settings = settings(max_examples=200, deadline=None, database=None, derandomize=False,
                             suppress_health_check=list(HealthCheck))
    rounds = 0
    while time.monotonic() < deadline:
        for kind, group in pool.items():
            @fuzz_settings
            @given(st.sampled_from(group).flatmap(mutated))
            def bytes_case(data: bytes) -> None:
                one(kind, data)

            @fuzz_settings
            @given(st.text(max_size=2000))
            def inner_case(text: str) -> None:
                rebuilt = inner_mutations(kind, text)
                if rebuilt is not None:
                    one(kind, rebuilt)

            bytes_case()
            if kind != "text":
                inner_case()
            if time.monotonic() >= deadline:
                break
        rounds += 1
    cases = sum(outcomes.values())
    print(f"fuzzed {cases:,} cases in {minutes:g} min ({rounds} rounds over the seeds); "
          f"slowest case {slowest[0]:.2f} s ({slowest[1]}); peak memory "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    for outcome, count in sorted(outcomes.items()):
        print(f"  {outcome}: {count:,}")
    print(f"exceptions found: {len(found)} distinct")
    for key, trace in found.items():
        print(f"--- {key}\n{trace}")
    return 1 if found else 0


def _alarm(signum: int, frame: object) -> None:
    raise CaseTimeout


def _keep(folder: Path | None, kind: str, data: bytes, why: str, named: bool = True) -> None:
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        name = f"{why}-{hashlib.sha256(data).hexdigest()[:16]}" if named else why
        (folder / f"{name}.{kind}").write_bytes(data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--keep", type=Path, help="Keep every input that raised, timed out or ran out of memory.")
    arguments = parser.parse_args()
    sys.exit(run(arguments.minutes, arguments.keep))


if __name__ == "__main__":
    main()
