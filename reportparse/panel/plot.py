"""The panel drawn: per indicator, the target band over the years and the outcome beside it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ..extras import needs_extra
from ..extract.mentions import Quantity
from ..rulebook import IndicatorRule, RuleBook
from . import Panel
from .verdict import tolerance_for

if TYPE_CHECKING:  # matplotlib is the [plot] extra, imported only when a panel is drawn
    from matplotlib.artist import Artist

MARKERS = {"met": ("o", "#2a7"), "exceeded": ("^", "#27c"), "missed": ("v", "#d33"), "unknown": ("x", "#999")}


def plot_panel(panel: Panel, indicators: list[str], out: Path, book: RuleBook) -> Path:
    """Draw the panel as a PNG and return the file written: ``out``, or ``out.png`` when ``out`` has no
    suffix or is a folder (matplotlib would add ``.png`` itself, and the caller must name the real file)."""
    if not out.suffix or out.is_dir():
        out = out.with_name(out.name + ".png")
    with needs_extra("plot", "drawing the panel (matplotlib)"):
        import matplotlib

        matplotlib.use("Agg")  # no display needed
        import matplotlib.pyplot as plt

    _use_a_cjk_font(plt)
    tolerances = {r.name: r.tolerance for r in book.of(IndicatorRule)}
    # one time axis for every indicator, so that a year lines up down the page
    fig, axes = plt.subplots(len(indicators), 1, figsize=(10, 3.0 * len(indicators)), squeeze=False, sharex=True)
    for ax, name in zip(axes[:, 0], indicators):
        rows = [r for r in panel.rows if r.indicator == name]
        for row in rows:
            if row.target is not None and row.target.quantity.value is not None:
                low, high = _band(row.target.quantity, row.target.direction, tolerances.get(name, "0"))
                ax.fill_between([row.year - 0.35, row.year + 0.35], float(low), float(high), color="#f2c14e",
                                alpha=0.45, linewidth=0)
            if row.outcome is not None and row.outcome.quantity.value is not None:
                marker, colour = MARKERS[row.verdict]
                ax.plot(row.year, float(row.outcome.quantity.value), marker=marker, color=colour, markersize=8)
        figures = [figure for r in rows if (figure := r.target or r.outcome) is not None]
        unit = figures[0].quantity.unit if figures else ""
        ax.set_title(f"{name} ({unit}): target band and outcome")
        ax.set_xticks(_ticks(sorted({r.year for r in panel.rows if r.indicator in indicators})))
        ax.tick_params(labelbottom=True)
        ax.grid(axis="y", alpha=0.3)
    handles: list[Artist] = [plt.Line2D([], [], marker=m, color=c, linestyle="", label=v)
                             for v, (m, c) in MARKERS.items()]
    handles.append(plt.Rectangle((0, 0), 1, 1, color="#f2c14e", alpha=0.45, label="target"))
    fig.legend(handles=handles, loc="lower center", ncol=5, frameon=False)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    fig.savefig(out, dpi=110, format="png")
    plt.close(fig)
    return out


def _ticks(years: list[int], most: int = 16) -> list[int]:
    """Every year for a short series; for a long one (the national series from 1991), every fifth."""
    if len(years) <= most:
        return years
    return [y for y in range(years[0] - years[0] % 5, years[-1] + 1, 5) if years[0] <= y <= years[-1]] or years


def _band(target: Quantity, direction: str | None, tolerance: str) -> tuple[Decimal, Decimal]:
    value = target.value
    assert value is not None  # only targets with a value are drawn
    if target.value_max is not None:
        return min(value, target.value_max), max(value, target.value_max)
    if direction == "at-least":
        return value, value + tolerance_for(tolerance, value)
    if direction == "at-most":
        return value - tolerance_for(tolerance, value), value
    spread = tolerance_for(tolerance, value)
    return value - spread, value + spread


def _use_a_cjk_font(plt) -> None:
    from matplotlib import font_manager

    names = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Zen Hei", "SimHei",
             "Noto Serif CJK SC")
    known = {f.name for f in font_manager.fontManager.ttflist}
    if not known.intersection(names):  # a font cache made before the CJK fonts were installed does not list them
        for path in font_manager.findSystemFonts():
            if "CJK" in path or "Han" in path or "wqy" in path.lower():
                font_manager.fontManager.addfont(path)
        known = {f.name for f in font_manager.fontManager.ttflist}
    for name in names:
        if name in known:
            plt.rcParams["font.sans-serif"] = [name, "DejaVu Sans"]
            return
