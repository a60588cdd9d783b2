"""Reports inside reports: 'The memo said officials believed the plant was closed' reports the officials' belief
only through the memo. The inner quote stays in the record, with ``within`` naming the quote that holds it, so a
reader can tell first-hand statements from second-hand ones (and a scorer that allows one attribution per word, as
PolNeAR does, can leave it out)."""

from __future__ import annotations

from accords.records import Quote

# kinds of quote whose words are the writer's account of someone's report, and can hold another report
HOLDERS = ("indirect", "mixed")


def mark_within(quotes: list[Quote]) -> None:
    """Set ``within`` on each quote whose cue and words lie inside the words of a reported (indirect or mixed)
    quote. The quoted words of a mixed quote share its cue and are its own words, not a report inside it; a report
    inside a direct quotation is left alone (the speaker's own words about what someone else said)."""
    for q in quotes:
        if q.cue is None:
            continue
        lo, hi = q.content[0].start, q.content[-1].end
        holders = []
        for outer in quotes:
            if outer is q or outer.kind not in HOLDERS or outer.cue == q.cue:
                continue
            a, b = outer.content[0].start, outer.content[-1].end
            inside = any(p.start <= q.cue.start and q.cue.end <= p.end for p in outer.content)
            if inside and a <= lo and hi <= b and (a, b) != (lo, hi):
                holders.append((b - a, outer.id))
        if holders:
            q.within = min(holders)[1]  # the report that holds it directly: the shortest holder
