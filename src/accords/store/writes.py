"""Writing the store: records (with dedup and versions), failures, source state, corrections."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import (
    and_,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection

from accords.errors import StoreError
from accords.records import Record
from accords.store import dedup
from accords.store import schema as S
from accords.store.grouping import IncidentsMixin
from accords.store.rows import (
    _day,
    _event_dict,
    _event_row,
    _key_of,
    _now,
    _pack,
    _quote_dict,
    _quote_row,
)
from accords.store.sql import (
    _bump_counts,
    _unique_ids,
)


class WritesMixin(IncidentsMixin):
    """Writing the store: records (with dedup and versions), failures, source state, corrections."""

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
