"""The corpus store: many records in SQLite (default ``accords.db``) or PostgreSQL, queried and exported.

    >>> from accords.store import Store
    >>> with Store("accords.db") as st:              # doctest: +SKIP
    ...     st.add_record(record, source="page.html")  # 'added' | 'unchanged' | 'new-version' | 'duplicate'
    ...     rows, total = st.events(actor="RUS", type="REQUEST")

The API is documented in docs/corpora.md and kept stable for the web UI and the Dask engine.
"""

from accords.store.core import FAILURE_REASONS, AtLeast, Store
from accords.store.schema import SCHEMA_VERSION

__all__ = ["Store", "SCHEMA_VERSION", "FAILURE_REASONS", "AtLeast"]
