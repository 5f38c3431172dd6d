"""The chains as one self-contained HTML page (no network, no scripts): the weaknesses of each year,
each with its status, the later years it recurs in, and the points of the next report that answer it;
filters by status and by theme, made of radio buttons and CSS alone (the two combine)."""

from __future__ import annotations

from html import escape
from typing import Any

from ..compare.timeline import marks, year_spans
from ..view.style import BASE

STATUSES = ("answered-resolved", "answered-recurring", "unanswered-recurring", "unanswered-dropped")
STYLE = BASE + """
body{margin:2em;max-width:72em}h2{font-size:16px;margin:1.4em 0 .4em;border-bottom:1px solid #ddd}
.chain{border:1px solid #ddd;border-left:6px solid #999;border-radius:4px;padding:.5em .8em;margin:.5em 0}
.chain.s0{border-left-color:#2a7}.chain.s1{border-left-color:#e0a000}.chain.s2{border-left-color:#d33}
.chain.s3{border-left-color:#aaa}.weakness{font-weight:bold}.meta{color:#555;font-size:13px;margin:.2em 0}
.status{display:inline-block;padding:0 6px;border-radius:8px;color:#fff;font-size:12px;margin-right:.5em}
.status.s0{background:#2a7}.status.s1{background:#e0a000}.status.s2{background:#d33}.status.s3{background:#999}
.answers{margin:.3em 0 0 1em;padding:0;list-style:none;font-size:14px}.answers li{margin:.15em 0}
.answers .score{color:#777;font-size:12px}.kind{font-size:12px;color:#164;margin-right:.4em}
.trail{font-family:"DejaVu Sans Mono",monospace;color:#d33;letter-spacing:1px}
.filters{margin:.3em 0}.filters input{display:none}.filters .name{font-size:13px;color:#555;margin-right:.5em}
.filters label{display:inline-block;padding:2px 8px;margin:0 4px 4px 0;border:1px solid #ccc;border-radius:10px;
cursor:pointer;font-size:13px}
"""


def chains_html(document: dict[str, Any], title: str = "Weaknesses, answers, recurrence") -> str:
    series = [r["year"] for r in document["reports"]]
    chains = document["chains"]
    themes = sorted({c["weakness"]["theme"] for c in chains if c["weakness"]["theme"]})
    theme_number = {theme: i for i, theme in enumerate(themes)}
    body, year = [], None
    for chain in chains:
        weakness = chain["weakness"]
        if weakness["year"] != year:
            year = weakness["year"]
            body.append(f"<h2>{year} → answers in {chain['answered_by']}</h2>")
        body.append(_card(chain, series, theme_number))
    counts = " · ".join(f"{status} {sum(1 for c in chains if c['status'] == status)}" for status in STATUSES)
    warnings = "".join(f"<li>{escape(w['message'])}</li>" for w in document.get("warnings", []))
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{STYLE}{_filter_css(len(themes))}</style></head><body><h1>{escape(title)}</h1>"
            f'<p class="meta">{len(chains)} weaknesses over {len(series)} reports: {counts}. A weakness is answered '
            "when a plan (or a rectification point) of the next report is alike enough; it recurs when a later "
            "report states it again. The red trail marks the reports that state it.</p>"
            f'<div class="filters">{_filter_inputs(themes, chains)}<div class="chains">{"".join(body)}</div></div>'
            f"{'<ul>' + warnings + '</ul>' if warnings else ''}</body></html>\n")


def _card(chain: dict[str, Any], series: list[int], theme_number: dict[str, int]) -> str:
    weakness = chain["weakness"]
    status = STATUSES.index(chain["status"])
    theme = weakness["theme"]
    group = f"t{theme_number[theme]}" if theme else "t-none"
    stated = [weakness["year"], *chain["recurs_in"]]
    recurs = (f"recurs in {year_spans(chain['recurs_in'], series)}" if chain["recurs_in"]
              else "not stated again")
    answers = "".join(
        f'<li><span class="kind">{answer["kind"]} {answer["year"]}</span>{escape(answer["text"])} '
        f'<span class="score">{answer["score"]:.2f}'
        f'{" · " + escape("·".join(answer["shared_words"])) if answer.get("shared_words") else ""}</span></li>'
        for answer in chain["answers"])
    return (f'<div class="chain s{status} {group}"><div><span class="status s{status}">{chain["status"]}</span>'
            f'<span class="weakness">{escape(weakness["text"])}</span></div>'
            f'<div class="meta">{escape(theme or "no theme")} · {recurs} · '
            f'<span class="trail" title="{" ".join(str(y) for y in series)}">{marks(stated, series)}</span></div>'
            f'<ul class="answers">{answers or "<li>no answer in the next report</li>"}</ul></div>')


def _filter_inputs(themes: list[str], chains: list[dict[str, Any]]) -> str:
    """Two groups of radio buttons, siblings before the cards' container (CSS reaches later siblings
    only): status, theme; both apply at once."""
    def group(name: str, buttons: list[tuple[str, str]]) -> str:
        items = "".join(f'<input type="radio" name="{name}" id="{name}-{key}"{" checked" if key == "all" else ""}>'
                        f'<label for="{name}-{key}">{text}</label>' for key, text in buttons)
        return f'<span class="name">{name}</span>{items}<br>'

    statuses = [("all", f"all ({len(chains)})")] + [
        (str(i), f"{s} ({sum(1 for c in chains if c['status'] == s)})") for i, s in enumerate(STATUSES)]
    theme_buttons = [("all", "all")] + [
        (str(i), f"{escape(t)} ({sum(1 for c in chains if c['weakness']['theme'] == t)})") for i, t in enumerate(themes)]
    if any(not c["weakness"]["theme"] for c in chains):
        theme_buttons.append(("none", "no theme"))
    return group("status", statuses) + group("theme", theme_buttons)


def _filter_css(themes: int) -> str:
    rules = [f"#status-{i}:checked~.chains .chain:not(.s{i}){{display:none}}" for i in range(len(STATUSES))]
    rules += [f"#theme-{i}:checked~.chains .chain:not(.t{i}){{display:none}}" for i in range(themes)]
    rules.append("#theme-none:checked~.chains .chain:not(.t-none){display:none}")
    rules.append(".filters input:checked+label{background:#333;color:#fff;border-color:#333}")
    return "".join(rules)
