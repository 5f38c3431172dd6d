"""A batch's progress bar and closing summary, both on stderr."""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..batch import Summary


@contextmanager
def batch_progress(console: Console) -> Iterator[Callable[[dict[str, Any]], None]]:
    progress = Progress(TextColumn("parsing"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=console, transient=True)
    task = progress.add_task("batch", total=None, rate="")
    started, counts = time.perf_counter(), {"files": 0, "chars": 0}

    def on_record(record: dict[str, Any]) -> None:
        counts["files"] += 1
        counts["chars"] += record.get("text_length", 0)
        elapsed = max(time.perf_counter() - started, 1e-9)
        rate = f"{counts['files'] / elapsed:,.1f} files/s · {counts['chars'] / elapsed:,.0f} chars/s"
        progress.update(task, advance=1, rate=rate)

    with progress:
        yield on_record


def summary_table(summary: Summary) -> Table:
    table = Table(title="batch", title_justify="left", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("inputs", str(summary.inputs))
    if summary.skipped:
        table.add_row("already done (--resume)", str(summary.skipped))
    table.add_row("parsed", str(summary.parsed))
    for reason, count in sorted(summary.failed.items()):
        table.add_row(f"failed: {reason}", str(count))
    table.add_row("characters", f"{summary.characters:,}")
    table.add_row("time", f"{summary.seconds:.1f} s")
    return table
