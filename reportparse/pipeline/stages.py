"""The parser's stages, in the order they run. Each is one function of one signature,
``(state: ParseState) -> None``: it reads what the stages before it left on the state and adds its own.

    read     the reading form (messy text read as clean: wraps joined,     O(n)         reading/
             spaces, ASCII punctuation, traditional characters) with its
             map back to the decoded text; the lines
    scan     one block per line: heading, noise or text (detection only)  O(n)         scan.py
    profile  title, genre and year (from the first lines and the opening) O(1)+copy    profile.py
    outline  blocks nested into preamble, sections and closing, with      O(lines)     tree.py
             final spans
    items    each part's paragraphs and inline items (一是…二是…)          O(n log n)   inline.py
    tree     the nodes, each built complete (title, role by title, and    O(lines)     tree.py
             by place for the genres that say so)
    extract  the extractors asked for, their mentions placed in the tree  O(n log n)   extract/*.py
    restore  every offset and surface mapped back onto the decoded text   O(m log e)   reading/restore.py

(n: characters of the text; m: nodes and mentions; e: edits the reading made; each module's docstring
says why. bench/scaling.py measures it, and tests/test_linear.py guards the inline items against a
quadratic coming back.)

Decoding (bytes → text, by format) happens before the state exists: offsets index its result.
"""

from __future__ import annotations

from typing import Callable

from ..extract import extract_stage
from ..inline import part_body
from ..profile import genre_rule, profile, section_roles
from ..reading import normalised_warnings
from ..reading import read as reading_form
from ..reading.restore import restore
from ..rulebook import EnumerationRule
from ..scan import lists_as_headings, scan
from ..text import fold, split_lines
from ..tree import build_nodes, build_outline
from .chain import Chain
from .state import ParseState


def read(state: ParseState) -> None:
    state.reading = reading_form(state.original, state.rules)
    state.text = state.reading.text
    state.warnings += normalised_warnings(state.reading)
    state.folded = fold(state.text)
    state.lines = split_lines(state.text)


def scan_lines(state: ParseState) -> None:
    state.blocks = scan(state.text, state.folded, state.lines, state.rules)


def outline(state: ParseState) -> None:
    genre = genre_rule(state.profile.genre if state.profile else None, state.rules)
    blocks = lists_as_headings(state.blocks) if genre and genre.numbered_lists == "headings" else state.blocks
    state.parts = build_outline(state.text, blocks, state.rules, state.warn)


def items(state: ParseState) -> None:
    families = state.rules.of(EnumerationRule)
    for top in state.parts:
        for part in top.walk():
            if part.kind != "noise":
                part.body = part_body(state.text, state.folded, part, families)


def tree(state: ParseState) -> None:
    genre = genre_rule(state.profile.genre if state.profile else None, state.rules)
    year = state.profile.year if state.profile else None
    state.sections = build_nodes(state.text, state.parts, section_roles(state.rules, year),
                                 genre.untitled_parts if genre else None)


def profile_report(state: ParseState) -> None:
    state.profile = profile(state.text, state.folded, state.blocks, state.rules, state.path)


Stage = Callable[[ParseState], None]


def default_stages() -> Chain[Stage]:
    return Chain([("read", read), ("scan", scan_lines), ("profile", profile_report), ("outline", outline),
                  ("items", items), ("tree", tree), ("extract", extract_stage),
                  ("restore", restore)])
