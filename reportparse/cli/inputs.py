"""Turning command-line arguments into inputs: folders into files, FILE=YEAR into a mapping."""

from __future__ import annotations

from pathlib import Path

import typer

REPORT_SUFFIXES = (".txt",)


def expand_paths(arguments: list[str]) -> list[str]:
    """Files as given; a folder gives its report files, sorted. Order is kept, duplicates dropped."""
    out: list[str] = []
    for argument in arguments:
        path = Path(argument)
        found = sorted(str(p) for p in path.rglob("*") if p.suffix in REPORT_SUFFIXES) if path.is_dir() else [argument]
        out += [p for p in found if p not in out]
    return out


def parse_year_options(values: list[str] | None) -> dict[str, int]:
    years = {}
    for value in values or []:
        name, sep, year = value.rpartition("=")
        if not sep or not name or not year.isdigit():
            raise typer.BadParameter(f"expected FILE=YEAR, got {value!r}", param_hint="--year")
        years[name] = int(year)
    return years
