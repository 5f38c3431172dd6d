"""One typed class per rule kind: the fields a ``[[kind]]`` table may hold, their types and defaults.

The class *is* the schema: ``validate.py`` reads each field's annotation to check a TOML table
(``str``, ``int``, ``bool``, ``tuple[str, ...]``, a ``Literal`` of choices, a compiled ``Pattern`` or
a tuple of them), so adding a field here is all it takes to make rule files accept it.

Kinds whose entries the code looks up by name (lexicons, grammar patterns) declare those names in
``NEEDED``: a rule book that lacks one, or a file that names an entry nobody reads (a misspelling),
fails at load instead of silently turning a feature off.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import ClassVar, Literal, TypeVar

from ..errors import RuleError
from .pattern import Pattern

Direction = Literal["at-least", "at-most", "about"]
T = TypeVar("T")


def required(value: T | None) -> T:
    """A field a rule's ``check()`` made sure of (a reading step's settings when it is enabled).

    >>> required("t2s")
    't2s'
    """
    if value is None:
        raise ValueError("a rule field that check() requires is missing")  # a bug: load() checks
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """What every rule carries: where it came from, its name, and the examples the tests run."""

    KIND: ClassVar[str] = ""   # the TOML array name: [[heading]]
    FILE: ClassVar[str] = ""   # the file stem: headings.toml
    NEEDED: ClassVar[dict[str, str] | None] = None  # names the code reads, and what for

    file: str
    name: str
    examples: tuple[str, ...]
    counter_examples: tuple[str, ...]
    note: str | None = None

    @property
    def kind(self) -> str:
        return self.KIND

    def error(self, field: str | None, message: str) -> RuleError:
        return RuleError(self.file, self.name, field, message)

    def check(self) -> None:
        """What a kind needs beyond its field types; raises ``RuleError``."""

    def __repr__(self) -> str:
        return f"<{self.KIND} {self.name!r} from {self.file}>"


def _needs_ordinal(rule: HeadingRule | EnumerationRule) -> None:
    if rule.numeral != "none" and "num" not in rule.pattern.compiled.groupindex:
        raise rule.error("pattern", "needs a group named num (the ordinal), e.g. (?P<num>\\d+)")


@dataclass(frozen=True, slots=True, kw_only=True)
class HeadingRule(Rule):
    """A heading style: its marker pattern (group ``num`` the ordinal) and its rank in the hierarchy."""

    KIND, FILE = "heading", "headings"
    pattern: Pattern
    rank: int
    numeral: Literal["chinese", "arabic", "circled", "none"]
    skippable: bool = False
    instead_of: str | None = None
    # a title longer than this (characters) that holds a comma makes the line a numbered sentence
    longest_title: int | None = None
    # an unnumbered marker that opens a run-in title (——经济平稳增长。全年…): a heading only when a body
    # follows the title on its line and the title is at most `longest_title` long
    run_in: bool = False

    def check(self) -> None:
        _needs_ordinal(self)
        if self.run_in and (self.numeral != "none" or self.longest_title is None):
            raise self.error("run_in", "a run-in style is unnumbered (numeral = \"none\") and sets longest_title")


@dataclass(frozen=True, slots=True, kw_only=True)
class EnumerationRule(Rule):
    """An inline enumeration family (一是…二是…, 首先…最后)."""

    KIND, FILE = "enumeration", "enumerations"
    pattern: Pattern
    numeral: Literal["chinese", "words"]
    words: tuple[str, ...] = ()
    last: str | None = None

    def check(self) -> None:
        _needs_ordinal(self)


@dataclass(frozen=True, slots=True, kw_only=True)
class NoiseRule(Rule):
    """A line of page furniture, and what it takes along (the value after a label, the rest of the page)."""

    KIND, FILE = "noise", "noise"
    pattern: Pattern
    next: Literal["none", "value", "short", "rest"] = "none"
    where: Literal["anywhere", "edges"] = "anywhere"
    max_length: int = 120


@dataclass(frozen=True, slots=True, kw_only=True)
class GenreRule(Rule):
    KIND, FILE = "genre", "genres"
    title: tuple[Pattern, ...]
    cues: tuple[Pattern, ...]
    lead: tuple[Pattern, ...] = ()
    year_is: tuple[Pattern, ...] = ()
    year_after: tuple[Pattern, ...] = ()
    # what a top-level section whose title names no role is, by its place: review until a review part
    # has been seen and plans after it, or plans throughout (a 工作要点 is all plans)
    untitled_parts: Literal["review-then-plans", "plans"] | None = None
    # the plan points of a plans section: its subsections' titles, or its items and sentences
    # titles: the same, and the own title of a plans section that has no subsections (a 工作计划 of one level)
    plan_points: Literal["headings", "titles", "points"] = "points"
    # a run of numbered lines each one closed sentence (（一）…。⏎（二）…。): the units of a list, or, in the
    # genres that list their tasks by title alone (a government report's digest), headings
    numbered_lists: Literal["items", "headings"] = "items"
    # a speech with no plans part: the short sentence that opens a paragraph and states a task (要视人才为珍宝。),
    # one plan point each when at least the setting ``task-leads-min`` of its paragraphs open so
    task_leads: Pattern | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RoleRule(Rule):
    KIND, FILE = "role", "roles"
    pattern: Pattern
    not_under: tuple[str, ...] = ()  # under a section whose title named one of these roles, a subsection takes not this one


@dataclass(frozen=True, slots=True, kw_only=True)
class UnitRule(Rule):
    KIND, FILE = "unit", "units"
    units: tuple[str, ...]
    not_followed_by: str | None = None  # characters none of which may follow the unit
    followed_by: tuple[str, ...] = ()  # words one of which must follow it (三点意见: 点 counts points made)
    share: str | None = None  # the unit names a share of a whole: the figure is number × share, with no unit (四成: 0.4)


@dataclass(frozen=True, slots=True, kw_only=True)
class QualifierRule(Rule):
    """Qualifier words by where they stand, and which way they bound a target (for verdicts)."""

    KIND, FILE = "qualifier", "qualifiers"
    words: tuple[str, ...]
    position: Literal["before", "middle", "after", "bare"]  # bare: before a magnitude with no number (上百人)
    direction: Direction = "about"
    # words one of which must stand just before the rule's word (多 after a span of time: 两年多; 几 after 十: 十几亩),
    # words one of which must follow it (两年多来, 两年多的; 近三年多个项目 is 近三年, then 多个), and characters none of
    # which may follow it (一百几十人 is no 一百几)
    preceded_by: tuple[str, ...] = ()
    followed_by: tuple[str, ...] = ()
    not_followed_by: str | None = None

    @property
    def guarded(self) -> bool:
        return bool(self.preceded_by or self.followed_by or self.not_followed_by)

    def check(self) -> None:
        # before and bare words stand in look-behinds (上百人) that the guards are not built into: they would be lost
        if self.guarded and self.position in ("before", "bare"):
            raise self.error("position", "preceded_by, followed_by and not_followed_by guard middle and after words only")


@dataclass(frozen=True, slots=True, kw_only=True)
class StoptermRule(Rule):
    KIND, FILE = "stopterm", "stopterms"
    pattern: Pattern


@dataclass(frozen=True, slots=True, kw_only=True)
class LexiconRule(Rule):
    """A word list the code reads by name."""

    KIND, FILE = "lexicon", "lexicons"
    NEEDED = {
        "change-verbs": "quantities: the verb that says how an indicator moved",
        "level-verbs": "quantities: verbs between an indicator and its level",
        "indicator-leads": "quantities: words before an indicator that are not part of it",
        "action-verbs": "quantities: a clause ending in one counts what was done",
        "generic-meetings": "meetings: words that name no meeting",
        "meeting-leads": "meetings: a name starts after the last of these (regex fragments)",
        "meeting-session-heads": "meetings: heads of sessions named after the verbs that study them",
        "meeting-bare-heads": "meetings: heads that need a modifier of two characters to name a meeting",
        "meeting-self-naming-heads": "meetings: heads that name a meeting with no modifier (党组会, 人代会)",
        "meeting-joint-heads": "meetings: heads of a meeting bodies hold together (联席会议)",
        "name-stop-words": "meetings: words a name cannot reach back past",
        "compare-stopwords": "compare: words too common to tell one problem from another",
        "target-ceilings": "panel: words right before a target figure that make it a ceiling (控制在3%)",
        "qualifier-lookalikes": "quantities: words that end in a one-character qualifier and qualify nothing (签约5个)",
        "product-units": "quantities: units of a capacity that a count of units before it multiplies (2×220吨)",
    }
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class GrammarRule(Rule):
    """A named pattern the code applies in one place (what a meeting's name may start with …)."""

    KIND, FILE = "grammar", "grammar"
    NEEDED = {
        "meeting-issuer": "meetings: a body listed before a meeting it shares (省委、市委…工作会议)",
        "meeting-issuer-verbs": "meetings: verbs before a listed issuer",
        "meeting-study-verbs": "meetings: verbs before a session that are not its name (学习贯彻…全会)",
        "meeting-not-after": "meetings: what follows a body, not a meeting (常委会委员)",
        "meeting-body": "meetings: a name that is a body (人大常委会)",
        "meeting-generic-modifiers": "meetings: modifiers that leave a head generic (各类会议)",
        "meeting-event-kinds": "meetings: words before a head that make the name a festival or a sports event (音乐大会, 徒步大会)",
        "meeting-demonstrative": "meetings: 这次/本次 before a kind of meeting",
        "meeting-kind-modifiers": "meetings: modifiers generic only before a bare head (专题会议, not 专题民主生活会)",
        "meeting-end": "meetings: how a meeting's name ends",
        "meeting-count-prefix": "meetings: a count before a kind of meeting, which then names none (召开三次常委会)",
        "meeting-date-prefix": "meetings: a full date before a name, not part of it (2022年2月14日)",
        "meeting-routine": "meetings: words that make the meeting after them a routine kind (每月定期召开…会议)",
        "meeting-broken-line": "meetings: how a short line ends whose name the next line goes on with (第十三届全国人民⏎代表大会)",
        "meeting-suffix": "meetings: what follows a head and is still the name (党委会(扩大))",
        "meeting-broken-head": "meetings: how a line opens that goes on with a name begun on the line above (代表大会第四次会议)",
        "point-marker": "compare: a point's enumeration marker, dropped before comparing",
        "cue-then-list": "points: what introduces the problems right after a weakness cue (…存在一些不足，如…)",
        "outside-conditions": "points: a sentence that sets out the conditions outside (从国内外形势看，…), no problem of the report's own",
        "problems-announced": "points: a sentence inside a problems passage that only announces the problems to come",
        "sign-off": "points: a signature or a date line closing the text (某街道办事处 二○○九年三月二十日), never a point",
        "inline-ad": "points: a site's bracketed advertisement a point runs on into (【更多公文素材…】), left out of it",
        "plan-overview": "chains: a plan section's title that states the overall requirements, not a task",
        "plan-body-end": "chains: a line that ends a plan heading's body (the report's late blocks)",
        "multi-year": "panel: words before a figure for several years (年均, 五年累计)",
        "ratio-context": "quantities: words just before a ratio (三次产业结构比为 11.8︰48.3︰39.9)",
        "title-suffix": "profile: a note after a report's title that is not part of it (（全文）)",
        "meeting-issuer-start": "meetings: how the rest of a name opens after a body joined by 和 (市委…)",
        "meeting-scope-join": "meetings: scopes written one after another that share a meeting (全国全市…会议)",
        "meeting-papers": "meetings: a meeting's papers after its head (议程, 纪要): a kind of meeting so followed is none",
        "meeting-session": "meetings: the ordinals that name one session, which stays a meeting before its papers",
        "news-headline": "profile: a news headline among a page's first lines (…会议隆重开幕): its metadata title is not the page's",
        "other-report-title": "profile: the title of a report that is none of the genres (a budget or plan report): no genre",
        "full-text-follows": "profile: a news page's words that the report's full text follows: the page is the report",
        "title-label": "profile: a page's metadata cell that gives the document's title (| 标题：某镇2023年工作计划 |)",
        "title-glued-next": "profile: what may not follow a title glued to the body on one line (在…会上的讲话精神, …报告，): "
                            "the title read off such a line is a phrase of the sentence instead",
        "point-lead-conjunction": "weaknesses: a conjunction that opens a cue sentence but not its point (但是，)",
        "meeting-studied-before": "meetings: what is studied before 和, after which the conjunction ends a name",
        "meeting-tiers": "meetings: levels that hold one meeting together (两级), the bodies before them not listed apart",
        "meeting-study-named": "meetings: verbs that are words of a study meeting's name ending in 精神 and its head",
        "not-task-lists": "outline: a heading above a numbered list of targets or problems, which stays a list",
        "tasks-announced": "plans: a line announcing the year's tasks before numbered subsections of a review part",
    }
    pattern: Pattern


@dataclass(frozen=True, slots=True, kw_only=True)
class MeetingRule(Rule):
    KIND, FILE = "meeting", "meetings"
    pattern: Pattern
    whole: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentRule(Rule):
    KIND, FILE = "document", "documents"
    pattern: Pattern


@dataclass(frozen=True, slots=True, kw_only=True)
class PassageRule(Rule):
    KIND, FILE = "passage", "passages"
    pattern: Pattern
    role: Literal["weaknesses", "plans", "resolution", "intro", "targets", "rectification"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ThemeRule(Rule):
    KIND, FILE = "theme", "themes"
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class SynonymRule(Rule):
    KIND, FILE = "synonym", "synonyms"
    words: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class IndicatorRule(Rule):
    KIND, FILE = "indicator", "indicators"
    aliases: tuple[Pattern, ...]
    units: tuple[str, ...]
    tolerance: str = "0"

    def check(self) -> None:
        try:
            Decimal(self.tolerance.removesuffix("%"))
        except InvalidOperation:
            raise self.error("tolerance", f"expected a number or a share like 5%, got {self.tolerance!r}") from None


@dataclass(frozen=True, slots=True, kw_only=True)
class ClosingRule(Rule):
    KIND, FILE = "closing", "closings"
    start: Pattern
    confirm: Pattern | None = None
    role: str | None = None
    anywhere: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ReadingRule(Rule):
    """One step of the reading layer (``reportparse.reading``), named by the step: what it reads and how.

    The steps are fixed (``NEEDED``); an overlay switches one off with ``enabled = false``. Each step
    uses its own fields, required when it is enabled (``STEP_FIELDS``).
    """

    KIND, FILE = "reading", "reading"
    NEEDED = {
        "pinyin": "pinyin a mirror site glossed after characters read as nothing",
        "traditional": "traditional characters read as simplified (OpenCC)",
        "punctuation": "ASCII punctuation in Chinese text read as full-width",
        "markers": "a heading numeral typed as a dash (—、总体情况) read as 一",
        "unwrap": "hard-wrapped lines joined inside a paragraph",
        "links": "words a web page set apart as links read back into their sentences",
        "flattened": "paragraphs and headings a web page ran together on one line set apart again",
        "glued": "numbered headings glued to the text before them set on lines of their own",
        "spaces": "spaces and zero-width characters dropped inside figures and words",
    }
    STEP_FIELDS: ClassVar[dict[str, tuple[str, ...]]] = {
        "pinyin": ("gloss",),
        "traditional": ("config",),
        "punctuation": ("ascii", "full_width", "chinese", "keep"),
        "markers": ("mistyped", "read_as"),
        "unwrap": ("line_ends", "after_end", "list_marker", "narrow"),
        "links": ("line_ends", "after_end", "list_marker", "body_marks", "link_text"),
        "flattened": ("spaces", "line_ends", "after_end"),
        "glued": ("line_ends", "after_end", "open_styles"),
        "spaces": ("spaces", "invisible", "cjk", "after_figure"),
    }
    enabled: bool = True
    # pinyin: what a gloss looks like (a bracketed syllable with a tone mark after a Han character)
    gloss: Pattern | None = None
    # traditional: OpenCC's configuration into simplified
    config: Literal["t2s", "tw2s", "hk2s", "tw2sp"] | None = None
    # punctuation: each ASCII mark and its full-width form; what counts as Chinese beside a mark; what to keep
    ascii: str | None = None
    full_width: str | None = None
    chinese: Pattern | None = None
    keep: Pattern | None = None
    # markers: a dash where a heading's numeral stands, and the numeral it is read as (one character for one)
    mistyped: Pattern | None = None
    read_as: str | None = None
    # unwrap: how a paragraph ends, list markers, narrow characters (one column), and the thresholds
    line_ends: str | None = None
    after_end: str | None = None
    list_marker: Pattern | None = None
    narrow: Pattern | None = None
    min_wrapped_lines: int = 3
    min_wrapped_percent: int = 25
    min_columns: int = 30
    slack_columns: int = 4
    closed_slack_columns: int = 1
    indent_columns: int = 2
    # links: the marks that tell running text, what a link's text is, blank lines a page leaves around it
    body_marks: str | None = None
    link_text: Pattern | None = None
    max_blank_lines: int = 1
    min_links: int = 3
    # flattened (and glued): how long a run-together line is, how many breaks make it one, how long a title
    min_line_chars: int = 120
    min_breaks: int = 2
    max_title_chars: int = 40
    # glued: the heading styles that may open right after a sentence end (an inline list's （1） does not),
    # the heading style whose whole-line labels (存在的问题, 今后的打算) may end a title glued to its body
    # (四、存在的问题在全乡…), and how long such a label may be
    open_styles: tuple[str, ...] | None = None
    label_style: str | None = None
    max_label_chars: int = 12
    # glued: the words a body opens with (坚持把, 今年以来) where a heading's title runs on into it with no stop
    # between, and how long a title read up to its stop must be for them to be looked for
    body_openers: Pattern | None = None
    run_on_styles: tuple[str, ...] | None = None
    min_run_on_chars: int = 24
    min_spaced_body_chars: int = 16
    # spaces: which blanks and invisible characters go, and between what
    spaces: str | None = None
    invisible: str | None = None
    cjk: Pattern | None = None
    after_figure: Pattern | None = None

    def check(self) -> None:
        if not self.enabled:
            return
        missing = [key for key in self.STEP_FIELDS.get(self.name, ()) if getattr(self, key) is None]
        if missing:
            raise self.error(missing[0], f"the {self.name} step needs this field")
        if self.name == "punctuation" and len(self.ascii or "") != len(self.full_width or ""):
            raise self.error("full_width", "must name one full-width mark for each ASCII mark")


@dataclass(frozen=True, slots=True, kw_only=True)
class ReportStartRule(Rule):
    """What opens one report of a file that holds several (a compilation): a title line, and a line
    within the next ``within`` non-blank lines that confirms it (the occasion, the speaker, the date)."""

    KIND, FILE = "report-start", "compilations"
    title: Pattern
    confirm: Pattern | None = None
    within: int = 3


@dataclass(frozen=True, slots=True, kw_only=True)
class OcrFixRule(Rule):
    """A misreading OCR engines make on Chinese reports, put right before parsing (× read for the redaction X)."""

    KIND, FILE = "ocr-fix", "ocr"
    pattern: Pattern
    replace: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SettingRule(Rule):
    """A threshold the code reads by name; ``flags`` says which side of ``value`` a measure is flagged on.
    Examples are measures that are flagged (``20000x20000`` for a size: the product counts)."""

    KIND, FILE = "setting", "settings"
    NEEDED = {
        "ocr-low-confidence": "OCR: a page whose mean confidence is below this gets a low-confidence warning",
        "image-max-pixels": "images: larger images are refused before decoding (decompression bombs)",
        "max-characters": "parse refuses a longer text; batch splits it into parts of at most this size",
        "thread-also-link": "compare: a point also joins another thread when it scores at least this with it",
        "chain-answer-link": "chains: a plan point answers a weakness when they score at least this",
        "chain-answer-share": "chains: ... and when it scores at least this share of the weakness's best point",
        "meeting-broken-line-max": "meetings: the longest line (characters) a broken name may have begun on (a title, a dateline)",
        "cue-sentence-point": "weaknesses: a cue sentence that goes on this many characters past its cue states a problem",
        "task-leads-min": "plans: a speech's paragraphs that open with a task sentence give plan points when at least this many do",
        "input-max-bytes": "input: a larger file is refused before it is read",
        "text-max-characters": "input: a longer text is refused before it is parsed",
        "inflate-member-max-bytes": ".docx, PDF: a member or stream inflating past this is refused while inflating",
        "inflate-total-max-bytes": ".docx, PDF: all members or streams of one file, inflated, past this are refused",
        "numbering-label-max-characters": ".docx: a longer generated list label is refused before it is built",
        "pdf-max-pages": "PDF: a file with more pages is refused before any page is read",
        "pdf-max-page-operators": "PDF: a page with more operators is refused before it is read",
        "pdf-max-page-text-operators": "PDF: a page with more text-showing operators is refused before it is read",
        "pattern-seconds-per-file": "rules: the time all patterns together may take on one file",
        "pattern-seconds-per-million-characters": "rules: ... and this much more for each million characters it has",
    }
    value: str
    flags: Literal["below", "above", "at-least"]

    def check(self) -> None:
        try:
            Decimal(self.value)
        except InvalidOperation:
            raise self.error("value", f"expected a number, got {self.value!r}") from None

    @property
    def number(self) -> float:
        return float(self.value)

    def flagged(self, measure: float) -> bool:
        if self.flags == "at-least":  # a score threshold: reaching it is enough
            return measure >= self.number
        return measure < self.number if self.flags == "below" else measure > self.number


RULE_CLASSES: tuple[type[Rule], ...] = (
    HeadingRule, EnumerationRule, NoiseRule, GenreRule, RoleRule, UnitRule, QualifierRule, StoptermRule,
    LexiconRule, GrammarRule, MeetingRule, DocumentRule, PassageRule, ThemeRule, SynonymRule, IndicatorRule,
    ClosingRule, ReadingRule, ReportStartRule, OcrFixRule, SettingRule,
)
BY_FILE: dict[str, type[Rule]] = {cls.FILE: cls for cls in RULE_CLASSES}
BY_KIND: dict[str, type[Rule]] = {cls.KIND: cls for cls in RULE_CLASSES}
