"""Inline enumerations (一是…二是…, 第一，…, 首先…最后) as items, and the paragraphs around them.

Works on one region at a time: a section's own body, the preamble or the closing. Markers are
found per family, assembled into runs that start at 1 and rise by 1, and a run that lies inside
one item of a longer run nests under that item.

Cost: O(n log n) in the region's lines, markers and items. The leaf that holds a marker, the run that
opens after an item, the sibling a run falls in and the leaves an item covers are all found by
bisection over lists kept in text order; nothing is re-sorted per insert or rescanned per marker.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate

from .model import Node
from .numerals import chinese_to_int
from .punctuation import ITEM_TITLE_STOPS, ITEM_TITLE_TRIM, MARKER_BOUNDARY, MARKER_SPACES, SENTENCE_ENDS
from .rulebook import EnumerationRule
from .punctuation import INDENT_CHARS
from .tree import Part

_LAST = -1


@dataclass(frozen=True, slots=True)
class Leaf:
    kind: str  # "paragraph" | "noise"
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mark:
    rule: EnumerationRule
    number: int
    start: int
    end: int


def part_body(text: str, folded: str, part: Part, families: tuple[EnumerationRule, ...]) -> list[Node]:
    """A part's own paragraphs, noise and items (its subsections come after them)."""
    leaves = Leaves(part_leaves(part))
    runs = [run for rule in families for run in assemble_runs(find_marks(folded, leaves.leaves, rule))]
    run_starts = sorted(run[0].start for run in runs)
    items = nest_runs([run_items(text, leaves, run, run_starts) for run in runs])
    return place(text, leaves.leaves, items)


class Leaves:
    """A region's leaves in text order (they do not overlap), asked by offset."""

    def __init__(self, leaves: list[Leaf]):
        self.leaves = leaves
        self.starts = [leaf.start for leaf in leaves]
        self.reach = list(accumulate((leaf.end for leaf in leaves), max))

    def at(self, pos: int) -> Leaf:
        """The leaf with start <= pos < end."""
        leaf = self.leaves[bisect_right(self.starts, pos) - 1]
        if not leaf.start <= pos < leaf.end:
            raise ValueError(f"no leaf holds offset {pos}")
        return leaf

    def reach_before(self, pos: int) -> int:
        """The furthest end of the leaves that start before pos."""
        return self.reach[bisect_left(self.starts, pos) - 1]


def part_leaves(part: Part) -> list[Leaf]:
    leaves = [Leaf("paragraph", *part.tail)] if part.tail else []
    leaves += [Leaf("noise" if b.kind == "noise" else "paragraph", b.line.content, b.line.end) for b in part.blocks]
    return leaves


def find_marks(folded: str, leaves: list[Leaf], rule: EnumerationRule) -> list[Mark]:
    """Markers of one family in the region's paragraphs (one scan over the region, not one per line)."""
    paragraphs = [leaf for leaf in leaves if leaf.kind == "paragraph"]
    if not paragraphs:
        return []
    starts = [leaf.start for leaf in paragraphs]
    marks = []
    for m in rule.pattern.finditer(folded, paragraphs[0].start, paragraphs[-1].end):
        start = m.start()
        leaf = paragraphs[bisect_right(starts, start) - 1]
        if m.end() > leaf.end or not _at_boundary(folded, leaf.start, start):
            continue
        number = _marker_number(m.group("num"), rule)
        if number is not None:
            marks.append(Mark(rule, number, start, m.end()))
    return marks


def _at_boundary(folded: str, paragraph_start: int, start: int) -> bool:
    """A marker opens its paragraph or follows a boundary mark, spaces between allowed (主要表现在： 一是…:
    a page's stray space after the colon)."""
    before = start - 1
    while before >= paragraph_start and folded[before] in MARKER_SPACES:
        before -= 1
    return before < paragraph_start or folded[before] in MARKER_BOUNDARY


def _marker_number(num: str, rule: EnumerationRule) -> int | None:
    if rule.numeral == "words":
        if num == rule.last:
            return _LAST
        return rule.words.index(num) + 1 if num in rule.words else None
    return chinese_to_int(num)


def assemble_runs(marks: list[Mark]) -> list[list[Mark]]:
    """Runs that start at 1 and rise by 1, two items at least; a closing word (最后) ends a run.

    Numbers out of sequence are prose (一是…三是 with no 二是 is not a run).
    """
    runs: list[list[Mark]] = []
    current: list[Mark] = []
    for mark in marks:
        if mark.number == _LAST:
            if current:
                runs.append(current + [mark])
            current = []
        elif mark.number == len(current) + 1:
            current.append(mark)
        elif mark.number == 1:
            if len(current) >= 2:
                runs.append(current)
            current = [mark]
    if len(current) >= 2:
        runs.append(current)
    return runs


def run_items(text: str, leaves: Leaves, run: list[Mark], run_starts: list[int]) -> list[Node]:
    """Each item runs from its marker to the next one; the last ends with its paragraph, or where
    another run opens a new sentence later in that paragraph (第一，…第二，…。今后，一要…二要…)."""
    items: list[Node] = []
    for i, mark in enumerate(run):
        own = leaves.at(mark.start)
        if i + 1 < len(run):
            nxt = run[i + 1].start
            end = min(nxt, leaves.reach_before(nxt))
        else:
            later = _run_after_sentence(text, mark, own, run_starts)
            end = _sentence_end_before(text, mark.end, later) if later is not None else own.end
        title_start, title_end = _item_title(text, mark.end, min(end, own.end))
        items.append(Node("item", mark.start, end, marker=text[mark.start:mark.end],
                          number=len(items) + 1, title=text[title_start:title_end] or None,
                          title_start=title_start, title_end=title_end, style=mark.rule.name))
    return items


def _run_after_sentence(text: str, mark: Mark, own: Leaf, run_starts: list[int]) -> int | None:
    """The first run that starts in the marker's paragraph after a full stop that follows the marker:
    the first run start past that full stop (found by bisection, not by slicing for every run)."""
    stop = text.find("。", mark.end, own.end)
    if stop < 0:
        return None
    i = bisect_right(run_starts, stop)
    return run_starts[i] if i < len(run_starts) and run_starts[i] < own.end else None


def _sentence_end_before(text: str, start: int, limit: int) -> int:
    return text.rindex("。", start, limit) + 1


def _item_title(text: str, start: int, limit: int) -> tuple[int, int]:
    while start < limit and text[start] in ITEM_TITLE_TRIM:
        start += 1
    end = start
    while end < limit and text[end] not in ITEM_TITLE_STOPS:
        end += 1
    while end > start and text[end - 1] in ITEM_TITLE_TRIM:
        end -= 1
    return start, end


MAX_ITEM_DEPTH = 3  # 一是 › 首先 › 第一: deeper is a list run on in prose, not an outline


def nest_runs(runs: list[list[Node]]) -> list[Node]:
    """Longer runs first; a shorter run inside one item nests there, one that straddles items (or would
    nest deeper than MAX_ITEM_DEPTH) is dropped and its words stay paragraph text."""
    top: list[Node] = []
    for items in sorted(runs, key=lambda r: r[-1].end - r[0].start, reverse=True):
        _insert(top, items, items[0].start, items[-1].end, 1)
    return top


def _insert(siblings: list[Node], items: list[Node], start: int, end: int, depth: int) -> None:
    """Siblings are items of runs inserted before: they do not overlap and stay in text order, so the
    only one the new run can fall in or straddle is the first that ends after its start."""
    first = bisect_right(siblings, start, key=lambda n: n.end)
    if first < len(siblings) and siblings[first].start < end:
        node = siblings[first]
        if node.start <= start and end <= node.end and depth < MAX_ITEM_DEPTH:
            _insert(node.children, items, start, end, depth + 1)
        return  # inside it, too deep, or straddling an item of a longer run
    siblings[first:first] = items


def place(text: str, leaves: list[Leaf], items: list[Node]) -> list[Node]:
    """Paragraph and noise nodes around and inside the items, in text order."""
    out: list[Node] = list(items)
    item_ends = [item.end for item in items]
    for leaf in leaves:
        for start, end in _outside(leaf.start, leaf.end, items, bisect_right(item_ends, leaf.start)):
            node = _leaf_node(text, leaf.kind, start, end)
            if node:
                out.append(node)
    leaf_ends = [leaf.end for leaf in leaves]
    for item in items:
        overlapping = _overlapping(leaves, bisect_right(leaf_ends, item.start), item.end)
        inside = [Leaf(lf.kind, max(lf.start, item.start), min(lf.end, item.end)) for lf in overlapping]
        nested = [n for n in item.children if n.kind == "item"]
        if len(inside) > 1 or any(lf.kind == "noise" for lf in inside):
            item.children = place(text, [lf for lf in inside if len(inside) > 1 or lf.kind == "noise"], nested)
        elif nested:
            item.children = place(text, [], nested)
    out.sort(key=lambda n: n.start)
    return out


def _overlapping(leaves: list[Leaf], first: int, end: int) -> list[Leaf]:
    """From the first leaf that ends after an item's start, those that start before its end."""
    last = first
    while last < len(leaves) and leaves[last].start < end:
        last += 1
    return leaves[first:last]


def _outside(start: int, end: int, items: list[Node], first: int) -> list[tuple[int, int]]:
    """The stretches of [start, end) outside the items; items (in text order, not overlapping) before
    index ``first`` end at or before ``start``."""
    parts, pos = [], start
    for index in range(first, len(items)):  # not a slice: that would copy the rest for every leaf
        item = items[index]
        if item.start >= end:
            break
        if item.end <= pos:
            continue
        if item.start > pos:
            parts.append((pos, item.start))
        pos = max(pos, item.end)
    if pos < end:
        parts.append((pos, end))
    return parts


def _leaf_node(text: str, kind: str, start: int, end: int) -> Node | None:
    while start < end and text[start] in INDENT_CHARS + "\r\n":
        start += 1
    while end > start and text[end - 1] in INDENT_CHARS + "\r\n":
        end -= 1
    return Node(kind, start, end) if start < end else None
