"""Turning command-line arguments into inputs: folders into files, FILE=YEAR into a mapping."""

from __future__ import annotations

import typer

from ..batch.walk import input_paths as expand_paths  # noqa: F401  (one walk for every command)


def parse_year_options(values: list[str] | None) -> dict[str, int]:
    years = {}
    for value in values or []:
        name, sep, year = value.rpartition("=")
        if not sep or not name or not year.isdigit():
            raise typer.BadParameter(f"expected FILE=YEAR, got {value!r}", param_hint="--year")
        years[name] = int(year)
    return years
