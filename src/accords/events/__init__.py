"""Stage 'events' (placeholder: passes the record through until its issue lands)."""

from accords.pipeline import Work, stage


@stage("events", version="events.none.v0")
def events_stage(work: Work) -> Work:
    return work
