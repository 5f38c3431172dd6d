"""What the report is: its title line, genre, year, and the role of each section.

Cost: constant beyond one copy of the text: the title is sought among the first TITLE_LINES lines,
genre cues in the first CUE_WINDOW characters and the year in the first YEAR_WINDOW; a section's
role is one match per role rule on its title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from .numerals import chinese_to_int
from .rulebook import GenreRule, RoleRule, RuleBook
from .scan import Block

TITLE_MAX = 60
TITLE_LINES = 4  # a title stands among the first lines of the report proper
LEAD_WINDOW = 400
CUE_WINDOW = 6000
YEAR_WINDOW = 1500
MIN_GENRE_SCORE = 2
CUES_ONLY_LENGTH = 3000  # below this, cues alone (no title, no lead) are too thin to tell a genre
TITLE_WRAP = 3  # a title may be broken over this many lines
LABEL_LINES = 12  # a page's metadata table stands within its first lines
_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=年|—|-|－|至|到)")  # a year a section's title names
_TITLE_RUN = re.compile(r"[^，,。；;：:！!？?《》“”\s]+")  # what a title can hold: no clause punctuation, no quoted name, no space
_FILENAME_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


@dataclass(frozen=True)
class Profile:
    title: str | None
    genre: str | None
    year: int | None


def profile(text: str, folded: str, blocks: list[Block], rules: RuleBook, path: str | None) -> Profile:
    start = next((b.line.start for b in blocks if b.kind != "noise"), 0)
    front = folded[start:]
    suffix = rules.grammar("title-suffix")
    label = rules.grammar("title-label")
    title = find_title(text, blocks, rules.of(GenreRule), suffix)
    # a news page on a session (…人民代表大会第三次会议隆重开幕) is no report whatever its metadata calls it
    # a news page that carries the report's full text after its headline (以下为报告全文：) is the report
    news = news_headline(text, blocks, rules.grammar("news-headline")) and \
        not rules.grammar("full-text-follows").search(front[:LEAD_WINDOW])
    # a title a line gave (not a page's metadata label) is the report's: a budget line below it is no title
    other = other_report_title(text, blocks, rules.of(GenreRule), rules.grammar("other-report-title"), label) \
        if title is None or label.search(title) else None
    if other is not None:
        # a budget or plan report filed with the session's papers (not one on rectifying what their audit found),
        # with no genre's title line above it: its own title, no genre
        return Profile(other, None, find_year(other, front, rules.of(GenreRule), None, path))
    if title is not None and news and label.search(title):
        title = None
    if title is None and not news:
        title = labelled_title(text, blocks, rules.of(GenreRule), label)
    title = title or glued_title(text, blocks, rules.of(GenreRule), rules.grammar("title-glued-next"))
    genre = best_genre(_bare(title, suffix), front, rules.of(GenreRule), news)
    year = find_year(title, front, rules.of(GenreRule), genre, path)
    return Profile(title, genre.name if genre else None, year)


def _bare(title: str | None, suffix) -> str | None:
    """The title without a note after it (政府工作报告（全文） reads as 政府工作报告)."""
    if title is None:
        return None
    m = suffix.search(title)
    return title[:m.start()].rstrip() if m else title


def find_title(text: str, blocks: list[Block], genres: tuple[GenreRule, ...], suffix) -> str | None:
    """The first short line that reads as a report title, among the lines before the body starts; a title
    broken over up to TITLE_WRAP lines is read joined, and a note after it (``suffix``) is read away."""
    lines: list[str] = []
    for block in [b for b in blocks if b.kind != "noise"][:TITLE_LINES + TITLE_WRAP - 1]:
        line = text[block.line.content:block.line.end].strip()
        if not lines and _TITLE_RUN.fullmatch(line.removesuffix("。")):
            line = line.removesuffix("。")  # a page that closed its first line, the title, with 。
        if (block.kind == "heading" and block.marker) or len(line) > TITLE_MAX or "。" in line:
            break  # the body has begun (an unnumbered part title, 某乡2023年工作总结和2024年工作安排, may be the report's)
        lines.append(line)
    windows = [(first, first + size) for size in range(1, TITLE_WRAP + 1) for first in range(min(TITLE_LINES, len(lines)))]
    for first, last in windows:  # a whole line first, then lines joined
        title = "".join(lines[first:last])
        if last <= len(lines) and _reads_as_title(_bare(title, suffix) or "", genres):
            return title
    return None


def _reads_as_title(line: str, genres: tuple[GenreRule, ...]) -> bool:
    """Some genre's title pattern holds for the line."""
    return any(p.search(line) for g in genres for p in g.title)


def labelled_title(text: str, blocks: list[Block], genres: tuple[GenreRule, ...], label) -> str | None:
    """A title a page's metadata table gives (| 标题：某镇2023年工作计划 |) when no line before the body
    reads as one: the table comes first, so the first lines of the file are looked at, noise or not."""
    for block in blocks[:LABEL_LINES]:
        found = label.search(text[block.line.content:block.line.end])  # the line alone: its ^ is the line's start
        if found and _reads_as_title(found.group("title"), genres):
            return found.group("title")
    return None


def other_report_title(text: str, blocks: list[Block], genres: tuple[GenreRule, ...], other, label) -> str | None:
    """The title of a report of none of the genres (``other``: a budget report) among a page's first lines,
    when no line above it reads as a genre's title (a metadata label, 标题：…, is the page's word, not the
    report's): 政府工作报告⏎…⏎关于2024年预算执行情况和2025年预算草案的报告 is a government report."""
    for line in _opening_lines(text, blocks):
        if label.search(line):
            continue
        if _reads_as_title(line, genres):
            return None
        if other.fullmatch(line):
            return line
    return None


def news_headline(text: str, blocks: list[Block], headline) -> bool:
    """One of the first lines (after a metadata table, if the page has one) is a news headline
    (…第三次会议隆重开幕): a line short enough for a title that ``headline`` reads whole as an event's report."""
    return any(headline.fullmatch(line) for line in _opening_lines(text, blocks))


def _opening_lines(text: str, blocks: list[Block]) -> Iterator[str]:
    """A page's first lines (after a metadata table, if it has one) that are short enough for a title, up to the
    body's first numbered heading (一、县人民代表大会第二次会议胜利召开 is a part of a report)."""
    for block in [b for b in blocks if b.kind != "noise"][:LABEL_LINES]:
        if block.kind == "heading" and block.marker:
            return
        line = text[block.line.content:block.line.end].strip()
        if len(line) <= TITLE_MAX:
            yield line


def glued_title(text: str, blocks: list[Block], genres: tuple[GenreRule, ...], glued_next) -> str | None:
    """The title at the start of the first line when a page lost the break after it and the line runs on
    into the body (在某县工作例会上的讲话同志们，…): the shortest start, up to TITLE_MAX characters and
    with no punctuation in it, that reads as a genre's title and is not followed by what would make it a
    phrase of the sentence (``glued_next``: 在全县大会上的讲话精神…)."""
    first = next((b for b in blocks if b.kind != "noise"), None)
    if first is None:
        return None
    line = text[first.line.content:first.line.end].strip()
    if len(line) <= TITLE_MAX and "。" not in line:
        return None  # a line that could be a title was read whole by find_title
    head = _TITLE_RUN.match(line[:TITLE_MAX])
    if head is None:
        return None
    for end in range(4, len(head.group()) + 1):
        candidate, rest = line[:end], line[end:]
        if _reads_as_title(candidate, genres) and not glued_next.match(rest):
            return candidate
    return None


def best_genre(title: str | None, front: str, genres: tuple[GenreRule, ...], news: bool = False) -> GenreRule | None:
    """The genre scoring highest; None when nothing scores MIN_GENRE_SCORE, or when only cues score on a
    text too short for cues to tell (a news item about a report, a resolution on it) or on a page that opens
    with a news headline (``news``: the cues and the opening words are the report's it relays)."""
    def score(genre: GenreRule) -> tuple[int, bool]:
        titled = bool(title) and any(p.search(title or "") for p in genre.title)
        # under a news headline a report's opening words are quoted by the reporter: they tell no genre
        led = not news and any(p.search(front[:LEAD_WINDOW]) for p in genre.lead)
        cues = sum(1 for p in genre.cues if p.search(front[:CUE_WINDOW]))
        return 10 * titled + 5 * led + cues, titled or led

    scored = [(*score(g), -i, g) for i, g in enumerate(genres)]
    best = max(scored, default=None, key=lambda t: (t[0], t[2]))
    if best is None or best[0] < MIN_GENRE_SCORE:
        return None
    points, told, _, genre = best
    return genre if told or (len(front) >= CUES_ONLY_LENGTH and not news) else None


def find_year(title: str | None, front: str, genres: tuple[GenreRule, ...], genre: GenreRule | None, path: str | None) -> int | None:
    """The year the report is about: from its title, its opening lines, or else its file name."""
    candidates = [genre] if genre else list(genres)
    for haystack in (title or "", front[:YEAR_WINDOW]):
        found = []
        for g in candidates:
            found += [(m.start(), _year(m.group("year"))) for p in g.year_is if (m := p.search(haystack))]
            found += [(m.start(), _year(m.group("year"), 1)) for p in g.year_after if (m := p.search(haystack))]
        found = [f for f in found if f[1] is not None]
        if found:
            return min(found)[1]
    if path:
        named = _FILENAME_YEAR.search(path.replace("\\", "/").rsplit("/", 1)[-1])
        if named:
            return int(named.group(1))
    return None


def _year(digits: str, offset: int = 0) -> int | None:
    value = int(digits) if digits.isdigit() else chinese_to_int(digits)
    return value + offset if value and 1900 <= value <= 2100 else None


def genre_rule(name: str | None, rules: RuleBook) -> GenreRule | None:
    return next((g for g in rules.of(GenreRule) if g.name == name), None) if name else None


def section_roles(rules: RuleBook, year: int | None = None) -> Callable[[str | None, str | None], str | None]:
    """The role a section's title gives it (review, weaknesses, plans …) under a parent of the given role (None
    for a top-level part): the first role rule that matches and allows that parent, None for an untitled
    section or one no rule recognises. With the report's ``year``, a review's title that names only later
    years is the plans' (2024年主要工作 in a summary of 2023)."""
    roles = rules.of(RoleRule)

    def role_of(title: str | None, parent: str | None) -> str | None:
        if not title:
            return None
        role = next((r.name for r in roles if parent not in r.not_under and r.pattern.search(title)), None)
        if role == "review" and year is not None and _names_later_years(title, year):
            return "plans"
        return role
    return role_of


def _names_later_years(title: str, year: int) -> bool:
    """
    >>> _names_later_years("三、2024年主要工作", 2023), _names_later_years("2023年主要工作", 2023)
    (True, False)
    >>> _names_later_years("2022—2024年主要工作", 2023), _names_later_years("主要工作", 2023)
    (False, False)
    """
    years = [int(y) for y in _TITLE_YEAR.findall(title)]
    return bool(years) and min(years) > year
