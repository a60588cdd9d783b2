"""Queries over the store: quotes, search, timeline, actor summary and dyads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    and_,
    func,
    or_,
    select,
    text,
)

from accords.store import schema as S
from accords.store.reads import ReadsMixin
from accords.store.rows import (
    _apply_corrections,
    _quote_dict,
)
from accords.store.sql import (
    _fts_top,
    _parties_of,
    _party_select,
    _split_codes,
)


class QueriesMixin(ReadsMixin):
    """Queries over the store: quotes, search, timeline, actor summary and dyads."""

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
