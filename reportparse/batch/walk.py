"""The inputs of a batch: files as given, folders walked, globs expanded; order kept, each once."""

from __future__ import annotations

import glob
import os
from pathlib import Path

from ..formats.images import IMAGE_SUFFIXES

# a folder named like a report file was meant as one: it gets an error record, not a walk
REPORT_SUFFIXES = (".txt", ".docx", ".doc", ".wps", ".pdf") + IMAGE_SUFFIXES


def input_paths(arguments: list[str]) -> list[str]:
    """
    A folder gives the report files below it (by suffix, any case; hidden ones left out), sorted; a glob
    its matches, sorted; anything else is kept as given, so that a missing file still yields its record.
    """
    out: list[str] = []
    seen: set[str] = set()
    for argument in arguments:
        if os.path.isdir(argument) and not argument.lower().endswith(REPORT_SUFFIXES):
            found = sorted(str(p) for p in Path(argument).rglob("*")
                           if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES and not _hidden(p, argument))
        elif any(ch in argument for ch in "*?[") and not os.path.exists(argument):
            found = sorted(p for p in glob.glob(argument, recursive=True) if not os.path.isdir(p))
        else:
            found = [argument]
        for path in found:
            if path not in seen:
                seen.add(path)
                out.append(path)
    return out


def _hidden(path: Path, root: str) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)
