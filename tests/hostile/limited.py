"""Running the command on a hostile input as a user's machine would meet it, but fenced: a child process
with 1.5 GB of address space and 60 s of CPU. Every case must end in a result (exit 0) or in one line on
stderr and exit 1, never in a traceback, a MemoryError, a kill by the limits or a hang."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ADDRESS_SPACE = 1536 * 1024 * 1024
CPU_SECONDS = 60
WALL_SECONDS = 90


@dataclass(frozen=True)
class Ended:
    code: int
    stdout: bytes
    stderr: str

    @property
    def error(self) -> str:
        """The one error line (the command's own ``reportparse: error:`` line)."""
        lines = [line for line in self.stderr.splitlines() if line.startswith("reportparse: error:")]
        assert len(lines) == 1, self.stderr
        return lines[0]


def _fence() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def run(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> Ended:
    """``reportparse ARGS`` under the limits; asserts it ended well (a result, or one line and exit 1)."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200"}
    done = subprocess.run([sys.executable, "-m", "reportparse", *args], cwd=cwd, input=stdin, capture_output=True,
                          preexec_fn=_fence, timeout=WALL_SECONDS, env=env)
    ended = Ended(done.returncode, done.stdout, done.stderr.decode("utf-8", "replace"))
    assert "Traceback" not in ended.stderr and "MemoryError" not in ended.stderr, ended.stderr
    assert ended.code in (0, 1), (ended.code, ended.stderr)
    if ended.code == 1:
        assert ended.error  # exactly one error line
    return ended


def refused(*args: str, cwd: Path | None = None) -> str:
    """The one-line error of a command that must refuse its input (exit 1)."""
    ended = run(*args, cwd=cwd)
    assert ended.code == 1, ended.stderr
    return ended.error
