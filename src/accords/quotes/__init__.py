"""Stage 'quotes' (placeholder: passes the record through until its issue lands)."""

from accords.pipeline import Work, stage


@stage("quotes", version="quotes.none.v0")
def quotes_stage(work: Work) -> Work:
    return work
