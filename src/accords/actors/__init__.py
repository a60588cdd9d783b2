"""Stage 'actors' (placeholder: passes the record through until its issue lands)."""

from accords.pipeline import Work, stage


@stage("actors", version="actors.none.v0")
def actors_stage(work: Work) -> Work:
    return work
