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
    # holders by the start of their words, so each quote looks only at those that start before it (a transcript
    # of a thousand quotes is otherwise a million comparisons of pydantic models)
    holders = sorted(
        (
            (
                o.content[0].start,
                o.content[-1].end,
                o.cue.start if o.cue else -1,
                o.cue.end if o.cue else -1,
                k,
            )
            for k, o in enumerate(quotes)
            if o.kind in HOLDERS
        ),
    )
    for k, q in enumerate(quotes):
        if q.cue is None:
            continue
        lo, hi = q.content[0].start, q.content[-1].end
        cs, ce = q.cue.start, q.cue.end
        found = []
        for a, b, ocs, oce, j in holders:
            if a > lo:
                break
            if j == k or (ocs, oce) == (cs, ce) or hi > b or (a, b) == (lo, hi):
                continue
            if any(p.start <= cs and ce <= p.end for p in quotes[j].content):
                found.append((b - a, quotes[j].id))
        if found:
            q.within = min(found)[1]  # the report that holds it directly: the shortest holder
