"""Meeting names, read leftward from the word that ends them (会议, 全会, 常委会, 座谈会 …).

Cost: O(n log n) in the text. The rule patterns scan it once each; each head word reads back over
its own clause only; the names kept are chosen in one sort, and whether one lies in a document
title (or a name read whole) is asked by bisection.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..errors import RuleError
from ..punctuation import (CLAUSE_BREAKS, CLOSING_PARENS, CLOSING_QUOTES, NAME_BRACKETS, OPENING_PARENS,
                           OPENING_QUOTES, SPACES)
from ..rulebook import LexiconRule, MeetingRule, Pattern, RuleBook
from ..spans import Coverage
from .mentions import Meeting

# Where a name cannot reach back past: clause breaks (a list comma separates meetings) and brackets.
NAME_STOPS = CLAUSE_BREAKS + "\n" + NAME_BRACKETS + SPACES
BROKEN_LINE_GAP = 3  # characters between a broken name's two lines: a line break, a blank line and its break
LINE_BLANKS = "\n\r \u3000"
CONJUNCTIONS = ("和", "及", "与")  # join two names, or two bodies before one name
JOINERS = CONJUNCTIONS + ("以及",)  # what may join two names (二十届四中全会以及中央经济工作会议)
_ISSUER_JOIN = regex.compile(f"([^{''.join(CONJUNCTIONS)}、]{{1,6}}?)(?:{'|'.join(CONJUNCTIONS)})")  # a body, a conjunction
_ISSUER_PART = regex.compile(f"[^{''.join(CONJUNCTIONS)}、]+")  # the bodies of a segment joined by them
_LOOKAROUND = regex.compile(r"\(\?<?[!=][^()]*\)")
QUOTED_LIST_MARKS = "、，,"  # a quoted slogan's own commas (“不忘初心、牢记使命”主题教育总结大会) do not end the name
QUOTED_LIST_REACH = 24  # characters back from the head within which such a slogan's commas are read through
COUNT_REACH = 8  # characters before a name where a count of meetings and one verb fit (5次列席)
TIERS_REACH = 6  # characters from a name's start within which its levels stand (乡两级…, 市政府两级…)
STUDIED_REACH = 6  # characters before a conjunction where what is studied fits (决策部署和)


@dataclass(frozen=True)
class _Grammar:
    """The rule book's meeting patterns and word lists, gathered once per book."""

    generic: frozenset[str]
    leads: Pattern | None
    stops: str
    session_heads: frozenset[str]
    bare_heads: frozenset[str]
    self_naming: frozenset[str]
    joint_heads: frozenset[str]
    issuer: Pattern
    issuer_start: Pattern
    scope_join: Pattern
    papers: Pattern
    session: Pattern
    issuer_verbs: Pattern
    study_verbs: Pattern
    study_named: Pattern
    studied_before: Pattern
    tiers: Pattern
    not_after: Pattern
    body: Pattern
    generic_modifiers: Pattern
    event_kinds: Pattern
    kind_modifiers: Pattern
    demonstrative: Pattern
    end: Pattern
    count_prefix: Pattern
    date_prefix: Pattern
    routine: Pattern
    broken_line: Pattern
    broken_head: Pattern
    broken_line_max: int
    suffix: Pattern


@lru_cache(maxsize=8)
def _grammar(book: RuleBook) -> _Grammar:
    return _Grammar(
        generic=frozenset(book.words("generic-meetings")), leads=_leads_pattern(book),
        stops=NAME_STOPS + "".join(book.words("name-stop-words")),
        session_heads=frozenset(book.words("meeting-session-heads")),
        bare_heads=frozenset(book.words("meeting-bare-heads")),
        self_naming=frozenset(book.words("meeting-self-naming-heads")),
        joint_heads=frozenset(book.words("meeting-joint-heads")),
        issuer=book.grammar("meeting-issuer"), issuer_start=book.grammar("meeting-issuer-start"),
        scope_join=book.grammar("meeting-scope-join"), papers=book.grammar("meeting-papers"),
        session=book.grammar("meeting-session"),
        issuer_verbs=book.grammar("meeting-issuer-verbs"),
        study_verbs=book.grammar("meeting-study-verbs"), study_named=book.grammar("meeting-study-named"),
        studied_before=book.grammar("meeting-studied-before"), tiers=book.grammar("meeting-tiers"),
        not_after=book.grammar("meeting-not-after"),
        body=book.grammar("meeting-body"), generic_modifiers=book.grammar("meeting-generic-modifiers"),
        event_kinds=book.grammar("meeting-event-kinds"),
        kind_modifiers=book.grammar("meeting-kind-modifiers"),
        demonstrative=book.grammar("meeting-demonstrative"), end=book.grammar("meeting-end"),
        count_prefix=book.grammar("meeting-count-prefix"), date_prefix=book.grammar("meeting-date-prefix"),
        routine=book.grammar("meeting-routine"), broken_line=book.grammar("meeting-broken-line"),
        broken_head=book.grammar("meeting-broken-head"), broken_line_max=book.limit("meeting-broken-line-max"),
        suffix=book.grammar("meeting-suffix"))


def find_meetings(text: str, folded: str, book: RuleBook, excluded: list[tuple[int, int]]) -> list[Meeting]:
    grammar = _grammar(book)
    rules = book.of(MeetingRule)
    wholes = [(m.start(), m.end()) for r in rules if r.whole for m in r.pattern.finditer(folded)]
    spans = list(wholes)
    named_whole = Coverage(wholes)
    for rule in rules:
        if rule.whole:
            continue
        for m in rule.pattern.finditer(folded):
            if named_whole.covers(m.start()) or grammar.not_after.match(folded, m.end()):
                continue  # the same meeting, already named whole
            named = _name_spans(folded, m.start(), m.end(), grammar)
            if grammar.papers.match(folded, m.end()):  # 会议议程 names no meeting, 县政协十一届三次会议议程 does
                named = [(s, e) for s, e in named if grammar.session.fullmatch(folded[s:e])]
            spans += named
    titles = Coverage(excluded)
    return [Meeting(text[s:e], s, e) for s, e in _outermost(spans) if not titles.holds(s, e)]


def _leads_pattern(book: RuleBook) -> Pattern | None:
    """The lexicon's entries are regex fragments (上合组织 is a name, 组织召开 is a verb): a rule Pattern, so
    that its matches run under the time limits every user pattern meets."""
    rule = next(r for r in book.of(LexiconRule) if r.name == "meeting-leads")
    if not rule.words:
        return None
    try:
        # longest first, a word's lookarounds not counted: 对照 must be tried before 对(?!口)
        return Pattern("|".join(sorted(rule.words, key=lambda w: len(_LOOKAROUND.sub("", w)), reverse=True)),
                       (rule.file, rule.name, "words"))
    except RuleError as exc:
        raise RuleError(rule.file, rule.name, "words", f"not a valid pattern fragment: {exc.problem}") from None


def _name_spans(folded: str, head_start: int, end: int, grammar: _Grammar) -> list[tuple[int, int]]:
    """The meeting the head word ends, and each body listed before it that shares it, as written: in
    中央和市委、区委人大工作会议 the names are 中央, 市委 and 区委人大工作会议 (a name stands for no more
    characters than the file gives it)."""
    start = _across_broken_line(folded, _scan_left(folded, head_start, grammar.stops), grammar)
    span = _name_span(folded, start, head_start, end, grammar)
    if span is None:
        return []
    # bodies listed with 、 share the name only when nothing stands between (县委、县政府召开…会议: a verb)
    listed = _listed_issuers(folded, start, grammar) if span[0] == start else []
    if listed and grammar.tiers.search(folded, start, start + TIERS_REACH):
        return [_edges(folded, listed[0][0], span[1], grammar)]  # 县、乡两级领导干部大会: one meeting of both levels
    head = folded[head_start:end]
    at = span[0]
    while head not in grammar.joint_heads and (joined := _ISSUER_JOIN.match(folded, at, head_start)) \
            and grammar.issuer.match(joined.group(1)) and grammar.issuer_start.match(folded, joined.end(), head_start) \
            and _valid_name(folded[joined.end():end], head, grammar):
        listed.append((at, at + len(joined.group(1))))  # 中央和市委人大工作会议: 中央, then the rest
        at = joined.end()
    while scope := grammar.scope_join.match(folded, at, head_start):  # 全国全市组织部长会议: 全国, then the rest
        listed.append((at, scope.end("scope")))
        at = scope.end("scope")
    return listed + [_edges(folded, at, span[1], grammar)]


def _edges(folded: str, start: int, end: int, grammar: _Grammar) -> tuple[int, int]:
    """A name's edges around quotes and after its head: a name in quotes leaves them out (“双代会”); a
    name that quotes its head takes the closing quote in (市“两会”); what the grammar's ``meeting-suffix``
    reads after the head is the name's (党委会(扩大))."""
    if folded[start] in OPENING_QUOTES and not any(q in folded[start:end] for q in CLOSING_QUOTES):
        return start + 1, end
    if folded[end:end + 1] in CLOSING_QUOTES and any(q in folded[start:end] for q in OPENING_QUOTES):
        return start, end + 1
    widened = grammar.suffix.match(folded, end)
    return (start, widened.end()) if widened else (start, end)


def _listed_issuers(folded: str, start: int, grammar: _Grammar) -> list[tuple[int, int]]:
    """The bodies listed before a name with 、 (省委、市委、县委农村工作会议; 贯彻中央和市委、区委…会议),
    each a span of its own, read leftward while every part of a segment is a body."""
    found: list[tuple[int, int]] = []
    while folded[start - 1:start] == "、":
        before = _scan_left(folded, start - 1, grammar.stops)
        segment = folded[before:start - 1]
        verbs = grammar.issuer_verbs.match(segment)
        first = before + (verbs.end() if verbs else 0)
        # 县委、县政府召开县、乡两级…: a verb in the segment opens the list, which starts after it
        opened = _after_verb(folded, first, start - 1, grammar)
        first = opened if opened is not None else first
        parts = [(m.start(), m.end()) for m in _ISSUER_PART.finditer(folded, first, start - 1)]
        if not parts or not all(grammar.issuer.match(folded[a:b]) for a, b in parts):
            # …三中全会精神和中央、省委、县委经济工作会议 (or …决策部署和省委、…): after what is studied and 和,
            # the first body of the list
            last = parts[-1] if len(parts) > 1 else None
            if last and grammar.issuer.match(folded[last[0]:last[1]]) and (
                    grammar.end.search(folded[parts[-2][0]:parts[-2][1]])
                    or grammar.studied_before.search(folded[parts[-2][0]:parts[-2][1]])):
                found = [last] + found
            break
        found = parts + found
        if opened is not None:
            break
        start = first
    return found


def _after_verb(folded: str, start: int, end: int, grammar: _Grammar) -> int | None:
    """Where the last lead word in ``folded[start:end]`` ends, conjunctions aside (they join the bodies of a
    list: 中央和市委、…); None when there is none."""
    if grammar.leads is None:
        return None
    return max((m.end() for m in grammar.leads.finditer(folded, start, end) if m.group() not in JOINERS),
               default=None)


def _name_span(folded: str, start: int, head_start: int, end: int, grammar: _Grammar) -> tuple[int, int] | None:
    head = folded[head_start:end]
    if head in grammar.bare_heads and folded[head_start - 1:head_start] in CONJUNCTIONS:
        return None  # 有关文件和会议: a bare head joined to a noun names nothing
    clause = start
    # a study meeting named after what it studies (…学习贯彻党的十八大精神座谈会): its verbs are words of the name
    studied = folded[head_start - 2:head_start] == "精神"
    if grammar.leads is not None:  # the name starts after the last verb or preposition before the head
        # read up to the head's end, so that a lead's lookahead sees the head (组织 is no verb in 组织工作会议)
        start = max((m.end() for m in grammar.leads.finditer(folded, clause, end) if m.end() <= head_start
                     and (m.start() == clause or not _conjunction_inside_name(folded, m, clause, grammar))
                     and not _quoted(folded, clause, m.end(), head_start)
                     and not (studied and grammar.study_named.fullmatch(m.group()))),
                    default=clause)
    if studied and (verb := grammar.study_named.search(folded, start, head_start)) and \
            grammar.end.search(folded[start:verb.start()]):
        start = verb.start()  # 召开全体干部大会学习贯彻…精神动员会: a meeting before the verbs is one of its own
    after_verb = start > clause
    if grammar.routine.search(folded, clause, start) or _counted(folded, clause, start, grammar):
        return None  # 每月定期召开一次科组长会议: a kind held at intervals; 召开5次列席代表座谈会: a count
    while True:
        count = grammar.count_prefix.match(folded, start, head_start)
        date = grammar.date_prefix.match(folded, start, head_start)
        if folded[start] == "的":
            start += 1
        elif date:
            start = date.end()
        elif count and (count.end() < head_start or after_verb):
            return None  # 召开三次县委常委会 counts meetings (、六次全会 in a list names the sixth)
        else:
            break
    name = folded[start:end]
    if head in grammar.session_heads and "精神" not in name:
        study = grammar.study_verbs.match(name)  # 学习贯彻党的二十届三中全会: the meeting starts after the verbs
        if study and 0 < study.end() < len(name):
            start += study.end()
            name = name[study.end():]
    demonstrative = grammar.demonstrative.search(name)
    if demonstrative and (head not in grammar.bare_heads or len(name) - demonstrative.end() - len(head) >= 2):
        return start + demonstrative.end(), end  # 当这次代表大会, 本次专题民主生活会: the kind after it
    return (start, end) if _valid_name(name, head, grammar) else None


def _valid_name(name: str, head: str, grammar: _Grammar) -> bool:
    """Whether a name read back from its head names one meeting (not a kind, a body or a bare head)."""
    modifiers = name[:len(name) - len(head)]
    # a head of one body's session names it bare (党组会, 人代会); a head of its own kind after 专题 names one
    named = head in grammar.self_naming if not modifiers else (
        head not in grammar.bare_heads and grammar.kind_modifiers.fullmatch(modifiers))
    generic = grammar.generic_modifiers.match(modifiers) and not named
    if name in grammar.generic or (len(name) < 3 and not named) or generic or grammar.body.search(name):
        return False
    if grammar.event_kinds.fullmatch(name):
        return False  # 乡村音乐大会, 徒步大会: a festival or a sports event, not a meeting
    return not (head in grammar.bare_heads and len(modifiers) < 2)  # 开会议: a verb and a bare 会议


def _quoted(folded: str, clause: int, start: int, head_start: int) -> bool:
    """A lead word inside quotes is a word of a quoted name (“学习强国”读书论坛): a quote opened before it in
    the clause closes before the head (a stray closing quote opens nothing).

    >>> _quoted("举办“学习强国”读书论坛", 0, 5, 10), _quoted("召开“两会”", 0, 2, 3), _quoted("召开学党史”座谈会", 0, 2, 6)
    (True, False, False)
    """
    before, between = folded[clause:start], folded[start:head_start]
    opened = sum(before.count(q) for q in OPENING_QUOTES) > sum(before.count(q) for q in CLOSING_QUOTES)
    return opened and sum(between.count(q) for q in CLOSING_QUOTES) > sum(between.count(q) for q in OPENING_QUOTES)


def _opens_before(folded: str, start: int, pos: int) -> bool:
    """An opening quote stands before ``start`` within ``QUOTED_LIST_REACH`` of ``pos`` (a stray closing quote
    opens no slogan to read through)."""
    return any(folded.rfind(q, max(0, pos - QUOTED_LIST_REACH), start) >= 0 for q in OPENING_QUOTES)


def _counted(folded: str, clause: int, start: int, grammar: _Grammar) -> bool:
    """A count stands before the verb or preposition the name starts after (召开5次列席代表座谈会): the
    words count meetings. Only the few characters before the name are read."""
    if start == clause or grammar.leads is None:
        return False
    for count in grammar.count_prefix.finditer(folded, max(clause, start - COUNT_REACH), start):
        if grammar.leads.fullmatch(folded[count.end():start]):
            return True
    return False


def _conjunction_inside_name(folded: str, lead: regex.Match[str], clause: int, grammar: _Grammar) -> bool:
    """和/及/与 join two meetings (五次全会和全县经济工作会议) or sit inside one name
    (党史学习教育和县委巡察工作动员及总结会): only after a meeting's head word or what is studied do they end a name.

    The head word is looked for from the clause's start only (it ends right before the conjunction, and
    no head word spans a clause break), so each conjunction costs its clause, not the text before it."""
    if lead.group() not in JOINERS:
        return False
    # after what is studied (落实…决策部署和市委九届八次全会精神) the conjunction joins two things studied
    if grammar.studied_before.search(folded, max(clause, lead.start() - STUDIED_REACH), lead.start()):
        return False
    return not grammar.end.search(folded, clause, lead.start())


def _across_broken_line(folded: str, start: int, grammar: _Grammar) -> int:
    """A name that opens a line with the rest of a congress's name (代表大会第四次会议) may have begun on a
    short line above it, a title or a dateline broken inside the name (在第十三届全国人民⏎代表大会第四次会议上):
    read on into that line, past one blank line."""
    if folded[start - 1:start] != "\n" or not grammar.broken_head.match(folded, start):
        return start
    above = start - 1
    while above > 0 and folded[above - 1] in LINE_BLANKS and start - above <= BROKEN_LINE_GAP:
        above -= 1
    line_start = folded.rfind("\n", max(0, above - grammar.broken_line_max - 1), above) + 1
    if above - line_start >= grammar.broken_line_max or not grammar.broken_line.search(folded, line_start, above):
        return start
    return _scan_left(folded, above, grammar.stops)


def _scan_left(folded: str, pos: int, stops: str) -> int:
    """Back to the start of a name: punctuation and a double dash (…开新局——某镇…会议) stop it, a short
    bracket (办公厅（室）) does not, nor a comma inside a quoted slogan the name holds (“学思想、强党性”读书班).

    >>> f = "召开“不忘初心、牢记使命”主题教育总结大会"
    >>> f[_scan_left(f, f.index("大会"), "、，")]
    '召'
    """
    start = pos
    quoted = 0  # closing quotes passed whose opening quote is still ahead: a comma inside them is the name's
    while start > 0:
        ch = folded[start - 1]
        if ch == "—" and folded[start - 2:start - 1] == "—":
            break
        if ch in CLOSING_PARENS:
            opening = max(folded.rfind(p, max(0, start - 5), start) for p in OPENING_PARENS)
            if opening >= 0:
                start = opening
                continue
        quoted += (ch in CLOSING_QUOTES) - (ch in OPENING_QUOTES and quoted > 0)
        if ch in stops and not (quoted and ch in QUOTED_LIST_MARKS and _opens_before(folded, start, pos)):
            break
        start -= 1
    return start




def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    chosen: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda x: (x[0], -x[1])):
        if chosen and chosen[-1][0] <= s and e <= chosen[-1][1]:
            continue
        if chosen and s < chosen[-1][1]:
            continue  # overlaps without nesting: keep the earlier name
        chosen.append((s, e))
    return chosen
