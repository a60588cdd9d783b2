"""The store's tables, declared once with SQLAlchemy Core, and the schema-version migrations.

One schema serves SQLite and PostgreSQL. Full-text search is backend-specific: SQLite gets FTS5
external-content tables kept in sync by triggers; PostgreSQL gets GIN indexes over ``to_tsvector``.
The ``meta`` table holds ``schema_version``; :data:`MIGRATIONS` lists, in order, what brings a store
from one version to the next, so that an old store is upgraded in place when it is opened.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    func,
    inspect,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.schema import CreateIndex

SCHEMA_VERSION = 4

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("n", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),  # store key: record id, or record id + '-vN'
    Column("record_id", String(64), nullable=False, index=True),  # Record.id (hash of the URL or the body)
    Column("version", Integer, nullable=False, default=1),
    Column("is_current", Boolean, nullable=False, default=True),
    Column("content_hash", String(64), nullable=False, index=True),
    Column(
        "canonical_id", String(64), nullable=True, index=True
    ),  # set on duplicates: the article they repeat
    Column("dup_kind", String(8), nullable=True),  # 'exact' | 'near'
    Column("similarity", Float, nullable=True),
    Column("url", Text, nullable=True),
    Column("source", Text, nullable=True),
    Column("title", Text, nullable=True),
    Column("outlet", Text, nullable=True, index=True),
    Column("published", String(40), nullable=True),
    Column("fetched_date", String(40), nullable=True),
    Column("date", String(10), nullable=True, index=True),  # published, else fetched, as YYYY-MM-DD
    Column("language", String(16), nullable=True),
    Column("status", String(16), nullable=False, default="ok"),
    Column("reason", Text, nullable=True),
    Column("text", Text, nullable=False, default=""),
    # The Record as zlib-compressed JSON, without article.text (kept above), quotes and events (their tables).
    Column("record_z", LargeBinary, nullable=False),
    Column("added_at", String(32), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("n", Integer, primary_key=True, autoincrement=True),
    Column("id", String(128), nullable=False, unique=True),  # '<article key>:<event id>'
    Column(
        "article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("event_id", String(64), nullable=False),
    Column("event", String(16), nullable=False),
    Column("mode", String(32), nullable=True),
    Column("context", Text, nullable=True),  # JSON list
    Column("quad_code", Integer, nullable=True),
    Column("actor_codes", Text, nullable=True),  # ' RUS UKR ' for display; event_parties for queries
    Column("actor_text", Text, nullable=True),
    Column("recipient_codes", Text, nullable=True),
    Column("recipient_text", Text, nullable=True),
    Column("date", String(10), nullable=True, index=True),  # event date, else the article's
    Column("date_text", Text, nullable=True),
    Column("place", Text, nullable=True),
    Column("loc_country", String(8), nullable=True),
    Column("flagged", Boolean, nullable=False, default=False),
    Column("flags", Text, nullable=True),  # JSON
    Column("confidence", Float, nullable=False, default=1.0),
    Column("evidence", Text, nullable=True),
    Column("sentence", Integer, nullable=True),
    Column("start", Integer, nullable=True),
    Column("end", Integer, nullable=True),
    Column("trigger", Text, nullable=True),
    Column("version", String(64), nullable=True),
    Column("visible", Boolean, nullable=False, default=True),  # article is current and canonical
    Column("incident_id", String(128), nullable=True, index=True),
    Column("data", Text, nullable=False),  # the Event as JSON
    Index("ix_events_visible_date", "visible", "flagged", "date"),
    Index("ix_events_type_date", "event", "date"),
)

event_parties = (
    Table(  # one row per actor / recipient of an event, with the event's type, date and visibility
        "event_parties",
        metadata,
        Column("event_n", Integer, ForeignKey("events.n", ondelete="CASCADE"), nullable=False),
        Column("role", String(10), nullable=False),  # 'actor' | 'recipient'
        Column("code", String(16), nullable=True),
        Column("name", Text, nullable=True),
        # v2: copies of the event's columns, so per-actor counts (actor page, timeline) come from one index
        Column("event", String(16), nullable=True),
        Column("date", String(10), nullable=True),
        Column("visible", Boolean, nullable=True),
        Column("flagged", Boolean, nullable=True),
        Index("ix_parties_role_code", "role", "code", "event_n"),
        Index("ix_parties_event", "event_n"),
    )
)
PARTY_V2_COLUMNS = {"event": "VARCHAR(16)", "date": "VARCHAR(10)", "visible": "BOOLEAN", "flagged": "BOOLEAN"}
V2_INDEXES = [
    Index(
        "ix_parties_agg",
        event_parties.c.role,
        event_parties.c.code,
        event_parties.c.visible,
        event_parties.c.flagged,
        event_parties.c.event,
        event_parties.c.date,
    ),  # fmt: skip
    Index(
        "ix_parties_code_date",
        event_parties.c.code,
        event_parties.c.visible,
        event_parties.c.flagged,
        event_parties.c.date,
        event_parties.c.event,
        event_parties.c.event_n,
    ),  # fmt: skip
    Index("ix_parties_name", func.lower(event_parties.c.name), event_parties.c.role),
]

# v3: counts kept at ingest (same transaction as the events they count) so that the actor, dyad and events
# pages do not aggregate per request. Only visible (current, canonical) and unflagged events are counted: the
# default view. role is 'actor' | 'recipient' | 'any' (either role, an event once) | 'all' (every event; code '');
# date '' stands for an event without a date. Rows whose n fell to 0 may remain; readers skip them.
event_counts = Table(
    "event_counts",
    metadata,
    Column("role", String(10), primary_key=True),
    Column("code", String(16), primary_key=True),
    Column("event", String(16), primary_key=True),
    Column("date", String(10), primary_key=True),
    Column("n", Integer, nullable=False, default=0),
    sqlite_with_rowid=False,  # the primary key holds the rows: counts are read from it alone
)
pair_counts = Table(  # events naming both code and partner (either role), by type; both orders are stored
    "pair_counts",
    metadata,
    Column("code", String(16), primary_key=True),
    Column("partner", String(16), primary_key=True),
    Column("event", String(16), primary_key=True),
    Column("n", Integer, nullable=False, default=0),
    sqlite_with_rowid=False,
)
V3_INDEXES = [
    # an actor or recipient filter, newest first, read in index order (EXPLAIN: no temp b-tree, no events scan)
    Index(
        "ix_parties_role_date",
        event_parties.c.role,
        event_parties.c.code,
        event_parties.c.visible,
        event_parties.c.flagged,
        event_parties.c.date,
        event_parties.c.event_n,
    ),  # fmt: skip
    Index(
        "ix_parties_role_type_date",
        event_parties.c.role,
        event_parties.c.code,
        event_parties.c.visible,
        event_parties.c.flagged,
        event_parties.c.event,
        event_parties.c.date,
        event_parties.c.event_n,
    ),  # fmt: skip
]

quotes = Table(
    "quotes",
    metadata,
    Column("n", Integer, primary_key=True, autoincrement=True),
    Column("id", String(128), nullable=False, unique=True),
    Column(
        "article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("quote_id", String(64), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("cue", Text, nullable=True),
    Column("speaker", Text, nullable=True),  # the speaker's name, else the words naming them
    Column("speaker_text", Text, nullable=True),
    Column("speaker_role", Text, nullable=True),
    Column("speaker_country", String(8), nullable=True),
    Column("sentence", Integer, nullable=True),
    Column("start", Integer, nullable=True),
    Column("end", Integer, nullable=True),
    Column("evidence", Text, nullable=True),
    Column("confidence", Float, nullable=False, default=1.0),
    Column("version", String(64), nullable=True),
    Column("visible", Boolean, nullable=False, default=True),
    Column("data", Text, nullable=False),
    Index("ix_quotes_speaker", "speaker"),
    Index("ix_quotes_country", "speaker_country", "visible"),
)

minhash = Table(
    "minhash",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),
)

minhash_bands = Table(
    "minhash_bands",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("band", Integer, nullable=False),
    Column("hash", String(16), nullable=False),
    Index("ix_bands_lookup", "band", "hash"),
    Index("ix_bands_article", "article_id"),
)

sources = Table(  # what each corpus item gave, so that a rerun skips finished items without re-reading them
    "sources",
    metadata,
    Column("key", Text, primary_key=True),
    Column("raw_hash", String(64), nullable=True),
    Column("article_id", String(64), nullable=True),
    Column("status", String(16), nullable=False),
    Column("at", String(32), nullable=False),
)

failures = Table(
    "failures",
    metadata,
    Column("n", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False, index=True),
    Column("reason", String(32), nullable=False),
    Column("detail", Text, nullable=True),
    Column("at", String(32), nullable=False),
)

corrections = Table(
    "corrections",
    metadata,
    Column("n", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(8), nullable=False),  # 'event' | 'quote'
    Column("record_id", String(128), nullable=False, index=True),
    Column("fields", Text, nullable=False),  # JSON: the corrected values
    Column("machine", Text, nullable=True),  # JSON: the machine values they replace, when known
    Column("author", Text, nullable=True),
    Column("at", String(32), nullable=False),
)

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(title, text, content='articles', content_rowid='n')",
    "CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.n, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.n, old.title, old.text); END",
    "CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(text, speaker, content='quotes', content_rowid='n')",
    "CREATE TRIGGER IF NOT EXISTS quotes_ai AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.n, new.text, new.speaker); END",
    "CREATE TRIGGER IF NOT EXISTS quotes_ad AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker) VALUES ('delete', old.n, old.text, old.speaker); END",
]

POSTGRES_FTS = [
    "CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles "
    "USING gin (to_tsvector('english', coalesce(title, '') || ' ' || text))",
    "CREATE INDEX IF NOT EXISTS ix_quotes_fts ON quotes "
    "USING gin (to_tsvector('english', text || ' ' || coalesce(speaker, '')))",
]


def _v1(conn: Connection) -> None:
    metadata.create_all(conn)
    for stmt in SQLITE_FTS if conn.dialect.name == "sqlite" else POSTGRES_FTS:
        conn.execute(text(stmt))


def _v2(conn: Connection) -> None:
    """Event parties carry their event's type, date, visibility and flag (for per-actor counts from one
    index); an index on lower(name) for name filters; quotes indexed by speaker country."""
    have = {c["name"] for c in inspect(conn).get_columns("event_parties")}
    for name, sqltype in PARTY_V2_COLUMNS.items():
        if name not in have:
            conn.execute(text(f"ALTER TABLE event_parties ADD COLUMN {name} {sqltype}"))
    conn.execute(
        text(
            "UPDATE event_parties SET "
            "event = (SELECT e.event FROM events e WHERE e.n = event_parties.event_n), "
            "date = (SELECT e.date FROM events e WHERE e.n = event_parties.event_n), "
            "visible = (SELECT e.visible FROM events e WHERE e.n = event_parties.event_n), "
            "flagged = (SELECT e.flagged FROM events e WHERE e.n = event_parties.event_n) "
            "WHERE visible IS NULL"
        )
    )
    for ix in [*V2_INDEXES, *[i for i in quotes.indexes if i.name == "ix_quotes_country"]]:
        conn.execute(CreateIndex(ix, if_not_exists=True))


def _v3(conn: Connection) -> None:
    """Aggregate tables (event_counts, pair_counts), rebuilt from the stored events; indexes that read an
    actor's or recipient's events in date order. ix_parties_agg is replaced by ix_parties_role_type_date."""
    event_counts.create(conn, checkfirst=True)
    pair_counts.create(conn, checkfirst=True)
    conn.execute(text("DROP INDEX IF EXISTS ix_parties_agg"))
    for ix in V3_INDEXES:
        conn.execute(CreateIndex(ix, if_not_exists=True))
    rebuild_counts(conn)


def rebuild_counts(conn: Connection) -> None:
    """Recompute event_counts and pair_counts from events and event_parties."""
    conn.execute(event_counts.delete())
    conn.execute(pair_counts.delete())
    live = "p.visible = :t AND p.flagged = :f AND p.code IS NOT NULL"
    args = {"t": True, "f": False}
    conn.execute(
        text(
            "INSERT INTO event_counts (role, code, event, date, n) "
            "SELECT p.role, p.code, p.event, coalesce(p.date, ''), count(DISTINCT p.event_n) "
            f"FROM event_parties p WHERE {live} GROUP BY p.role, p.code, p.event, coalesce(p.date, '')"
        ),
        args,
    )
    conn.execute(
        text(
            "INSERT INTO event_counts (role, code, event, date, n) "
            "SELECT 'any', p.code, p.event, coalesce(p.date, ''), count(DISTINCT p.event_n) "
            f"FROM event_parties p WHERE {live} GROUP BY p.code, p.event, coalesce(p.date, '')"
        ),
        args,
    )
    conn.execute(
        text(
            "INSERT INTO event_counts (role, code, event, date, n) "
            "SELECT 'all', '', e.event, coalesce(e.date, ''), count(*) FROM events e "
            "WHERE e.visible = :t AND e.flagged = :f GROUP BY e.event, coalesce(e.date, '')"
        ),
        args,
    )
    conn.execute(
        text(
            "INSERT INTO pair_counts (code, partner, event, n) "
            "SELECT p.code, o.code, p.event, count(DISTINCT p.event_n) FROM event_parties p "
            "JOIN event_parties o ON o.event_n = p.event_n "
            f"WHERE {live} AND o.code IS NOT NULL AND o.code <> p.code GROUP BY p.code, o.code, p.event"
        ),
        args,
    )


V4_INDEXES = [Index("ix_events_visible_any_date", events.c.visible, events.c.date)]


def _v4(conn: Connection) -> None:
    """Events in date order whatever their flags (flagged events shown: the review page, --include-flagged)."""
    for ix in V4_INDEXES:
        conn.execute(CreateIndex(ix, if_not_exists=True))


# MIGRATIONS[i] brings a store from version i to version i + 1.
MIGRATIONS: list[Callable[[Connection], None]] = [_v1, _v2, _v3, _v4]
assert len(MIGRATIONS) == SCHEMA_VERSION
