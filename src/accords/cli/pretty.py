"""Readable tables of a record for the terminal (rich)."""

from __future__ import annotations

from rich.table import Table

from accords.cli.app import console
from accords.records import Record


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
        et = Table("event", "mode", "actor", "recipient", "date", "flags", "evidence", title="Events")
        for ev in events:
            flags = ",".join(k for k, v in ev.flags.model_dump().items() if v)
            et.add_row(
                ev.event,
                ev.mode or "",
                ", ".join(x.code or x.text for x in ev.actor),
                ", ".join(x.code or x.text for x in ev.recipient),
                ev.date or "",
                flags,
                ev.evidence.text,
            )
        console.print(et)
