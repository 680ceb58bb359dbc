"""The timeline chart: contracts, deliveries, agreements and exercises by year, as a small SVG."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from sourcebook.sheets.model import Event

LANES = (
    ("contract", "Contracts", "#1f5fa8"),
    ("delivery", "Deliveries", "#2e8b57"),
    ("agreement", "Agreements", "#8a5a00"),
    ("exercise", "Exercises", "#8b2252"),
)
WIDTH = 680
LANE_H = 22
TOP = 8
LEFT = 86
RIGHT = 34
AXIS_H = 22


def size(events: Sequence[Event]) -> tuple[int, int]:
    return WIDTH, TOP + LANE_H * len(LANES) + AXIS_H


def _ticks(lo: int, hi: int) -> list[int]:
    span = hi - lo
    step = 1 if span <= 14 else 2 if span <= 28 else 5 if span <= 70 else 10
    return [y for y in range(lo, hi + 1) if y % step == 0 or y in (lo, hi)]


def svg(events: Sequence[Event]) -> str:
    """The chart as an SVG document; an empty string when no event has a year."""
    if not events:
        return ""
    w, h = size(events)
    years = [e.year for e in events]
    lo, hi = min(years), max(years)
    if hi - lo < 4:  # a short span still gets some room either side
        pad = (4 - (hi - lo) + 1) // 2
        lo, hi = lo - pad, hi + pad
    x0, x1 = LEFT + 10, w - RIGHT - 10

    def x(year: int) -> float:
        return x0 + (x1 - x0) * (year - lo) / (hi - lo)

    roomy = (x1 - x0) / (hi - lo) >= 26  # room for note numbers beside the dots

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
        f'font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="10">',
        f'<rect x="0" y="0" width="{w}" height="{h}" fill="#ffffff"/>',
    ]
    axis_y = TOP + LANE_H * len(LANES)
    for i, (kind, label, colour) in enumerate(LANES):
        y = TOP + LANE_H * i + LANE_H / 2
        if i % 2 == 0:
            out.append(
                f'<rect x="{LEFT}" y="{TOP + LANE_H * i}" width="{w - LEFT - RIGHT}" height="{LANE_H}" fill="#f3f5f8"/>'
            )
        out.append(f'<text x="{LEFT - 6}" y="{y + 3.5:.1f}" text-anchor="end" fill="{colour}">{label}</text>')
        counts: dict[int, list[Event]] = {}
        for e in events:
            if e.kind == kind:
                counts.setdefault(e.year, []).append(e)
        for year, group in sorted(counts.items()):
            cx = x(year)
            r = 4.5 if len(group) == 1 else 6.5
            title = escape("; ".join(f"{e.year} {e.label}" for e in group))
            out.append(f'<circle cx="{cx:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}"><title>{title}</title></circle>')
            if len(group) > 1:
                out.append(
                    f'<text x="{cx:.1f}" y="{y + 3.2:.1f}" text-anchor="middle" fill="#ffffff" '
                    f'font-size="8" font-weight="bold">{len(group)}</text>'
                )
            nums = sorted({n for e in group for n in e.numbers})
            if nums and roomy:
                marks = ",".join(str(n) for n in nums[:4]) + ("…" if len(nums) > 4 else "")
                out.append(f'<text x="{cx + r + 2:.1f}" y="{y - 2:.1f}" fill="#555555" font-size="8">[{marks}]</text>')
    out.append(f'<line x1="{LEFT}" y1="{axis_y}" x2="{w - RIGHT}" y2="{axis_y}" stroke="#777777" stroke-width="1"/>')
    for year in _ticks(lo, hi):
        tx = x(year)
        out.append(f'<line x1="{tx:.1f}" y1="{axis_y}" x2="{tx:.1f}" y2="{axis_y + 4}" stroke="#777777"/>')
        out.append(f'<text x="{tx:.1f}" y="{axis_y + 15}" text-anchor="middle" fill="#333333">{year}</text>')
    out.append("</svg>")
    return "\n".join(out)
