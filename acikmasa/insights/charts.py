"""Small SVG charts drawn on the server (no script): for the monthly PDF report and any page.

Plain SVG elements only, so WeasyPrint draws them into the PDF and a browser shows them as they are.
"""

from html import escape

BLUE, GREEN, GREY = "#3182bd", "#31a354", "#888"


def columns(rows: list[tuple[str, int, int]], *, width: int = 680, height: int = 180) -> str:
    """Paired columns per period: (label, received, solved); labels under every 5th column."""
    if not rows:
        return ""
    top = max(max(r, s) for _label, r, s in rows) or 1
    base, room = height - 20, height - 30
    step = width / len(rows)
    bar = max(1.0, step * 0.4)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 '
        f'0 {width} {height}">',
        f'<line x1="0" y1="{base}" x2="{width}" y2="{base}" stroke="{GREY}" stroke-width="0.5"/>',
    ]
    for i, (label, received, solved) in enumerate(rows):
        x = i * step
        for offset, value, colour in ((0, received, BLUE), (bar, solved, GREEN)):
            h = value / top * room
            parts.append(
                f'<rect x="{x + offset:.1f}" y="{base - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{colour}"/>'
            )
        if i % 5 == 0:
            parts.append(
                f'<text x="{x:.1f}" y="{height - 6}" font-size="9" '
                f'fill="#333">{escape(label)}</text>'
            )
    parts.append(
        f'<text x="{width - 4}" y="10" font-size="9" text-anchor="end" '
        f'fill="#333">{top}</text></svg>'
    )
    return "".join(parts)


def bars(
    rows: list[tuple[str, float]],
    *,
    width: int = 680,
    row_height: int = 16,
    label_width: int = 260,
    share: bool = False,
) -> str:
    """Horizontal bars: (label, value); shares (0..1) printed as percentages."""
    if not rows:
        return ""
    top = max(value for _label, value in rows) or 1
    height = row_height * len(rows) + 4
    room = width - label_width - 60
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 '
        f'0 {width} {height}">'
    ]
    for i, (label, value) in enumerate(rows):
        y = i * row_height + 2
        w = value / top * room
        text = f"%{value * 100:.1f}" if share else f"{value:,.0f}".replace(",", ".")
        parts.append(
            f'<text x="0" y="{y + row_height - 5}" font-size="10" '
            f'fill="#222">{escape(label[:48])}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y + 2}" width="{w:.1f}" height="{row_height - 5}" '
            f'fill="{BLUE}"/>'
        )
        parts.append(
            f'<text x="{label_width + w + 4:.1f}" y="{y + row_height - 5}" font-size="10" '
            f'fill="#222">{text}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
