"""Detection: classify each line as a heading, noise or text. Tree building happens elsewhere.

This is the token stream of the parse: one ``Block`` per non-blank line, in order, each knowing
its offsets. Nothing here decides nesting; ``tree`` reads these blocks and nests them.

Cost: linear in the text. Each line is matched once per noise rule that may match it (lines longer than
the rule's max_length are skipped) and per heading style that may open it, on its first HEAD_WINDOW
characters only; which rules may is told by the line's first character (``rulebook.leading``). The
passes that follow (stand-ins, bare markers, edge noise) are one walk over the blocks each.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable

import regex

from .numerals import ordinal_value
from .punctuation import (CLAUSE_MARKS, CLOSING_PARENS, HEADING_TITLE_TRIM, ITEM_TITLE_STOPS, SENTENCE_MARKS, TITLE_COLONS,
                          TITLE_FULL_STOP)
from .rulebook import HeadingRule, NoiseRule, PassageRule, Pattern, RuleBook, required
from .rulebook.leading import ByLeading
from .text import Line, fold, split_lines

SHORT_LINE = 8  # breadcrumb entries are a few characters; a report line is longer
SENTENCE_ENDS_IN_VALUE = "。！？；!?;"
VALUE_LINE = 40  # a label's value on the next line (某日报2023年5月4日) is a phrase of a line at most
# Heading patterns see the start of a line only: a marker and a short title fit in this many
# characters, and slicing whole paragraphs for every style would cost more than the match.
HEAD_WINDOW = 64


@dataclass(frozen=True, slots=True)
class Block:
    kind: str  # "heading" | "noise" | "text"
    line: Line
    rule: str | None = None  # the heading style or noise rule that fired
    rank: int = 0  # a heading's rank (its style's); 0 for other blocks
    marker: str | None = None
    number: int | None = None
    title_start: int | None = None
    title_end: int | None = None
    body_start: int | None = None  # body text that follows the title on the heading's line(s)
    body_end: int | None = None
    run_in: bool = False  # an unnumbered run-in title (——…。): one level below whatever is open, no role of its own
    # a numbered line read as one unit of a list (text): the heading it is in the genres that list their tasks
    # by title alone (GenreRule.numbered_lists), which are known only after the scan
    as_heading: Block | None = None


def scan(text: str, folded: str, lines: list[Line], rules: RuleBook) -> list[Block]:
    """One block per non-blank line: a heading, page noise, or plain text."""
    content = [ln for ln in lines if not ln.blank]
    styles = heading_styles(rules)
    noise = _noise_rules_by_line(folded, content, noise_rules(rules),
                                 lambda line: heading_block(text, folded, line, styles) is not None)
    blocks: list[Block] = []
    for line, noise_rule in zip(content, noise):
        if noise_rule is not None:
            blocks.append(Block("noise", line, rule=noise_rule.name))
        else:
            blocks.append(heading_block(text, folded, line, styles) or Block("text", line))
    blocks = _drop_stand_ins(blocks, rules.of(HeadingRule))
    blocks = _labelled_runs(text, _join_bare_markers(text, _drop_edge_noise_inside(blocks, rules)))
    return _colon_lists(text, _list_units(text, blocks, _list_cues(rules)))


def heading_opener(book: RuleBook) -> Callable[[str], bool]:
    """Whether a line of text opens a heading of one of the book's styles (for readers that rebuild
    paragraphs from a page's layout)."""
    styles = heading_styles(book)

    def opens(line: str) -> bool:
        lines = split_lines(line)
        return bool(lines) and heading_block(line, fold(line), lines[0], styles) is not None
    return opens


@lru_cache(maxsize=8)
def heading_styles(book: RuleBook) -> ByLeading[HeadingRule]:
    """The book's heading styles, by the first character of a line (each is matched at the line's start)."""
    return styles_by_leading(book.of(HeadingRule))


def styles_by_leading(styles: tuple[HeadingRule, ...]) -> ByLeading[HeadingRule]:
    return ByLeading(styles, lambda style: style.pattern, searched=False)


@lru_cache(maxsize=8)
def numbered_styles(book: RuleBook) -> ByLeading[HeadingRule]:
    """The numbered heading styles (an unnumbered one needs a whole line), by a line's first character."""
    return styles_by_leading(tuple(s for s in book.of(HeadingRule) if s.numeral != "none"))


def heading_of(piece: str, styles: ByLeading[HeadingRule]) -> Block | None:
    """The heading a piece cut out of a longer text opens with, the piece read as a line of its own."""
    return heading_block(piece, fold(piece), Line(0, 0, len(piece), len(piece)), styles)


def marker_style(text: str, start: int, window: int, styles: ByLeading[HeadingRule]) -> HeadingRule | None:
    """The style whose marker pattern matches at ``start`` (on the next ``window`` characters): a marker
    opens there, whether or not its line would read as a heading."""
    opening = fold(text[start:start + window])
    return next((s for s in styles.candidates(opening) if s.pattern.match(opening)), None)


@lru_cache(maxsize=8)
def noise_rules(book: RuleBook) -> ByLeading[NoiseRule]:
    """The book's noise rules, by the first character of a line (each is searched for in the line)."""
    return noise_by_leading(book.of(NoiseRule))


def noise_by_leading(rules: tuple[NoiseRule, ...]) -> ByLeading[NoiseRule]:
    return ByLeading(rules, lambda rule: rule.pattern, searched=True)


def heading_block(text: str, folded: str, line: Line, styles: ByLeading[HeadingRule]) -> Block | None:
    """The heading this line opens with, if any of the heading styles matches at its start."""
    whole = line.end - line.content <= HEAD_WINDOW
    head = folded[line.content:min(line.end, line.content + HEAD_WINDOW)]
    for style in styles.candidates(head):
        if style.numeral == "none" and not whole and not style.run_in:
            continue
        m = style.pattern.match(head)
        if m is None:
            continue
        if style.run_in:
            number, marker_end = None, line.content + m.end()
        elif style.numeral == "none":
            if m.end() < len(head):
                continue  # an unnumbered heading is a whole line
            number, marker_end = None, line.content
        else:
            number = ordinal_value(m.group("num"), style.numeral)
            if number is None:
                continue
            marker_end = line.content + m.end()
        title_start = marker_end
        while title_start < line.end and text[title_start] in " \t\u3000":
            title_start += 1
        title_end, body_start = _title_extent(text, title_start, line.end)
        title_end = _trim_end(text, title_start, title_end)
        if style.run_in and (body_start is None or title_end - title_start > required(style.longest_title)):
            continue  # ——必须坚持改革开放。 alone on its line is an item of a list, not a heading
        if style.longest_title is not None and title_end - title_start > style.longest_title and \
                any(ch in CLAUSE_MARKS for ch in text[title_start:title_end]):
            return None  # 1、采取一定的优惠政策，在…基础上，结合…: a numbered sentence, not a heading
        if _TABLE_ROW_END.search(text, title_start, title_end):
            return None  # 四、结转下年度继续办理 0 0 0 0 0: a table's row, its cells read into one line
        return Block("heading", line, rule=style.name, rank=style.rank,
                     marker=text[line.content:marker_end] or None, number=number,
                     title_start=title_start, title_end=title_end, body_start=body_start,
                     body_end=line.end if body_start is not None else None, run_in=style.run_in)
    return None


def _drop_stand_ins(blocks: list[Block], styles: tuple[HeadingRule, ...]) -> list[Block]:
    """A style that stands above another (unnumbered parts above 一、) must come first to count:
    a short line such as 主要目标 inside a numbered section is text."""
    first: dict[str, int] = {}
    for i, b in enumerate(blocks):
        if b.kind == "heading" and b.rule is not None:
            first.setdefault(b.rule, i)
    dropped = {s.name for s in styles
               if s.instead_of in first and s.name in first and first[s.instead_of] < first[s.name]}
    return [Block("text", b.line) if b.kind == "heading" and b.rule in dropped else b for b in blocks]


def _join_bare_markers(text: str, blocks: list[Block]) -> list[Block]:
    """A marker alone on its line (一、⏎正文……) takes its title and body from the next line."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        bare = block.kind == "heading" and block.title_start == block.title_end == block.line.end
        if bare and i + 1 < len(blocks) and blocks[i + 1].kind == "text":
            nxt = blocks[i + 1].line
            title_end, body_start = _title_extent(text, nxt.content, nxt.end)
            block = replace(block, title_start=nxt.content, title_end=_trim_end(text, nxt.content, title_end),
                            body_start=body_start, body_end=nxt.end if body_start is not None else None)
            i += 1
        out.append(block)
        i += 1
    return out


@dataclass(frozen=True, slots=True)
class _ListCues:
    """What tells a numbered list that is no list of tasks, on the line before it: the rules' targets cues on a
    line that introduces it with a colon (主要预期目标是：; a whole sentence of targets ends before the tasks), their
    weaknesses cues (还存在一些困难和问题。), and the ``not-task-lists`` grammar on a heading (二、存在的困难和问题)."""
    targets: tuple[Pattern, ...] = ()
    problems: tuple[Pattern, ...] = ()
    heading: Pattern | None = None


@lru_cache(maxsize=8)
def _list_cues(book: RuleBook) -> _ListCues:
    """The book's cues for numbered lists, gathered once per book (scan runs for every report)."""
    return _ListCues(tuple(r.pattern for r in book.of(PassageRule) if r.role == "targets"),
                     tuple(r.pattern for r in book.of(PassageRule) if r.role == "weaknesses"),
                     book.grammar("not-task-lists"))


# a line whose words end in three or more figures set apart by spaces (…继续办理 12 30 45), or in a run of digits with
# its zeros that the reading joined back as a letter-spaced figure (0 0 0 1 0 → 00010), is a row of a table, whatever
# opens it (一、畅通12345 is a hotline's number)
_TABLE_ROW_END = regex.compile(r"(?<=\p{Han})[ \t\u3000]*(?:[0-9.%-]+(?:[ \t\u3000]+[0-9.%-]+){2,}|(?=[0-9]{5,}$)[0-9]*0[0-9]*0[0-9]*0[0-9]*)[ \t\u3000]*$")
# a figure in a unit's title (1.地区生产总值增长6%左右。, 2.改造老旧小区20个。): the list states targets or projects
_FIGURE = regex.compile(r"[0-9０-９%％]")


def _list_units(text: str, blocks: list[Block], cues: _ListCues = _ListCues()) -> list[Block]:
    """Numbered lines that are the units of a list, not headings: two or more lines of one style numbered
    on from each other from the first, with no other line between, most of them a single sentence closed
    on its line (（一）继续加强制度建设。⏎（二）做好重点领域公开。). A heading has a body under it or after
    its title (1.加强学习教育。进一步提高…), and a title is no sentence (一、总体情况). Each unit keeps the
    heading it was read as, for the genres that list their tasks so (``lists_as_headings``), when the list
    may be one of tasks (``_may_list_tasks``). One walk: each block is looked at once, in the run it belongs to."""
    out = list(blocks)
    for i, j in _numbered_runs(out):
        run = out[i:j]
        single = sum(1 for b in run if _one_sentence(text, b))
        # (三)…(五) after the headings (一)(二) go on with them: a list starts at its first unit
        if len(run) >= 2 and run[0].number == 1 and single * 2 > len(run):
            tasks = _may_list_tasks(text, out[i - 1] if i else None, run, cues)
            out[i:j] = [Block("text", b.line, as_heading=b if tasks else None) for b in run]
    return out


def _numbered_runs(blocks: list[Block]) -> list[tuple[int, int]]:
    """The runs of blocks each numbered on from the one before, as (first, past the last) indexes: one walk."""
    runs = []
    i = 0
    while i < len(blocks):
        j = i + 1
        while j < len(blocks) and _numbers_on(blocks[j - 1], blocks[j]):
            j += 1
        runs.append((i, j))
        i = j
    return runs


def _may_list_tasks(text: str, before: Block | None, run: list[Block], cues: _ListCues) -> bool:
    """Whether a list's units may be task titles: none states a figure, and neither a line introducing the list
    (主要预期目标是：, 我们也清醒地看到：) nor the heading above it (存在的困难和问题) says it lists targets or problems."""
    if any(_FIGURE.search(text, b.title_start or b.line.content, b.title_end or b.line.end) for b in run):
        return False
    if before is None:
        return True
    line = text[before.line.content:before.line.end]
    if before.kind == "text":
        targets = _ends_with_colon(text, before.line) and any(p.search(line) for p in cues.targets)
        return not (targets or any(p.search(line) for p in cues.problems))
    if before.kind == "heading" and cues.heading is not None:
        return not cues.heading.search(text, before.title_start or before.line.content, before.title_end or before.line.end)
    return True


def _labelled_runs(text: str, blocks: list[Block]) -> list[Block]:
    """Numbered lines laid out as "label：what it says。" (1.个别支部活动创新不足：学习形式仍以读文件为主，互动性不够。⏎
    2.记录规范性需提升：部分支部会议记录要素不全。): when one line of a run was read so (a sentence after its colon),
    its siblings whose colon a closed sentence follows are too, title before the colon, whatever the length of what
    follows. A run none of whose lines was read so keeps its subtitles (一、坚持党建引领：全面加强党的建设。). One walk."""
    out = list(blocks)
    for i, j in _numbered_runs(out):
        run = out[i:j]
        if len(run) >= 2 and any(_ends_at_colon(text, b) for b in run):
            out[i:j] = [_at_colon(text, b) for b in run]
    return out


def _ends_at_colon(text: str, block: Block) -> bool:
    return block.title_end is not None and text[block.title_end:block.title_end + 1] in TITLE_COLONS


def _at_colon(text: str, block: Block) -> Block:
    """The block's title cut at its colon when a sentence closed on the line follows it."""
    if block.title_start is None or block.title_end is None or _ends_at_colon(text, block):
        return block
    colon = next((i for i in range(block.title_start, block.title_end) if text[i] in TITLE_COLONS), -1)
    if colon < 0 or text[block.title_end:block.title_end + 1] != TITLE_FULL_STOP:
        return block
    body = colon + 1
    return replace(block, title_end=_trim_end(text, block.title_start, colon), body_start=body,
                   body_end=block.line.end)


def lists_as_headings(blocks: list[Block]) -> list[Block]:
    """The units of numbered lists read back as the headings they were laid out as (a government report's
    digest lists its tasks by title alone: （一）深化改革开放，增强发展活力。⏎（二）…)."""
    return [b.as_heading or b for b in blocks]


def _colon_lists(text: str, blocks: list[Block]) -> list[Block]:
    """Run-in items (——…) that a colon introduces are the items of a list, not headings
    (到2027年具体目标：⏎——经济总量迈上新台阶。全省…⏎——…). One walk."""
    out = list(blocks)
    listing = False
    for i, block in enumerate(out):
        if block.run_in and listing:
            out[i] = Block("text", block.line)
            continue
        listing = block.kind == "text" and _ends_with_colon(text, block.line)
    return out


def _ends_with_colon(text: str, line: Line) -> bool:
    """The line's last character is a colon (…具体目标：); ``Line.end`` already stands before trailing blanks."""
    return line.end > line.content and text[line.end - 1] in TITLE_COLONS


def _numbers_on(before: Block, block: Block) -> bool:
    return before.kind == block.kind == "heading" and before.rule == block.rule and \
        before.number is not None and block.number == before.number + 1


def _one_sentence(text: str, block: Block) -> bool:
    """The heading's line is one sentence: its title closed by a full stop with nothing after it. A marker
    set alone on its line (一、⏎产值增长。) was laid out as a heading: it is none."""
    end = block.title_end
    on_its_line = block.title_start is not None and block.title_start <= block.line.end
    return on_its_line and end is not None and text[end:end + 1] == TITLE_FULL_STOP and block.body_start is None


def _title_extent(text: str, start: int, end: int) -> tuple[int, int | None]:
    stop = text.find(TITLE_FULL_STOP, start, end)
    sentence_end = stop if stop >= 0 else end
    colon = next((i for i in range(start, sentence_end) if text[i] in TITLE_COLONS), -1)
    if colon >= 0 and any(ch in ITEM_TITLE_STOPS or ch in CLAUSE_MARKS for ch in text[colon + 1:sentence_end]):
        # a sentence follows the colon (（一）存在的问题：一是…；二是…), not a subtitle (一、坚持问题导向：以改革促
        # 发展): the title is what stands before it
        stop = colon
    if stop < 0:
        return end, None
    body = stop + 1
    while body < end and text[body] in " \t\u3000":
        body += 1
    return stop, (body if body < end else None)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in HEADING_TITLE_TRIM:
        end -= 1
    return end


def noise_rule(body: str, rules: ByLeading[NoiseRule]) -> NoiseRule | None:
    """The first noise rule that holds for the text of a line (folded, indentation left out)."""
    return next((r for r in rules.candidates(body) if len(body) <= r.max_length and r.pattern.search(body)), None)


def _noise_rules_by_line(folded: str, content: list[Line], rules: ByLeading[NoiseRule],
                         opens_heading: Callable[[Line], bool]) -> list[NoiseRule | None]:
    found: list[NoiseRule | None] = [None] * len(content)
    i = 0
    while i < len(content):
        line = content[i]
        rule = noise_rule(folded[line.content:line.end], rules)
        if rule is None:
            i += 1
            continue
        found[i] = rule
        i += 1
        if rule.next == "rest":
            for j in range(i, len(content)):
                found[j] = rule
            break
        if rule.next == "value" and _label_without_value(folded, line):
            # a value, not the body after the label, nor the first heading (字体大小:⏎一、总体情况); after a label
            # with no colon at all (• 索引号), a value with no clause in it either (有效性⏎部分文件标注不全，涉及36件)
            if i < len(content) and _is_value(folded, content[i], clause=_has_colon(folded, line)) \
                    and not opens_heading(content[i]):
                found[i] = rule
                i += 1
        elif rule.next == "short":
            while i < len(content) and _is_short(folded, content[i]):
                found[i] = rule
                i += 1
    return found


def _label_without_value(folded: str, line: Line) -> bool:
    """来源： with nothing after its colon, or a label alone on its line with no colon at all (• 索引号)."""
    stripped = folded[line.content:line.end].rstrip(CLOSING_PARENS)
    return stripped.endswith((":", "：")) or not _has_colon(folded, line)


def _has_colon(folded: str, line: Line) -> bool:
    return any(colon in folded[line.content:line.end] for colon in (":", "："))


def _is_value(folded: str, line: Line, clause: bool = True) -> bool:
    """A label's value (a paper's name, a date, a count, names: 12,345, 张三,李四) is a phrase, not a
    sentence: no sentence end in it; with ``clause`` false, no clause break either."""
    body = folded[line.content:line.end]
    stops = SENTENCE_ENDS_IN_VALUE if clause else SENTENCE_ENDS_IN_VALUE + "，,、"
    return len(body) <= VALUE_LINE and not any(ch in stops for ch in body)


def _is_short(folded: str, line: Line) -> bool:
    body = folded[line.content:line.end]
    return len(body) <= SHORT_LINE and not any(ch in SENTENCE_MARKS for ch in body)


def _drop_edge_noise_inside(blocks: list[Block], rules: RuleBook) -> list[Block]:
    """Noise rules marked ``where = "edges"`` hold only before the first heading or after the last."""
    edge_rules = {r.name for r in rules.of(NoiseRule) if r.where == "edges"}
    heads = [i for i, b in enumerate(blocks) if b.kind == "heading"]
    if not edge_rules or not heads:
        return blocks
    first, last = heads[0], heads[-1]
    return [
        Block("text", b.line) if b.kind == "noise" and b.rule in edge_rules and first < i < last else b
        for i, b in enumerate(blocks)
    ]
