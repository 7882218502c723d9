"""Funding sums as an SVG bar chart drawn on the server: the page needs no script library and
no CDN, and the chart is the same table of sums the page prints beside it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from typing import Any

SOURCE_LABELS = {
    "federal": "Федеральный бюджет", "regional": "Региональный бюджет", "municipal": "Местный бюджет",
    "extrabudgetary": "Внебюджетные средства", "total": "Итого (строки «всего»)",
    "unspecified": "Источник не указан",
}
COLORS = {"federal": "#1f5fa8", "regional": "#2e9e5b", "municipal": "#d08a1a",
          "extrabudgetary": "#8a4fb0", "total": "#777777", "unspecified": "#bbbbbb"}

WIDTH, HEIGHT = 760, 360
LEFT, RIGHT, TOP, BOTTOM = 80, 200, 20, 40


def _nice_step(top: float) -> float:
    """A round tick step (1, 2, 2.5 or 5 times a power of ten) giving about five ticks up to `top`."""
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def _num(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}".replace(",", "\u00a0").replace(".", ",")


def funding_chart(rows: Sequence[dict[str, Any]]) -> str:
    """Grouped bars: one group per year, one bar per source, heights in million rubles.
    Lines without an amount or a single year are left out (they have no bar to draw)."""
    data = [(r["year"], r["source"], float(r["amount_rub"]) / 1e6) for r in rows
            if r["year"] is not None and r["amount_rub"] is not None and r["amount_rub"] > 0]
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
            f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" font-family="sans-serif" font-size="12">'
            '<title>Финансирование по источникам и годам, млн руб.</title>')
    if not data:
        return (head + f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle">'
                "Нет сумм для графика</text></svg>")
    years = sorted({y for y, _s, _a in data})
    sources = [s for s in SOURCE_LABELS if any(s == src for _y, src, _a in data)]
    value = {(y, s): a for y, s, a in data}
    top = max(a for _y, _s, a in data)
    step = _nice_step(top)
    ymax = step * (int(top / step) + 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    parts = [head]
    tick = 0.0
    while tick <= ymax + 1e-9:
        y = TOP + plot_h - tick / ymax * plot_h
        parts.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>'
                     f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{_num(tick)}</text>')
        tick += step
    group_w = plot_w / len(years)
    bar_w = group_w * 0.8 / len(sources)
    for gi, year in enumerate(years):
        x0 = LEFT + gi * group_w + group_w * 0.1
        for si, src in enumerate(sources):
            a = value.get((year, src))
            if a is None:
                continue
            h = a / ymax * plot_h
            label = escape(f"{SOURCE_LABELS[src]}, {year}: {_num(a, 1)} млн руб.")
            parts.append(f'<rect class="bar" data-source="{src}" data-year="{year}" '
                         f'x="{x0 + si * bar_w:.1f}" y="{TOP + plot_h - h:.1f}" '
                         f'width="{bar_w * 0.95:.1f}" height="{h:.1f}" '
                         f'fill="{COLORS[src]}"><title>{label}</title></rect>')
        parts.append(f'<text x="{x0 + group_w * 0.4:.1f}" y="{TOP + plot_h + 18}" text-anchor="middle">'
                     f"{year}</text>")
    base = TOP + plot_h
    parts.append(f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{base}" stroke="#333"/>'
                 f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{base}" y2="{base}" stroke="#333"/>'
                 f'<text x="14" y="{TOP + plot_h / 2}" transform="rotate(-90 14 {TOP + plot_h / 2})" '
                 'text-anchor="middle">млн руб.</text>')
    for si, src in enumerate(sources):
        y = TOP + 10 + si * 20
        parts.append(f'<rect x="{WIDTH - RIGHT + 14}" y="{y - 9}" width="12" height="12" '
                     f'fill="{COLORS[src]}"/>'
                     f'<text x="{WIDTH - RIGHT + 32}" y="{y + 1}">{escape(SOURCE_LABELS[src])}</text>')
    parts.append("</svg>")
    return "".join(parts)
