"""Article text as safe HTML, with entities, quotes and event triggers marked (in the spirit of displaCy).

Every piece of article text goes through :func:`markupsafe.escape`; the only markup added is built here
from fixed tag names and from record ids and entity types that are escaped too. The text is cut at every
span boundary into segments; each segment is one ``<span>`` whose attributes say which records cover it:

- ``data-r``: ids of the quotes and events whose evidence covers the segment (clicking a record in the side
  list highlights these, and ``?hl=ID`` highlights them server-side, without JavaScript);
- class ``qc``: part of a quote's content; class ``tr`` + ``data-t``: an event trigger;
- class ``ent`` + ``data-e``: an entity mention, followed at its end by a small type label.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from accords.records import Record


@dataclass
class _Layer:
    start: int
    end: int
    kind: str  # "ev" (evidence), "qc" (quote content), "tr" (trigger), "ent" (entity mention)
    rid: str  # record id or entity id
    label: str = ""


@dataclass
class _Seg:
    start: int
    end: int
    layers: list[_Layer] = field(default_factory=list)


def _layers(rec: Record) -> list[_Layer]:
    n = len(rec.article.text)
    out: list[_Layer] = []

    def add(start: int | None, end: int | None, kind: str, rid: str, label: str = "") -> None:
        if start is None or end is None:
            return
        s, e = max(0, int(start)), min(n, int(end))
        if e > s:
            out.append(_Layer(s, e, kind, rid, label))

    for ent in rec.entities:
        for m in ent.mentions:
            add(m.start, m.end, "ent", ent.id, ent.type)
    for q in rec.quotes:
        add(q.evidence.start, q.evidence.end, "ev", q.id)
        for c in q.content:
            add(c.start, c.end, "qc", q.id)
        if q.speaker is not None:
            add(q.speaker.start, q.speaker.end, "sp", q.id)
    for ev in rec.events:
        add(ev.evidence.start, ev.evidence.end, "ev", ev.id)
        if ev.trigger is not None:
            add(ev.trigger.start, ev.trigger.end, "tr", ev.id, ev.event)
    return out


def _segments(start: int, end: int, layers: list[_Layer]) -> list[_Seg]:
    inside = [la for la in layers if la.start < end and la.end > start]
    cuts = {start, end}
    for la in inside:
        cuts.add(max(start, la.start))
        cuts.add(min(end, la.end))
    points = sorted(cuts)
    segs = []
    for a, b in zip(points, points[1:], strict=False):
        if b > a:
            segs.append(_Seg(a, b, [la for la in inside if la.start <= a and la.end >= b]))
    return segs


def _attr(values: list[str]) -> str:
    return " ".join(dict.fromkeys(values))


def render_segment(text: str, seg: _Seg, highlight: set[str], labels_at: dict[int, list[_Layer]]) -> Markup:
    piece = escape(text[seg.start : seg.end])
    classes: list[str] = []
    attrs: list[tuple[str, str]] = []
    ev = [la.rid for la in seg.layers if la.kind in ("ev", "qc", "tr", "sp")]
    if ev:
        attrs.append(("data-r", _attr(ev)))
        if highlight & set(ev):
            classes.append("hl")
    if any(la.kind == "qc" for la in seg.layers):
        classes.append("qc")
    if any(la.kind == "sp" for la in seg.layers):
        classes.append("sp")
    trig = [la for la in seg.layers if la.kind == "tr"]
    if trig:
        classes.append("tr")
        attrs.append(("data-t", _attr([la.rid for la in trig])))
        attrs.append(("title", _attr([la.label for la in trig])))
    ents = [la for la in seg.layers if la.kind == "ent"]
    if ents:
        classes.append("ent")
        classes.append("ent-" + ents[0].label)
        attrs.append(("data-e", _attr([la.rid for la in ents])))
    if not classes and not attrs:
        out = Markup(piece)
    else:
        attr_html = "".join(Markup(' {}="{}"').format(k, v) for k, v in attrs)
        out = Markup('<span class="{}"{}>{}</span>').format(" ".join(classes), Markup(attr_html), piece)
    for la in labels_at.get(seg.end, []):
        out += Markup('<span class="lbl lbl-{0}" aria-hidden="true">{0}</span>').format(la.label)
    return out


def render_text(rec: Record, highlight: set[str] | None = None) -> list[Markup]:
    """The article body as a list of safe HTML paragraphs."""
    text = rec.article.text
    highlight = highlight or set()
    layers = _layers(rec)
    labels_at: dict[int, list[_Layer]] = {}
    for la in layers:
        if la.kind == "ent":
            labels_at.setdefault(la.end, []).append(la)
    paras = [(p.start, p.end) for p in rec.article.paragraphs if p.end > p.start]
    if not paras:
        paras = []
        pos = 0
        for block in text.split("\n\n"):
            if block.strip():
                paras.append((pos, pos + len(block)))
            pos += len(block) + 2
    out: list[Markup] = []
    for a, b in paras:
        # an entity label belongs to the paragraph its mention ends in
        para_labels = {k: v for k, v in labels_at.items() if a < k <= b}
        html = Markup("").join(
            render_segment(text, s, highlight, para_labels) for s in _segments(a, b, layers)
        )
        out.append(html)
    return out
