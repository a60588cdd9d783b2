"""API and page tests with FastAPI's TestClient over a real store made in a tmp dir from hand-built records."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from webfactory import IMG, XSS, seed_record

SEED = seed_record()


def _vid(trigger: str) -> str:
    return next(e.id for e in SEED.events if e.trigger and e.trigger.text == trigger)


def test_api_article_returns_record_and_corrections(client: Any) -> None:
    r = client.get(f"/api/articles/{SEED.id}")
    assert r.status_code == 200
    body = r.json()
    assert body["record"]["article"]["title"] == SEED.article.title
    assert len(body["record"]["events"]) == len(SEED.events)
    assert body["corrections"] == {"event": {}, "quote": {}}
    assert client.get("/api/articles/nope").status_code == 404


def test_api_article_page_marks_entities_quotes_triggers(client: Any) -> None:
    html = client.get(f"/articles/{SEED.id}").text
    assert 'class="ent ent-PERSON"' in html
    assert 'class="qc' in html
    assert 'class="tr"' in html or 'class="tr ' in html
    for ev in SEED.events:
        assert f'data-rec="{ev.id}"' in html
    assert "Reader reactions" in html


def test_api_article_page_highlights_evidence_server_side(client: Any) -> None:
    vid = _vid("placed the blame")
    html = client.get(f"/articles/{SEED.id}", params={"hl": vid}).text
    lit = [seg for seg in html.split("<span ") if 'class="hl' in seg or ' hl"' in seg or " hl " in seg]
    assert lit, "no segment carries the highlight class"
    assert any("placed the blame" in seg for seg in lit)
    assert not any("Moscow demanded" in seg for seg in lit)


def test_api_events_filters_by_actor_and_type(client: Any) -> None:
    all_ = client.get("/api/events").json()
    assert all_["total"] == 6 + 2  # seed events minus the negated one, plus the two of the hostile page
    r = client.get("/api/events", params={"actor": "usa"}).json()
    assert r["total"] == 1 and r["rows"][0]["actor_list"] == ["USA"]
    r = client.get("/api/events", params={"type": "consult"}).json()
    assert {row["event"] for row in r["rows"]} == {"CONSULT"} and r["total"] == 2
    r = client.get("/api/events", params={"include_flagged": "true"}).json()
    assert r["total"] == all_["total"] + 1
    assert any(row["flags"]["negated"] for row in r["rows"])


def test_api_events_page_shows_facet_counts_and_exact_totals(client: Any, store: Any) -> None:
    r = client.get("/api/events", params={"type": "CONSULT"}).json()
    assert r["total"] == 2 and r["total_is_lower_bound"] is False
    facets = store.event_facets(type="CONSULT")
    assert facets["type"]["CONSULT"] == 2 and sum(facets["actor"].values()) >= 2
    html = client.get("/events", params={"type": "CONSULT"}).text
    actor, n = next(iter(facets["actor"].items()))
    assert f'{actor}</a><span class="muted">{n}</span>' in html  # the actor facet, with its count
    assert "CONSULT (2)" in html  # the type facet in the type menu


def test_api_events_sort_and_paginate(client: Any) -> None:
    p1 = client.get("/api/events", params={"limit": 3, "offset": 0, "sort": "event", "desc": "false"}).json()
    p2 = client.get("/api/events", params={"limit": 3, "offset": 3, "sort": "event", "desc": "false"}).json()
    types = [r["event"] for r in p1["rows"] + p2["rows"]]
    assert types == sorted(types)
    assert not {r["id"] for r in p1["rows"]} & {r["id"] for r in p2["rows"]}
    assert client.get("/api/events", params={"sort": "nonsense"}).status_code == 422
    assert client.get("/api/events", params={"type": "NOTATYPE"}).status_code == 422


def test_api_events_rows_link_to_evidence(client: Any) -> None:
    html = client.get("/events", params={"actor": "RUS"}).text
    vid = _vid("demanded")
    assert f'href="/articles/{SEED.id}?hl={vid}#r-{vid}"' in html


def test_api_events_export_csv_and_json_follow_filter(client: Any) -> None:
    r = client.get("/api/events/export", params={"format": "csv", "recipient": "RUS"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows and all("RUS" in row["recipient_codes"].split() for row in rows)
    total = client.get("/api/events", params={"recipient": "RUS"}).json()["total"]
    assert len(rows) == total
    j = client.get("/api/events/export", params={"format": "json", "recipient": "RUS"}).json()
    assert [x["id"] for x in j] == [row["id"] for row in rows]
    assert "attachment" in r.headers["content-disposition"]


def test_api_quotes_by_speaker_and_words(client: Any) -> None:
    r = client.get("/api/quotes", params={"speaker": "tykhyi"}).json()
    assert r["total"] == 1 and r["rows"][0]["speaker_country"] == "UKR"
    assert r["rows"][0]["speaker_role"] == "Foreign Ministry spokesperson"
    r = client.get("/api/quotes", params={"q": "too much"}).json()
    assert r["total"] == 1 and r["rows"][0]["speaker"] == "JD Vance"
    html = client.get("/quotes").text
    assert "Heorhii Tykhyi" in html and "Foreign Ministry spokesperson" in html


def test_api_search_finds_articles_and_quotes(client: Any) -> None:
    r = client.get("/api/search", params={"q": "prisoner"}).json()
    assert any(h["kind"] == "article" and h["article_id"] == SEED.id for h in r["rows"])
    r = client.get("/api/search", params={"q": "victory"}).json()
    assert any(h["kind"] == "quote" for h in r["rows"])
    html = client.get("/search", params={"q": "prisoner"}).text
    assert "<mark>prisoner</mark>" in html.lower() or "<mark>Prisoner</mark>" in html


def test_api_actor_has_events_both_ways_graph_and_timeline(client: Any) -> None:
    r = client.get("/api/actors/rus").json()
    assert r["code"] == "RUS"
    assert r["as_actor"]["total"] >= 1 and r["as_recipient"]["total"] >= 3
    assert any(e["actor"] == "UKR" and e["recipient"] == "RUS" for e in r["edges"])
    assert sum(row["count"] for row in r["timeline"]) >= r["as_recipient"]["total"]
    html = client.get("/actors/RUS").text
    assert "<svg" in html and 'class="graph"' in html and 'class="timeline"' in html
    assert client.get("/actors/R%3Cx").status_code == 422


def test_api_dyad_both_directions_and_quotes(client: Any) -> None:
    d = client.get("/api/dyad/RUS/UKR").json()
    dirs = {e["direction"] for e in d["events"]}
    assert {"RUS->UKR", "UKR->RUS"} <= dirs
    dates = [e["date"] for e in d["events"]]
    assert dates == sorted(dates)
    assert any(q["speaker"] == "Heorhii Tykhyi" for q in d["quotes"]["UKR"])
    html = client.get("/dyad/RUS/UKR").text
    assert "What UKR said" in html and "Exchanging 1,000 lives" in html


def test_api_incidents_list_members_and_sources(client: Any) -> None:
    r = client.get("/api/incidents", params={"min_sources": 1}).json()
    assert r["rows"]
    inc = r["rows"][0]
    assert inc["members"] and inc["sources"]
    assert all(s["events"] for s in inc["sources"])
    assert client.get("/incidents", params={"min_sources": 1}).status_code == 200


def test_api_openapi_documents_the_api(client: Any) -> None:
    spec = client.get("/openapi.json").json()
    for path in ["/api/events", "/api/events/export", "/api/articles/{article_id}", "/api/quotes", "/api/search",
                 "/api/actors/{code}", "/api/dyad/{a}/{b}", "/api/incidents", "/api/corrections",
                 "/api/corrections/export"]:  # fmt: skip
        assert path in spec["paths"], path
    assert "/events" not in spec["paths"]  # HTML pages stay out of the API schema
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "cdn." not in docs
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


# ---------------------------------------------------------------- review and corrections


def test_api_correction_stored_apart_and_shown(client: Any, store: Any) -> None:
    vid = _vid("overreaching")
    rid = f"{SEED.id}:{vid}"
    r = client.post("/api/corrections", json={"kind": "event", "record_id": rid,
                                              "fields": {"event": "REJECT", "actor": "usa"}, "author": "t"})  # fmt: skip
    assert r.status_code == 201, r.text
    assert r.json()["fields"] == {"event": "REJECT", "actor": ["USA"]}
    # machine output is unchanged in the record ...
    rec = client.get(f"/api/articles/{SEED.id}").json()
    ev = next(e for e in rec["record"]["events"] if e["id"] == vid)
    assert ev["event"] == "ACCUSE"
    # ... and the correction is kept apart and laid over it when shown
    assert rec["corrections"]["event"][rid]["fields"]["event"] == "REJECT"
    row = next(x for x in client.get("/api/events", params={"actor": "USA"}).json()["rows"] if x["id"] == rid)
    assert row["event"] == "REJECT" and row["corrected"]
    html = client.get(f"/articles/{SEED.id}").text
    assert "corrected" in html


def test_api_correction_rejects_bad_fields(client: Any) -> None:
    rid = f"{SEED.id}:{_vid('held')}"
    bad = [
        {"kind": "event", "record_id": rid, "fields": {"event": "HUG"}},
        {"kind": "event", "record_id": rid, "fields": {"colour": "red"}},
        {"kind": "event", "record_id": rid, "fields": {}},
        {"kind": "event", "record_id": f"{SEED.id}:V999", "fields": {"accepted": True}},
        {"kind": "quote", "record_id": f"{SEED.id}:Q1", "fields": {"kind": "shouted"}},
    ]
    for body in bad:
        assert client.post("/api/corrections", json=body).status_code in (404, 422), body


def test_api_review_form_post_then_reload(client: Any) -> None:
    vid = _vid("conference call")
    rid = f"{SEED.id}:{vid}"
    r = client.post(f"/review/event/{rid}", data={"action": "correct", "event": "CONSULT", "mode": "visit",
                                                  "actor": "UKR", "recipient": "USA GBR"}, follow_redirects=False)  # fmt: skip
    assert r.status_code == 303
    page = client.get(f"/review/event/{rid}").text
    assert 'id="corrected-badge"' in page
    assert 'value="USA GBR"' in page and 'value="visit"' in page
    # only the changed fields were stored
    stored = client.get("/api/corrections", params={"kind": "event"}).json()[-1]
    assert stored["fields"] == {"mode": "visit", "recipient": ["USA", "GBR"]}
    assert stored["machine"]["mode"] == "phone"


def test_api_review_accept_and_export_eval_data(client: Any) -> None:
    q = f"{SEED.id}:Q2"
    assert (
        client.post(f"/review/quote/{q}", data={"action": "accept"}, follow_redirects=False).status_code
        == 303
    )
    ev = f"{SEED.id}:{_vid('demanded')}"
    client.post(f"/review/event/{ev}", data={"action": "correct", "event": "REQUEST", "actor": "RUS",
                                             "recipient": "UKR", "mode": "yield", "flag_future": "on"})  # fmt: skip
    lines = [json.loads(x) for x in client.get("/api/corrections/export").text.splitlines()]
    by = {x["record_id"]: x for x in lines}
    assert by[q]["status"] == "accepted" and by[q]["gold"] == by[q]["machine"]
    assert by[ev]["status"] == "corrected"
    assert by[ev]["gold"]["flags"]["future"] is True and by[ev]["machine"]["flags"]["future"] is False
    assert by[ev]["evidence"] in SEED.article.text


def test_api_correction_survives_recode(client: Any, store: Any) -> None:
    """`accords recode` swaps machine output (Store.replace_outputs); the correction is still laid over it."""
    rid = f"{SEED.id}:{_vid('held')}"
    client.post("/api/corrections", json={"kind": "event", "record_id": rid, "fields": {"event": "AGREE"}})
    store.replace_outputs(SEED.id, seed_record())
    row = next(x for x in client.get("/api/events", params={"actor": "UKR"}).json()["rows"] if x["id"] == rid)
    assert row["corrected"] and row["event"] == "AGREE"
    assert client.get(f"/review/event/{rid}").text.count('id="corrected-badge"') == 1


# ---------------------------------------------------------------- security


def test_api_xss_article_is_escaped_everywhere(client: Any) -> None:
    pages = ["/articles/xss0000000000001", "/", "/events", "/quotes", "/search?q=minister", "/actors/RUS",
             "/dyad/UKR/RUS", "/review/event/xss0000000000001:V1", "/review/quote/xss0000000000001:Q1",
             "/incidents?min_sources=1"]  # fmt: skip
    for path in pages:
        html = client.get(path).text
        assert "<script>window.__pwned" not in html, path
        assert "<img src=x" not in html, path
        assert "<iframe" not in html, path
        assert "<b>Name</b>" not in html, path
    html = client.get("/articles/xss0000000000001").text
    assert "&lt;script&gt;window.__pwned" in html
    assert 'href="javascript:' not in html


def test_api_pages_send_a_strict_content_security_policy(client: Any) -> None:
    csp = client.get(f"/articles/{SEED.id}").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert client.get("/events").headers["x-content-type-options"] == "nosniff"


def test_api_json_keeps_article_markup_as_data(client: Any) -> None:
    rec = client.get("/api/articles/xss0000000000001").json()["record"]
    assert XSS in rec["article"]["text"] and IMG in rec["article"]["text"]
    assert client.get("/api/articles/xss0000000000001").headers["content-type"].startswith("application/json")


def test_api_writes_need_token_beyond_loopback(store: Any) -> None:
    from fastapi.testclient import TestClient

    from accords.web.app import create_app
    from accords.web.deps import UnsafeServe, WebConfig

    with pytest.raises(UnsafeServe):
        create_app(store, config=WebConfig(host="0.0.0.0"))
    with pytest.raises(UnsafeServe):
        WebConfig(host="192.168.1.5", token=None).check()
    create_app(store, config=WebConfig(host="0.0.0.0", writes=False))  # read-only is fine
    body = {"kind": "event", "record_id": f"{SEED.id}:V1", "fields": {"accepted": True}}
    with TestClient(create_app(store, config=WebConfig(host="0.0.0.0", token="s3cret"))) as c:
        assert c.post("/api/corrections", json=body).status_code == 401
        assert (
            c.post("/api/corrections", json=body, headers={"Authorization": "Bearer wrong"}).status_code
            == 401
        )
        assert (
            c.post("/api/corrections", json=body, headers={"Authorization": "Bearer s3cret"}).status_code
            == 201
        )
        r = c.post(f"/review/event/{SEED.id}:V1", data={"action": "accept"}, follow_redirects=False)
        assert r.status_code == 401
        r = c.post(
            f"/review/event/{SEED.id}:V1",
            data={"action": "accept", "token": "s3cret"},
            follow_redirects=False,
        )
        assert r.status_code == 303
        assert c.get("/events").status_code == 200  # reading needs no token
    with TestClient(create_app(store, config=WebConfig(host="0.0.0.0", writes=False))) as c:
        assert c.post("/api/corrections", json=body).status_code == 403


def test_api_loopback_refuses_cross_site_writes_and_foreign_hosts(client: Any) -> None:
    body = {"kind": "event", "record_id": f"{SEED.id}:V1", "fields": {"accepted": True}}
    r = client.post("/api/corrections", json=body, headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    assert (
        client.post("/api/corrections", json=body, headers={"Origin": "http://testserver"}).status_code == 201
    )
    # DNS rebinding: a loopback server answers only to loopback host names
    assert client.get("/events", headers={"Host": "evil.example"}).status_code == 400


def test_api_serve_refuses_public_address_without_token(tmp_path: Any) -> None:
    from typer.testing import CliRunner

    from accords.cli import app

    r = CliRunner().invoke(
        app, ["serve", "--host", "0.0.0.0", "--db", str(tmp_path / "x.db")], env={"ACCORDS_TOKEN": ""}
    )
    assert r.exit_code == 2
    assert "token" in r.output.lower()
    assert not (tmp_path / "x.db").exists()


def test_api_cache_is_cleared_by_a_write(client: Any) -> None:
    rid = f"{SEED.id}:{_vid('overreaching')}"
    before = {r["id"]: r for r in client.get("/api/events", params={"actor": "USA"}).json()["rows"]}
    assert before[rid]["event"] == "ACCUSE"  # now cached
    client.post("/api/corrections", json={"kind": "event", "record_id": rid, "fields": {"event": "PROTEST"}})
    after = {r["id"]: r for r in client.get("/api/events", params={"actor": "USA"}).json()["rows"]}
    assert after[rid]["event"] == "PROTEST"


def test_api_ttl_cache_expires_and_can_be_off() -> None:
    import time

    from accords.web.deps import TTLCache

    calls: list[int] = []
    c = TTLCache(0.2)
    assert c.get("k", lambda: calls.append(1) or 1) == 1
    assert c.get("k", lambda: calls.append(1) or 2) == 1 and len(calls) == 1
    time.sleep(0.25)
    assert c.get("k", lambda: calls.append(1) or 3) == 3 and len(calls) == 2
    off = TTLCache(0)
    assert off.get("k", lambda: 4) == 4 and off.get("k", lambda: 5) == 5


def test_api_quote_correction_shown_on_quotes_page(client: Any) -> None:
    rid = f"{SEED.id}:Q3"
    r = client.post("/api/corrections", json={"kind": "quote", "record_id": rid,
                                              "fields": {"speaker": "Marco Rubio", "speaker_country": "usa"}})  # fmt: skip
    assert r.status_code == 201
    row = next(
        x for x in client.get("/api/quotes", params={"speaker": "rubio"}).json()["rows"] if x["id"] == rid
    )
    assert row["corrected"] and row["speaker_country"] == "USA"
    assert "corrected" in client.get("/quotes", params={"speaker": "rubio"}).text


def test_api_serve_starts_on_loopback_and_serves(tmp_path: Any) -> None:
    import subprocess
    import sys
    import time
    import urllib.request

    from livesrv import free_port

    from accords.web.app import open_store

    db = tmp_path / "s.db"
    s = open_store(str(db))
    s.add_record(SEED)
    s.close()
    port = free_port()
    cmd = [
        sys.executable,
        "-c",
        "from accords.cli import main; main()",
        "serve",
        "--db",
        str(db),
        "--port",
        str(port),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        body = b""
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?actor=RUS", timeout=2) as r:
                    body = r.read()
                break
            except OSError:
                time.sleep(0.1)
        assert json.loads(body)["total"] == 3
    finally:
        proc.terminate()
        proc.wait(10)
