"""The reading layer: the decoded text as the rules read it, with a map back to the decoded text.

``read(text, book)`` runs the steps of ``rules/reading.toml`` that are enabled, in a fixed order:
characters are read first (pinyin glosses dropped, traditional, then ASCII punctuation, then a heading numeral
typed as a dash), then lines (hard wraps joined, link texts a page set on lines of their own read back,
lines a web page ran together broken up,
headings glued to the sentence before them set on lines of their own), then
the gaps inside lines (spaces and zero-width characters). Every stage of the parse runs on
``Reading.text``; ``restore.to_original`` puts the report's offsets and surfaces back on the decoded
text.
"""

from __future__ import annotations

from ..model import Warning
from ..rulebook import ReadingRule, RuleBook
from .offsets import Reading
from .flattened import read_flattened
from .glued import read_glued
from .links import read_links
from .markers import read_markers
from .pinyin import read_pinyin
from .punctuation import read_punctuation
from .spaces import read_spaces
from .traditional import read_traditional
from .unwrap import read_unwrapped

__all__ = ["Reading", "read", "STEPS", "changes", "normalised_warnings"]

# step name -> what it does to the reading form (reading, its rule, the rule book); the order they run in
STEPS = {
    "pinyin": read_pinyin,
    "traditional": read_traditional,
    "punctuation": read_punctuation,
    "markers": read_markers,
    "unwrap": read_unwrapped,
    "links": read_links,
    "flattened": read_flattened,
    "glued": read_glued,
    "spaces": read_spaces,
}

_WHAT = {"pinyin": "pinyin glossed after characters read as nothing",
         "traditional": "traditional characters read as simplified",
         "punctuation": "ASCII punctuation marks read as full-width",
         "markers": "heading numerals typed as a dash read as 一",
         "unwrap": "hard-wrapped lines joined",
         "links": "words a web page set apart as links read back into their sentences",
         "flattened": "paragraphs and headings run together on one line set apart",
         "glued": "line breaks inserted before headings glued to the text before them",
         "spaces": "spaces and zero-width characters dropped"}


def read(text: str, book: RuleBook, only: str | None = None) -> Reading:
    """The reading form of ``text`` under the enabled steps of ``book`` (or the one step ``only``)."""
    reading = Reading(text)
    enabled = {rule.name: rule for rule in book.of(ReadingRule) if rule.enabled}
    for name, step in STEPS.items():
        if name in enabled and (only is None or name == only):
            step(reading, enabled[name], book)
    return reading


def changes(rule: ReadingRule, text: str, book: RuleBook) -> bool:
    """Whether the step ``rule`` alone reads ``text`` differently (how rule examples are checked)."""
    reading = Reading(text)
    STEPS[rule.name](reading, rule, book)
    return reading.text != text


def normalised_warnings(reading: Reading) -> list[Warning]:
    """One warning per step that changed something, with its count (code ``normalised``)."""
    return [Warning("normalised", f"{step}: {count} {_WHAT[step]}", None)
            for step, count in reading.counts.items()]
