"""Quantities: value, unit, qualifier, range, redaction, and the indicator and change they belong to.

One pattern, built from the rule files (units, qualifiers) with the magnitudes expanded here, finds
candidate figures on the folded text; stop-terms, ordinals and idioms are then ruled out, and the
clause to the left gives the indicator and the change.

Cost: linear in the text. One scan of the figure pattern and one of each stop-term pattern; stop-term
spans are merged once (O(s log s)) and asked by bisection; each figure then reads a window of at most
CLAUSE_WINDOW characters before it, and a glued check reads back over blanks only.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

import regex

from ..punctuation import CLAUSE_BREAKS, MINUS_SIGNS, PARENS_AND_QUOTES
from ..spans import Coverage
from ..rulebook import LexiconRule, Pattern, QualifierRule, RuleBook, StoptermRule, UnitRule
from . import numbers
from .mentions import Quantity

CN_DIGITS = "零〇○一二两三四五六七八九十"
CN_NUMERAL = f"[{CN_DIGITS}][{CN_DIGITS}百千万亿]*(?:点[{CN_DIGITS}]+)?"
ARABIC = r"\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
REDACTED = "[X×]{1,3}"
ROUND = "[百千万](?=[余多])"  # 百余个, 千余家, 万余人: a round magnitude standing for its number
BARE_MAGNITUDES = "百千万亿"  # 上百人, 过万亿元, 超过万户: a magnitude with no number after a qualifier stands for its number
BARE = f"[{BARE_MAGNITUDES}]"
RANGE_SEP = "[-－—–~～至到]{1,2}"
RATIO_SEP = "[︰∶:：]"
RATIO_CONTEXT = 12  # the words that make a run of figures a ratio stand within this many characters before it
YEAR_ZEROS = "〇○零OＯ0"  # the zeros a year in numerals is typed with (二〇〇四, 二OO四 with letters, 二00六 with digits)
CN_YEAR = f"[〇○零一二三四五六七八九]{{4}}|(?:一九|二[{YEAR_ZEROS}])[{YEAR_ZEROS}一二三四五六七八九]{{2}}"
CN_MONTH = "十[一二]?|[一二三四五六七八九]"
CN_DAY = "[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
CLAUSE_STOPS = CLAUSE_BREAKS + "\n" + PARENS_AND_QUOTES
INDICATOR_MAX = 16
CLAUSE_WINDOW = 40  # an indicator and its verb sit just before the figure
# A figure with a magnitude and no unit (近14亿人口, 总人口167万) is read whole, so that no shorter figure is read
# inside it, and then dropped: its unit is only implied, and the gold's annotators take no such count.
MAGNITUDE_ALONE = ("万亿", "亿", "千万", "百万", "十万", "万")
_LEADING_WORDS = regex.compile(r"[^\d０-９X×]*")
_BARE_SHARED = regex.compile(r"(?<![\d.%‰:：︰∶/\-])(?P<n>\d+(?:\.\d+)?)(?:和|、|及)$")
SHARED_REACH = 16  # characters a bare figure and its joining word take before the figure whose unit it shares
_BREAKS = regex.compile(r"[\s\u200b\u200c\u200d\u2060]+")


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _units(units, guards: dict[str, str], heads: dict[str, tuple[str, ...]]) -> str:
    """Units longest first, each with the rule's guard (人 before 口 is 人口, a noun, not a unit) and the
    words one of which must follow it (点 counts only before 意见, 要求…: 三点 alone is a time of day)."""
    def one(unit: str) -> str:
        guard, words = guards.get(unit), heads.get(unit)
        return regex.escape(unit) + (f"(?![{regex.escape(guard)}])" if guard else "") + \
            (f"(?={_alternation(words)})" if words else "")
    return "|".join(one(u) for u in sorted(set(units), key=len, reverse=True))


# A dateline whose 年 (and maybe 月, 日) a page or a template lost: ——2018724日在…, (20230219), 202421日 at a
# line's start. Only where a dateline stands (a line's start after an optional dash, an opening bracket) and
# only before what follows a dateline (在, a space, a closing bracket, the line's end), and a bare digit run
# only when it is long enough to hold a month and a day: a table cell's 201935 stays a number.
BROKEN_DATELINE = ("(?<=(?:^|\n)[ \t\u3000]*(?:[—―─-]{1,2})?|[（(])(?P<year>(?:19|20)\\d{2})"
                   "(?:\\d{3,4}|\\d{1,4}[月日号](?:\\d{1,2}[日号]?)?)(?=[在 \t\u3000)）\n]|$)")


# A span of days is two dates (9月23至24日 -> 9月23, 24日; 7月9日至17日 -> 7月9日, 17日): the first day may drop its 日
# before the range's end, and the day after 至/到 (or after a tilde within a month, 11月23~29日; 1~3号机组 is no date) is
# a date of its own.
DAY_RANGE = "(?=[至到~～]\\d{1,2}[日号])"
RANGE_END_DAY = "(?<=\\d[日号]?[至到])\\d{1,2}[日号]|(?<=月\\d{1,2}[日号]?[~～])\\d{1,2}[日号]"

# A school year names its two years apart (2022-2023学年度): each a date, as two years joined by 至 would be; a
# school year of one year (2004学年, 二〇〇四学年度) is the date of that year.
SCHOOL_YEAR = ("(?P<year>(?:19|20)\\d{2})(?=[-－—–至/／](?:19|20)\\d{2}[学學]年)"
               "|(?<![\\d\\-－—–至/／])(?P<year>(?:19|20)\\d{2})(?=[学學]年)"
               "|(?<=(?:19|20)\\d{2}[-－—–至/／])(?P<year>(?:19|20)\\d{2})(?=[学學]年)"
               f"|(?P<year>{CN_YEAR})(?=(?:[-－—–至](?:{CN_YEAR}))?[学學]年)"
               f"|(?<=[-－—–至])(?P<year>{CN_YEAR})(?=[学學]年)")


def _guarded(rule: QualifierRule) -> str:
    """The rule's words where they may stand: after one of its ``preceded_by`` words, before one of its ``followed_by``
    words, before none of its ``not_followed_by`` characters: (?<=年)(?:多)(?=来|的).

    >>> import regex
    >>> rule = QualifierRule(file="f", name="r", examples=(), counter_examples=(), words=("多",), position="after",
    ...                      preceded_by=("年",), followed_by=("来", "的"))
    >>> [bool(regex.match(f"两年(?:{_guarded(rule)})", s)) for s in ("两年多来", "两月多来", "两年多个")]
    [True, False, False]
    """
    before = f"(?<=(?:{_alternation(rule.preceded_by)}))" if rule.preceded_by else ""
    after = f"(?=(?:{_alternation(rule.followed_by)}))" if rule.followed_by else ""
    guard = f"(?![{regex.escape(rule.not_followed_by)}])" if rule.not_followed_by else ""
    return f"{before}(?:{_alternation(rule.words)}){after}{guard}"


@lru_cache(maxsize=8)
def _compiled(book: RuleBook) -> tuple[regex.Pattern[str], list[Pattern]]:
    guards = {u: rule.not_followed_by for rule in book.of(UnitRule) for u in rule.units if rule.not_followed_by}
    heads = {u: rule.followed_by for rule in book.of(UnitRule) for u in rule.units if rule.followed_by}
    units = [u for rule in book.of(UnitRule) for u in rule.units]
    magnitude_units = [u for u in units if u[0] in "十百千万亿"]
    plain = [r for r in book.of(QualifierRule) if not r.guarded]
    qualifiers = {pos: [w for r in plain if r.position == pos for w in r.words] for pos in ("before", "middle", "after", "bare")}
    # middle and after words, the guarded ones (QualifierRule.check keeps guards to these two) after the plain ones
    mid, after = ("|".join(filter(None, [_alternation(qualifiers[pos])] + [_guarded(r) for r in book.of(QualifierRule)
                                                                        if r.guarded and r.position == pos])) or "(?!)"
                  for pos in ("middle", "after"))
    mag = _alternation(numbers.MAGNITUDES)
    qualified = _alternation(qualifiers["before"] + qualifiers["bare"])
    bare = f"(?<=(?:{qualified})){BARE}" if qualified else "(?!)"
    num = f"(?:{ARABIC}|{CN_NUMERAL}|{REDACTED}|{ROUND}|{bare})"
    date = (f"(?P<year>\\d{{4}}|{CN_YEAR})年(?:(?P<month>\\d{{1,2}}|{CN_MONTH})月(?:(?P<day>\\d{{1,2}}|{CN_DAY})(?:日|{DAY_RANGE}))?)?"
            f"|(?<![\\d个])(?:\\d{{1,2}}[-－—–~～至])?(?P<month2>\\d{{1,2}}|{CN_MONTH})月(?:(?P<day2>\\d{{1,2}}|{CN_DAY})(?:[日号]|{DAY_RANGE}))?"
            f"|{BROKEN_DATELINE}|{SCHOOL_YEAR}|{RANGE_END_DAY}")
    figure = (
        f"(?P<pct>百分之)(?P<pn>{CN_NUMERAL})(?:{RANGE_SEP}(?:百分之)?(?P<pn2>{CN_NUMERAL}))?"
        f"|(?P<den>{CN_NUMERAL})分之(?P<nu>{CN_NUMERAL})"
        f"|(?P<half>一半)"
        f"|(?P<n1>{num})(?P<mid1>{mid})?"
        f"(?:(?P<mag1>{mag})?(?P<u1>{_units(units, guards, heads)})?(?P<sep>{RANGE_SEP})(?P<n2>{num})(?P<mid2>{mid})?)?"
        f"(?:(?P<ua>{_units(magnitude_units, guards, heads) or '(?!)'})"
        f"|(?P<mag>{mag})?(?P<mid3>{mid})?(?P<unit>{_units(units, guards, heads)})"
        f"|(?P<magonly>{_alternation(MAGNITUDE_ALONE)})(?P<mid4>{mid})?)"
    )
    ratio = f"(?P<ratio>(?:{ARABIC})(?:{RATIO_SEP}(?:{ARABIC}))+)"
    pattern = (f"(?P<date>{date})|{ratio}"
               f"|(?P<pre>{_alternation(qualifiers['before'])}|(?:{_alternation(qualifiers['bare']) or '(?!)'})(?={BARE}))?"
               f"(?:{figure})(?P<post>{after})?")
    stops = [r.pattern for r in book.of(StoptermRule)]  # rule Patterns: each scan runs under the time limit
    return regex.compile(pattern), stops


def find_quantities(text: str, folded: str, book: RuleBook,
                    excluded: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """The figures and dates of the text; none inside the ``excluded`` spans (titles in 《》 name
    documents: the year in 《2022年度工作报告》 is part of a name)."""
    pattern, stop_patterns = _compiled(book)
    stopped = _stop_mask(folded, stop_patterns)
    titles = Coverage(excluded or [])
    ratio_context = book.grammar("ratio-context")
    lexicons = _lexicons(book)
    lookalikes = _by_last_character(lexicons["qualifier-lookalikes"])
    products = frozenset(lexicons["product-units"])
    shares = {u: Decimal(rule.share) for rule in book.of(UnitRule) if rule.share for u in rule.units}
    found: list[Quantity] = []
    for m in pattern.finditer(folded):
        number_start = m.start("n1") if m.start("n1") >= 0 else m.start()
        if number_start in stopped or _glued(folded, number_start):
            continue
        if m.group("ratio"):
            quantity = _ratio(text, folded, m, ratio_context)
        else:
            quantity = _date(text, m) if m.group("date") else _figure(text, m, _word_ends_in(folded, m, lookalikes))
        for part in _year_span_dates(text, m, quantity):
            if not titles.holds(part.start, part.end):
                found.append(_as_share(_times(text, folded, _signed(text, folded, part), products), shares))
    found = _bare_before_shared_unit(text, folded, found, stopped)
    _share_list_units(folded, found)
    for i, quantity in enumerate(found):
        if quantity.type == "measure":
            _describe(folded, quantity, found[i - 1] if i else None, lexicons)
    return found


def _year_span_dates(text: str, m: regex.Match, quantity: Quantity | None) -> list[Quantity]:
    """A span of years is two dates, as a span of days is (2019-2020年 -> 2019, 2020年: tests/gold/README.md).

    >>> import regex
    >>> m = regex.match("(?P<n1>2019)-(?P<n2>2020)年", "2019-2020年")
    >>> [q.text for q in _year_span_dates("2019-2020年", m, Quantity("2019-2020年", 0, 10, value=Decimal(2019),
    ...                                    value_max=Decimal(2020), type="date"))]
    ['2019', '2020年']
    """
    if quantity is None:
        return []
    if quantity.type != "date" or quantity.value_max is None or m.start("n2") < 0:
        return [quantity]
    first_end, second = m.end("n1"), m.start("n2")
    return [Quantity(text[quantity.start:first_end], quantity.start, first_end, value=quantity.value, type="date"),
            Quantity(text[second:quantity.end], second, quantity.end, value=quantity.value_max, type="date")]


def _as_share(quantity: Quantity, shares: dict[str, Decimal]) -> Quantity:
    """超过四成 is a share, 0.4 of the whole, with no unit (the unit rule's ``share``).

    >>> _as_share(Quantity("四成", 0, 2, value=Decimal(4), unit="成"), {"成": Decimal("0.1")}).value
    Decimal('0.4')
    """
    share = shares.get(quantity.unit or "")
    if share is None or quantity.value is None:
        return quantity
    value_max = quantity.value_max * share if quantity.value_max is not None else None
    return replace(quantity, value=quantity.value * share, value_max=value_max, unit=None)


# a count of units before a capacity: not after another factor (2×2×30米), not *, which also marks notes
_FACTOR = regex.compile(r"(?<![\d.A-Za-z×])(\d{1,3})[ \t]*×[ \t]*$")


def _times(text: str, folded: str, quantity: Quantity, products: frozenset[str]) -> Quantity:
    """A count of units written before a capacity multiplies it (2×220吨 is 440 吨 of boilers, 2×35万千瓦 two units
    of 350,000 kW): one quantity, the product. Only for the ``products`` units: 7×24小时 is round the clock and 3×4米
    a size, not 168 hours or 12 metres.

    >>> q = Quantity("220吨", 2, 6, value=Decimal(220), unit="吨")
    >>> _times("2×220吨", "2×220吨", q, frozenset({"吨"})).value
    Decimal('440')
    >>> _times("7×220小时", "7×220小时", replace(q, unit="小时"), frozenset({"吨"})).value
    Decimal('220')
    """
    if quantity.type != "measure" or quantity.value is None or quantity.start < 2 or quantity.unit not in products:
        return quantity
    factor = _FACTOR.search(folded, max(0, quantity.start - 8), quantity.start)
    if factor is None:
        return quantity
    times = Decimal(factor.group(1))
    return replace(quantity, text=text[factor.start():quantity.end], start=factor.start(), value=quantity.value * times,
                   value_max=quantity.value_max * times if quantity.value_max is not None else None)


def _signed(text: str, folded: str, quantity: Quantity) -> Quantity:
    """A minus sign glued to a figure after a word is its sign (增速-4.7%); after a digit or a letter it
    joins a range or a code (6-8个, A-3), and at a line's start it is a bullet."""
    at = quantity.start - 1
    if (quantity.type != "measure" or quantity.value is None or at < 1 or folded[at] not in MINUS_SIGNS
            or not folded[at - 1].isalpha() or folded[at - 1].isascii()):
        return quantity
    # the sign is the first figure's: 增速-3至5% runs from -3 to 5
    return replace(quantity, text=text[at:quantity.end], start=at, value=-quantity.value)


class _Spans:
    """Offsets covered by stop-terms, asked by membership (``pos in spans``)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


@lru_cache(maxsize=8)
def _lexicons(book: RuleBook) -> dict[str, tuple[str, ...]]:
    """Word lists longest first, so that a longer word is tried before its prefix."""
    return {r.name: tuple(sorted(r.words, key=len, reverse=True)) for r in book.of(LexiconRule)}


def _stop_mask(folded: str, patterns: list) -> _Spans:
    spans = sorted((m.start(), m.end()) for pattern in patterns for m in pattern.finditer(folded))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return _Spans(merged)


def _glued(folded: str, start: int) -> bool:
    """A figure glued to a letter, a digit or a dot is part of a code or a longer number (PM⏎2.5)."""
    before = folded[start - 1:start]
    if before.isascii() and (before.isalnum() or before == "."):
        return True
    if before == "\n":  # a wrapped line (PM⏎2.5) glues; a blank line between starts a new paragraph
        at = start - 2
        while at >= 0 and folded[at] in " \t\u3000\r":  # back over the line's blank end only, not all before it
            at -= 1
        prior = folded[at] if at >= 0 else ""
        return prior.isascii() and prior.isalpha()
    return False


def _date(text: str, m: regex.Match) -> Quantity | None:
    year = m.group("year")
    value = numbers.number(year) if year else None
    if year and not year.isdigit():
        value = Decimal(int("".join("0" if ch in YEAR_ZEROS else str(numbers.chinese(ch)) for ch in year)))
    return Quantity(text[m.start():m.end()], m.start(), m.end(), value=value, type="date")


def _ratio(text: str, folded: str, m: regex.Match, context: Pattern) -> Quantity | None:
    """11.8︰48.3︰39.9 after 结构比为: one quantity of type ratio (its parts are no figures of their own);
    without such words before it, a run like 17:28 is no quantity, but shares of a whole written with a
    decimal in three parts or more (由上年的18.6：49：32.4) are one whatever comes before them."""
    if not context.search(folded, max(0, m.start() - RATIO_CONTEXT), m.start()) and not _shares(m.group("ratio")):
        return None
    return Quantity(text[m.start():m.end()], m.start(), m.end(), type="ratio")


def _shares(ratio: str) -> bool:
    """
    >>> _shares("18.6：49：32.4"), _shares("8:30"), _shares("12:30:45")
    (True, False, False)
    """
    parts = regex.split(RATIO_SEP, ratio)
    return len(parts) >= 3 and any("." in part for part in parts)


def _year_range(value: Decimal, value_max: Decimal | None) -> bool:
    return value_max is not None and all(v == v.to_integral_value() and 1900 <= v <= 2100 for v in (value, value_max))


def _by_last_character(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    ends: dict[str, list[str]] = {}
    for word in words:
        ends.setdefault(word[-1], []).append(word)
    return {last: tuple(found) for last, found in ends.items()}


def _word_ends_in(folded: str, m: regex.Match, lookalikes: dict[str, tuple[str, ...]]) -> bool:
    """The one-character qualifier the match opens with ends a word before it (签约5个, 迈上万亿元): no qualifier.

    >>> import regex
    >>> _word_ends_in("新签约5个", regex.search("(?P<pre>约)?5个", "新签约5个"), {"约": ("签约",)})
    True
    """
    pre = m.group("pre")
    at = m.start() + 1  # just after the qualifier
    return bool(pre) and len(pre) == 1 and any(folded[at - len(w):at] == w for w in lookalikes.get(pre, ()))


def _figure(text: str, m: regex.Match, lookalike: bool = False) -> Quantity | None:
    """The figure ``m`` matched; with ``lookalike`` its one-character qualifier is the end of a word before
    it, and the figure starts after it (a magnitude with no number is then no figure: 签约亿元以上项目)."""
    start = m.start() + (1 if lookalike else 0)
    unit = m.group("ua") or m.group("unit")
    qualifier = ((None if lookalike else m.group("pre")) or m.group("mid1") or m.group("mid2") or m.group("mid3")
                 or m.group("mid4") or m.group("post"))
    if m.group("pct"):
        value, value_max, unit = numbers.chinese(m.group("pn")), _maybe(numbers.chinese, m.group("pn2")), "%"
    elif m.group("den"):
        numerator, denominator = numbers.chinese(m.group("nu")), numbers.chinese(m.group("den"))
        value = numbers.fraction(numerator, denominator) if numerator is not None and denominator else None
        unit = None
        value_max = None
    elif m.group("half"):
        value, value_max, unit = Decimal("0.5"), None, None
    else:
        first = m.group("n1")
        if first == "一" and not (m.group("mag") or m.group("magonly")) and unit not in ("%", "‰"):
            return None  # 一批, 一次, 一家企业: an article, not a count
        if first in ("零", "〇", "○"):
            return None  # 零部件, 零容忍, 零的突破: a word, not a count of nothing
        bare = len(first) == 1 and first in BARE_MAGNITUDES and not m.group("mid1")  # not 百余个, a round one
        if bare and (lookalike or not m.group("pre")):
            return None  # 600个以上亿元级: the 上 before 亿 belongs to 以上, which the figure before took
        if m.group("magonly"):
            return None  # 1.27亿常住人口, 总人口167万, 财政收入120亿: a count whose unit is only implied is none (tests/gold/README.md)
        if first[0] in "X×":
            return Quantity(text[start:m.end()], start, m.end(), unit=unit, qualifier=qualifier, redacted=True)
        mag = m.group("mag") or m.group("magonly")
        value = numbers.number(first)
        value_max = _maybe(numbers.number, m.group("n2"))
        if value is None:
            return None
        value = numbers.scale(value, m.group("mag1") or mag)
        value_max = numbers.scale(value_max, mag) if value_max is not None else None
    if value is None:
        return None
    if unit == "年" and _year_range(value, value_max) and len(m.group("n1")) == 4:
        # 2023—2025年: a span of years is dates, not a duration (find_quantities gives each year its own)
        return Quantity(text[start:m.end()], start, m.end(), value=value, value_max=value_max, type="date")
    return Quantity(text[start:m.end()], start, m.end(), value=value, value_max=value_max,
                    unit=unit, qualifier=qualifier)


def _maybe(convert, raw):
    return convert(raw) if raw else None


def _bare_before_shared_unit(text: str, folded: str, found: list[Quantity], stopped) -> list[Quantity]:
    """分别高于全省平均水平1.7和4.9个百分点: a bare figure joined by 和/、/及 to a figure with a unit shares that unit.

    Only Arabic figures: 一和二 are numerals of names far more often than counts."""
    shared = []
    taken = Coverage((q.start, q.end) for q in found)
    for right in found:
        while right.type == "measure" and right.unit and not right.qualifier and not right.redacted:
            bare = _BARE_SHARED.search(folded, max(0, right.start - SHARED_REACH), right.start)
            value = numbers.number(bare.group("n")) if bare else None
            if bare is None or value is None or bare.start() in stopped or taken.holds(bare.start(), bare.end("n")):
                break
            right = Quantity(text[bare.start():bare.end("n")], bare.start(), bare.end("n"), value=value, unit=right.unit)
            shared.append(right)  # and on leftward: 12、15、18个
    return sorted(found + shared, key=lambda q: q.start) if shared else found


def _share_list_units(folded: str, found: list[Quantity]) -> None:
    """分别增长2.6个、2.5个百分点: a figure whose unit the next one's extends shares the longer unit."""
    for left, right in zip(found, found[1:]):
        joined = folded[left.end:right.start]
        if joined in ("、", "和", "及", "，") and left.unit and right.unit and right.unit.startswith(left.unit) \
                and right.unit != left.unit:
            left.unit = right.unit


def _describe(folded: str, quantity: Quantity, previous: Quantity | None, lexicons: dict) -> None:
    """Indicator and change from the clause before the figure: 国内生产总值增长6.6%."""
    start = quantity.start
    window = max(0, start - CLAUSE_WINDOW)
    clause_start = max(folded.rfind(stop, window, start) for stop in CLAUSE_STOPS) + 1 or window
    clause = folded[max(clause_start, window):start]
    changes = lexicons.get("change-verbs", ())
    for verb in changes:
        at = clause.rfind(verb)
        if at >= 0 and _only_fillers(clause[at + len(verb):], lexicons):
            quantity.change = verb
            clause = clause[:at]
            break
    indicator = _strip_level_words(clause, lexicons)
    if indicator.endswith(lexicons.get("action-verbs", ())) and not quantity.change:
        return  # 组织五个督导组: a count of what was done
    if indicator and len(indicator) <= INDICATOR_MAX:
        quantity.indicator = indicator
    elif not indicator:
        # 比上年增长8.7%: the clause before named it (its figure may even be broken by a line break)
        if previous is not None and previous.indicator and "。" not in folded[previous.end:start]:
            quantity.indicator = previous.indicator
        else:
            quantity.indicator = _previous_clause_subject(folded, clause_start, lexicons)


def _previous_clause_subject(folded: str, clause_start: int, lexicons: dict) -> str | None:
    """The words before the figure of the clause before, in the same sentence: 国内生产总值达到74.4⏎万亿元，增长6.7%."""
    if clause_start < 2 or folded[clause_start - 1] not in "，,":
        return None
    window = max(0, clause_start - CLAUSE_WINDOW)
    before = max(folded.rfind(stop, window, clause_start - 1) for stop in CLAUSE_BREAKS)
    clause = _BREAKS.sub("", folded[max(before + 1, window):clause_start - 1])
    head = _LEADING_WORDS.match(clause)
    subject = _strip_level_words(head.group(), lexicons) if head else ""
    return subject if 2 <= len(subject) <= INDICATOR_MAX else None


def _only_fillers(between: str, lexicons: dict) -> bool:
    rest = between
    for word in lexicons.get("level-verbs", ()):
        rest = rest.replace(word, "")
    return rest.strip("了了 ") == ""


def _strip_level_words(clause: str, lexicons: dict) -> str:
    levels = lexicons.get("level-verbs", ())
    leads = lexicons.get("indicator-leads", ())
    clause = clause.strip()
    changed = True
    while changed and clause:
        changed = False
        for word in levels:
            if clause.endswith(word):
                clause, changed = clause[:-len(word)], True
        for word in leads:
            if clause.startswith(word):
                clause, changed = clause[len(word):], True
    return clause.strip()
