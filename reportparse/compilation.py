"""Compilations: a file that holds several reports (历年政府工作报告汇编, a yearbook chapter) split into them.

A report starts at a line the ``report-start`` rules (``rules/compilations.toml``) call a title: it
matches ``title``, and a line matching ``confirm`` follows within ``within`` non-blank lines, or a
form feed (a page break in a converted file) stands right before it. A file where fewer than two
reports start is one report and stays whole. Each part runs from its title line to the next part's,
with the blank lines and form feeds between them left out; its offsets index the file's text, and the
offsets in its parse index the part's own text, ``text[start:end]``.

Cost: linear in the text (one pass over its lines, a few rule matches per line).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from .punctuation import INDENT_CHARS
from .rulebook import ReportStartRule, RuleBook
from .text import split_lines

FORM_FEED = "\f"
SEGMENT = regex.compile(r"[^\r\n\f\u2028\u2029]+")
PAGE_BREAK_REACH = 3  # a form feed this close before a title line (blank lines between) is its page break
GAP = INDENT_CHARS + FORM_FEED + "\r\n"
LINE_BREAK = regex.compile(r"\r\n|\r|\n|")


@dataclass(frozen=True)
class ReportPart:
    """One report of a compilation: its number (from 1), how many there are, and its span in the file."""

    number: int
    count: int
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "count": self.count, "start": self.start, "end": self.end}


def report_starts(text: str, rules: RuleBook) -> list[int]:
    """The offsets of the title lines that open a report."""
    start_rules = rules.of(ReportStartRule)
    # lines split at form feeds too: a converted file puts a page break anywhere in a line
    lines = [(m.start() + len(m.group()) - len(m.group().lstrip(INDENT_CHARS)), m.group().strip(INDENT_CHARS))
             for m in SEGMENT.finditer(text) if m.group().strip(INDENT_CHARS)]
    starts = []
    for index, (start, line) in enumerate(lines):
        after_break = FORM_FEED in text[max(0, start - PAGE_BREAK_REACH):start]
        for rule in start_rules:
            if not rule.title.compiled.search(line):
                continue
            following = [ln for _, ln in lines[index + 1:index + 1 + rule.within]]
            if after_break or rule.confirm is None or any(rule.confirm.compiled.search(ln) for ln in following):
                starts.append(start)
                break
    return starts


def split_reports(text: str, rules: RuleBook) -> list[ReportPart]:
    """The reports a file holds; a single part spanning the text when it holds fewer than two."""
    starts = report_starts(text, rules)
    if len(starts) < 2:
        return [ReportPart(1, 1, 0, len(text))]
    if text[:starts[0]].strip(GAP):
        starts = [0] + starts  # text before the first title (a compilation's own cover) is a part of its own
    bounds = starts + [len(text)]
    parts = []
    for number, (start, end) in enumerate(zip(bounds, bounds[1:]), 1):
        # the blank lines and form feeds between two reports belong to neither; a part keeps its last line break
        end = start + len(text[start:end].rstrip(GAP))
        line_break = LINE_BREAK.match(text, end)
        end += len(line_break.group()) if line_break else 0
        parts.append(ReportPart(number, len(bounds) - 1, start, end))
    return parts
