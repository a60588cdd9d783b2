"""The incident rule itself (accords.store.incidents.same_incident), pair by pair."""

from __future__ import annotations

from accords.store.incidents import IncidentKey, same_incident


def k(aid="a", event="REQUEST", date="2025-05-16", actors=("RUS",), recipients=("UKR",), place=None, country=None,
      flagged=False, id=None):  # fmt: skip
    return IncidentKey(id or f"{aid}:V1", aid, event, date, frozenset(actors), frozenset(recipients), place, country,
                       flagged)  # fmt: skip


def test_incidents_rule_matches_same_happening_from_two_articles():
    assert same_incident(k("a"), k("b", date="2025-05-17"))


def test_incidents_rule_needs_different_articles_type_and_close_dates():
    assert not same_incident(k("a"), k("a", id="a:V2"))
    assert not same_incident(k("a"), k("b", event="THREATEN"))
    assert not same_incident(k("a"), k("b", date="2025-05-18"))
    assert not same_incident(k("a", date=None), k("b"))


def test_incidents_rule_parties_and_places():
    assert not same_incident(k("a"), k("b", actors=("USA",)))
    assert not same_incident(k("a"), k("b", recipients=("USA",)))
    assert same_incident(k("a"), k("b", recipients=()))  # a missing recipient is compatible
    assert not same_incident(
        k("a", event="REQUEST"), k("b", event="REQUEST", actors=("UKR",), recipients=("RUS",))
    )
    assert same_incident(
        k("a", event="CONSULT"), k("b", event="CONSULT", actors=("UKR",), recipients=("RUS",))
    )
    assert not same_incident(k("a", place="Istanbul"), k("b", place="Geneva"))
    assert same_incident(k("a", place="Istanbul"), k("b", place="istanbul"))
    assert same_incident(k("a", place="Istanbul"), k("b"))
    assert not same_incident(k("a", country="TUR"), k("b", country="CHE"))


def test_incidents_rule_skips_flagged_events():
    assert not same_incident(k("a"), k("b", flagged=True))
