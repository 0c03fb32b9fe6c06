"""Inline SVG bar charts for the batch report: no script, no library, nothing fetched — the page stands alone."""

from __future__ import annotations

from html import escape

PALETTE = ("#2f6fb0", "#3f9d5a", "#d9a400", "#c8553d", "#7a7a7a", "#8a5fb0")


def bar_chart(title: str, bars: list[tuple[str, float]], unit: str = "", colors: tuple[str, ...] = PALETTE[:1],
              width: int = 560, decimals: int = 0) -> str:
    """Vertical bars, one per (label, value); each bar says its value."""
    if not bars:
        return f'<p class="empty">{escape(title)}：无数据</p>'
    height, top, bottom, left = 240, 28, 44, 8
    peak = max(v for _, v in bars) or 1
    slot = (width - left * 2) / len(bars)
    bar_w = max(6.0, slot * 0.62)
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for i, (label, value) in enumerate(bars):
        h = (height - top - bottom) * value / peak
        x = left + i * slot + (slot - bar_w) / 2
        y = height - bottom - h
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" '
                     f'fill="{colors[i % len(colors)]}"><title>{escape(label)}：{value:.{decimals}f}{escape(unit)}</title></rect>')
        parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{y - 6:.1f}" text-anchor="middle" class="v">'
                     f'{value:.{decimals}f}{escape(unit)}</text>')
        parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - bottom + 18:.1f}" text-anchor="middle" class="l">'
                     f'{escape(_short(label, slot))}</text>')
    parts.append(f'<line x1="{left}" y1="{height - bottom}" x2="{width - left}" y2="{height - bottom}" class="axis"/></svg>')
    return "".join(parts)


def hbar_chart(title: str, bars: list[tuple[str, float]], unit: str = "", width: int = 760,
               color: str = PALETTE[3]) -> str:
    """Horizontal bars with long labels (findings, departments)."""
    if not bars:
        return f'<p class="empty">{escape(title)}：无数据</p>'
    row, label_w, right = 24, 300, 70
    height = row * len(bars) + 10
    peak = max(v for _, v in bars) or 1
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for i, (label, value) in enumerate(bars):
        y = 5 + i * row
        w = (width - label_w - right) * value / peak
        parts.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end" class="l">{escape(_short(label, label_w))}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row - 8}" fill="{color}">'
                     f'<title>{escape(label)}：{value:g}{escape(unit)}</title></rect>')
        parts.append(f'<text x="{label_w + w + 6:.1f}" y="{y + 16}" class="v">{value:g}{escape(unit)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _short(label: str, room: float) -> str:
    """A label cut to what fits: a CJK character is about 13 px at this size, a Latin one about 7."""
    width = 0.0
    for i, ch in enumerate(label):
        width += 13 if ord(ch) > 0x2E80 else 7
        if width > room - 4:
            return label[: max(1, i - 1)] + "…"
    return label
