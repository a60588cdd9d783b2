"""The store: records of many articles in SQLite (default) or PostgreSQL, through SQLAlchemy Core.

One transaction per article; re-adding the same content is a no-op (content hash); a changed page at the same
URL becomes a new version (the old one is kept but hidden); an exact or near duplicate (MinHash LSH, see
:mod:`accords.store.dedup`) is kept and linked to its canonical article, and its events are hidden so they
count once. Events of different articles describing the same happening are grouped into incidents (the rule:
:mod:`accords.store.incidents`). Human corrections live in their own table and are laid over the machine output
when read; they survive ``accords recode``.
"""

from __future__ import annotations

import hashlib
import json
import threading
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    and_,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    text,
    union,
    update,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from accords.errors import StoreError
from accords.records import Event, Quote, Record
from accords.store import dedup
from accords.store import schema as S
from accords.store.incidents import MAX_DAYS, SYMMETRIC, IncidentKey, eligible, same_incident


class AtLeast(int):
    """A total that counting stopped at (``count_cap``): the true total is this or more."""


FAILURE_REASONS = ("HTTP error", "not an article", "not English", "parse error", "too large", "timeout")
EVENT_SORTS = {"date", "event", "confidence", "outlet", "actor", "recipient", "id"}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _day(value: str | None) -> str | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _codes(ents: Iterable[Any]) -> list[str]:
    out: list[str] = []
    for e in ents:
        if e.code and e.code not in out:
            out.append(e.code)
    return out


def _engine_url(url: str) -> str:
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" in url:
        return url
    return f"sqlite:///{Path(url).expanduser()}"


class Store:
    """A corpus of records. ``Store("accords.db")`` (SQLite file) or ``Store("postgresql://user@host/db")``.

    Use as a context manager or call :meth:`close`. Safe to read from several threads or processes while one
    process writes (SQLite WAL; PostgreSQL MVCC).
    """

    def __init__(self, url: str = "accords.db", *, create: bool = True) -> None:
        self.url = url
        if not create and "://" not in url and not Path(url).expanduser().exists():
            raise StoreError(f"store {url!r} is empty: run `accords ingest` first")
        try:
            self.engine: Engine = create_engine(_engine_url(url), future=True)
        except Exception as exc:  # noqa: BLE001 - bad URL, missing driver
            raise StoreError(f"cannot open store {url!r}: {exc}") from exc
        self.dialect = self.engine.dialect.name
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._lock = threading.RLock()
        self._bulk_conn: Connection | None = None
        try:
            self._migrate(create)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open store {url!r}: {exc.__class__.__name__}: {exc}") from exc

    # ------------------------------------------------------------------ lifecycle
    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Write every :meth:`add_record` inside this block in one transaction (for building large stores:
        much faster, but an error or a crash loses the whole block; readers see nothing until it ends)."""
        with self._lock, self.engine.begin() as conn:
            self._bulk_conn = conn
            try:
                yield
            finally:
                self._bulk_conn = None

    @contextmanager
    def _begin(self) -> Iterator[Connection]:
        if self._bulk_conn is not None:  # an error leaves the bulk transaction to be rolled back as a whole
            yield self._bulk_conn
        else:
            with self.engine.begin() as conn:
                yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self, create: bool) -> None:
        with self.engine.begin() as conn:
            if self.dialect == "postgresql":  # one migrator at a time
                conn.execute(text("SELECT pg_advisory_xact_lock(7301)"))
            S.meta.create(conn, checkfirst=True)
            row = conn.execute(select(S.meta.c.value).where(S.meta.c.key == "schema_version")).first()
            current = int(row[0]) if row else 0
            if current > S.SCHEMA_VERSION:
                raise StoreError(
                    f"store {self.url!r} has schema version {current}, newer than this accords "
                    f"({S.SCHEMA_VERSION}): upgrade accords"
                )
            if current == 0 and not create:
                raise StoreError(f"store {self.url!r} is empty: run `accords ingest` first")
            for v in range(current, S.SCHEMA_VERSION):
                S.MIGRATIONS[v](conn)
            if current != S.SCHEMA_VERSION:
                if row:
                    conn.execute(
                        update(S.meta)
                        .where(S.meta.c.key == "schema_version")
                        .values(value=str(S.SCHEMA_VERSION))
                    )
                else:
                    conn.execute(insert(S.meta).values(key="schema_version", value=str(S.SCHEMA_VERSION)))

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return int(
                conn.execute(select(S.meta.c.value).where(S.meta.c.key == "schema_version")).scalar_one()
            )

    # ------------------------------------------------------------------ writing
    def has_content(self, content_hash: str) -> bool:
        with self.engine.connect() as conn:
            q = select(S.articles.c.n).where(S.articles.c.content_hash == content_hash).limit(1)
            return conn.execute(q).first() is not None

    def has_version(self, record_id: str, content_hash: str) -> bool:
        """True when the article ``record_id`` is stored with exactly this content."""
        with self.engine.connect() as conn:
            q = (
                select(S.articles.c.n)
                .where(S.articles.c.record_id == record_id, S.articles.c.content_hash == content_hash)
                .limit(1)
            )
            return conn.execute(q).first() is not None

    def add_record(
        self, record: Record, *, source: str | None = None, fetched_date: str | None = None
    ) -> str:
        """Store one record in one transaction. Returns 'added', 'unchanged', 'new-version' or 'duplicate'."""
        art = record.article
        body = art.text or ""
        chash = art.content_hash or hashlib.sha256(body.encode()).hexdigest()
        with self._lock, self._begin() as conn:
            prior = conn.execute(
                select(
                    S.articles.c.id, S.articles.c.version, S.articles.c.content_hash, S.articles.c.is_current
                )
                .where(S.articles.c.record_id == record.id)
                .order_by(S.articles.c.version)
            ).all()
            if any(p.content_hash == chash for p in prior):
                return "unchanged"
            version = (prior[-1].version + 1) if prior else 1
            key = record.id if version == 1 else f"{record.id}-v{version}"
            if prior:
                self._retire(conn, [p.id for p in prior if p.is_current])

            canonical, kind, sim, sig = self._find_duplicate(conn, record.id, chash, body)
            visible = canonical is None
            rec_z = _pack(record)
            art_date = _day(art.published) or _day(fetched_date)
            conn.execute(
                insert(S.articles).values(
                    id=key,
                    record_id=record.id,
                    version=version,
                    is_current=True,
                    content_hash=chash,
                    canonical_id=canonical,
                    dup_kind=kind,
                    similarity=sim,
                    url=art.url or art.canonical_url,
                    source=source or art.source,
                    title=art.title,
                    outlet=art.site_name,
                    published=art.published,
                    fetched_date=fetched_date,
                    date=art_date,
                    language=art.language,
                    status=record.status,
                    reason=record.reason,
                    text=body,
                    record_z=rec_z,
                    added_at=_now(),
                )
            )
            if sig is not None and visible:
                conn.execute(insert(S.minhash).values(article_id=key, signature=dedup.to_bytes(sig)))
                conn.execute(
                    insert(S.minhash_bands),
                    [{"article_id": key, "band": b, "hash": h} for b, h in dedup.bands(sig)],
                )
            self._insert_outputs(conn, key, record, art_date, visible)
            if canonical:
                return "duplicate"
            return "new-version" if version > 1 else "added"

    def _find_duplicate(
        self, conn: Connection, record_id: str, chash: str, body: str
    ) -> tuple[str | None, str | None, float | None, Any]:
        a = S.articles
        row = conn.execute(
            select(a.c.id, a.c.canonical_id)
            .where(a.c.content_hash == chash, a.c.record_id != record_id)
            .order_by(a.c.n)
            .limit(1)
        ).first()
        if row:
            return row.canonical_id or row.id, "exact", 1.0, None
        sig = dedup.signature(body)
        if sig is None:
            return None, None, None, None
        bands = dedup.bands(sig)
        cond = or_(*[and_(S.minhash_bands.c.band == b, S.minhash_bands.c.hash == h) for b, h in bands])
        cands = conn.execute(
            select(S.minhash.c.article_id, S.minhash.c.signature, a.c.canonical_id, a.c.n)
            .join(a, a.c.id == S.minhash.c.article_id)
            .where(
                S.minhash.c.article_id.in_(select(S.minhash_bands.c.article_id).where(cond)),
                a.c.record_id != record_id,
                a.c.is_current.is_(True),
            )
            .order_by(a.c.n)
        ).all()
        best: tuple[float, str] | None = None
        for c in cands:
            s = dedup.similarity(sig, dedup.from_bytes(c.signature))
            if s >= dedup.THRESHOLD and (best is None or s > best[0]):
                best = (s, c.canonical_id or c.article_id)
        if best:
            return best[1], "near", round(best[0], 4), sig
        return None, None, None, sig

    def _retire(self, conn: Connection, keys: list[str]) -> None:
        """Hide older versions of a page; their incidents are regrouped without them."""
        if not keys:
            return
        ns = [
            r[0]
            for r in conn.execute(
                select(S.events.c.n).where(S.events.c.article_id.in_(keys), S.events.c.visible.is_(True))
            ).all()
        ]
        _bump_counts(conn, ns, -1)
        conn.execute(update(S.articles).where(S.articles.c.id.in_(keys)).values(is_current=False))
        inc = [
            r[0]
            for r in conn.execute(
                select(S.events.c.incident_id).where(S.events.c.article_id.in_(keys)).distinct()
            ).all()
            if r[0]
        ]
        conn.execute(
            update(S.events).where(S.events.c.article_id.in_(keys)).values(visible=False, incident_id=None)
        )
        conn.execute(
            update(S.event_parties)
            .where(S.event_parties.c.event_n.in_(select(S.events.c.n).where(S.events.c.article_id.in_(keys))))
            .values(visible=False)
        )
        conn.execute(update(S.quotes).where(S.quotes.c.article_id.in_(keys)).values(visible=False))
        conn.execute(delete(S.minhash_bands).where(S.minhash_bands.c.article_id.in_(keys)))
        conn.execute(delete(S.minhash).where(S.minhash.c.article_id.in_(keys)))
        self._regroup(conn, inc)

    def _insert_outputs(
        self, conn: Connection, key: str, record: Record, art_date: str | None, visible: bool
    ) -> None:
        if record.events:
            rows = _unique_ids([_event_row(key, ev, art_date, visible) for ev in record.events])
            result = conn.execute(
                insert(S.events).returning(S.events.c.n, S.events.c.id, sort_by_parameter_order=True), rows
            ).all()
            parties = []
            for (n, _), ev, row in zip(result, record.events, rows, strict=True):
                for role, ents in (("actor", ev.actor), ("recipient", ev.recipient)):
                    for e in ents:
                        parties.append({
                            "event_n": n, "role": role, "code": e.code, "name": e.name or e.text,
                            "event": row["event"], "date": row["date"], "visible": visible, "flagged": row["flagged"],
                        })  # fmt: skip
            if parties:
                conn.execute(insert(S.event_parties), parties)
            if visible:
                known = {
                    n: (row["event"], row["date"] or "", {(p["role"], p["code"]) for p in parties
                                                          if p["event_n"] == n and p["code"]})
                    for (n, _), row in zip(result, rows, strict=True)
                    if not row["flagged"]
                }  # fmt: skip
                _bump_counts(conn, list(known), +1, known=known)
                for (n, eid), ev in zip(result, record.events, strict=True):
                    self._assign_incident(conn, _key_of(eid, key, ev, art_date), n)
        if record.quotes:
            conn.execute(insert(S.quotes), _unique_ids([_quote_row(key, q, visible) for q in record.quotes]))

    # ------------------------------------------------------------------ incidents
    def _assign_incident(self, conn: Connection, k: IncidentKey, n: int) -> None:
        """Put a new (or regrouped) event, whose incident_id is NULL, into the incident it belongs to."""
        e = S.events
        if not eligible(k):
            return
        d = date.fromisoformat(k.date or "")
        lo, hi = (d - timedelta(days=MAX_DAYS)).isoformat(), (d + timedelta(days=MAX_DAYS)).isoformat()
        sym = k.event in SYMMETRIC
        codes = sorted(set(k.actors) | (set(k.recipients) if sym else set()))
        cands = conn.execute(
            _candidates_stmt(sym), {"codes": codes, "ev": k.event, "lo": lo, "hi": hi, "aid": k.article_id}
        ).all()
        matched: set[str] = set()
        if cands:
            parties = _parties_of(conn, [c.n for c in cands])
            for c in cands:
                acts, recs = parties.get(c.n, (set(), set()))
                other = IncidentKey(
                    c.id,
                    c.article_id,
                    c.event,
                    c.date,
                    frozenset(acts),
                    frozenset(recs),
                    c.place,
                    c.loc_country,
                )
                if same_incident(k, other):
                    matched.add(c.incident_id or c.id)
                    matched.add(c.id)
        if not matched:  # an event alone is no incident: incident_id stays NULL
            return
        ids = matched | {k.id}
        new = min(ids)
        conn.execute(
            update(e)
            .where(or_(e.c.incident_id.in_(sorted(ids)), e.c.id.in_(sorted(ids))), e.c.visible.is_(True))
            .values(incident_id=new)
        )
        conn.execute(_SET_INCIDENT, {"b_n": n, "b_inc": new})

    def _regroup(self, conn: Connection, incident_ids: Sequence[str]) -> None:
        """Recompute the grouping of the members of these incidents (after some left)."""
        if not incident_ids:
            return
        e = S.events
        members = conn.execute(
            select(
                e.c.n, e.c.id, e.c.article_id, e.c.event, e.c.date, e.c.place, e.c.loc_country, e.c.flagged
            )
            .where(e.c.incident_id.in_(list(incident_ids)), e.c.visible.is_(True))
            .order_by(e.c.n)
        ).all()
        conn.execute(update(e).where(e.c.incident_id.in_(list(incident_ids))).values(incident_id=None))
        parties = _parties_of(conn, [m.n for m in members])
        for m in members:
            acts, recs = parties.get(m.n, (set(), set()))
            k = IncidentKey(
                m.id,
                m.article_id,
                m.event,
                m.date,
                frozenset(acts),
                frozenset(recs),
                m.place,
                m.loc_country,
                bool(m.flagged),
            )
            self._assign_incident(conn, k, m.n)

    def rebuild_incidents(self) -> int:
        """Regroup every visible event from scratch (after the rule changed). Returns the number of incidents."""
        e = S.events
        with self._lock, self.engine.begin() as conn:
            conn.execute(update(e).values(incident_id=None))
            rows = conn.execute(
                select(
                    e.c.n,
                    e.c.id,
                    e.c.article_id,
                    e.c.event,
                    e.c.date,
                    e.c.place,
                    e.c.loc_country,
                    e.c.flagged,
                )
                .where(e.c.visible.is_(True))
                .order_by(e.c.n)
            ).all()
            parties = _parties_of(conn, [r.n for r in rows])
            for m in rows:
                acts, recs = parties.get(m.n, (set(), set()))
                k = IncidentKey(
                    m.id,
                    m.article_id,
                    m.event,
                    m.date,
                    frozenset(acts),
                    frozenset(recs),
                    m.place,
                    m.loc_country,
                    bool(m.flagged),
                )
                self._assign_incident(conn, k, m.n)
            return int(conn.execute(select(func.count(func.distinct(e.c.incident_id)))).scalar_one())

    def incidents(
        self,
        limit: int = 100,
        offset: int = 0,
        *,
        min_sources: int = 2,
        type: str | None = None,
        actor: str | None = None,
        since: str | None = None,
        until: str | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Incidents with at least ``min_sources`` articles, newest first; each with its member events and sources."""
        e = S.events
        q = (
            select(
                e.c.incident_id,
                func.min(e.c.event).label("event"),
                func.min(e.c.date).label("first_date"),
                func.max(e.c.date).label("last_date"),
                func.count().label("n_events"),
                func.count(func.distinct(e.c.article_id)).label("n_sources"),
            )
            .where(e.c.incident_id.is_not(None))  # members are always visible (hidden events leave incidents)
            .group_by(e.c.incident_id)
            .having(func.count(func.distinct(e.c.article_id)) >= min_sources)
            .order_by(func.max(e.c.date).desc(), e.c.incident_id)
            .limit(limit)
            .offset(offset)
        )
        if type:
            q = q.where(e.c.event == type.upper())
        if since:
            q = q.where(e.c.date >= since)
        if until:
            q = q.where(e.c.date <= until)
        if actor:
            q = q.where(
                e.c.incident_id.in_(select(e.c.incident_id).where(e.c.n.in_(_party_select(actor, None))))
            )
        if ids is not None:
            q = q.where(e.c.incident_id.in_(list(ids)))
        with self.engine.connect() as conn:
            heads = conn.execute(q).all()
            if not heads:
                return []
            ids = [h.incident_id for h in heads]
            members, _ = self._event_rows(conn, e.c.incident_id.in_(ids), include_hidden=True, limit=None)
            dup_rows = conn.execute(
                select(
                    S.articles.c.id,
                    S.articles.c.canonical_id,
                    S.articles.c.url,
                    S.articles.c.title,
                    S.articles.c.outlet,
                    S.articles.c.date,
                ).where(S.articles.c.canonical_id.in_({m["article_id"] for m in members}))
            ).all()
        dups = defaultdict(list)
        for d in dup_rows:
            dups[d.canonical_id].append(
                {
                    "article_id": d.id,
                    "url": d.url,
                    "title": d.title,
                    "outlet": d.outlet,
                    "date": d.date,
                    "duplicate_of": d.canonical_id,
                }
            )
        by_inc: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for m in members:
            by_inc[m["incident_id"]].append(m)
        out = []
        for h in heads:
            mem = sorted(by_inc[h.incident_id], key=lambda r: (r["date"] or "", r["id"]))
            srcs: list[dict[str, Any]] = []
            seen: set[str] = set()
            for m in mem:
                if m["article_id"] in seen:
                    continue
                seen.add(m["article_id"])
                srcs.append(
                    {
                        "article_id": m["article_id"],
                        "url": m["url"],
                        "title": m["title"],
                        "outlet": m["outlet"],
                        "date": m["article_date"],
                        "duplicate_of": None,
                    }
                )
                srcs.extend(dups.get(m["article_id"], []))
            actors = sorted({c for m in mem for c in m["actor_codes"]})
            recips = sorted({c for m in mem for c in m["recipient_codes"]})
            places = sorted({m["place"] for m in mem if m["place"]})
            out.append(
                {
                    "id": h.incident_id,
                    "event": h.event,
                    "first_date": h.first_date,
                    "last_date": h.last_date,
                    "actor_codes": actors,
                    "recipient_codes": recips,
                    "places": places,
                    "n_events": h.n_events,
                    "n_sources": h.n_sources,
                    "members": mem,
                    "sources": srcs,
                }
            )
        return out

    def incident(self, incident_id: str) -> dict[str, Any] | None:
        """One incident with its members and sources, or None."""
        found = self.incidents(limit=1, min_sources=1, ids=[incident_id])
        return found[0] if found else None

    # ------------------------------------------------------------------ reading
    def get_record(self, article_id: str) -> Record | None:
        """The stored Record of an article (machine output, as the coder made it)."""
        with self.engine.connect() as conn:
            row = conn.execute(
                select(S.articles.c.id, S.articles.c.record_z, S.articles.c.text).where(
                    S.articles.c.id == article_id
                )
            ).first()
            if not row:
                return None
            return _unpack_rows(conn, [row])[0][1]

    def iter_records(self, *, current_only: bool = True, batch: int = 200) -> Iterator[tuple[str, Record]]:
        """(article key, Record) for every stored article, in storage order."""
        last = 0
        while True:
            with self.engine.connect() as conn:
                q = select(S.articles.c.n, S.articles.c.id, S.articles.c.record_z, S.articles.c.text).where(
                    S.articles.c.n > last
                )
                if current_only:
                    q = q.where(S.articles.c.is_current.is_(True))
                rows = conn.execute(q.order_by(S.articles.c.n).limit(batch)).all()
                if not rows:
                    return
                out = _unpack_rows(conn, rows)
            yield from out
            last = rows[-1].n

    def articles(self, limit: int = 50, offset: int = 0, outlet: str | None = None) -> list[dict[str, Any]]:
        a = S.articles
        ne = select(func.count()).where(S.events.c.article_id == a.c.id).scalar_subquery()
        nq = select(func.count()).where(S.quotes.c.article_id == a.c.id).scalar_subquery()
        q = select(
            a.c.id,
            a.c.record_id,
            a.c.version,
            a.c.is_current,
            a.c.url,
            a.c.source,
            a.c.title,
            a.c.outlet,
            a.c.date,
            a.c.published,
            a.c.fetched_date,
            a.c.language,
            a.c.canonical_id,
            a.c.dup_kind,
            a.c.similarity,
            a.c.status,
            a.c.reason,
            a.c.added_at,
            ne.label("n_events"),
            nq.label("n_quotes"),
        )
        if outlet:
            q = q.where(a.c.outlet == outlet)
        q = q.order_by(a.c.n.desc()).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q).all()]

    def counts(self) -> dict[str, int]:
        """How many articles (all, current, canonical, duplicates), events, quotes, incidents, failures."""
        a, e = S.articles, S.events
        with self.engine.connect() as conn:
            one = lambda q: int(conn.execute(q).scalar_one() or 0)  # noqa: E731
            return {
                "articles": one(select(func.count()).select_from(a)),
                "current": one(select(func.count()).where(a.c.is_current.is_(True))),
                "canonical": one(
                    select(func.count()).where(a.c.is_current.is_(True), a.c.canonical_id.is_(None))
                ),
                "duplicates": one(select(func.count()).where(a.c.canonical_id.is_not(None))),
                "events": one(select(func.count()).where(e.c.visible.is_(True))),
                "events_stored": one(select(func.count()).select_from(e)),
                "quotes": one(select(func.count()).where(S.quotes.c.visible.is_(True))),
                "incidents": one(
                    select(func.count(func.distinct(e.c.incident_id))).where(e.c.incident_id.is_not(None))
                ),
                "failures": one(select(func.count(func.distinct(S.failures.c.source)))),
            }

    def _event_rows(
        self,
        conn: Connection,
        where: Any,
        *,
        include_hidden: bool = False,
        sort: str = "date",
        desc: bool = True,
        limit: int | None = 100,
        offset: int = 0,
        count: bool = False,
    ) -> tuple[list[dict[str, Any]], int]:
        e, a = S.events, S.articles
        conds = [where] if where is not None else []
        if not include_hidden:
            conds.append(e.c.visible.is_(True))
        total = -1
        if count:
            total = int(conn.execute(select(func.count()).select_from(e).where(*conds)).scalar_one())
        col = {
            "date": e.c.date,
            "event": e.c.event,
            "confidence": e.c.confidence,
            "outlet": a.c.outlet,
            "actor": e.c.actor_codes,
            "recipient": e.c.recipient_codes,
            "id": e.c.id,
        }[sort if sort in EVENT_SORTS else "date"]
        q = (
            select(
                e,
                a.c.title,
                a.c.outlet,
                a.c.url,
                a.c.date.label("article_date"),
                a.c.published,
                a.c.canonical_id,
            )
            .join(a, a.c.id == e.c.article_id)
            .where(*conds)
            .order_by(col.desc() if desc else col.asc(), e.c.n.desc() if desc else e.c.n.asc())
        )
        if limit is not None:
            q = q.limit(limit).offset(offset)
        rows = [_event_dict(r._mapping) for r in conn.execute(q).all()]
        _apply_corrections(conn, "event", rows)
        return rows, (total if count else len(rows))

    def events(
        self,
        actor: str | None = None,
        recipient: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        include_flagged: bool = False,
        outlet: str | None = None,
        q: str | None = None,
        sort: str = "date",
        desc: bool = True,
        limit: int = 100,
        offset: int = 0,
        *,
        article_id: str | None = None,
        incident_id: str | None = None,
        include_duplicates: bool = False,
        count_cap: int | None = None,
    ) -> tuple[list[dict[str, Any]], int]:
        """Events matching the filters (machine values), and their total count. Duplicates and old versions are
        hidden (``include_duplicates`` or ``article_id`` shows them); flagged events only with ``include_flagged``.

        The total comes from the aggregate kept at ingest when the filters allow (type, dates, and at most one
        actor or recipient code); otherwise it is counted, and with ``count_cap`` counting stops past
        ``count_cap`` (the total is then :class:`AtLeast` ``(count_cap + 1)``: "more than count_cap")."""
        e, a = S.events, S.articles
        conds: list[Any] = []
        show_hidden = include_duplicates or bool(article_id)
        # With a party filter, visibility and flags are checked in the parties index, so that SQLite looks the
        # few matching events up by key instead of scanning the (visible, flagged, date) index.
        by_party = bool(actor or recipient)
        live, unflagged = not show_hidden, not include_flagged
        if actor:
            conds.append(e.c.n.in_(_party_select(actor, "actor", live=live, unflagged=unflagged)))
        if recipient:
            conds.append(e.c.n.in_(_party_select(recipient, "recipient", live=live, unflagged=unflagged)))
        if type:
            types = [t.strip().upper() for t in type.split(",") if t.strip()]
            conds.append(e.c.event.in_(types))
        if since:
            conds.append(e.c.date >= since)
        if until:
            conds.append(e.c.date <= until)
        if not include_flagged and not by_party:
            conds.append(e.c.flagged.is_(False))
        if outlet:
            conds.append(e.c.article_id.in_(select(a.c.id).where(a.c.outlet == outlet)))
        if q:
            conds.append(func.lower(e.c.evidence).contains(q.lower(), autoescape=True))
        if article_id:
            conds.append(e.c.article_id == article_id)
        if incident_id:
            conds.append(e.c.incident_id == incident_id)
        types = [t.strip().upper() for t in type.split(",") if t.strip()] if type else []
        simple = not (show_hidden or outlet or q or incident_id)
        party: tuple[str, str] | None = None
        if by_party and not (actor and recipient):
            role, value = ("actor", actor) if actor else ("recipient", recipient)
            codes, names = _split_codes(value or "")
            if len(codes) == 1 and not names:
                party = (role, codes[0])
        with self.engine.connect() as conn:
            total: int | None = None
            if simple and not include_flagged and (party or not by_party):
                total = self._counted(conn, party, types, since, until)
            if party and simple and sort == "date":
                # the parties index gives the page in date order: only `limit` events are read
                p = S.event_parties
                pc = [p.c.role == party[0], p.c.code == party[1], p.c.visible.is_(True)]
                if not include_flagged:
                    pc.append(p.c.flagged.is_(False))
                if types:
                    pc.append(p.c.event.in_(types))
                if since:
                    pc.append(p.c.date >= since)
                if until:
                    pc.append(p.c.date <= until)
                order = [p.c.date.desc(), p.c.event_n.desc()] if desc else [p.c.date.asc(), p.c.event_n.asc()]
                ns = [
                    r[0]
                    for r in conn.execute(
                        select(p.c.event_n).where(*pc).order_by(*order).limit(limit).offset(offset)
                    )
                ]
                rows, _ = self._event_rows(
                    conn, e.c.n.in_(ns), include_hidden=True, sort="date", desc=desc, limit=None
                )
            else:
                rows, _ = self._event_rows(
                    conn,
                    and_(*conds) if conds else None,
                    include_hidden=show_hidden or by_party,
                    sort=sort,
                    desc=desc,
                    limit=limit,
                    offset=offset,
                )
            if total is None:
                where = [*conds] if (show_hidden or by_party) else [*conds, e.c.visible.is_(True)]
                inner = select(e.c.n).where(*where)
                if count_cap is not None:
                    inner = inner.limit(count_cap + 1)
                total = int(conn.execute(select(func.count()).select_from(inner.subquery())).scalar_one())
                if count_cap is not None and total > count_cap:
                    total = AtLeast(total)
            return rows, total

    def event_facets(
        self,
        actor: str | None = None,
        recipient: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        include_flagged: bool = False,
        outlet: str | None = None,
        q: str | None = None,
        **_: Any,
    ) -> dict[str, dict[str, int]]:
        """Counts under a filter, from the aggregate kept at ingest: per type (with no or one actor or recipient
        code), and per actor and per recipient code when a type is chosen and no party is. Empty where the
        aggregate cannot answer (flagged events shown, an outlet or words filter, two parties, a name)."""
        if include_flagged or outlet or q or (actor and recipient):
            return {}
        party: tuple[str, str] | None = None
        if actor or recipient:
            role, value = ("actor", actor) if actor else ("recipient", recipient)
            codes, names = _split_codes(value or "")
            if len(codes) != 1 or names:
                return {}
            party = (role, codes[0])
        types = [t.strip().upper() for t in type.split(",") if t.strip()] if type else []
        c = S.event_counts
        dates = []
        if since:
            dates.extend([c.c.date >= since, c.c.date != ""])
        if until:
            dates.extend([c.c.date <= until, c.c.date != ""])
        out: dict[str, dict[str, int]] = {}
        who = [c.c.role == party[0], c.c.code == party[1]] if party else [c.c.role == "all", c.c.code == ""]
        with self.engine.connect() as conn:
            n = func.sum(c.c.n).label("n")
            rows = conn.execute(select(c.c.event, n).where(*who, *dates).group_by(c.c.event)).all()
            out["type"] = {r[0]: int(r[1]) for r in sorted(rows, key=lambda r: -int(r[1])) if int(r[1]) > 0}
            if types and not party:
                for role in ("actor", "recipient"):
                    # the role's codes by a skip scan of the primary key, then (code, type) seeks: no full scan
                    codes = [
                        r[0]
                        for r in conn.execute(
                            text(
                                "WITH RECURSIVE k(code) AS (SELECT min(code) FROM event_counts WHERE role = :r "
                                "UNION ALL SELECT (SELECT min(code) FROM event_counts WHERE role = :r "
                                "AND code > k.code) FROM k WHERE k.code IS NOT NULL) "
                                "SELECT code FROM k WHERE code IS NOT NULL"
                            ),
                            {"r": role},
                        ).all()
                    ]
                    rows = conn.execute(
                        select(c.c.code, n)
                        .where(c.c.role == role, c.c.code.in_(codes), c.c.event.in_(types), *dates)
                        .group_by(c.c.code)
                        .order_by(n.desc(), c.c.code)
                        .limit(12)
                    ).all()
                    out[role] = {r[0]: int(r[1]) for r in rows if int(r[1]) > 0}
        return out

    def _counted(
        self,
        conn: Connection,
        party: tuple[str, str] | None,
        types: list[str],
        since: str | None,
        until: str | None,
    ) -> int:
        """The number of visible, unflagged events of one actor or recipient code (or of all), by type and date,
        from the aggregate kept at ingest."""
        c = S.event_counts
        conds = [c.c.role == party[0], c.c.code == party[1]] if party else [c.c.role == "all", c.c.code == ""]
        if types:
            conds.append(c.c.event.in_(types))
        if since:
            conds.extend([c.c.date >= since, c.c.date != ""])
        if until:
            conds.extend([c.c.date <= until, c.c.date != ""])
        return int(conn.execute(select(func.coalesce(func.sum(c.c.n), 0)).where(*conds)).scalar_one())

    def iter_events(
        self, *, include_flagged: bool = False, include_duplicates: bool = False, batch: int = 1000
    ) -> Iterator[dict[str, Any]]:
        """Every event row (as :meth:`events` gives them), in storage order, read in batches (for export)."""
        e = S.events
        last = 0
        while True:
            conds: list[Any] = [e.c.n > last]
            if not include_flagged:
                conds.append(e.c.flagged.is_(False))
            with self.engine.connect() as conn:
                ns = conn.execute(select(e.c.n).where(*conds).order_by(e.c.n).limit(batch)).all()
            if not ns:
                return
            hi = ns[-1][0]
            with self.engine.connect() as conn:
                page, _ = self._event_rows(
                    conn,
                    and_(e.c.n > last, e.c.n <= hi, *conds[1:]),
                    include_hidden=include_duplicates,
                    sort="id",
                    desc=False,
                    limit=None,
                )
            yield from page
            last = hi

    def quotes(
        self,
        speaker: str | None = None,
        q: str | None = None,
        limit: int = 100,
        offset: int = 0,
        *,
        article_id: str | None = None,
        country: str | None = None,
    ) -> tuple[list[dict[str, Any]], int]:
        """Quotes whose speaker name contains ``speaker`` (case-insensitive), newest first, and their count."""
        qt, a = S.quotes, S.articles
        conds: list[Any] = [] if article_id else [qt.c.visible.is_(True)]
        if speaker:
            s = speaker.lower()
            conds.append(
                or_(
                    func.lower(qt.c.speaker).contains(s, autoescape=True),
                    func.lower(qt.c.speaker_text).contains(s, autoescape=True),
                )
            )
        if q:
            conds.append(func.lower(qt.c.text).contains(q.lower(), autoescape=True))
        if article_id:
            conds.append(qt.c.article_id == article_id)
        if country:
            conds.append(qt.c.speaker_country == country.upper())
        with self.engine.connect() as conn:
            total = int(conn.execute(select(func.count()).select_from(qt).where(*conds)).scalar_one())
            if self.dialect == "sqlite" and country and not (speaker or q or article_id) and total >= 500:
                # a common country: walk the articles newest first (their date index) and stop at the page,
                # instead of sorting all its quotes (CROSS JOIN fixes the loop order, +q.speaker_country keeps the
                # inner loop on ix_quotes_article_id)
                ns = [
                    r[0]
                    for r in conn.execute(
                        text(
                            "SELECT q.n FROM articles a CROSS JOIN quotes q ON q.article_id = a.id "
                            "WHERE +q.speaker_country = :c AND q.visible ORDER BY a.date DESC, q.n "
                            "LIMIT :lim OFFSET :off"
                        ),
                        {"c": country.upper(), "lim": limit, "off": offset},
                    ).all()
                ]
                conds, offset = [qt.c.n.in_(ns)], 0
            rows = conn.execute(
                select(qt, a.c.title, a.c.outlet, a.c.url, a.c.date)
                .join(a, a.c.id == qt.c.article_id)
                .where(*conds)
                .order_by(a.c.date.desc(), qt.c.n)
                .limit(limit)
                .offset(offset)
            ).all()
            out = [_quote_dict(r._mapping) for r in rows]
            _apply_corrections(conn, "quote", out)
        return out, total

    def search(self, q: str, limit: int = 50) -> list[dict[str, Any]]:
        """Full-text search over article titles and bodies and over quotes, best first."""
        if not q.strip():
            return []
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                match = " ".join('"' + t.replace('"', '""') + '"' for t in q.split())
                rows = [*_fts_top(conn, "articles", match, limit), *_fts_top(conn, "quotes", match, limit)]
            else:
                tsq = "websearch_to_tsquery('english', :q)"
                opts = "'StartSel=[, StopSel=], MaxWords=30, MinWords=12'"
                avec = "to_tsvector('english', coalesce(a.title, '') || ' ' || a.text)"
                qvec = "to_tsvector('english', q.text || ' ' || coalesce(q.speaker, ''))"
                pg_arts = conn.execute(
                    text(
                        "SELECT 'article' AS kind, a.id AS article_id, NULL AS quote_id, a.title, a.outlet, a.url, "
                        f"a.date, NULL AS speaker, ts_headline('english', a.text, {tsq}, {opts}) AS snippet, "
                        f"-ts_rank({avec}, {tsq}) AS score FROM articles a WHERE {avec} @@ {tsq} "
                        "AND a.is_current AND a.canonical_id IS NULL ORDER BY score LIMIT :lim"
                    ),
                    {"q": q, "lim": limit},
                ).all()
                qts_pg = conn.execute(
                    text(
                        "SELECT 'quote' AS kind, q.article_id, q.id AS quote_id, a.title, a.outlet, a.url, a.date, "
                        f"q.speaker, ts_headline('english', q.text, {tsq}, {opts}) AS snippet, "
                        f"-ts_rank({qvec}, {tsq}) AS score FROM quotes q JOIN articles a ON a.id = q.article_id "
                        f"WHERE {qvec} @@ {tsq} AND q.visible ORDER BY score LIMIT :lim"
                    ),
                    {"q": q, "lim": limit},
                ).all()
                rows = [dict(r._mapping) for r in [*pg_arts, *qts_pg]]
        rows.sort(key=lambda r: r["score"])
        return rows[:limit]

    def timeline(
        self,
        actors: Sequence[str] = (),
        by: str = "day",
        *,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        include_flagged: bool = False,
    ) -> list[dict[str, Any]]:
        """Counts of events involving any of ``actors`` (as actor or recipient) by period (day, week, month,
        year) and type: ``[{period, event, count}]`` in date order. An event naming two of the actors counts once."""
        width = {"day": 10, "month": 7, "year": 4, "week": 10}.get(by)
        if width is None:
            raise ValueError(f"by={by!r}: use day, week, month or year")
        codes, names = _split_codes(actors) if actors else ([], [])
        t: Any = S.event_parties if actors else S.events
        conds: list[Any] = [t.c.visible.is_(True), t.c.date.is_not(None)]
        if not include_flagged and not names and len(codes) <= 1:  # from the aggregate kept at ingest
            t = S.event_counts
            conds = (
                [t.c.role == "any", t.c.code == codes[0]] if codes else [t.c.role == "all", t.c.code == ""]
            )
            conds.append(t.c.date != "")
        elif actors:
            codes, names = _split_codes(actors)
            p = S.event_parties
            conds.append(
                or_(p.c.code.in_(codes), func.lower(p.c.name).in_(names)) if names else p.c.code.in_(codes)
            )
        if type:
            conds.append(t.c.event == type.upper())
        if since:
            conds.append(t.c.date >= since)
        if until:
            conds.append(t.c.date <= until)
        if not include_flagged and t is not S.event_counts:
            conds.append(t.c.flagged.is_(False))
        period = func.substr(t.c.date, 1, width)
        count = (
            func.sum(t.c.n)
            if t is S.event_counts
            else func.count(func.distinct(S.event_parties.c.event_n))
            if actors
            else func.count()
        )
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(period.label("period"), t.c.event, count.label("count"))
                .where(*conds)
                .group_by(period, t.c.event)
                .order_by(period, t.c.event)
            ).all()
        rows = [r for r in rows if int(r[2]) > 0]
        if by != "week":
            return [{"period": r.period, "event": r.event, "count": int(r[2])} for r in rows]
        weeks: Counter[tuple[str, str]] = Counter()
        for r in rows:
            d = date.fromisoformat(r.period)
            y, w, _ = d.isocalendar()
            weeks[(f"{y}-W{w:02d}", r.event)] += int(r[2])
        return [{"period": p, "event": ev, "count": c} for (p, ev), c in sorted(weeks.items())]

    def actor_summary(self, code: str) -> dict[str, Any]:
        """Counts of an actor's events by type as actor and as recipient, its partners, dates and quotes
        (visible, unflagged events). Read from the aggregate tables kept at ingest (event_counts, pair_counts)."""
        c, pc = S.event_counts, S.pair_counts
        code = code.upper()
        out: dict[str, Any] = {"code": code}
        with self.engine.connect() as conn:
            by_type: dict[str, dict[str, int]] = {"actor": {}, "recipient": {}}
            for r in conn.execute(
                select(c.c.role, c.c.event, func.sum(c.c.n))
                .where(c.c.role.in_(["actor", "recipient"]), c.c.code == code)
                .group_by(c.c.role, c.c.event)
            ).all():
                if int(r[2]) > 0:
                    by_type[r[0]][r[1]] = int(r[2])
            out["as_actor"], out["as_recipient"] = by_type["actor"], by_type["recipient"]
            span = conn.execute(
                select(func.min(c.c.date), func.max(c.c.date)).where(
                    c.c.role == "any", c.c.code == code, c.c.n > 0, c.c.date != ""
                )
            ).one()
            total = conn.execute(
                select(func.sum(c.c.n)).where(c.c.role == "any", c.c.code == code)
            ).scalar_one()
            out["first_date"], out["last_date"], out["n_events"] = span[0], span[1], int(total or 0)
            n = func.sum(pc.c.n).label("n")
            partners = conn.execute(
                select(pc.c.partner, n)
                .where(pc.c.code == code)
                .group_by(pc.c.partner)
                .having(func.sum(pc.c.n) > 0)
                .order_by(n.desc(), pc.c.partner)
                .limit(20)
            ).all()
            out["partners"] = [{"code": r[0], "events": int(r[1])} for r in partners]
            out["n_quotes"] = int(
                conn.execute(
                    select(func.count()).where(
                        S.quotes.c.speaker_country == code, S.quotes.c.visible.is_(True)
                    )
                ).scalar_one()
            )
        return out

    def rebuild_counts(self) -> None:
        """Recompute the aggregate tables from the stored events (they are kept at ingest; this is for repair)."""
        with self._lock, self.engine.begin() as conn:
            S.rebuild_counts(conn)

    def dyad(self, a: str, b: str, *, include_flagged: bool = False, limit: int = 1000) -> dict[str, Any]:
        """All events between ``a`` and ``b`` in both directions, oldest first, and each side's quotes."""
        e = S.events
        a, b = a.upper(), b.upper()
        uf = not include_flagged

        def ps(code: str, role: str) -> Any:
            return e.c.n.in_(_party_select(code, role, live=True, unflagged=uf))

        ab = and_(ps(a, "actor"), ps(b, "recipient"))
        ba = and_(ps(b, "actor"), ps(a, "recipient"))
        both = and_(ps(a, "actor"), ps(b, "actor"))
        # the first condition drives the lookup (events naming b, from the parties index); the rest checks roles
        conds: list[Any] = [e.c.n.in_(_party_select(b, None, live=True, unflagged=uf)), or_(ab, ba, both)]
        with self.engine.connect() as conn:
            if _split_codes([a, b])[1]:  # a name, not a code: the general query
                rows, total = self._event_rows(
                    conn, and_(*conds), include_hidden=True, sort="date", desc=False, limit=limit, count=True
                )
            else:  # events naming both (two reads of the parties index), roles checked here, one page fetched
                p = S.event_parties

                def naming(code: str) -> Any:
                    live = [p.c.code == code, p.c.visible.is_(True)] + (
                        [p.c.flagged.is_(False)] if uf else []
                    )
                    return select(p.c.event_n, p.c.date).where(*live)

                both_ns = sorted(
                    ((r[1] or "", r[0]) for r in conn.execute(naming(a).intersect(naming(b))).all()),
                )
                roles = _parties_of(conn, [n for _, n in both_ns])
                keep = [
                    n
                    for _, n in both_ns
                    if (a in roles[n][0] and (b in roles[n][1] or b in roles[n][0]))
                    or (b in roles[n][0] and a in roles[n][1])
                ]
                total = len(keep)
                rows, _ = self._event_rows(
                    conn, e.c.n.in_(keep[:limit]), include_hidden=True, sort="date", desc=False, limit=None
                )
        for r in rows:
            r["direction"] = (
                f"{a}->{b}"
                if a in r["actor_codes"] and b in r["recipient_codes"]
                else f"{b}->{a}"
                if b in r["actor_codes"] and a in r["recipient_codes"]
                else "both"
            )
        qa, _ = self.quotes(country=a, limit=limit)
        qb, _ = self.quotes(country=b, limit=limit)
        return {"a": a, "b": b, "events": rows, "total": total, "quotes": {a: qa, b: qb}}

    # ------------------------------------------------------------------ failures and sources
    def add_failure(self, source: str, reason: str, detail: str | None = None) -> None:
        with self._lock, self.engine.begin() as conn:
            conn.execute(
                insert(S.failures).values(
                    source=source, reason=reason, detail=(detail or "")[:2000], at=_now()
                )
            )

    def clear_failures(self, source: str) -> None:
        with self._lock, self.engine.begin() as conn:
            conn.execute(delete(S.failures).where(S.failures.c.source == source))

    def failures(self, reason: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """The latest failure of each source that has not succeeded since, newest first."""
        f = S.failures
        latest = select(func.max(f.c.n)).group_by(f.c.source)
        q = select(f.c.source, f.c.reason, f.c.detail, f.c.at).where(f.c.n.in_(latest)).order_by(f.c.n.desc())
        if reason:
            q = q.where(f.c.reason == reason)
        if limit:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q).all()]

    def source_state(self, key: str) -> tuple[str | None, str] | None:
        """(raw hash, status) of a corpus item seen before, or None."""
        with self.engine.connect() as conn:
            r = conn.execute(
                select(S.sources.c.raw_hash, S.sources.c.status).where(S.sources.c.key == key)
            ).first()
        return (r.raw_hash, r.status) if r else None

    def mark_source(self, key: str, raw_hash: str | None, status: str, article_id: str | None = None) -> None:
        with self._lock, self.engine.begin() as conn:
            conn.execute(delete(S.sources).where(S.sources.c.key == key))
            conn.execute(
                insert(S.sources).values(
                    key=key, raw_hash=raw_hash, status=status, article_id=article_id, at=_now()
                )
            )
            if status != "failed":
                conn.execute(delete(S.failures).where(S.failures.c.source == key))

    # ------------------------------------------------------------------ corrections and recode
    def add_correction(
        self, kind: str, record_id: str, fields: dict[str, Any], author: str | None = None
    ) -> dict[str, Any]:
        """Store a human correction of an event or quote (by its store id). Machine output is left as it was."""
        if kind not in ("event", "quote"):
            raise ValueError(f"kind={kind!r}: use 'event' or 'quote'")
        if not isinstance(fields, dict) or not fields:
            raise ValueError("fields must be a non-empty dict of corrected values")
        table = S.events if kind == "event" else S.quotes
        with self._lock, self.engine.begin() as conn:
            row = conn.execute(select(table).where(table.c.id == record_id)).first()
            if row is None:
                raise StoreError(f"no {kind} {record_id!r} in the store")
            current = (_event_dict if kind == "event" else _quote_dict)(row._mapping)
            machine = {k: current.get(k) for k in fields if k in current}
            at = _now()
            n = conn.execute(
                insert(S.corrections)
                .values(
                    kind=kind,
                    record_id=record_id,
                    fields=json.dumps(fields),
                    machine=json.dumps(machine),
                    author=author,
                    at=at,
                )
                .returning(S.corrections.c.n)
            ).scalar_one()
        return {
            "id": n,
            "kind": kind,
            "record_id": record_id,
            "fields": fields,
            "machine": machine,
            "author": author,
            "at": at,
        }

    def corrections(self, kind: str | None = None) -> list[dict[str, Any]]:
        c = S.corrections
        q = select(c).order_by(c.c.n)
        if kind:
            q = q.where(c.c.kind == kind)
        with self.engine.connect() as conn:
            out = []
            for r in conn.execute(q).all():
                d = dict(r._mapping)
                d["id"] = d.pop("n")
                d["fields"] = json.loads(d["fields"])
                d["machine"] = json.loads(d["machine"]) if d["machine"] else None
                out.append(d)
        return out

    def replace_outputs(self, article_id: str, record: Record) -> dict[str, int]:
        """Swap the quotes and events of a stored article for those of ``record`` (a recode), in one transaction.
        Corrections are kept (they are keyed by store id and laid over whatever the coder now says)."""
        a = S.articles
        with self._lock, self.engine.begin() as conn:
            row = conn.execute(
                select(a.c.text, a.c.date, a.c.is_current, a.c.canonical_id).where(a.c.id == article_id)
            ).first()
            if row is None:
                raise StoreError(f"no article {article_id!r} in the store")
            visible = bool(row.is_current) and row.canonical_id is None
            old_inc = [
                r[0]
                for r in conn.execute(
                    select(S.events.c.incident_id).where(S.events.c.article_id == article_id).distinct()
                ).all()
                if r[0]
            ]
            before = {
                "events": int(
                    conn.execute(select(func.count()).where(S.events.c.article_id == article_id)).scalar_one()
                ),
                "quotes": int(
                    conn.execute(select(func.count()).where(S.quotes.c.article_id == article_id)).scalar_one()
                ),
            }
            old_ns = [
                r[0]
                for r in conn.execute(
                    select(S.events.c.n).where(
                        S.events.c.article_id == article_id, S.events.c.visible.is_(True)
                    )
                ).all()
            ]
            _bump_counts(conn, old_ns, -1)
            conn.execute(
                delete(S.event_parties).where(
                    S.event_parties.c.event_n.in_(
                        select(S.events.c.n).where(S.events.c.article_id == article_id)
                    )
                )
            )
            conn.execute(delete(S.events).where(S.events.c.article_id == article_id))
            conn.execute(delete(S.quotes).where(S.quotes.c.article_id == article_id))
            self._regroup(conn, old_inc)
            conn.execute(
                update(a)
                .where(a.c.id == article_id)
                .values(record_z=_pack(record), status=record.status, reason=record.reason)
            )
            self._insert_outputs(conn, article_id, record, row.date, visible)
        return {
            "events_before": before["events"],
            "quotes_before": before["quotes"],
            "events_after": len(record.events),
            "quotes_after": len(record.quotes),
        }

    def size_bytes(self) -> int | None:
        """On-disk size of the store (SQLite file plus WAL, or the PostgreSQL database)."""
        if self.dialect == "sqlite":
            db = self.engine.url.database or ""
            return sum(Path(p).stat().st_size for p in (db, db + "-wal") if p and Path(p).exists())
        with self.engine.connect() as conn:
            return int(conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one())


# ---------------------------------------------------------------------- helpers
_SET_INCIDENT = (
    update(S.events).where(S.events.c.n == bindparam("b_n")).values(incident_id=bindparam("b_inc"))
)
_CANDIDATES: dict[bool, Any] = {}


def _candidates_stmt(symmetric: bool) -> Any:
    """Events that may share an incident with a new one: built once, answered from the parties index
    (ix_parties_agg, or ix_parties_code_date when either side may match)."""
    if symmetric not in _CANDIDATES:
        e, p = S.events, S.event_parties
        party = select(p.c.event_n).where(
            p.c.code.in_(bindparam("codes", expanding=True)),
            p.c.visible.is_(True),
            p.c.flagged.is_(False),
            p.c.event == bindparam("ev"),
            p.c.date >= bindparam("lo"),
            p.c.date <= bindparam("hi"),
        )
        if not symmetric:
            party = party.where(p.c.role == "actor")
        _CANDIDATES[symmetric] = select(
            e.c.n, e.c.id, e.c.article_id, e.c.event, e.c.date, e.c.place, e.c.loc_country, e.c.incident_id
        ).where(e.c.n.in_(party), e.c.article_id != bindparam("aid"))  # no events.visible here: SQLite would
        # then scan ix_events_visible_date instead of looking the few candidates up by key (parties.visible is it)
    return _CANDIDATES[symmetric]


def _unique_ids(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Store ids must be unique: a second item with the same id in one record gets '~2', '~3'..."""
    seen: Counter[str] = Counter()
    for r in rows:
        seen[r["id"]] += 1
        if seen[r["id"]] > 1:
            r["id"] = f"{r['id']}~{seen[r['id']]}"
    return rows


def _pack(record: Record) -> bytes:
    slim = record.model_copy(
        update={"article": record.article.model_copy(update={"text": ""}), "quotes": [], "events": []}
    )
    return zlib.compress(slim.model_dump_json(exclude_none=True).encode("utf-8"), 6)


def _unpack_rows(conn: Connection, rows: Sequence[Any]) -> list[tuple[str, Record]]:
    """Records of article rows (id, record_z, text), with their events and quotes from their tables."""
    ids = [r.id for r in rows]
    evs: dict[str, list[Any]] = defaultdict(list)
    qts: dict[str, list[Any]] = defaultdict(list)
    e, q = S.events, S.quotes
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for r in conn.execute(
            select(e.c.article_id, e.c.data).where(e.c.article_id.in_(chunk)).order_by(e.c.n)
        ):
            evs[r.article_id].append(json.loads(r.data))
        for r in conn.execute(
            select(q.c.article_id, q.c.data).where(q.c.article_id.in_(chunk)).order_by(q.c.n)
        ):
            qts[r.article_id].append(json.loads(r.data))
    out = []
    for r in rows:
        d = json.loads(zlib.decompress(r.record_z))
        d["article"]["text"] = r.text
        d["events"] = evs.get(r.id, [])
        d["quotes"] = qts.get(r.id, [])
        out.append((r.id, Record.model_validate(d)))
    return out


_FTS = {
    # table: (visible rows among the given rowids, with the fields a search row shows; snippet column; width)
    "articles": (
        "SELECT a.n AS rowid, 'article' AS kind, a.id AS article_id, NULL AS quote_id, a.title, a.outlet, a.url, "
        "a.date, NULL AS speaker FROM articles a WHERE a.n IN ({ids}) AND a.is_current AND a.canonical_id IS NULL",
        1,
        16,
    ),
    "quotes": (
        "SELECT q.n AS rowid, 'quote' AS kind, q.article_id, q.id AS quote_id, a.title, a.outlet, a.url, a.date, "
        "q.speaker FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.n IN ({ids}) AND q.visible",
        0,
        24,
    ),
}


def _fts_top(conn: Connection, table: str, match: str, limit: int) -> list[dict[str, Any]]:
    """The best ``limit`` visible matches of an FTS5 table by bm25, with snippets.

    Only the rowid and bm25 are computed over all matches; visibility is checked for the best few (three times
    ``limit``, more only when too many of those are hidden) and snippets are made for the rows returned."""
    info_sql, col, width = _FTS[table]
    fts = f"{table}_fts"
    want = max(1, limit) * 3
    while True:
        ranked = conn.execute(
            text(
                f"SELECT rowid, bm25({fts}) AS score FROM {fts} WHERE {fts} MATCH :m ORDER BY score LIMIT :k"
            ),
            {"m": match, "k": want},
        ).all()
        score = {r[0]: r[1] for r in ranked}
        if not score:
            return []
        info = {
            r.rowid: dict(r._mapping)
            for r in conn.execute(text(info_sql.format(ids=",".join(str(int(i)) for i in score)))).all()
        }
        if len(info) >= limit or len(ranked) < want:
            break
        want *= 4
    out: list[dict[str, Any]] = []
    snip = text(
        f"SELECT snippet({fts}, {col}, '[', ']', ' … ', {width}) FROM {fts} WHERE {fts} MATCH :m AND rowid = :r"
    )
    for rowid, sc in sorted(score.items(), key=lambda kv: kv[1]):
        if rowid in info and len(out) < limit:
            row = info[rowid]
            row.pop("rowid")
            row["snippet"] = conn.execute(snip, {"m": match, "r": rowid}).scalar_one()
            row["score"] = sc
            out.append(row)
    return out


def _bump_counts(
    conn: Connection,
    ns: list[int],
    sign: int,
    *,
    known: dict[int, tuple[str, str, set[tuple[str, str]]]] | None = None,
) -> None:
    """Add (sign +1) or take away (-1) the visible, unflagged events ``ns`` in event_counts and pair_counts.
    Called in the transaction that inserts them, or before they are hidden or deleted. ``known``: the
    events' (type, date, {(role, code)}) when the caller has them (all visible and unflagged)."""
    if not ns:
        return
    e, p = S.events, S.event_parties
    counts: Counter[tuple[str, str, str, str]] = Counter()
    pairs: Counter[tuple[str, str, str]] = Counter()
    for i in range(0, len(ns), 500):
        chunk = ns[i : i + 500]
        roles: dict[int, set[tuple[str, str]]] = defaultdict(set)
        if known is not None:
            evs = {n: known[n][:2] for n in chunk}
            roles.update({n: known[n][2] for n in chunk})
        else:
            evs = {
                r.n: (r.event, r.date or "")
                for r in conn.execute(
                    select(e.c.n, e.c.event, e.c.date).where(
                        e.c.n.in_(chunk), e.c.visible.is_(True), e.c.flagged.is_(False)
                    )
                ).all()
            }
            for r in conn.execute(
                select(p.c.event_n, p.c.role, p.c.code).where(
                    p.c.event_n.in_(list(evs)), p.c.code.is_not(None)
                )
            ).all():
                roles[r.event_n].add((r.role, r.code))
        for n, (ev, day) in evs.items():
            counts[("all", "", ev, day)] += sign
            got = roles.get(n, set())
            for role, code in got:
                counts[(role, code, ev, day)] += sign
            codes = {c for _, c in got}
            for c in codes:
                counts[("any", c, ev, day)] += sign
                for o in codes - {c}:
                    pairs[(c, o, ev)] += sign
    if counts:
        _upsert_add(conn, S.event_counts, ["role", "code", "event", "date"], counts)
    if pairs:
        _upsert_add(conn, S.pair_counts, ["code", "partner", "event"], pairs)


def _upsert_add(conn: Connection, table: Any, keys: list[str], deltas: Counter[Any]) -> None:
    from sqlalchemy.dialects import postgresql, sqlite

    stmt: Any = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)
    stmt = stmt.on_conflict_do_update(index_elements=keys, set_={"n": table.c.n + stmt.excluded.n})
    rows = [{**dict(zip(keys, k, strict=True)), "n": d} for k, d in sorted(deltas.items()) if d]
    if rows:
        conn.execute(stmt, rows)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _split_codes(values: str | Sequence[str]) -> tuple[list[str], list[str]]:
    """Actor filters: three-letter values are codes (RUS, UKR, IGO...); anything else is a name."""
    vals = [values] if isinstance(values, str) else list(values)
    codes = [v.upper() for v in vals if len(v) == 3 and v.isalpha()]
    names = [v.lower() for v in vals if not (len(v) == 3 and v.isalpha())]
    return codes, names


def _party_select(
    code: str | Sequence[str], role: str | None, *, live: bool = False, unflagged: bool = False
) -> Any:
    """Event numbers naming ``code`` (a code through the (role, code) index, a name through lower(name));
    ``live``: only visible events; ``unflagged``: only events with no flag."""
    p = S.event_parties
    codes, names = _split_codes(code)
    extra = [p.c.role == role] if role else []
    if live:
        extra.append(p.c.visible.is_(True))
    if unflagged:
        extra.append(p.c.flagged.is_(False))
    parts = []
    if codes:
        parts.append(select(p.c.event_n).where(p.c.code.in_(codes), *extra))
    if names:
        parts.append(select(p.c.event_n).where(func.lower(p.c.name).in_(names), *extra))
    if len(parts) == 1:
        return parts[0]
    return union(*parts)


def _parties_of(conn: Connection, ns: list[int]) -> dict[int, tuple[set[str], set[str]]]:
    out: dict[int, tuple[set[str], set[str]]] = {}
    p = S.event_parties
    for i in range(0, len(ns), 500):
        for r in conn.execute(
            select(p.c.event_n, p.c.role, p.c.code).where(
                p.c.event_n.in_(ns[i : i + 500]), p.c.code.is_not(None)
            )
        ).all():
            acts, recs = out.setdefault(r.event_n, (set(), set()))
            (acts if r.role == "actor" else recs).add(r.code)
    return out


def _key_of(store_id: str, article_key: str, ev: Event, art_date: str | None) -> IncidentKey:
    loc = ev.event_loc
    return IncidentKey(
        id=store_id,
        article_id=article_key,
        event=ev.event,
        date=_day(ev.date) or art_date,
        actors=frozenset(_codes(ev.actor)),
        recipients=frozenset(_codes(ev.recipient)),
        place=(loc.place or loc.text) if loc else None,
        country=loc.country if loc else None,
        flagged=ev.flags.any(),
    )


def _ent_text(ents: Iterable[Any]) -> str:
    return "; ".join(e.name or e.text for e in ents)


def _event_row(key: str, ev: Event, art_date: str | None, visible: bool) -> dict[str, Any]:
    loc = ev.event_loc
    return {
        "id": f"{key}:{ev.id}",
        "article_id": key,
        "event_id": ev.id,
        "event": ev.event,
        "mode": ev.mode,
        "context": json.dumps(ev.context),
        "quad_code": ev.quad_code,
        "actor_codes": " ".join(_codes(ev.actor)),
        "actor_text": _ent_text(ev.actor),
        "recipient_codes": " ".join(_codes(ev.recipient)),
        "recipient_text": _ent_text(ev.recipient),
        "date": _day(ev.date) or art_date,
        "date_text": ev.date_text,
        "place": (loc.place or loc.text) if loc else None,
        "loc_country": loc.country if loc else None,
        "flagged": ev.flags.any(),
        "flags": ev.flags.model_dump_json(),
        "confidence": ev.confidence,
        "evidence": ev.evidence.text,
        "sentence": ev.evidence.sentence,
        "start": ev.evidence.start,
        "end": ev.evidence.end,
        "trigger": ev.trigger.text if ev.trigger else None,
        "version": ev.version,
        "visible": visible,
        "incident_id": None,
        "data": ev.model_dump_json(exclude_none=True),
    }


def _quote_row(key: str, q: Quote, visible: bool) -> dict[str, Any]:
    sp = q.speaker
    return {
        "id": f"{key}:{q.id}",
        "article_id": key,
        "quote_id": q.id,
        "kind": q.kind,
        "text": " … ".join(s.text for s in q.content),
        "cue": q.cue.text if q.cue else None,
        "speaker": (sp.name or sp.text) if sp else None,
        "speaker_text": sp.text if sp else None,
        "speaker_role": sp.role if sp else None,
        "speaker_country": sp.country if sp else None,
        "sentence": q.evidence.sentence,
        "start": q.evidence.start,
        "end": q.evidence.end,
        "evidence": q.evidence.text,
        "confidence": q.confidence,
        "version": q.version,
        "visible": visible,
        "data": q.model_dump_json(exclude_none=True),
    }


def _event_dict(m: Any) -> dict[str, Any]:
    data = json.loads(m["data"])
    return {
        "id": m["id"],
        "article_id": m["article_id"],
        "event_id": m["event_id"],
        "event": m["event"],
        "mode": m["mode"],
        "context": json.loads(m["context"]) if m["context"] else [],
        "quad_code": m["quad_code"],
        "actor": data.get("actor", []),
        "recipient": data.get("recipient", []),
        "actor_codes": (m["actor_codes"] or "").split(),
        "actor_text": m["actor_text"],
        "recipient_codes": (m["recipient_codes"] or "").split(),
        "recipient_text": m["recipient_text"],
        "date": m["date"],
        "date_text": m["date_text"],
        "place": m["place"],
        "event_loc": data.get("event_loc"),
        "size": data.get("size"),
        "flagged": bool(m["flagged"]),
        "flags": json.loads(m["flags"]) if m["flags"] else {},
        "confidence": m["confidence"],
        "evidence": m["evidence"],
        "sentence": m["sentence"],
        "start": m["start"],
        "end": m["end"],
        "trigger": data.get("trigger"),
        "version": m["version"],
        "incident_id": m["incident_id"],
        "visible": bool(m["visible"]),
        "title": m.get("title"),
        "outlet": m.get("outlet"),
        "url": m.get("url"),
        "article_date": m.get("article_date"),
        "published": m.get("published"),
        "duplicate_of": m.get("canonical_id"),
        "corrected": False,
        "correction": None,
    }


def _quote_dict(m: Any) -> dict[str, Any]:
    data = json.loads(m["data"])
    return {
        "id": m["id"],
        "article_id": m["article_id"],
        "quote_id": m["quote_id"],
        "kind": m["kind"],
        "text": m["text"],
        "content": data.get("content", []),
        "cue": m["cue"],
        "speaker": m["speaker"],
        "speaker_text": m["speaker_text"],
        "speaker_role": m["speaker_role"],
        "speaker_country": m["speaker_country"],
        "sentence": m["sentence"],
        "start": m["start"],
        "end": m["end"],
        "evidence": m["evidence"],
        "confidence": m["confidence"],
        "version": m["version"],
        "visible": bool(m["visible"]),
        "title": m.get("title"),
        "outlet": m.get("outlet"),
        "url": m.get("url"),
        "date": m.get("date"),
        "corrected": False,
        "correction": None,
    }


def _apply_corrections(conn: Connection, kind: str, rows: list[dict[str, Any]]) -> None:
    """Lay the latest human correction of each row over it, keeping the machine values beside it."""
    if not rows:
        return
    c = S.corrections
    ids = [r["id"] for r in rows]
    latest: dict[str, Any] = {}
    for i in range(0, len(ids), 500):
        for r in conn.execute(
            select(c).where(c.c.kind == kind, c.c.record_id.in_(ids[i : i + 500])).order_by(c.c.n)
        ).all():
            latest[r.record_id] = r
    for row in rows:
        corr = latest.get(row["id"])
        if corr is None:
            continue
        fields = json.loads(corr.fields)
        row["correction"] = {
            "id": corr.n,
            "fields": fields,
            "author": corr.author,
            "at": corr.at,
            "machine": {k: row.get(k) for k in fields},
        }
        row["corrected"] = True
        for k, v in fields.items():
            row[k] = v
            if k in ("actor", "recipient") and isinstance(v, (list, str)):
                row[f"{k}_codes"] = (
                    v.split()
                    if isinstance(v, str)
                    else [x if isinstance(x, str) else x.get("code") for x in v]
                )


__all__ = ["Store", "FAILURE_REASONS"]
