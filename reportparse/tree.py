"""The outline and the tree: nest the scanned blocks into preamble, sections and closing, then build
each node complete once its body (paragraphs and items) is known.

Top-level nodes tile the text: each runs from its first line to where the next one starts,
so blank lines and line breaks belong to the node before them and nothing falls between.

Cost: one pass over the blocks to nest them (the stack of open sections is at most as deep as the
heading styles), one over the parts to build the nodes: linear in the number of lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterator

from .model import Node
from .punctuation import CLAUSE_COMMAS
from .rulebook import ClosingRule, HeadingRule, RuleBook
from .rulebook.leading import ByLeading
from .scan import Block

PLANS_LABEL_CHARS = 16  # 重点工作方向：, 今后五年的主要任务： are labels; a sentence ending in a colon is longer
CUE_WINDOW = 40  # a closing cue opens its paragraph: 一年来，自己虽然…


@dataclass
class Part:
    """A stretch of the outline: preamble, a section (with its subsections), the closing, or noise.

    The outline stage gives each its final span; the items stage fills ``body`` with the paragraphs
    and items of its own blocks; the tree stage then builds each node complete from it.
    """

    kind: str  # "preamble" | "section" | "closing" | "noise"
    start: int
    end: int
    head: Block | None = None          # a section's heading
    blocks: list[Block] = field(default_factory=list)  # the body: blocks before the first subsection
    tail: tuple[int, int] | None = None  # body text after a heading's title, on its own line
    subparts: list[Part] = field(default_factory=list)
    level: int | None = None
    role: str | None = None            # a closing's role, from its rule
    body: list[Node] = field(default_factory=list)

    def walk(self) -> Iterator[Part]:
        yield self
        for sub in self.subparts:
            yield from sub.walk()


@dataclass
class _Open:
    """A section while the headings are nested: its heading block, body blocks and subsections."""

    head: Block
    body: list[Block] = field(default_factory=list)
    subsections: list[_Open] = field(default_factory=list)
    # the last subsection of each heading style, so that a heading finds the one it follows at once
    # (scanning the subsections for it was quadratic in a long flat list)
    last_of: dict[str | None, _Open] = field(default_factory=dict)

    def add(self, section: _Open) -> None:
        self.subsections.append(section)
        self.last_of[section.head.rule] = section


Warn = Callable[[str, str, "int | None"], None]


def build_outline(text: str, blocks: list[Block], rules: RuleBook, warn: Warn) -> list[Part]:
    """The top-level parts; each runs from its first line to where the next one starts."""
    lead = _count_noise(blocks)
    trail = _count_noise(blocks[lead:][::-1])
    core = blocks[lead:len(blocks) - trail]
    closing_at, closing_rule = find_closing(text, core, closing_rules(rules))
    body, closing = core[:closing_at], core[closing_at:]

    first_head = next((i for i, b in enumerate(body) if b.kind == "heading"), len(body))
    preamble, sections = body[:first_head], _nest(body[first_head:], rules, warn)

    # (kind, start, body blocks, open section, role) in text order; spans follow from the starts
    pieces: list[tuple[str, int, list[Block], _Open | None, str | None]] = []
    pieces += [("noise", b.line.start, [], None, None) for b in blocks[:lead]]
    if preamble:
        pieces.append(("preamble", preamble[0].line.start, preamble, None, None))
    pieces += [("section", s.head.line.start, s.body, s, None) for s in sections]
    if closing:
        pieces.append(("closing", closing[0].line.start, closing, None, closing_rule.role if closing_rule else None))
    pieces += [("noise", b.line.start, [], None, None) for b in blocks[len(blocks) - trail:]]
    if not pieces and text:
        pieces.append(("preamble", 0, [], None, None))  # only blank lines: still tiled

    parts = []
    for i, (kind, start, part_blocks, section, role) in enumerate(pieces):
        start = 0 if i == 0 else start
        end = pieces[i + 1][1] if i + 1 < len(pieces) else len(text)
        if section is not None:
            parts.append(_section_part(section, start, end, 1))
        else:
            parts.append(Part(kind, start, end, blocks=part_blocks, role=role))
    return parts


def _section_part(section: _Open, start: int, end: int, level: int) -> Part:
    """A section's part, its subsections each running to the next one's start (the last to ``end``)."""
    head = section.head
    subs = section.subsections
    subparts = [_section_part(sub, sub.head.line.start, subs[i + 1].head.line.start if i + 1 < len(subs) else end,
                              level + 1) for i, sub in enumerate(subs)]
    tail = (head.body_start, head.body_end) if head.body_start is not None and head.body_end is not None else None
    return Part("section", start, end, head=head, blocks=section.body, tail=tail, subparts=subparts, level=level)


@lru_cache(maxsize=8)
def closing_rules(book: RuleBook) -> ByLeading[ClosingRule]:
    """The book's closing rules, by the first character of a paragraph (a cue opens it)."""
    return closings_by_leading(book.of(ClosingRule))


def closings_by_leading(rules: tuple[ClosingRule, ...]) -> ByLeading[ClosingRule]:
    return ByLeading(rules, lambda rule: rule.start, searched=True)


def find_closing(text: str, core: list[Block], rules: ByLeading[ClosingRule]) -> tuple[int, ClosingRule | None]:
    """Index of the block that opens the closing part (len(core) when there is none).

    After the last top-level heading, the first cue of an ordinary rule opens it. Cues of an
    ``anywhere`` rule (各位代表！ … 团结) recur, so the last of them counts, and it may stand before
    the last top-level heading when an annex with its own numbered headings follows the closing, not
    when the report's own numbering goes on after it.
    """
    top_rank = min((b.rank for b in core if b.kind == "heading"), default=None)
    tops = [i for i, b in enumerate(core) if b.kind == "heading" and b.rank == top_rank]
    texts = [i for i in range(len(core)) if core[i].kind == "text"]
    cues = list(_closing_cues(text, core, texts, rules))
    ordinary = [(i, r) for i, r in cues if not r.anywhere and i > (tops[-1] if tops else 0)]
    if ordinary:
        return ordinary[0]
    anywhere = [(i, r) for i, r in cues if r.anywhere and i > (tops[0] if tops else 0)
                and not _numbering_goes_on(core, tops, i)]
    return anywhere[-1] if anywhere else (len(core), None)


def _numbering_goes_on(core: list[Block], tops: list[int], i: int) -> bool:
    """The first top-level heading after block ``i`` numbers on from the last one before it (一、… 各位代表！… 二、):
    the report goes on, and the cue is one of its transitions (a copy cut before its real closing has no other)."""
    before = [t for t in tops if t < i]
    after = [t for t in tops if t > i]
    if not (before and after):
        return False
    last, following = core[before[-1]].number, core[after[0]].number
    return last is not None and following == last + 1


def _closing_cues(text: str, core: list[Block], texts: list[int], rules: ByLeading[ClosingRule]):
    for pos, i in enumerate(texts):
        opening = text[core[i].line.content:min(core[i].line.end, core[i].line.content + CUE_WINDOW)]
        for rule in rules.candidates(opening):
            if not rule.start.search(opening):
                continue
            following = _content(text, core[texts[pos + 1]]) if pos + 1 < len(texts) else ""
            if rule.confirm is None or rule.confirm.search(_content(text, core[i]) + "\n" + following):
                yield i, rule
                break


def _content(text: str, block: Block) -> str:
    return text[block.line.content:block.line.end]


def _count_noise(blocks: list[Block]) -> int:
    count = 0
    while count < len(blocks) and blocks[count].kind == "noise":
        count += 1
    return count


def _nest(blocks: list[Block], rules: RuleBook, warn: Warn) -> list[_Open]:
    """Sections from the blocks that follow the first heading.

    A heading continues the numbering of an open section's subsections where it can (its number
    follows the last one of its style there); a style that restarts at 1 inside an open section of
    the same style is a list nested in the current section (old reports number points 一、二、 inside
    （一）) — once: a list inside that list is read as a sibling, so that repeated text cannot nest without
    end; anything else nests by the styles' ranks.
    """
    if not blocks:
        return []
    root = _Open(Block("text", blocks[0].line))
    stack: list[_Open] = []
    skippable = {r.rank for r in rules.of(HeadingRule) if r.skippable}
    ranks = sorted({r.rank for r in rules.of(HeadingRule)} - skippable)
    used = {b.rank for b in blocks if b.kind == "heading"}
    for block in blocks:
        if block.kind != "heading":
            stack[-1].body.append(block)
            continue
        parent = _continued(root, stack, block)
        if parent is None and block.number == 1 and sum(s.head.rule == block.rule for s in stack) == 1:
            parent = stack[-1]
            warn("numbering-restart", f"heading {block.marker} restarts numbering inside "
                 f"{parent.head.marker}: read as a nested list", block.line.content)
        elif parent is None:
            while stack and stack[-1].head.rank >= block.rank:
                stack.pop()
            parent = stack[-1] if stack else root
            _warn_skipped(parent if parent is not root else None, block, ranks, used, warn)
            _warn_numbering(parent.last_of.get(block.rule), block, warn)
        while stack and stack[-1] is not parent:
            stack.pop()
        section = _Open(block)
        parent.add(section)
        stack.append(section)
    return root.subsections


def _continued(root: _Open, stack: list[_Open], block: Block) -> _Open | None:
    """The open section (or the root) whose last subsection of this style is numbered just before it."""
    if block.number is None:
        return None
    for container in [*reversed(stack), root]:
        last = container.last_of.get(block.rule)
        if last is not None and last.head.number == block.number - 1:
            return container
    return None


def _warn_skipped(parent: _Open | None, block: Block, ranks: list[int], used: set[int], warn: Warn) -> None:
    if block.run_in:
        return  # a run-in item (——…) takes the level below whatever is open: it skips none
    above = parent.head.rank if parent else None
    missing = [r for r in ranks if (above is None or r > above) and r < block.rank]
    if parent is None:
        missing = [r for r in missing if r in used]  # at the top, only a style this report uses is missing
    if missing:
        where = f"under {parent.head.marker}" if parent else "at the top level"
        warn("skipped-level", f"heading {block.marker or block.rule} skips a level {where}", block.line.content)


def _warn_numbering(last: _Open | None, block: Block, warn: Warn) -> None:
    """``last``: the parent's last subsection of the block's style, if any."""
    if block.number is None:
        return
    expected = (last.head.number or 0) + 1 if last else 1
    if block.number == expected:
        return
    if last and block.number == last.head.number:
        code, what = "numbering-repeat", f"heading {block.marker} repeats the number before it"
    elif block.number > expected:
        code, what = "numbering-gap", f"heading {block.marker} follows no. {expected - 1}: a number is missing"
    else:
        code, what = "numbering-restart", f"heading {block.marker} restarts numbering after no. {expected - 1}"
    warn(code, what, block.line.content)


def build_nodes(text: str, parts: list[Part], role_of: Callable[[str | None, str | None], str | None],
                untitled_parts: str | None = None) -> list[Node]:
    """Each part as a finished node: title read from the text, role from ``role_of``, children its body
    followed by its subsections. With ``untitled_parts`` (the genre's), a top-level section whose title
    names no role takes one from its place: ``review-then-plans`` makes it review until a review part has
    been seen and plans after (a congress report's 加快完善社会主义市场经济体制 is a plans part), ``plans``
    makes it plans."""
    titled = [role_of(_title(text, part), None) for part in parts]
    opens_plans = [_ends_in_plans_label(text, part, role_of) for part in parts]
    roles = _roles_by_place(parts, titled, untitled_parts, opens_plans) if untitled_parts is not None else titled
    return [_node(text, part, role_of, role, named) for part, role, named in zip(parts, roles, titled)]


def _roles_by_place(parts: list[Part], roles: list[str | None], untitled_parts: str,
                    opens_plans: list[bool]) -> list[str | None]:
    placed, reviewed, planned = [], untitled_parts == "plans", False
    for part, role, opens in zip(parts, roles, opens_plans):
        if part.head is not None and (role is None or (planned and role == "review")):
            role = "plans" if reviewed else "review"  # after the plans began, 2026年主要工作 is a plan too
        # an excerpt that opens inside the plans part (今后五年的主要目标是…⏎重点工作方向：⏎（一）…)
        reviewed = reviewed or (part.head is not None and role == "review") or opens
        planned = planned or (part.head is not None and role == "plans")
        placed.append(role)
    return placed


def _ends_in_plans_label(text: str, part: Part, role_of: Callable[[str | None, str | None], str | None]) -> bool:
    """The preamble's last line is a label naming plans (重点工作方向：): the parts after it are plans."""
    lines = [block.line for block in part.blocks if block.kind == "text" and not block.line.blank]
    if part.kind != "preamble" or not lines:
        return False
    label = text[lines[-1].content:lines[-1].end]
    # a label, not a sentence that announces the report's parts (就过去五年工作和今后五年工作安排报告如下：)
    return label[-1:] in ("：", ":") and len(label) <= PLANS_LABEL_CHARS and \
        not any(ch in CLAUSE_COMMAS for ch in label) and role_of(label[:-1], None) == "plans"


def _title(text: str, part: Part) -> str | None:
    head = part.head
    if head is None or head.title_start is None:
        return None
    return text[head.title_start:head.title_end] or None


def _sub_role(text: str, sub: Part, role_of: Callable[[str | None, str | None], str | None],
              named: str | None) -> str | None:
    """A subsection's role by its title, under sections whose titles named the role ``named`` (the nearest
    one that named any); a run-in item's title states what was done or found (——城乡差距不断缩小。…): it
    names no role."""
    return None if sub.head is not None and sub.head.run_in else role_of(_title(text, sub), named)


def _node(text: str, part: Part, role_of: Callable[[str | None, str | None], str | None], role: str | None = None,
          named: str | None = None) -> Node:
    """``role`` is the part's role, ``named`` the role the nearest titled section (this one or above) names by
    its title: a role a part takes from its place (基本情况 in a 工作计划) does not keep its subsections from
    theirs (存在的问题), while a task under a task under 2024年工作计划 names none (not_under)."""
    children = list(part.body)
    for sub in part.subparts:
        sub_role = _sub_role(text, sub, role_of, named)
        children.append(_node(text, sub, role_of, sub_role, sub_role or named))
    head = part.head
    if head is None:
        return Node(part.kind, part.start, part.end, role=part.role, children=children)
    return Node("section", part.start, part.end, level=part.level, marker=head.marker, number=head.number,
                title=_title(text, part), title_start=head.title_start, title_end=head.title_end, role=role,
                style=head.rule, children=children)
