"""The inputs of a batch: files as given, folders walked, globs expanded; order kept, each once.

Every entry a folder walk meets that could be a report gets a record, so an archive never loses a file
silently: a report file (by suffix, any case), and also what the walk cannot look into or follow, each an
error record naming why: a folder it may not read, a symbolic link that leads nowhere or round in a loop,
a named pipe or device with a report's suffix. Hidden entries (a leading dot) are left out. A link to a
folder is walked unless it leads back into a folder being walked (a loop).
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass

from ..formats.images import IMAGE_SUFFIXES

# a folder named like a report file was meant as one: it gets an error record, not a walk
REPORT_SUFFIXES = (".txt", ".docx", ".doc", ".wps", ".pdf") + IMAGE_SUFFIXES


@dataclass(frozen=True)
class Found:
    """An input: a path to read, or what the walk could not read (``problem``: error type and message)."""

    path: str
    problem: tuple[str, str] | None = None


def input_paths(arguments: list[str]) -> list[str]:
    """The paths of :func:`walk_inputs`, problems included (reading them names the problem again)."""
    return [found.path for found in walk_inputs(arguments)]


def walk_inputs(arguments: list[str]) -> list[Found]:
    """
    A folder gives the report files below it and what it could not read, sorted; a glob its matches,
    sorted; anything else is kept as given, so that a missing file still yields its record.
    """
    out: list[Found] = []
    seen: set[str] = set()
    for argument in arguments:
        if os.path.isdir(argument) and not argument.lower().endswith(REPORT_SUFFIXES):
            found = sorted(_walk(argument), key=lambda f: f.path)
        elif any(ch in argument for ch in "*?[") and not os.path.exists(argument):
            found = [Found(p) for p in sorted(glob.glob(argument, recursive=True)) if not os.path.isdir(p)]
        else:
            found = [Found(argument)]
        for item in found:
            if item.path not in seen:
                seen.add(item.path)
                out.append(item)
    return out


def _walk(root: str) -> list[Found]:
    found: list[Found] = []
    _visit(root, found, _identity(root), set())
    return found


def _visit(folder: str, found: list[Found], identity: tuple[int, int] | None, ancestors: set[tuple[int, int]]) -> None:
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except OSError as exc:
        found.append(Found(folder, ("unreadable", f"cannot read folder {folder}: {exc.strerror or exc}")))
        return
    inside = ancestors | ({identity} if identity else set())
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if _is_dir(entry):
            target = _identity(entry.path)
            if target in inside:
                found.append(Found(entry.path, ("unreadable", f"symbolic link loop: {entry.path} leads back to "
                                                              "a folder being walked")))
            else:
                _visit(entry.path, found, target, inside)
        elif _is_report_name(entry.name) or (entry.is_symlink() and not _resolves(entry.path)):
            # a file by its suffix, or a link that leads nowhere or loops (reading it says which)
            found.append(Found(entry.path))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _identity(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _resolves(path: str) -> bool:
    return _identity(path) is not None


def _is_report_name(name: str) -> bool:
    return name.lower().endswith(REPORT_SUFFIXES)
