"""The store on hand-built records: versions, duplicates, incidents, queries, failures, corrections.

Each test runs on SQLite and on PostgreSQL (the PostgreSQL variant skips without ACCORDS_TEST_POSTGRES).
"""

from __future__ import annotations

import pytest
from store_builders import event, quote, record, story

from accords.errors import StoreError
from accords.records import Flags
from accords.store import SCHEMA_VERSION, Store


def test_store_add_is_idempotent_by_content_hash(store):
    rec = record("https://a.example/1", story(1), events=[event("V1", "REQUEST", ["RUS"], ["UKR"])])
    assert store.add_record(rec) == "added"
    assert store.add_record(rec) == "unchanged"
    assert store.has_content(rec.article.content_hash)
    c = store.counts()
    assert (c["articles"], c["events"]) == (1, 1)
    back = store.get_record(rec.id)
    assert back is not None and back.article.text == rec.article.text
    assert [e.event for e in back.events] == ["REQUEST"]


def test_store_changed_page_same_url_is_new_version(store):
    url = "https://a.example/live"
    v1 = record(url, story(2), events=[event("V1", "REQUEST", ["RUS"], ["UKR"])])
    v2 = record(
        url, story(2) + " Update: talks resumed on Monday.", events=[event("V1", "CONSULT", ["RUS"], ["UKR"])]
    )
    assert store.add_record(v1) == "added"
    assert store.add_record(v2) == "new-version"
    assert store.add_record(v2) == "unchanged"
    rows, total = store.events()
    assert total == 1 and rows[0]["event"] == "CONSULT"  # the old version's events are hidden
    arts = {a["id"]: a for a in store.articles()}
    assert set(arts) == {v1.id, f"{v1.id}-v2"}
    assert arts[v1.id]["is_current"] in (False, 0) and arts[f"{v1.id}-v2"]["version"] == 2
    assert store.get_record(v1.id).events[0].event == "REQUEST"  # the old version is kept


def test_store_exact_duplicate_second_url_is_linked_and_counts_once(store):
    body = story(3)
    a = record("https://wire.example/a", body, events=[event("V1", "REQUEST", ["RUS"], ["UKR"])])
    b = record("https://paper.example/b", body, events=[event("V1", "REQUEST", ["RUS"], ["UKR"])])
    assert store.add_record(a) == "added"
    assert store.add_record(b) == "duplicate"
    rows, total = store.events(actor="RUS")
    assert total == 1 and rows[0]["article_id"] == a.id
    dup = {x["id"]: x for x in store.articles()}[b.id]
    assert dup["canonical_id"] == a.id and dup["dup_kind"] == "exact"
    _, with_dups = store.events(actor="RUS", include_duplicates=True)
    assert with_dups == 2


def test_store_near_duplicate_is_linked_but_different_story_is_not(store):
    body = story(4, 200)
    syndicated = "Moscow talks: " + body.rsplit(" ", 12)[0] + " Reporting by the wire desk."
    a = record("https://wire.example/n1", body, events=[event("V1", "ACCUSE", ["UKR"], ["RUS"])])
    b = record("https://other.example/n2", syndicated, events=[event("V1", "ACCUSE", ["UKR"], ["RUS"])])
    c = record("https://third.example/n3", story(5, 200), events=[event("V1", "ACCUSE", ["UKR"], ["RUS"])])
    assert store.add_record(a) == "added"
    assert store.add_record(b) == "duplicate"
    assert store.add_record(c) == "added"
    arts = {x["id"]: x for x in store.articles()}
    assert arts[b.id]["canonical_id"] == a.id and arts[b.id]["dup_kind"] == "near"
    assert 0.7 <= arts[b.id]["similarity"] < 1.0
    assert arts[c.id]["canonical_id"] is None
    _, total = store.events(actor="UKR")
    assert total == 2  # a and c; b counts once with a


def _ingest_incident_fixture(store, order):
    recs = {
        "a": record(
            "https://x.example/a",
            story(10),
            published="2025-05-16",
            outlet="A",
            events=[event("V1", "REQUEST", ["RUS"], ["UKR"], place="Istanbul")],
        ),  # fmt: skip
        "b": record(
            "https://x.example/b",
            story(11),
            published="2025-05-17",
            outlet="B",
            events=[event("V1", "REQUEST", ["RUS"], ["UKR"], place="istanbul")],
        ),  # fmt: skip
        "c": record(
            "https://x.example/c",
            story(12),
            published="2025-05-20",
            outlet="C",
            events=[event("V1", "REQUEST", ["RUS"], ["UKR"])],
        ),  # fmt: skip
        "d": record(
            "https://x.example/d",
            story(13),
            published="2025-05-16",
            outlet="D",
            events=[event("V1", "REQUEST", ["RUS"], ["UKR"], flags=Flags(hypothetical=True))],
        ),  # fmt: skip
        "e": record(
            "https://x.example/e",
            story(14),
            published="2025-05-16",
            outlet="E",
            events=[event("V1", "REQUEST", ["RUS"], ["USA"])],
        ),  # fmt: skip
        "f": record(
            "https://x.example/f",
            story(15),
            published="2025-05-16",
            outlet="F",
            events=[event("V1", "REQUEST", ["RUS"], ["UKR"], place="Geneva")],
        ),  # fmt: skip
    }
    for k in order:
        store.add_record(recs[k])
    return recs


def test_store_incidents_follow_the_rule_and_show_members(store):
    recs = _ingest_incident_fixture(store, "abcdef")
    incs = store.incidents(min_sources=2)
    assert len(incs) == 1
    inc = incs[0]
    assert {m["article_id"] for m in inc["members"]} == {recs["a"].id, recs["b"].id}
    assert {s["outlet"] for s in inc["sources"]} == {"A", "B"}
    assert inc["n_sources"] == 2 and inc["first_date"] == "2025-05-16" and inc["last_date"] == "2025-05-17"
    assert store.incident(inc["id"])["n_events"] == 2
    # c is 3 days later, d is hypothetical, e has another recipient, f another place: none joins, and an
    # event alone is no incident
    assert store.incidents(min_sources=1) == incs
    alone = {r["article_id"] for r in store.events(include_flagged=True)[0] if r["incident_id"] is None}
    assert alone == {recs[x].id for x in "cdef"}


def test_store_incident_ids_do_not_depend_on_order(store_url, tmp_path):
    ids = []
    for i, order in enumerate(["abcdef", "fedcba"]):
        url = store_url if i == 0 else str(tmp_path / f"other{i}.db")
        with Store(url) as st:
            _ingest_incident_fixture(st, order)
            ids.append(sorted((i["id"], i["n_events"]) for i in st.incidents(min_sources=1)))
    assert ids[0] == ids[1]


def test_store_symmetric_meeting_with_sides_swapped_is_one_incident(store):
    store.add_record(
        record("https://m.example/1", story(20), events=[event("V1", "CONSULT", ["RUS"], ["UKR"])])
    )
    store.add_record(
        record("https://m.example/2", story(21), events=[event("V1", "CONSULT", ["UKR"], ["RUS"])])
    )
    store.add_record(
        record("https://m.example/3", story(22), events=[event("V1", "REQUEST", ["UKR"], ["RUS"])])
    )
    incs = store.incidents()
    assert len(incs) == 1 and incs[0]["event"] == "CONSULT" and incs[0]["n_sources"] == 2


def test_store_new_version_leaves_its_incident(store):
    a = record("https://v.example/a", story(30), events=[event("V1", "SANCTION", ["USA"], ["RUS"])])
    b = record("https://v.example/b", story(31), events=[event("V1", "SANCTION", ["USA"], ["RUS"])])
    store.add_record(a)
    store.add_record(b)
    assert len(store.incidents()) == 1
    b2 = record(
        "https://v.example/b",
        story(31) + " Corrected: it was aid.",
        events=[event("V1", "AID", ["USA"], ["UKR"])],
    )
    assert store.add_record(b2) == "new-version"
    assert store.incidents() == []


def test_store_events_filters_and_total(store):
    store.add_record(
        record("https://f.example/1", story(40), published="2025-05-10", outlet="Alpha", events=[
            event("V1", "REQUEST", ["RUS"], ["UKR"], text="Moscow demanded a withdrawal."),
            event("V2", "THREATEN", ["RUS"], ["UKR"], flags=Flags(future=True), text="Russia may strike."),
            event("V3", "AID", ["USA"], ["UKR"], text="Washington sent aid."),
        ])
    )  # fmt: skip
    store.add_record(
        record("https://f.example/2", story(41), published="2025-05-20", outlet="Beta", events=[
            event("V1", "REQUEST", ["UKR"], ["RUS"], text="Kyiv asked for a ceasefire."),
        ])
    )  # fmt: skip
    assert store.events()[1] == 3
    assert store.events(include_flagged=True)[1] == 4
    assert {r["event"] for r in store.events(actor="RUS")[0]} == {"REQUEST"}
    assert store.events(actor="RUS", include_flagged=True)[1] == 2
    assert store.events(recipient="UKR")[1] == 2
    assert store.events(type="REQUEST")[1] == 2
    assert store.events(since="2025-05-15")[0][0]["actor_codes"] == ["UKR"]
    assert store.events(until="2025-05-15")[1] == 2
    assert store.events(outlet="Beta")[1] == 1
    assert store.events(q="ceasefire")[0][0]["evidence"] == "Kyiv asked for a ceasefire."
    rows, total = store.events(limit=1, offset=1, sort="date", desc=True)
    assert total == 3 and len(rows) == 1 and rows[0]["date"] == "2025-05-10"
    row = store.events(q="washington")[0][0]
    for key in ("id", "article_id", "event", "mode", "context", "actor_codes", "actor_text", "recipient_codes",
                "date", "flags", "confidence", "evidence", "sentence", "start", "end", "title", "outlet", "url",
                "corrected", "correction"):  # fmt: skip
        assert key in row


def test_store_quotes_by_speaker_and_search_fts(store):
    store.add_record(
        record(
            "https://q.example/1",
            "The ceasefire talks in Istanbul ended without a deal. " + story(50),
            quotes=[
                quote("Q1", "Exchanging 1,000 lives is not a small victory", "Heorhii Tykhyi", "UKR"),
                quote("Q2", "asking for too much", "JD Vance", "USA"),
            ],
        )  # fmt: skip
    )
    rows, total = store.quotes(speaker="tykhyi")
    assert total == 1 and rows[0]["text"].startswith("Exchanging")
    assert store.quotes()[1] == 2
    hits = store.search("ceasefire")
    assert [h["kind"] for h in hits] == ["article"] and "ceasefire" in hits[0]["snippet"].lower()
    qhits = store.search("victory")
    assert any(h["kind"] == "quote" and h["speaker"] == "Heorhii Tykhyi" for h in qhits)
    assert store.search("zeppelin") == []


def test_store_quotes_keep_within_for_a_second_hand_report(store):
    inner = quote("Q2", "the talks had failed", "the minister", None).model_copy(update={"within": "Q1"})
    store.add_record(
        record(
            "https://q.example/2",
            story(51),
            quotes=[quote("Q1", "the minister told him the talks had failed", "John Smith", "USA"), inner],
        )
    )
    rows, _ = store.quotes()
    assert {r["quote_id"]: r["within"] for r in rows} == {"Q1": None, "Q2": "Q1"}


def test_store_timeline_counts_by_day_and_type(store):
    for i, (day, typ, a, r) in enumerate([("2025-05-16", "CONSULT", "RUS", "UKR"), ("2025-05-16", "CONSULT", "UKR", "RUS"),
                                          ("2025-05-17", "ACCUSE", "UKR", "RUS"), ("2025-06-01", "AID", "USA", "FRA")]):  # fmt: skip
        store.add_record(record(f"https://t.example/{i}", story(60 + i), published=day,
                                events=[event("V1", typ, [a], [r])]))  # fmt: skip
    rows = store.timeline(["RUS", "UKR"])
    assert rows == [
        {"period": "2025-05-16", "event": "CONSULT", "count": 2},
        {"period": "2025-05-17", "event": "ACCUSE", "count": 1},
    ]
    assert store.timeline(["USA"], by="month") == [{"period": "2025-06", "event": "AID", "count": 1}]
    assert sum(r["count"] for r in store.timeline([], by="week")) == 4


def test_store_failures_are_listed_and_cleared_on_success(store):
    store.add_failure("https://bad.example/x", "HTTP error", "404 Not Found")
    store.add_failure("dump.jsonl:3", "parse error", "malformed JSON line")
    assert {f["source"]: f["reason"] for f in store.failures()} == {
        "https://bad.example/x": "HTTP error", "dump.jsonl:3": "parse error",
    }  # fmt: skip
    store.mark_source("https://bad.example/x", None, "added", "abc")
    assert [f["source"] for f in store.failures()] == ["dump.jsonl:3"]
    assert store.failures(reason="HTTP error") == []


def test_store_corrections_are_kept_apart_and_survive_recode(store):
    rec = record("https://c.example/1", story(70), events=[event("V1", "ACCUSE", ["RUS"], ["UKR"])],
                 quotes=[quote("Q1", "we are ready", "Someone")])  # fmt: skip
    store.add_record(rec)
    eid = store.events()[0][0]["id"]
    c = store.add_correction("event", eid, {"event": "THREATEN", "recipient": ["USA"]}, author="ana")
    assert c["machine"]["event"] == "ACCUSE"
    row = store.events()[0][0]
    assert row["event"] == "THREATEN" and row["corrected"] is True
    assert row["correction"]["machine"]["event"] == "ACCUSE" and row["correction"]["author"] == "ana"
    assert row["recipient_codes"] == ["USA"]
    store.add_correction("quote", store.quotes()[0][0]["id"], {"speaker": "Vladimir Putin"})
    # a recode swaps the machine output; the corrections stay and are laid over it again
    recoded = rec.model_copy(update={"events": [event("V1", "REJECT", ["RUS"], ["UKR"])]})
    store.replace_outputs(rec.id, recoded)
    row = store.events()[0][0]
    assert row["event"] == "THREATEN" and row["correction"]["machine"]["event"] == "REJECT"
    assert store.get_record(rec.id).events[0].event == "REJECT"  # machine output itself is unchanged
    assert store.quotes()[0][0]["speaker"] == "Vladimir Putin"
    assert [c["kind"] for c in store.corrections()] == ["event", "quote"]
    with pytest.raises(StoreError):
        store.add_correction("event", "nope:V9", {"event": "AID"})


def test_store_actor_summary_and_dyad(store):
    store.add_record(record("https://d.example/1", story(80), published="2025-05-16", events=[
        event("V1", "REQUEST", ["RUS"], ["UKR"]), event("V2", "REJECT", ["UKR"], ["RUS"]),
        event("V3", "AID", ["USA"], ["UKR"])],
        quotes=[quote("Q1", "no ceasefire", "Dmitry Peskov", "RUS")]))  # fmt: skip
    s = store.actor_summary("UKR")
    assert s["as_actor"] == {"REJECT": 1} and s["as_recipient"] == {"REQUEST": 1, "AID": 1}
    assert {p["code"] for p in s["partners"]} == {"RUS", "USA"}
    d = store.dyad("RUS", "UKR")
    assert [r["direction"] for r in d["events"]] == ["RUS->UKR", "UKR->RUS"]
    assert [q["speaker"] for q in d["quotes"]["RUS"]] == ["Dmitry Peskov"]


def test_store_schema_is_versioned(store_url):
    with Store(store_url) as st:
        assert st.schema_version() == SCHEMA_VERSION
        from sqlalchemy import text

        with st.engine.begin() as conn:
            conn.execute(text("UPDATE meta SET value = '999' WHERE key = 'schema_version'"))
    with pytest.raises(StoreError, match="newer"):
        Store(store_url)


def test_store_sqlite_uses_wal_and_foreign_keys(tmp_path):
    from sqlalchemy import text

    with Store(str(tmp_path / "w.db")) as st, st.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_store_refuses_missing_store_when_reading(tmp_path):
    with pytest.raises(StoreError, match="empty"):
        Store(str(tmp_path / "none.db"), create=False)


def test_store_migrates_a_version_1_store(tmp_path):
    from sqlalchemy import text

    db = str(tmp_path / "old.db")
    with Store(db) as st:
        st.add_record(
            record("https://o.example/1", story(95), events=[event("V1", "REQUEST", ["RUS"], ["UKR"])])
        )
        with (
            st.engine.begin() as conn
        ):  # turn it back into a version 1 store: parties without their v2 columns
            for ix in ("ix_parties_role_type_date", "ix_parties_role_date", "ix_parties_code_date",
                       "ix_parties_name", "ix_quotes_country"):  # fmt: skip
                conn.execute(text(f"DROP INDEX {ix}"))
            conn.execute(text("DROP TABLE event_counts"))  # and without the v3 aggregates
            conn.execute(text("DROP TABLE pair_counts"))
            conn.execute(text("CREATE TABLE p1 AS SELECT event_n, role, code, name FROM event_parties"))
            conn.execute(text("DROP TABLE event_parties"))
            conn.execute(text("ALTER TABLE p1 RENAME TO event_parties"))
            conn.execute(text("UPDATE meta SET value = '1' WHERE key = 'schema_version'"))
    with Store(db) as st:
        assert st.schema_version() == SCHEMA_VERSION == 4
        assert st.actor_summary("RUS")["as_actor"] == {"REQUEST": 1}
        assert st.timeline(["UKR"])[0]["count"] == 1


def _live_counts(store):
    """What the aggregate tables must hold, computed from the events themselves (visible, unflagged)."""
    from collections import Counter

    counts, pairs = Counter(), Counter()
    rows, _ = store.events(limit=100_000)
    for r in rows:
        day = r["date"] or ""
        counts[("all", "", r["event"], day)] += 1
        a = {c for c in r["actor_codes"] if c}
        b = {c for c in r["recipient_codes"] if c}
        for role, codes in (("actor", a), ("recipient", b)):
            for c in codes:
                counts[(role, c, r["event"], day)] += 1
        for c in a | b:
            counts[("any", c, r["event"], day)] += 1
            for o in (a | b) - {c}:
                pairs[(c, o, r["event"])] += 1
    return counts, pairs


def _stored_counts(store):
    from collections import Counter

    from sqlalchemy import select

    from accords.store import schema as S

    with store.engine.connect() as conn:
        c = Counter({tuple(r[:4]): r[4] for r in conn.execute(select(S.event_counts)).all() if r[4]})
        p = Counter({tuple(r[:3]): r[3] for r in conn.execute(select(S.pair_counts)).all() if r[3]})
    return c, p


def test_store_aggregates_follow_adds_duplicates_versions_and_recode(store):
    url = "https://agg.example/live"
    store.add_record(record(url, story(40), events=[
        event("V1", "REQUEST", ["RUS"], ["UKR"], date="2025-05-01"),
        event("V2", "ACCUSE", ["UKR", "USA"], ["RUS"]),
        event("V3", "THREATEN", ["RUS"], ["UKR"], flags=Flags(negated=True)),
    ]))  # fmt: skip
    store.add_record(
        record("https://copy.example/x", story(40), events=[event("V1", "REQUEST", ["RUS"], ["UKR"])])
    )
    v2 = record(url, story(40) + " Update: talks resumed.", events=[event("V1", "CONSULT", ["RUS"], ["TUR"])])
    assert store.add_record(v2) == "new-version"
    other = record("https://agg.example/2", story(41), events=[event("V1", "AGREE", ["RUS"], ["UKR"])])
    store.add_record(other)
    assert _stored_counts(store) == _live_counts(store)
    store.replace_outputs(other.id, record("https://agg.example/2", story(41), events=[
        event("V1", "REJECT", ["UKR"], ["RUS"], date="2025-06-02"), event("V2", "AID", ["USA"], ["UKR"])]))  # fmt: skip
    live = _live_counts(store)
    assert _stored_counts(store) == live and live[0][("actor", "UKR", "REJECT", "2025-06-02")] == 1
    summary = store.actor_summary("UKR")
    assert summary["as_recipient"] == {"AID": 1}
    assert summary["as_actor"] == {"REJECT": 1}
    store.rebuild_counts()
    assert _stored_counts(store) == live


def test_store_event_totals_from_aggregates_match_counting(store):
    for i, (t, a, r, d) in enumerate([
        ("REQUEST", "RUS", "UKR", "2025-01-02"), ("REQUEST", "RUS", "USA", "2025-02-03"),
        ("ACCUSE", "UKR", "RUS", "2025-03-04"), ("ACCUSE", "RUS", "UKR", None),
    ]):  # fmt: skip
        store.add_record(
            record(f"https://tot.example/{i}", story(50 + i), events=[event("V1", t, [a], [r], date=d)])
        )
    cases = [{}, {"actor": "RUS"}, {"recipient": "UKR", "type": "ACCUSE"}, {"since": "2025-02-01"},
             {"actor": "RUS", "until": "2025-02-28"}, {"type": "REQUEST,ACCUSE", "since": "2025-01-01"}]  # fmt: skip
    for kw in cases:
        rows, total = store.events(**kw)
        # the same filter through the counting path (an outlet filter that every article passes)
        rows2, counted = store.events(**kw, outlet="Wire")
        assert total == counted == len(rows) == len(rows2), kw
        assert [r["id"] for r in rows] == [r["id"] for r in rows2], kw
    _, capped = store.events(outlet="Wire", count_cap=2)
    assert capped == 3


def test_store_bulk_block_writes_the_same_records_and_counts(store):
    recs = [
        record(f"https://bulk.example/{i}", story(60 + i), events=[event("V1", "REQUEST", ["RUS"], ["UKR"])])
        for i in range(3)
    ]
    with store.bulk():
        assert [store.add_record(r) for r in recs] == ["added"] * 3
        assert store.add_record(recs[0]) == "unchanged"
    assert store.counts()["events"] == 3
    assert store.actor_summary("RUS")["as_actor"] == {"REQUEST": 3}
    assert _stored_counts(store) == _live_counts(store)


def test_store_quotes_of_a_common_country_newest_first_and_paged(store):
    older = record("https://q.example/old", story(70), published="2025-01-01",
                   quotes=[quote(f"Q{i}", f"old words {i}", "Ana Petrova", "RUS") for i in range(300)])  # fmt: skip
    newer = record("https://q.example/new", story(71), published="2025-03-01",
                   quotes=[quote(f"Q{i}", f"new words {i}", "Ana Petrova", "RUS") for i in range(260)])  # fmt: skip
    store.add_record(older)
    store.add_record(newer)
    rows, total = store.quotes(country="rus", limit=600)
    assert total == 560 and len(rows) == 560
    assert [r["article_id"] for r in rows] == [newer.id] * 260 + [older.id] * 300
    assert [r["quote_id"] for r in rows[:3]] == ["Q0", "Q1", "Q2"]
    page, _ = store.quotes(country="RUS", limit=20, offset=250)
    assert [r["id"] for r in page] == [r["id"] for r in rows[250:270]]
