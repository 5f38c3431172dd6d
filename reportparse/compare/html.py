"""One self-contained HTML page (no network, no scripts): a thread a row, its years as spans and one
mark per report of the series (hover a mark for the sentence as the report wrote it), and a filter
by theme made of radio buttons and CSS alone."""

from __future__ import annotations

from html import escape
from typing import Any

from ..view.style import BASE
from .timeline import ruler, year_spans

STYLE = BASE + """
body{margin:2em}td.label{max-width:32em}td.years{max-width:16em}
.recurring{color:#a33;font-weight:bold}.new{color:#164}.dropped{color:#666}.once{color:#999}
caption{text-align:left;font-weight:bold;margin-bottom:.5em}
.marks,.ruler{font-family:"DejaVu Sans Mono",monospace;white-space:pre;font-size:12px;line-height:14px}
.marks span{display:inline-block;width:1ch;height:10px;margin:0;vertical-align:middle}
.marks span.hit{background:#d33;cursor:help}.marks span.gap{background:#eee;border-left:1px solid #fff}
.filters{margin:.5em 0 1em}.filters input{display:none}
.filters label{display:inline-block;padding:2px 8px;margin:0 4px 4px 0;border:1px solid #ccc;border-radius:10px;
cursor:pointer;font-size:13px}
"""


def comparison_html(document: dict[str, Any], title: str = "Weaknesses across years") -> str:
    series = [r["year"] for r in document["reports"]]
    themes = sorted({t["theme"] for t in document["threads"] if t["theme"]})
    number = {theme: i for i, theme in enumerate(themes)}
    rows = []
    for thread in document["threads"]:
        by_year = {m["year"]: m for m in thread["members"]}
        marks = "".join(f'<span class="hit" title="{y}: {escape(by_year[y]["text"])}"></span>' if y in by_year
                        else f'<span class="gap" title="{y}"></span>' for y in series)
        running = f"<br>{thread['running']} running" if thread.get("running", 0) > 1 else ""
        theme = thread["theme"]
        group = f' class="t{number[theme]}"' if theme else ' class="t-none"'
        rows.append(f'<tr{group}><td class="label">{escape(thread["label"])}</td><td>{escape(theme or "")}</td>'
                    f'<td class="years">{year_spans(thread["years"], series)}</td>'
                    f'<td class="{thread["status"]}">{thread["status"]}{running}</td>'
                    f'<td class="marks">{marks}</td></tr>')
    warnings = "".join(f"<li>{escape(w['message'])}</li>" for w in document.get("warnings", []))
    span = f"{series[0]}–{series[-1]}" if series else ""
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{STYLE}{theme_filter_css(len(themes))}</style></head><body><h1>{escape(title)}</h1>"
            '<p class="legend"><span class="recurring">recurring</span><span class="new">new</span>'
            '<span class="dropped">dropped</span><span class="once">once</span> — one mark per report; '
            'hover a red mark for the sentence.</p>'
            f'<div class="filters">{theme_filter_inputs(themes, document["threads"])}'
            f"<table><caption>{len(document['threads'])} threads over {len(series)} reports {span}</caption>"
            f'<thead><tr><th>weakness</th><th>theme</th><th>years</th><th>status</th>'
            f'<th class="ruler">{escape(ruler(series))}</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
            f"{'<ul>' + warnings + '</ul>' if warnings else ''}</body></html>\n")


def theme_filter_inputs(themes: list[str], rows: list[dict[str, Any]]) -> str:
    """Radio buttons before the table they filter (CSS reaches later siblings only): all, each theme
    with its count of rows, and rows with no theme."""
    counts = {theme: sum(1 for r in rows if r["theme"] == theme) for theme in themes}
    untagged = sum(1 for r in rows if not r["theme"])
    buttons = [("all", f"all ({len(rows)})", True)]
    buttons += [(str(i), f"{escape(theme)} ({counts[theme]})", False) for i, theme in enumerate(themes)]
    if untagged:
        buttons.append(("none", f"no theme ({untagged})", False))
    return "".join(f'<input type="radio" name="theme" id="theme-{key}"{" checked" if checked else ""}>'
                   f'<label for="theme-{key}">{text}</label>' for key, text, checked in buttons)


def theme_filter_css(count: int) -> str:
    """A checked theme hides every row of another theme, and shows its own button as pressed."""
    rules = [f"#theme-{i}:checked~table tbody tr:not(.t{i}){{display:none}}" for i in range(count)]
    rules.append("#theme-none:checked~table tbody tr:not(.t-none){display:none}")
    rules.append(".filters input:checked+label{background:#333;color:#fff;border-color:#333}")
    return "".join(rules)
