"""SQL helpers of the store: incident candidates, full-text search, count aggregates, party filters."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    bindparam,
    func,
    select,
    text,
    union,
    update,
)
from sqlalchemy.engine import Connection

from accords.store import schema as S

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
