"""Meeting names, read leftward from the word that ends them (会议, 全会, 常委会, 座谈会 …)."""

from __future__ import annotations

import regex

from ..errors import RuleError
from ..rulebook import RuleBook
from .mentions import Meeting

# Where a name cannot reach back past: punctuation and brackets (a list comma separates meetings).
NAME_STOPS = "，。；：、！？,;:!?\n《》（）()【】[]　 等"
# 中央、省委、市委党委系统工作会议: bodies listed before one meeting share it
ISSUERS = regex.compile(r"^(?:中央|国务院|全国|省委|市委|县委|区委|州委|省|市|县|区|乡|镇)(?:政府|人大|政协)?$")
ISSUER_VERBS = regex.compile(r"^(?:全面|深入|认真)?(?:学习)?(?:贯彻)?(?:落实)?")
STUDY_VERBS = regex.compile(r"^(?:我们|我)?(?:深入|认真|全面)?(?:传达)?(?:学习)?(?:宣传)?(?:贯彻)?(?:落实)?")
SESSION_HEADS = ("全会", "大会", "代表大会", "党代会", "人代会")
# what follows a body, not a meeting: 人大常委会监督, 县委常委会工作报告, 常委会委员
NOT_AFTER = regex.compile(r"(?:监督|委员|组成人员|主任|副主任|成员|秘书长|代表(?!大会)|机关|办公室|党组|工作报告)")
BODY = regex.compile(r"(?:人大(?:及其)?常委会|及其常委会)$")
GENERIC_MODIFIERS = regex.compile(r"^(?:的|一系列|各类|各种|各项|有关|相关|重要|专题|历次|多次|系列|本次|此次|这次|该|这些|"
                                  r"上述|其他|年度|全年|分管领域|部门|单位|各级|大型|小型|全县性|全市性|全省性|文件|基层)*$")
# 这次民主生活会: a demonstrative before a specific kind of meeting leaves that kind as the name
DEMONSTRATIVE = regex.compile(r"^(?:这次|本次|此次|该次|这一次)")
BARE_HEADS = ("会议", "大会", "全会", "会", "工作会", "常委会")
MEETING_END = regex.compile(r"(?:会议|全会|大会|会|峰会|会晤|读书班|论坛)$")
COUNT_PREFIX = regex.compile(r"[0-9X一二三四五六七八九十两]+次")


def find_meetings(text: str, folded: str, book: RuleBook, excluded: list[tuple[int, int]]) -> list[Meeting]:
    generic = {w for r in book["lexicon"] if r.name == "generic-meetings" for w in r.words}
    leads = _leads_pattern(book)
    wholes = [(m.start(), m.end()) for r in book["meeting"] if r.whole for m in r.pattern.finditer(folded)]
    spans = list(wholes)
    for rule in book["meeting"]:
        if rule.whole:
            continue
        for m in rule.pattern.finditer(folded):
            if any(s <= m.start() < e for s, e in wholes) or NOT_AFTER.match(folded, m.end()):
                continue  # the same meeting, already named whole
            span = _name_span(folded, m.start(), m.end(), generic, leads)
            if span:
                spans.append(span)
    return [Meeting(text[s:e], s, e) for s, e in _outermost(spans) if not _inside((s, e), excluded)]


def _leads_pattern(book: RuleBook) -> regex.Pattern | None:
    """The lexicon's entries are regex fragments (上合组织 is a name, 组织召开 is a verb)."""
    rule = next((r for r in book["lexicon"] if r.name == "meeting-leads"), None)
    if rule is None or not rule.words:
        return None
    try:
        return regex.compile("|".join(sorted(rule.words, key=len, reverse=True)))
    except regex.error as exc:
        raise RuleError(rule.file, rule.name, "words", f"not a valid pattern fragment: {exc}") from None


def _name_span(folded: str, head_start: int, end: int, generic: set[str],
               leads: regex.Pattern | None) -> tuple[int, int] | None:
    start = _scan_left(folded, head_start)
    while folded[start - 1:start] == "、":
        before = _scan_left(folded, start - 1)
        segment = folded[before:start - 1]
        tail = ISSUER_VERBS.sub("", segment, count=1)
        if not ISSUERS.match(tail):
            break
        start = before + (len(segment) - len(tail))
    head = folded[head_start:end]
    if leads is not None:  # the name starts after the last verb or preposition before the head
        start = max((m.end() for m in leads.finditer(folded, start, head_start)
                     if m.start() == start or not _conjunction_inside_name(folded, m, head_start)), default=start)
    while folded[start] == "的" or (COUNT_PREFIX.match(folded, start, head_start)
                                    and COUNT_PREFIX.match(folded, start, head_start).end() < head_start):
        start += 1 if folded[start] == "的" else COUNT_PREFIX.match(folded, start, head_start).end() - start
    name = folded[start:end]
    if head in SESSION_HEADS and "精神" not in name:
        study = STUDY_VERBS.match(name)  # 学习贯彻党的二十届三中全会: the meeting starts after the verbs
        if study and 0 < study.end() < len(name):
            start += study.end()
            name = name[study.end():]
    demonstrative = DEMONSTRATIVE.match(name)
    if demonstrative and head not in BARE_HEADS and name[demonstrative.end():] == head:
        return start + demonstrative.end(), end
    modifiers = name[:len(name) - len(head)]
    if name in generic or len(name) < 3 or GENERIC_MODIFIERS.match(modifiers) or BODY.search(name):
        return None
    if head in BARE_HEADS and len(modifiers) < 2:
        return None  # 开会议: a verb and a bare 会议 name nothing
    return start, end


def _conjunction_inside_name(folded: str, lead: regex.Match, head_start: int) -> bool:
    """和/及/与 join two meetings (五次全会和全县经济工作会议) or sit inside one name
    (党史学习教育和县委巡察工作动员及总结会): only after a meeting's head word do they end a name."""
    if lead.group() not in ("和", "及", "与"):
        return False
    return not MEETING_END.search(folded, 0, lead.start())


def _scan_left(folded: str, pos: int) -> int:
    """Back to the start of a name: punctuation stops it, a short bracket (办公厅（室）) does not."""
    start = pos
    while start > 0:
        ch = folded[start - 1]
        if ch in "）)":
            opening = max(folded.rfind("（", max(0, start - 5), start), folded.rfind("(", max(0, start - 5), start))
            if opening >= 0:
                start = opening
                continue
        if ch in NAME_STOPS:
            break
        start -= 1
    return start


def _inside(span: tuple[int, int], excluded: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in excluded)


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    chosen: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda x: (x[0], -x[1])):
        if chosen and chosen[-1][0] <= s and e <= chosen[-1][1]:
            continue
        if chosen and s < chosen[-1][1]:
            continue  # overlaps without nesting: keep the earlier name
        chosen.append((s, e))
    return chosen
