"""Readable tables of a record for the terminal (rich)."""

from __future__ import annotations

from rich.table import Table

from accords.cli.app import console
from accords.records import Event, Record


def snippet(text: str, start: int, end: int, width: int = 70) -> str:
    """The evidence around [start, end) cut to ``width`` characters, the trigger kept in view."""
    if len(text) <= width:
        return text
    left = max(0, min(start - width // 3, len(text) - width))
    out = text[left : left + width]
    return ("…" if left else "") + out + ("…" if left + width < len(text) else "")


def event_snippet(ev: Event) -> str:
    ev_text = ev.evidence.text
    if ev.trigger is not None:
        rel = ev.trigger.start - ev.evidence.start
        return snippet(ev_text, rel, rel + len(ev.trigger.text))
    return snippet(ev_text, 0, 0)


def print_record(rec: Record, include_flagged: bool = False) -> None:
    a = rec.article
    console.rule(f"[bold]{a.title or '(no title)'}")
    console.print(
        f"{a.site_name or ''}  {a.published or ''}  id={rec.id}  status={rec.status}", highlight=False
    )
    for w in a.warnings:
        console.print(f"[yellow]warning:[/] {w}")
    ents = Table("id", "type", "name", "country", "role", "mentions", title="Entities")
    for e in rec.entities:
        ents.add_row(e.id, e.type, e.name, e.country or "", e.role or "", str(len(e.mentions)))
    console.print(ents)
    if rec.quotes:
        qt = Table("kind", "speaker", "cue", "content", title="Quotes")
        for q in rec.quotes:
            sp = (q.speaker.name or q.speaker.text) if q.speaker else ""
            qt.add_row(q.kind, sp, q.cue.text if q.cue else "", " … ".join(c.text for c in q.content))
        console.print(qt)
    events = [ev for ev in rec.events if include_flagged or not ev.flags.any()]
    if events:
        et = Table(title="Events" + ("" if include_flagged else " (unflagged; --include-flagged for all)"))
        et.add_column("event", no_wrap=True)
        et.add_column("actor → recipient", no_wrap=True)
        et.add_column("date", no_wrap=True)
        et.add_column("evidence", ratio=1)
        for ev in events:
            flags = ",".join(k for k, v in ev.flags.model_dump().items() if v)
            head = (
                ev.event
                + (f"\n[dim]{ev.mode}[/]" if ev.mode else "")
                + (f"\n[yellow]{flags}[/]" if flags else "")
            )
            who = ", ".join(x.code or x.text for x in ev.actor) or "?"
            if ev.recipient:
                who += " → " + ", ".join(x.code or x.text for x in ev.recipient)
            et.add_row(head, who, ev.date or "", event_snippet(ev))
        console.print(et)
