"""Self-criticism points (weaknesses) and plan points.

A weakness passage is a section whose role is `weaknesses`, or the rest of a paragraph after a cue
sentence (我们也清醒看到…); it ends at a resolution (我们一定要…). Its points are its items, else its
sentences, each problem of a `；` list a point of its own; a cue paragraph that only announces problems
and is followed by headings (…还存在不少问题。⏎——产业结构不够合理。…) makes each heading's title a point.
Plan points are the subsection titles of `plans` sections in the genres whose rule says `plan_points = "headings"` (government work reports,
congress reports, 工作要点), and elsewhere the items or sentences of `plans` sections and of commitment
passages (在今后的工作中，我将…).

Cost: O(n log n) in the text. Lines, items and sections are sorted once (``layout``); which section or
noise covers a line, and which lines and items a passage holds, are found by bisection; a passage reads
only its own lines.
"""

from __future__ import annotations

import re
from typing import Callable

from ..model import Node
from ..punctuation import CLAUSE_COMMAS, INTRODUCING_COLONS, LIST_BREAKS, TITLE_FULL_STOP
from ..profile import genre_rule, section_roles
from ..rulebook import EnumerationRule, PassageRule, RuleBook
from ..spans import Coverage
from ..scan import HEAD_WINDOW, marker_style, numbered_styles
from ..text import fold, skip_indent
from .layout import (Headed, Items, Span, body_lines, first_of, next_sentence_end, outermost, sentence_start,
                     sentences, trim)
from .mentions import Point

MIN_POINT = 4
LEAD_UP_SENTENCES = 2  # sentences that may lead up to a passage's announcement of its problems; after more, problems were stated
NOT_TASKS = ("weaknesses", "causes", "review")  # roles of subsections of a plans part that are no plan points
_BLANK_LINE = re.compile(r"\n[ \t\u3000\r]*\n")
RUN_ON_GAP = 8  # characters between two body lines beyond a line break and indentation: a heading or noise
BODILESS_REST = " \t\u3000\r\n" + LIST_BREAKS + TITLE_FULL_STOP  # what may follow a title on a line of its own


def find_points(text: str, top: list[Node], genre: str | None, book: RuleBook,
                warn: Callable[[str, str], None]) -> tuple[list[Point], list[Point]]:
    cues = {role: [r.pattern for r in book.of(PassageRule) if r.role == role]
            for role in ("weaknesses", "plans", "resolution", "intro", "targets")}
    cues["then-list"] = [book.grammar("cue-then-list")]
    cues["announced"] = [book.grammar("problems-announced")]
    cues["outside"] = [book.grammar("outside-conditions")]
    cues["enumeration"] = [r.pattern for r in book.of(EnumerationRule)]
    nodes = [n for t in top for n in t.walk()]
    items = Items(sorted((n for n in nodes if n.kind == "item"), key=lambda n: n.start))
    lines = body_lines(text, nodes)
    weak_sections = outermost(n for n in nodes if n.kind == "section" and n.role == "weaknesses")
    plan_sections = outermost(n for n in nodes if n.kind == "section" and n.role == "plans")

    covered = Coverage((s.start, s.end) for s in weak_sections)
    passages = _cue_passages(text, lines, cues, covered, int(book.setting("cue-sentence-point").number),
                             book.grammar("point-lead-conjunction"))
    # a cue paragraph followed by headings (…还存在一些问题。⏎——产业结构不够合理。…⏎——…): each heading
    # states one problem, and what stands under it is no passage of its own
    headed = Headed(top, nodes)
    tasks = Coverage((s.start, s.end) for s in plan_sections)  # a challenge named before the tasks is no list of problems
    runs = {i: run for i, passage in enumerate(passages)
            if _introduces(text, passage, cues) and (run := headed.run_after(text, passage.end))
            and not tasks.covers(run[0].start)}
    in_runs = Coverage((run[0].start, run[-1].end) for run in runs.values())
    weaknesses: list[Span] = []
    for run in runs.values():
        weaknesses += _subsection_points(text, run, "weaknesses", items, lines, cues, split_lists=True, labels=False)
    for section in weak_sections:
        if not in_runs.covers(section.start):
            weaknesses += _section_points(text, section, items, lines, cues, split_lists=True)
    for i, passage in enumerate(passages):
        if i not in runs and not in_runs.covers(passage.start):
            weaknesses += _passage_points(text, passage, items, lines, cues, split_lists=True, resolved=True)

    rule = genre_rule(genre, book)
    role_of = section_roles(book)
    mode = rule.plan_points if rule is not None else "points"
    headings_only = mode != "points"
    only_plans = mode == "headings" and all(n.role == "plans" for n in top if n.kind == "section")
    plans: list[Span] = []
    for section in plan_sections:
        if headings_only:
            # a subsection that names itself problems or a review (存在的问题 under a work plan's 基本情况) is no task
            subsections = [s for s in section.children if s.kind == "section" and s.title_span
                           and s.role not in NOT_TASKS]
            # a 工作计划 laid out as one level of task headings: each task's own title
            named = subsections or ([section] if mode == "titles" and section.title_span else [])
            plans += [Span(*span) for s in named if (span := s.title_span)]
            if not named:
                titles = _task_titles(text, section, lines, numbered_styles(book), cues)
                if not titles and only_plans and (span := section.title_span) \
                        and role_of(text[span[0]:span[1]], None) is None:
                    # an excerpt of the plans part alone, its tasks parts of their own (（一）融入雄安新区建设，…⏎
                    # 推进基础设施互联互通。…): each task's title; in a whole report such a part (加强政府自身建设)
                    # is no task of the year's list
                    titles = [Span(*span)]
                plans += titles
        else:
            plans += _section_points(text, section, items, lines, cues)
    if headings_only:
        plans += _announced_tasks(text, nodes, lines, book.grammar("tasks-announced"))
    if not headings_only:
        covered = Coverage((s.start, s.end) for s in plan_sections)
        # a commitment inside the review (…完成投资5亿元。下一步，我局将继续…) closes that item of work: the
        # report's plans are the ones after its review
        review = Coverage((n.start, n.end) for n in nodes if n.kind == "section" and n.role == "review")
        styles = numbered_styles(book)
        for passage in _commitments(text, lines, cues, covered):  # a ；-list of tasks: one point each
            if review.covers(passage.start):
                continue
            plans += _passage_points(text, passage, items, lines, cues, keep_first=True, split_lists=True)
            plans += _listed_units(text, passage, styles, cues)

    if not plans and not plan_sections and rule is not None and rule.task_leads is not None:
        # only a speech with no plans part: a review's or a problems section's paragraphs state no tasks
        placed = Coverage((n.start, n.end) for n in nodes if n.kind == "section" and n.role in NOT_TASKS)
        plans = _task_leads(text, lines, placed, rule.task_leads.compiled, int(book.setting("task-leads-min").number))

    signed = book.grammar("sign-off")  # a page's closing signature runs on after the last point's sentence
    ad = book.grammar("inline-ad")
    weaknesses, plans = ([_before_ad(text, s, ad) for s in found if not signed.match(text[s.start:s.end])]
                         for found in (weaknesses, plans))
    if not weaknesses:
        warn("no-weaknesses", "no passage stating weaknesses was found")
    return _points(text, weaknesses), _points(text, plans)


def _task_titles(text: str, section: Node, lines, styles, cues) -> list[Span]:
    """A plans part that lists its tasks as numbered lines with no body under them, as a digest of a report
    does (重点工作任务：⏎（一）全力办好…，加快…。⏎（二）…。): each task's title up to its full stop, marker left
    out, from a run of two or more such lines of one style that a line ending with a colon introduces. A run
    after the year's targets (主要预期目标是：) or after a weakness cue (我们也清醒地看到：) lists no tasks."""
    runs: list[list[Span]] = []
    style = None
    before = None  # the body line before the one being read
    for line in lines.touching(Span(section.start, section.end)):
        # marker_style's search, keeping the match: the marker's end is where the title starts
        opening = fold(text[line.start:line.start + HEAD_WINDOW])
        marked = next(((s.name, m) for s in styles.candidates(opening) if (m := s.pattern.match(opening))), None)
        title_end = text.find(TITLE_FULL_STOP, line.start, line.end)  # a digest may keep a task's first sentence
        if marked is None or title_end < 0:
            style = None
        elif marked[0] != style:
            style = marked[0] if _introduces_tasks(text, before, cues) else None
            runs.append([])
        if marked is not None and title_end >= 0 and style is not None:
            runs[-1].append(Span(skip_indent(text, line.start + marked[1].end(), title_end), title_end))
        before = line
    return [span for run in runs if len(run) >= 2 for span in run]


def _announced_tasks(text: str, nodes: list[Node], lines, announced) -> list[Span]:
    """A review part whose subsections a line announces as the year's tasks (2017年的主要任务是…做好八个方面重点
    工作：⏎（一）强力推进协同发展，…): a copy that lost the plans part's title. Each subsection's title is a
    plan point."""
    points: list[Span] = []
    for section in (n for n in nodes if n.kind == "section" and n.role == "review"):
        subsections = [c for c in section.children if c.kind == "section" and c.title_span and c.role is None]
        if not subsections:
            continue
        before = lines.touching(Span(section.start, subsections[0].start))
        if before and announced.fullmatch(text[before[-1].start:before[-1].end].strip()):
            points += [Span(*span) for c in subsections if (span := c.title_span)]
    return points


def _introduces_tasks(text: str, line: Span | None, cues) -> bool:
    if line is None or text[line.end - 1] not in INTRODUCING_COLONS:
        return False
    return not any(_starts_with(text, line, cues[role]) for role in ("targets", "weaknesses"))


def _task_leads(text: str, lines, placed: Coverage, lead, minimum: int) -> list[Span]:
    """The task sentences that open paragraphs of a speech without a plans part (要与企业同奋斗。推进…),
    outside sections that review or state problems: each one a plan point, its full stop left out, when at
    least ``minimum`` paragraphs open so."""
    found = [Span(m.start(), m.end()) for line in lines.spans
             if not placed.covers(line.start) and (m := lead.match(text, line.start, line.end))]
    return found if len(found) >= minimum else []


def _before_ad(text: str, span: Span, ad) -> Span:
    """A point that runs on into a site's bracketed advertisement (the ``inline-ad`` grammar, which reads
    to the point's end) ends before it."""
    found = ad.search(text, span.start, span.end)
    end = trim(text, span.start, found.start()) if found else span.start
    return Span(span.start, end) if end - span.start >= MIN_POINT else span


def _points(text: str, spans: list[Span]) -> list[Point]:
    unique = sorted({(s.start, s.end) for s in spans})
    return [Point(text[s:e], s, e) for s, e in unique]


def _section_points(text, section: Node, items, lines, cues, split_lists: bool = False) -> list[Span]:
    """Its subsections' titles, or for weaknesses a subsection's items (一是…) when it has them (（一）在…方面
    heads a group of problems; （一）调研不够深入 is itself one); a section without subsections: its items
    or sentences, for weaknesses a first sentence that only states there are problems left out."""
    subsections = [c for c in section.children if c.kind == "section"]
    if subsections:
        return _subsection_points(text, subsections, section.role, items, lines, cues, split_lists)
    body = Span(section.start, section.end)
    if split_lists:  # a problems section's remedies (针对以上问题，我局…：⏎一是… or …。上述问题，我们将…) are not problems
        body = Span(section.start, _remedies_start(text, body, lines, cues))
    found = _passage_points(text, body, items, lines, cues, keep_first=True, split_lists=split_lists,
                            resolved=split_lists)
    if split_lists and found and any(p.search(text[found[0].start:found[0].end]) for p in cues["weaknesses"]):
        # the cue sentence states that there are problems; what follows its colon is the first of them
        colon = first_of(text, INTRODUCING_COLONS, found[0].start, found[0].end)
        if colon >= 0:
            first = skip_indent(text, colon + 1, found[0].end)  # 主要表现在： 公开的… (a space after the colon)
            found = ([Span(first, found[0].end)] if found[0].end - first >= MIN_POINT else []) + found[1:]
        elif not _names_a_problem(text, found[0], items, cues["announced"]):
            found = found[1:]
    return found


def _names_a_problem(text: str, point: Span, items, announced) -> bool:
    """A first point with a cue's words in it that is still one problem: an item (一是…认识仍有不足；) or the
    first of a ``；`` list (…在内容和方式等方面仍存在不足；…需要加强；), not a clause that only announces them
    (``announced``, read as a sentence: 虽然取得了一定成绩，但也存在一些不足；)."""
    if any(it.start == point.start for it in items.outermost_inside(point)):
        return True
    clause = text[point.start:point.end]
    return clause[-1:] in LIST_BREAKS and not any(p.search(clause[:-1] + TITLE_FULL_STOP) for p in announced)


def _subsection_points(text, subsections: list[Node], role: str | None, items, lines, cues,
                       split_lists: bool = False, labels: bool = True) -> list[Span]:
    """The points of subsections that each state one problem or task: a subsection's title, or for
    weaknesses its items (一是…) when it has them. With ``labels``, a subsection of the same role is a
    label whose own points count (存在问题：⏎1.…); a cue's subsections are each a point (——民生仍有短板。…)."""
    points: list[Span] = []
    for sub in subsections:
        if sub.role is not None and sub.role != role:
            continue  # (二)解决办法和改进措施 under 存在的问题及改进情况: plans, not a problem
        if sub.role == role and labels:
            # 存在问题：⏎1.…⏎2.… or 存在问题：⏎一年来…但… under 存在的问题及改进情况: the label's own points
            points += _section_points(text, sub, items, lines, cues, split_lists)
            continue
        inner = items.outermost_inside(Span(sub.start, sub.end)) if split_lists else []
        if inner:
            points += [Span(it.start, _item_end(text, it, cues["resolution"])) for it in inner]
        elif title := sub.title_span:
            # a numbered line with nothing under it is a point of a list, marker and stop included
            # (1.部分信息公开不够及时。); a subsection with a body is named by its title
            bodiless = not text[title[1]:sub.end].strip(BODILESS_REST)
            points.append(Span(skip_indent(text, sub.start, sub.end), trim(text, sub.start, sub.end))
                          if bodiless else Span(*title))
    return points


def _remedies_start(text, body: Span, lines, cues) -> int:
    """Where a section that states problems turns to its remedies: the first line that opens with a
    resolve or a commitment (the first line too: 为此，我们将采取以下措施… under 存在的问题及改进措施 has no
    problem before it); the section's end when none does."""
    for line in lines.touching(body):
        if _starts_with(text, line, cues["resolution"]) or _starts_with(text, line, cues["plans"]):
            return line.start
    return body.end


def _cue_passages(text, lines, cues, covered, point_chars: int, conjunction) -> list[Span]:
    """From the sentence after a weakness cue to the paragraph's end; a paragraph that ends with an
    introduction (主要表现在：) continues into the following paragraphs. A cue sentence that goes on
    ``point_chars`` past its cue states a problem itself and is the first point."""
    opened: list[tuple[int, int]] = []  # (line index, where its points start)
    for i, line in enumerate(lines):
        if covered.covers(line.start):
            continue
        body = text[line.start:line.end]
        hits = [m for p in cues["weaknesses"] if (m := p.search(body))]
        if not hits:
            continue
        first = min(hits, key=lambda m: m.start())  # the first cue (不足 inside a list is no cue)
        cue_start, cue_end = line.start + first.start(), line.start + first.end()
        sentence_end = next_sentence_end(text, cue_start, line.end)
        colon = first_of(text, INTRODUCING_COLONS, cue_start, sentence_end)
        last_end = _last_cue_end(text, cue_start, sentence_end, cues["weaknesses"])
        listed = next((m for p in cues["then-list"] if (m := p.match(text, last_end, sentence_end))), None)
        if listed:
            start = listed.end()  # the problems follow 如 after the cue (…也存在一些不足，如学习不够系统…)
        elif colon >= 0:
            start = colon + 1  # the points follow its colon (…风险挑战：外部环境…)
        elif any(p.search(text[cue_start:sentence_end].strip()) for p in cues["announced"]):
            start = sentence_end  # the cue sentence only announces them (我们清醒地看到，当前…面临很多困难和问题。)
        elif text[cue_end - 1] in CLAUSE_COMMAS and cue_start - sentence_start(text, line.start, cue_start) < point_chars:
            start = cue_end  # the cue names the problem, which follows it (…突出问题是，农业…)
        elif text[cue_end - 1] in CLAUSE_COMMAS or sentence_end - last_end >= point_chars:
            # the cue sentence states a problem, before its cue (除了…偏大以外，比较突出的问题是，…) or after it
            start = sentence_start(text, line.start, cue_start)
            lead = conjunction.match(text, start, sentence_end)
            start = lead.end() if lead else start
        else:
            start = sentence_end  # the points follow the sentence that holds the cue
        opened.append((i, start))
    # a paragraph that ends with an introduction (主要表现在：) or with the cue sentence itself goes on
    # into the following paragraphs (我们也清醒地看到…还有一些不足。⏎一是…⏎二是…)
    leads = [text[lines.spans[i].end - 1] in INTRODUCING_COLONS or not text[start:lines.spans[i].end].strip()
             for i, start in opened]
    stops = cues["resolution"] + cues["plans"]  # 下步打算： ends the problems
    return _spans(text, lines, opened, leads, stops)


def _spans(text, lines, opened: list[tuple[int, int]], leads: list[bool], stops) -> list[Span]:
    """Each opened passage (its line's index, its start) to its line's end, or, when it leads on, to the end of
    its run (``_run_on``). A passage that leads on inside the run of one before it is part of that run, not a
    run of its own (一是…主要表现在：⏎… under 还存在一些问题，主要是：): runs never overlap, so each line is
    read once however many introductions there are."""
    passages, run_end = [], -1
    for (i, start), leading in zip(opened, leads):
        if not leading:
            passages.append(Span(start, lines.spans[i].end))
        elif lines.spans[i].start >= run_end:
            run_end = _run_on(text, lines, i, stops)
            passages.append(Span(start, run_end))
    return passages


def _introduces(text: str, passage: Span, cues) -> bool:
    """The passage holds nothing after its cue sentence: blank, or the one sentence that says there are
    problems (…还存在不少问题，…面临诸多新的挑战。), so what follows it lists them."""
    if not text[passage.start:passage.end].strip():
        return True
    first_end = next_sentence_end(text, passage.start, passage.end)
    return not text[first_end:passage.end].strip() and \
        any(p.search(text[passage.start:first_end]) for p in cues["weaknesses"])


def _resolved_at(text: str, start: int, end: int, stops) -> int:
    """Where a passage turns to its resolve or its remedies: the start of the first sentence that opens
    with ``stops``; ``end`` when none does."""
    for opens, closes in sentences(text, start, end):
        if _starts_with(text, Span(opens, closes), stops):
            return opens
    return end


def _run_on(text, lines, i: int, stops) -> int:
    """Where a passage that the i-th body line opens and leaves unfinished (…主要表现在：) ends: it takes in
    the lines that follow until one opens with a ``stops`` pattern or a heading or page noise stands
    between two (a heading's line, or a gap of more than RUN_ON_GAP characters between body lines)."""
    end = lines.spans[i].end
    for k in range(i + 1, len(lines.spans)):
        nxt = lines.spans[k]
        if nxt.start in lines.headed or nxt.start - end > RUN_ON_GAP or _starts_with(text, nxt, stops):
            break
        end = nxt.end
    return end


def _commitments(text, lines, cues, covered) -> list[Span]:
    """From a commitment (在今后的工作中，我将…) to its paragraph's end; a paragraph that ends by
    introducing a list (…从以下几个方面着手：) goes on into the paragraphs that follow it, up to a heading."""
    opened: list[tuple[int, int]] = []  # (line index, where the commitment starts)
    leads: list[bool] = []
    for i, line in enumerate(lines):
        if covered.covers(line.start):
            continue
        for start, end in _sentences_and_paragraphs(text, line):
            if _starts_with(text, Span(start, end), cues["plans"]):
                opened.append((i, start))
                leads.append(_leads_on(text, lines, i, start, cues))
                break
    return _spans(text, lines, opened, leads, [])


def _sentences_and_paragraphs(text, line: Span):
    """The sentences of a body line, a blank line starting one too: a paragraph that lost its full stop
    (…所占比例75%⏎⏎2011年，我们将…) runs on into the next, and a commitment may open that next one; a single
    break is a hard-wrapped line, no sentence's end (…为⏎下一步工作打下了基础。)."""
    start = line.start
    for blank in _BLANK_LINE.finditer(text, line.start, line.end):
        yield from sentences(text, start, blank.start())
        start = blank.end()
    yield from sentences(text, start, line.end)


def _leads_on(text, lines, i: int, start: int, cues) -> bool:
    """The i-th body line, from ``start``, ends by introducing what follows: with a colon (…以下几个方面着手：),
    or with a sentence that announces the items opening the next line (我强调几点意见。⏎一要…)."""
    line = lines.spans[i]
    if text[line.end - 1] in INTRODUCING_COLONS:
        return True
    last = _last_sentence(text, Span(start, line.end))
    nxt = lines.spans[i + 1] if i + 1 < len(lines.spans) else None
    return last is not None and nxt is not None and any(p.search(text[last.start:last.end]) for p in cues["intro"]) \
        and any(p.match(text, nxt.start) for p in cues["enumeration"])


def _listed_units(text, passage: Span, styles, cues) -> list[Span]:
    """The numbered lines a commitment introduces (…采取以下措施积极改进。⏎(一)继续加强…。⏎(二)…), each
    a point whole, marker included, when they are a list of units and not subsections: lines that open
    with a marker of one style and follow each other with nothing between (a subsection has a body line
    under its title), most of them a single sentence. Only the lines up to the list's end are read."""
    last = _last_sentence(text, passage)
    if last is None or not any(p.search(text[last.start:last.end]) for p in cues["intro"]):
        return []
    units: list[Span] = []
    style = None
    at = passage.end
    while (nxt := text.find("\n", at)) >= 0:
        start = skip_indent(text, nxt + 1, len(text))
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        marked = marker_style(text, start, HEAD_WINDOW, styles)
        if marked is None or (style is not None and marked.name != style):
            break  # a body line, a blank one, or a marker of another style ends the list
        style = marked.name
        units.append(Span(start, trim(text, start, end)))
        at = end
    single = sum(1 for u in units if _sentence_count(text, u) == 1)
    return units if len(units) >= 2 and single * 2 >= len(units) else []


def _last_sentence(text, passage: Span) -> Span | None:
    found = list(sentences(text, passage.start, passage.end))
    return Span(*found[-1]) if found else None


def _sentence_count(text, span: Span) -> int:
    return sum(1 for _ in sentences(text, span.start, span.end))


def _passage_points(text, passage: Span, items, lines, cues, keep_first: bool = False,
                    split_lists: bool = False, resolved: bool = False) -> list[Span]:
    """The passage's items, else its sentences; with split_lists, each problem of a `；` list is a
    point of its own (…不够强；…不足；…依然存在。 is three). A passage that states problems (``resolved``)
    ends at its resolve or its remedies (…。对上述问题，我们将从以下四个方面进行改进：一是…): the items and
    sentences from there on are not its points, and an item that runs on into the resolve ends before it;
    with keep_first its first sentence is a point whatever it opens with."""
    stops = cues["resolution"] + cues["plans"] if resolved else cues["resolution"]
    stop = passage.end
    if resolved:
        after = next_sentence_end(text, passage.start, passage.end) if keep_first else passage.start
        stop = _resolved_at(text, after, passage.end, stops)
    top_items = [it for it in items.outermost_inside(passage) if it.start < stop]
    if top_items:
        return [Span(it.start, _item_end(text, it, stops)) for it in top_items]
    points: list[Span] = []
    for line in lines.touching(passage):
        lo, hi = max(line.start, passage.start), min(line.end, passage.end)
        if lo >= hi:
            continue
        for start, end in sentences(text, lo, hi, LIST_BREAKS if split_lists else ""):
            if start >= stop:
                return points
            intro = next((m for p in cues["intro"] if (m := p.search(text[start:end]))), None)
            if intro:
                start = _after_intro(text, start, end, intro)
                if end - start < MIN_POINT:
                    continue
            if resolved and cues["outside"][0].fullmatch(text[start:end]):
                continue  # 从国内外形势看，… sets out the conditions outside: no problem of the report's own
            if resolved and _starts_with(text, Span(start, end), cues["announced"]):
                # 当前，…仍存在不少困难和问题。 announces the list that follows: the few sentences before it that
                # name no problem (我省发展快，…。不进则退，小进亦退。) lead up to it and are no points
                if len(points) <= LEAD_UP_SENTENCES:
                    points = [p for p in points if _starts_with(text, p, cues["weaknesses"])]
                continue
            if end - start >= MIN_POINT:
                points.append(Span(start, end))
    return points


def _last_cue_end(text: str, start: int, end: int, patterns) -> int:
    """Where the last cue of a sentence ends: a sentence whose cues run to its end (…我们的工作还存在一些
    差距和不足。) only says there are problems."""
    return max((m.end() for p in patterns for m in p.finditer(text, start, end)), default=start)


def _after_intro(text: str, start: int, end: int, intro) -> int:
    """Where the points start after an introduction: after its colon (主要表现在：…), after the words that open the
    sentence when there is none (主要是总体发展基础差…); nowhere when the sentence only introduces (以下几个方面。)."""
    colon = max(text.rfind("：", start, end), text.rfind(":", start, end))
    if colon >= 0:
        return colon + 1
    return start + intro.end() if intro.start() == 0 and start + intro.end() < end else end


def _starts_with(text: str, span: Span, patterns) -> bool:
    head = text[span.start:span.end]
    return any(p.search(head) for p in patterns)


def _item_end(text: str, item: Node, stops) -> int:
    """An item runs to the next one, but a resolve sentence after its problem closes the passage
    (三是…渠道还应完善。为此，我们将采取以下措施积极改进。): the item ends before the first of its later
    sentences that opens with ``stops``."""
    end = trim(text, item.start, item.end)
    for start, stop in sentences(text, next_sentence_end(text, item.start, end), end):
        if _starts_with(text, Span(start, stop), stops):
            return trim(text, item.start, start)
    return end


