"""Grouping events of different articles into incidents, and reading incidents."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    func,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.engine import Connection

from accords.store import schema as S
from accords.store.incidents import MAX_DAYS, SYMMETRIC, IncidentKey, eligible, same_incident
from accords.store.reads import ReadsMixin
from accords.store.sql import (
    _SET_INCIDENT,
    _candidates_stmt,
    _parties_of,
    _party_select,
)


class IncidentsMixin(ReadsMixin):
    """Grouping events of different articles into incidents, and reading incidents."""

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
        in_them = e.c.incident_id.in_(list(incident_ids))
        self._reassign(conn, in_them, update(e).where(in_them))

    def _reassign(self, conn: Connection, where: Any, clear: Any) -> None:
        """Clear the incidents of the visible events matching ``where`` and group them again, in order."""
        e = S.events
        members = conn.execute(
            select(
                e.c.n, e.c.id, e.c.article_id, e.c.event, e.c.date, e.c.place, e.c.loc_country, e.c.flagged
            )
            .where(where, e.c.visible.is_(True))
            .order_by(e.c.n)
        ).all()
        conn.execute(clear.values(incident_id=None))
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
            self._reassign(conn, true(), update(e))
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
