"""Rewrite the shipped schema files from the shapes: ``python -m reportparse.schemas``."""

from __future__ import annotations

import sys
from pathlib import Path

from . import KINDS
from .generate import generated_text


def main() -> None:
    folder = Path(__file__).resolve().parent
    for kind in KINDS:
        path = folder / f"{kind}.json"
        text = generated_text(kind)
        changed = not path.exists() or path.read_text(encoding="utf-8") != text
        if changed:
            path.write_text(text, encoding="utf-8")
        sys.stderr.write(f"{'wrote' if changed else 'unchanged'} {path}\n")


if __name__ == "__main__":
    main()
