"""Small charts drawn server-side as inline SVG: a who-did-what-to-whom graph and a timeline by type.

Every label comes from data and is escaped (``Markup.format`` escapes its arguments); no JavaScript.
"""

from __future__ import annotations

import html
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

QUAD = {
    "verbal cooperation": ("#3f8f5b", ["AGREE", "CONSULT", "SUPPORT", "REQUEST"]),
    "material cooperation": ("#2f6f9f", ["CONCEDE", "COOPERATE", "AID", "RETREAT"]),
    "verbal conflict": ("#d08a1f", ["ACCUSE", "REJECT", "THREATEN", "PROTEST"]),
    "material conflict": ("#b8322a", ["SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]),
}
QUAD_OF = {t: q for q, (_, ts) in QUAD.items() for t in ts}
TYPE_COLOURS = {
    "AGREE": "#2e7d4f", "CONSULT": "#4fa36d", "SUPPORT": "#7cc08f", "REQUEST": "#a9d8b5",
    "CONCEDE": "#1f5f8b", "COOPERATE": "#3b7fb6", "AID": "#6aa6d6", "RETREAT": "#a5c9e8",
    "ACCUSE": "#c47a12", "REJECT": "#e09a2f", "THREATEN": "#efb75c", "PROTEST": "#f6d395",
    "SANCTION": "#8e1f18", "MOBILIZE": "#b8322a", "COERCE": "#d65b4f", "ASSAULT": "#eb8f86",
}  # fmt: skip


def quad_legend() -> list[tuple[str, str]]:
    return [(name, colour) for name, (colour, _) in QUAD.items()]


def type_legend(types: Iterable[str]) -> list[tuple[str, str]]:
    return [(t, TYPE_COLOURS.get(t, "#999")) for t in types]


def edges_from_events(rows: Iterable[dict[str, Any]]) -> Counter[tuple[str, str, str]]:
    """(actor code, recipient code, quad class) -> number of events."""
    out: Counter[tuple[str, str, str]] = Counter()
    for r in rows:
        for a in r.get("actor_list") or []:
            for b in r.get("recipient_list") or []:
                if a != b:
                    out[(a, b, QUAD_OF.get(r.get("event") or "", "verbal cooperation"))] += 1
    return out


def actor_graph(
    focus: str, edges: Counter[tuple[str, str, str]], max_nodes: int = 12, size: int = 520
) -> Markup:
    """Focus actor in the middle, its partners on a ring; one arrow per direction, coloured by its main class."""
    weight: Counter[str] = Counter()
    pair: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for (a, b, quad), n in edges.items():
        if focus not in (a, b):
            continue
        other = b if a == focus else a
        weight[other] += n
        pair[(a, b)][quad] += n
    partners = [c for c, _ in weight.most_common(max_nodes)]
    cx = cy = size / 2
    r_ring = size / 2 - 52
    pos = {focus: (cx, cy)}
    for i, c in enumerate(partners):
        ang = -math.pi / 2 + 2 * math.pi * i / max(1, len(partners))
        pos[c] = (cx + r_ring * math.cos(ang), cy + r_ring * math.sin(ang))
    top = max((sum(v.values()) for v in pair.values()), default=1)
    parts: list[Markup] = [
        Markup(
            '<svg class="graph" viewBox="0 0 {0} {0}" role="img" aria-label="Who did what to whom: {1}">'
            "<defs>"
        ).format(size, focus)
    ]
    for name, (colour, _) in QUAD.items():
        parts.append(
            Markup(
                '<marker id="ah-{0}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" markerHeight="11" '
                'markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{1}"/></marker>'
            ).format(name.replace(" ", "-"), colour)
        )
    parts.append(Markup("</defs>"))
    node_r = 24
    for (a, b), quads in sorted(pair.items()):
        if a not in pos or b not in pos:
            continue
        n = sum(quads.values())
        quad = quads.most_common(1)[0][0]
        colour = QUAD[quad][0]
        (x1, y1), (x2, y2) = pos[a], pos[b]
        dx, dy = x2 - x1, y2 - y1
        dist = math.hypot(dx, dy) or 1
        ux, uy = dx / dist, dy / dist
        # offset the two directions to either side of the line
        ox, oy = -uy * 7, ux * 7
        sx, sy = x1 + ux * node_r + ox, y1 + uy * node_r + oy
        ex, ey = x2 - ux * (node_r + 3) + ox, y2 - uy * (node_r + 3) + oy
        width = 1.2 + 5 * math.sqrt(n / top)
        label = ", ".join(f"{q}: {c}" for q, c in quads.most_common())
        parts.append(
            Markup(
                "<g><title>{0} → {1}: {2} events ({3})</title>"
                '<line class="edge" x1="{4:.1f}" y1="{5:.1f}" x2="{6:.1f}" y2="{7:.1f}" stroke="{8}" '
                'stroke-width="{9:.1f}" marker-end="url(#ah-{10})"/>'
                '<text class="edgelabel" x="{11:.1f}" y="{12:.1f}" text-anchor="middle">{2}</text></g>'
            ).format(
                a,
                b,
                n,
                label,
                sx,
                sy,
                ex,
                ey,
                colour,
                width,
                quad.replace(" ", "-"),
                (sx + ex) / 2 + ox,
                (sy + ey) / 2 + oy,
            )  # fmt: skip
        )
    for code, (x, y) in pos.items():
        cls = "node focus" if code == focus else "node"
        parts.append(
            Markup(
                '<a href="/actors/{0}"><g class="{1}"><circle cx="{2:.1f}" cy="{3:.1f}" r="{4}"/>'
                '<text x="{2:.1f}" y="{5:.1f}" text-anchor="middle">{0}</text></g></a>'
            ).format(code, cls, x, y, node_r, y + 4)
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def timeline_chart(rows: Iterable[dict[str, Any]], width: int = 760, height: int = 220) -> Markup:
    """Stacked bars of event counts per period and type, from ``Store.timeline`` rows."""
    per: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        per[str(r["period"])][str(r["event"])] += int(r["count"])
    periods = sorted(per)
    if not periods:
        return Markup('<p class="muted">No dated events.</p>')
    top = max(sum(c.values()) for c in per.values()) or 1
    left, bottom, topm = 36, 26, 10
    plot_w, plot_h = width - left - 8, height - bottom - topm
    bw = plot_w / len(periods)
    parts = [
        Markup(
            '<svg class="timeline" viewBox="0 0 {0} {1}" role="img" aria-label="Events by period and type">'
        ).format(width, height)
    ]
    for frac in (0, 0.5, 1):
        y = topm + plot_h * (1 - frac)
        parts.append(
            Markup(
                '<line x1="{0}" x2="{1}" y1="{2:.1f}" y2="{2:.1f}" stroke="#e1e4ea"/>'
                '<text x="{3}" y="{4:.1f}" font-size="10" fill="#6b7382" text-anchor="end">{5}</text>'
            ).format(left, width - 8, y, left - 4, y + 3, round(top * frac))
        )
    order = {t: i for i, t in enumerate(TYPE_COLOURS)}
    step = max(1, len(periods) // 8)
    # Thousands of bars: plain string building with every data value escaped (html.escape), then one Markup.
    out: list[str] = []
    for i, p in enumerate(periods):
        x = left + i * bw
        y = topm + plot_h
        ep = html.escape(p)
        for t in sorted(per[p], key=lambda t: order.get(t, 99)):
            n = per[p][t]
            h = plot_h * n / top
            y -= h
            out.append(
                f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{max(1.0, bw - 2):.1f}" height="{h:.1f}" '
                f'fill="{TYPE_COLOURS.get(t, "#999")}"><title>{ep} {html.escape(t)}: {n}</title></rect>'
            )
        if i % step == 0:
            out.append(
                f'<text x="{x + bw / 2:.1f}" y="{height - 8}" font-size="10" fill="#6b7382" '
                f'text-anchor="middle">{ep}</text>'
            )
    parts.append(Markup("".join(out)))  # noqa: S704 - built from escaped values and numbers only
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)
