"""One self-contained HTML page (no network, no scripts): threads down, years across, and on each
cell the sentence as the report wrote it."""

from __future__ import annotations

from html import escape
from typing import Any

from ..view.style import BASE

STYLE = BASE + """
body{margin:2em}td.hit{background:#ffc9c9;text-align:center;cursor:help}td.label{max-width:28em}
.recurring{color:#a33;font-weight:bold}.new{color:#164}.dropped{color:#666}.once{color:#999}
caption{text-align:left;font-weight:bold;margin-bottom:.5em}
"""


def comparison_html(document: dict[str, Any], title: str = "Weaknesses across years") -> str:
    years = [r["year"] for r in document["reports"]]
    head = "".join(f"<th>{y}</th>" for y in years)
    rows = []
    for thread in document["threads"]:
        by_year = {m["year"]: m for m in thread["members"]}
        cells = []
        for year in years:
            member = by_year.get(year)
            if member:
                cells.append(f'<td class="hit" title="{escape(member["text"])}">✓</td>')
            else:
                cells.append("<td></td>")
        running = f" · {thread['running']} years running" if thread.get("running", 0) > 1 else ""
        rows.append(f'<tr><td class="label">{escape(thread["label"])}</td><td>{escape(thread["theme"] or "")}</td>'
                    f'<td class="{thread["status"]}">{thread["status"]}{running}</td>{"".join(cells)}</tr>')
    warnings = "".join(f"<li>{escape(w['message'])}</li>" for w in document.get("warnings", []))
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{STYLE}</style></head><body><h1>{escape(title)}</h1>"
            '<p class="legend"><span class="recurring">recurring</span><span class="new">new</span>'
            '<span class="dropped">dropped</span><span class="once">once</span> — hover a ✓ for the sentence.</p>'
            f"<table><caption>{len(document['threads'])} threads over {len(years)} reports</caption>"
            f"<thead><tr><th>weakness</th><th>theme</th><th>status</th>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
            f"{'<ul>' + warnings + '</ul>' if warnings else ''}</body></html>\n")
