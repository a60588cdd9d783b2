"""Reading the store: records, articles, counts and events (with facets)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import (
    and_,
    func,
    select,
    text,
)
from sqlalchemy.engine import Connection

from accords.records import Record
from accords.store import schema as S
from accords.store.engine import StoreBase
from accords.store.rows import (
    EVENT_SORTS,
    AtLeast,
    _apply_corrections,
    _event_dict,
    _unpack_rows,
)
from accords.store.sql import (
    _party_select,
    _split_codes,
)


class ReadsMixin(StoreBase):
    """Reading the store: records, articles, counts and events (with facets)."""

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
