"""Word's automatic numbering, resolved to the text Word shows ("一、", "（二）", "3.", "1.2").

python-docx and most text extractors drop it, yet most real reports number their headings this way.
:class:`Numbering` reads ``word/numbering.xml`` and ``word/styles.xml`` (as lxml elements) and
:meth:`Numbering.label` is called once per paragraph, in document order, to give the label and the
separator that follows it, keeping Word's counters: one set per abstract list, one counter per level.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .numformats import bullet, format_number, formatted_length

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SUFFIX = {"tab": "\t", "space": " ", "nothing": ""}
_MAX_LEVELS = 9


def _val(el, name: str = "val") -> str | None:
    return None if el is None else el.get(W + name)


def _int(el) -> int | None:
    text = _val(el)
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _on(el) -> bool:
    """A toggle element: present and not switched off."""
    return el is not None and _val(el) not in ("0", "false", "off")


class LabelTooLong(Exception):
    """A label would be longer than the ``numbering-label-max-characters`` budget; found before it is built."""

    def __init__(self, length: int, allowed: int):
        super().__init__(f"a label of {length} characters (the most allowed: {allowed})")
        self.length, self.allowed = length, allowed


@dataclass(frozen=True)
class Level:
    start: int = 0
    fmt: str = "decimal"
    text: str | None = None      # w:lvlText, "%1、"; None: no label
    suffix: str = "\t"
    legal: bool = False          # w:isLgl: every level shown as decimal
    restart: int | None = None   # w:lvlRestart: None after any shallower level, 0 never, n after level n (1-based)
    style: str | None = None     # w:pStyle: the paragraph style this level belongs to
    custom: str | None = None    # w:numFmt w:format for fmt "custom", "001, 002, 003, ..."


def _level(el) -> Level:
    fmt_el = el.find(W + "numFmt")
    if fmt_el is None:  # Word 2010 puts custom formats in mc:AlternateContent, with a fallback
        fmt_el = el.find(f"{MC}AlternateContent/{MC}Choice/{W}numFmt")
        if fmt_el is None:
            fmt_el = el.find(f"{MC}AlternateContent/{MC}Fallback/{W}numFmt")
    text_el = el.find(W + "lvlText")
    return Level(
        start=_int(el.find(W + "start")) or 0,
        fmt=_val(fmt_el) or "decimal",
        text=None if text_el is None else (_val(text_el) or ""),
        suffix=_SUFFIX.get(_val(el.find(W + "suff")) or "tab", "\t"),
        legal=_on(el.find(W + "isLgl")),
        restart=_int(el.find(W + "lvlRestart")),
        style=_val(el.find(W + "pStyle")),
        custom=_val(fmt_el, "format"),
    )


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)      # w:lvlOverride/w:startOverride
    levels: dict[int, Level] = field(default_factory=dict)    # w:lvlOverride/w:lvl


@dataclass
class _Style:
    based_on: str | None
    num_id: str | None
    ilvl: int | None


class Numbering:
    """Numbering definitions plus the running counters of one document."""

    def __init__(self, numbering_xml=None, styles_xml=None, max_label: int | None = None):
        self.max_label = max_label  # LabelTooLong beyond this many characters
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}       # abstractNum id -> numbering style it takes its levels from
        self.nums: dict[str, _Num] = {}
        self.styles: dict[str, _Style] = {}
        self.default_style: str | None = None
        if styles_xml is not None:
            for st in styles_xml.iter(W + "style"):
                sid = _val(st, "styleId")
                if sid is None:
                    continue
                num_pr = st.find(f"{W}pPr/{W}numPr")
                num_id = _val(num_pr.find(W + "numId")) if num_pr is not None else None
                ilvl = _int(num_pr.find(W + "ilvl")) if num_pr is not None else None
                self.styles[sid] = _Style(_val(st.find(W + "basedOn")), num_id, ilvl)
                if _val(st, "type") == "paragraph" and _on_attr(st, "default"):
                    self.default_style = sid
        if numbering_xml is not None:
            for ab in numbering_xml.iter(W + "abstractNum"):
                aid = _val(ab, "abstractNumId")
                if aid is None:
                    continue
                levels = {}
                for lvl in ab.findall(W + "lvl"):
                    ilvl = _int_attr(lvl, "ilvl")
                    if ilvl is not None and 0 <= ilvl < _MAX_LEVELS:
                        levels[ilvl] = _level(lvl)
                self.abstracts[aid] = levels
                link = _val(ab.find(W + "numStyleLink"))
                if link:
                    self.links[aid] = link
            for num in numbering_xml.iter(W + "num"):
                nid, aid = _val(num, "numId"), _val(num.find(W + "abstractNumId"))
                if nid is None or aid is None:
                    continue
                entry = _Num(aid)
                for ov in num.findall(W + "lvlOverride"):
                    ilvl = _int_attr(ov, "ilvl")
                    if ilvl is None or not 0 <= ilvl < _MAX_LEVELS:
                        continue
                    start = _int(ov.find(W + "startOverride"))
                    if start is not None:
                        entry.starts[ilvl] = start
                    lvl = ov.find(W + "lvl")
                    if lvl is not None:
                        entry.levels[ilvl] = _level(lvl)
                self.nums[nid] = entry
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[tuple[str, int]] = set()

    # -- which list and level a paragraph is in -------------------------------------------------

    def _style_chain(self, style_id: str | None):
        seen = set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            yield style_id, self.styles[style_id]
            style_id = self.styles[style_id].based_on

    def _abstract(self, num_id: str) -> str | None:
        """The abstract list behind w:numId, through w:numStyleLink to a numbering style."""
        aid = self.nums[num_id].abstract if num_id in self.nums else None
        for _ in range(8):
            if aid is None or aid not in self.links:
                return aid
            style = self.styles.get(self.links[aid])
            linked = style.num_id if style else None
            if linked is None or linked not in self.nums:
                return aid
            aid = self.nums[linked].abstract
        return aid

    def _levels(self, num_id: str, aid: str) -> list[Level | None]:
        base = self.abstracts.get(aid, {})
        own = self.nums[num_id].levels
        return [own.get(i, base.get(i)) for i in range(_MAX_LEVELS)]

    def resolve(self, p_pr) -> tuple[str, int] | None:
        """(numId, ilvl) of a paragraph from its w:pPr: its own w:numPr, else its style's."""
        style_id = _val(p_pr.find(W + "pStyle")) if p_pr is not None else None
        style_id = style_id or self.default_style
        num_pr = p_pr.find(W + "numPr") if p_pr is not None else None
        num_id = _val(num_pr.find(W + "numId")) if num_pr is not None else None
        ilvl = _int(num_pr.find(W + "ilvl")) if num_pr is not None else None
        for _, style in self._style_chain(style_id):
            if num_id is None and style.num_id is not None:
                num_id = style.num_id
                if ilvl is None:
                    ilvl = style.ilvl
            if num_id is not None and ilvl is not None:
                break
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        if ilvl is None:  # a style's list level is the level whose w:pStyle names the style
            aid = self._abstract(num_id)
            levels = self._levels(num_id, aid) if aid is not None else []
            chain = [sid for sid, _ in self._style_chain(style_id)]
            ilvl = next((i for sid in chain for i, lv in enumerate(levels) if lv and lv.style == sid), 0)
        return num_id, max(0, min(ilvl, _MAX_LEVELS - 1))

    # -- counting and rendering ------------------------------------------------------------------

    def label(self, p_pr) -> tuple[str, str] | None:
        """The paragraph's label and the separator after it, advancing the counters; None if unnumbered."""
        found = self.resolve(p_pr)
        if found is None:
            return None
        num_id, ilvl = found
        aid = self._abstract(num_id)
        if aid is None:
            return None
        levels = self._levels(num_id, aid)
        level = levels[ilvl]
        if level is None:
            return None
        counters = self._counters.setdefault(aid, [None] * _MAX_LEVELS)
        current = counters[ilvl]
        override = self.nums[num_id].starts.get(ilvl)
        if override is not None and (num_id, ilvl) not in self._started:
            self._started.add((num_id, ilvl))
            value = override
        elif override is None and ilvl in self.nums[num_id].levels and (num_id, ilvl) not in self._started:
            self._started.add((num_id, ilvl))  # a whole level redefined in w:lvlOverride restarts too
            value = level.start
        elif current is None:
            value = level.start
        else:
            value = current + 1
        counters[ilvl] = value
        for deeper in range(ilvl + 1, _MAX_LEVELS):
            deeper_level = levels[deeper]
            restart = deeper_level.restart if deeper_level else None
            if restart is None or (restart > 0 and ilvl < restart):
                counters[deeper] = None
        if level.text is None:
            return None
        shown = []
        for i, lv in enumerate(levels):
            lv = lv or Level()
            count = counters[i]
            n = count if count is not None else max(lv.start - 1, 0)  # unused: Word's "0.1"
            legal = level.legal and lv.fmt not in ("bullet", "none")
            shown.append((n, "decimal" if legal else lv.fmt, lv.custom))
        if level.fmt == "bullet":
            text = bullet(level.text)
        else:
            self._measure(level.text, shown)
            text = _substitute(level.text, shown)
        return text, (level.suffix if text else "")


    def _measure(self, template: str, shown: list[tuple[int, str, str | None]]) -> None:
        if self.max_label is None:
            return
        length = len(template) + sum(formatted_length(*shown[int(d) - 1]) for d in _placeholders(template))
        if length > self.max_label:
            raise LabelTooLong(length, self.max_label)


def _placeholders(template: str) -> list[str]:
    """The level digits of a w:lvlText's %1…%9."""
    return [template[i + 1] for i in range(len(template) - 1) if template[i] == "%" and template[i + 1] in "123456789"]


def _int_attr(el, name: str) -> int | None:
    try:
        return int(el.get(W + name))
    except (TypeError, ValueError):
        return None


def _on_attr(el, name: str) -> bool:
    return el.get(W + name) in ("1", "true", "on")


def _substitute(template: str, shown: list[tuple[int, str, str | None]]) -> str:
    out, i = [], 0
    while i < len(template):
        ch = template[i]
        if ch == "%" and i + 1 < len(template) and template[i + 1] in "123456789":
            out.append(format_number(*shown[int(template[i + 1]) - 1]))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


# Symbol and Wingdings bullets live in the Private Use Area; show what they look like
