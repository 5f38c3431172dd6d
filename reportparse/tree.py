"""Tree building: nest the scanned blocks into preamble, sections and closing.

Top-level nodes tile the text: each runs from its first line to where the next one starts,
so blank lines and line breaks belong to the node before them and nothing falls between.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Node, Warning
from .rulebook import ClosingRule, HeadingRule, RuleBook
from .scan import Block

CUE_WINDOW = 40  # a closing cue opens its paragraph: 一年来，自己虽然…


@dataclass
class _Open:
    """A section while it is being built: its heading block, body blocks and subsections."""

    head: Block
    body: list[Block] = field(default_factory=list)
    subsections: list[_Open] = field(default_factory=list)


@dataclass(frozen=True)
class Region:
    """A run of body blocks that inline enumerations are looked for in, and the node that gets them."""

    node: Node
    blocks: list[Block]
    tail: tuple[int, int] | None = None  # body text after a heading's title, on its own line


def build_tree(text: str, blocks: list[Block], rules: RuleBook, warnings: list[Warning]) -> tuple[list[Node], list[Region]]:
    """The top-level nodes, and the regions whose body still needs paragraphs and items."""
    lead = _count_noise(blocks)
    trail = _count_noise(blocks[lead:][::-1])
    core = blocks[lead:len(blocks) - trail]
    closing_at, closing_rule = find_closing(text, core, rules.of(ClosingRule))
    body, closing = core[:closing_at], core[closing_at:]

    first_head = next((i for i, b in enumerate(body) if b.kind == "heading"), len(body))
    preamble, sections = body[:first_head], _nest(body[first_head:], rules, warnings)

    pieces: list[tuple[Node, list[Block] | None, _Open | None]] = []
    pieces += [(Node("noise", b.line.start, 0), None, None) for b in blocks[:lead]]
    if preamble:
        pieces.append((Node("preamble", preamble[0].line.start, 0), preamble, None))
    pieces += [(_section_node(s, 1), None, s) for s in sections]
    if closing:
        pieces.append((Node("closing", closing[0].line.start, 0, role=closing_rule.role), closing, None))
    pieces += [(Node("noise", b.line.start, 0), None, None) for b in blocks[len(blocks) - trail:]]

    if not pieces and text:
        pieces.append((Node("preamble", 0, 0), [], None))  # only blank lines: still tiled
    regions: list[Region] = []
    top = [node for node, _, _ in pieces]
    if top:
        top[0].start = 0
    for i, (node, region_blocks, section) in enumerate(pieces):
        node.end = top[i + 1].start if i + 1 < len(pieces) else len(text)
        if section is not None:
            _finish_section(node, section, regions)
        elif region_blocks is not None:
            regions.append(Region(node, region_blocks))
    return top, regions


def find_closing(text: str, core: list[Block], rules: tuple[ClosingRule, ...]) -> tuple[int, ClosingRule | None]:
    """Index of the block that opens the closing part (len(core) when there is none).

    After the last top-level heading, the first cue of an ordinary rule opens it. Cues of an
    ``anywhere`` rule (各位代表！ … 团结) recur, so the last of them counts, and it may stand before
    the last top-level heading when an annex with its own numbered headings follows the closing.
    """
    top_rank = min((b.rank for b in core if b.kind == "heading"), default=None)
    tops = [i for i, b in enumerate(core) if b.kind == "heading" and b.rank == top_rank]
    texts = [i for i in range(len(core)) if core[i].kind == "text"]
    cues = list(_closing_cues(text, core, texts, rules))
    ordinary = [(i, r) for i, r in cues if not r.anywhere and i > (tops[-1] if tops else 0)]
    if ordinary:
        return ordinary[0]
    anywhere = [(i, r) for i, r in cues if r.anywhere and i > (tops[0] if tops else 0)]
    return anywhere[-1] if anywhere else (len(core), None)


def _closing_cues(text: str, core: list[Block], texts: list[int], rules: tuple[ClosingRule, ...]):
    for pos, i in enumerate(texts):
        opening = text[core[i].line.content:min(core[i].line.end, core[i].line.content + CUE_WINDOW)]
        for rule in rules:
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


def _nest(blocks: list[Block], rules: RuleBook, warnings: list[Warning]) -> list[_Open]:
    """Sections from the blocks that follow the first heading.

    A heading continues the numbering of an open section's subsections where it can (its number
    follows the last one of its style there); a style that restarts at 1 inside an open section of
    the same style is a list nested in the current section (old reports number points 一、二、 inside
    （一）) — once: a list inside that list is read as a sibling, so that repeated text cannot nest without
    end; anything else nests by the styles' ranks.
    """
    root = _Open(Block("text", blocks[0].line)) if blocks else None
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
            warnings.append(Warning("numbering-restart", f"heading {block.marker} restarts numbering inside "
                                    f"{parent.head.marker}: read as a nested list", block.line.content))
        elif parent is None:
            while stack and stack[-1].head.rank >= block.rank:
                stack.pop()
            parent = stack[-1] if stack else root
            _warn_skipped(parent if parent is not root else None, block, ranks, used, warnings)
            _warn_numbering(parent.subsections, block, warnings)
        while stack and stack[-1] is not parent:
            stack.pop()
        section = _Open(block)
        parent.subsections.append(section)
        stack.append(section)
    return root.subsections if root else []


def _continued(root: _Open, stack: list[_Open], block: Block) -> _Open | None:
    """The open section (or the root) whose last subsection of this style is numbered just before it."""
    if block.number is None:
        return None
    for container in [*reversed(stack), root]:
        last = next((s for s in reversed(container.subsections) if s.head.rule == block.rule), None)
        if last is not None and last.head.number == block.number - 1:
            return container
    return None


def _warn_skipped(parent: _Open | None, block: Block, ranks: list[int], used: set[int], warnings: list[Warning]) -> None:
    above = parent.head.rank if parent else None
    missing = [r for r in ranks if (above is None or r > above) and r < block.rank]
    if parent is None:
        missing = [r for r in missing if r in used]  # at the top, only a style this report uses is missing
    if missing:
        where = f"under {parent.head.marker}" if parent else "at the top level"
        warnings.append(Warning("skipped-level", f"heading {block.marker or block.rule} skips a level {where}", block.line.content))


def _warn_numbering(siblings: list[_Open], block: Block, warnings: list[Warning]) -> None:
    if block.number is None:
        return
    same = [s.head for s in siblings if s.head.rule == block.rule]
    expected = same[-1].number + 1 if same else 1
    if block.number == expected:
        return
    if same and block.number == same[-1].number:
        code, what = "numbering-repeat", f"heading {block.marker} repeats the number before it"
    elif block.number > expected:
        code, what = "numbering-gap", f"heading {block.marker} follows no. {expected - 1}: a number is missing"
    else:
        code, what = "numbering-restart", f"heading {block.marker} restarts numbering after no. {expected - 1}"
    warnings.append(Warning(code, what, block.line.content))


def _section_node(section: _Open, depth: int) -> Node:
    head = section.head
    return Node("section", head.line.start, 0, level=depth, marker=head.marker, number=head.number,
                title=None, title_start=head.title_start, title_end=head.title_end, style=head.rule)


def _finish_section(node: Node, section: _Open, regions: list[Region]) -> None:
    """Give the section its subsections' spans (each to the next one's start) and queue its body."""
    head = section.head
    tail = (head.body_start, head.body_end) if head.body_start is not None else None
    regions.append(Region(node, section.body, tail))
    subs = [_section_node(s, node.level + 1) for s in section.subsections]
    for i, (child, sub) in enumerate(zip(subs, section.subsections)):
        child.end = subs[i + 1].start if i + 1 < len(subs) else node.end
        _finish_section(child, sub, regions)
    node.children.extend(subs)
