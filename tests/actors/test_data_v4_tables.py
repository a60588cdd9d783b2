"""The actor tables name the Pope, leaders of earlier news and demonyms of peoples tied to one state."""

from __future__ import annotations

from accords.actors import get_gazetteer, resolve_actor


def test_the_pope_is_the_holy_see() -> None:
    for text in ("the Pope", "Pope John Paul II", "Pope Francis", "the Pontiff"):
        got = resolve_actor(text)
        assert got is not None and got.code == "VAT", text


def test_titled_leaders_of_earlier_news() -> None:
    cases = {
        "President Bush": "USA",
        "President Clinton": "USA",
        "Secretary of State James Baker": "USA",
        "Foreign Minister Douglas Hurd": "GBR",
        "Prime Minister Tansu Ciller": "TUR",
        "President Juvenal Habyarimana": "RWA",
    }
    for text, code in cases.items():
        got = resolve_actor(text)
        assert got is not None and got.code == code, text


def test_bare_surnames_of_several_people_keep_the_bare_name() -> None:
    gaz = get_gazetteer()
    for name in ("Clinton", "Bush"):  # Bill or Hillary; George H. W., George W. or Jeb: all American
        e = gaz.actor(name)
        assert e is not None and e.country == "USA" and e.name == name


def test_demonyms_of_peoples_tied_to_one_state() -> None:
    gaz = get_gazetteer()
    assert gaz.country_of_demonym("Basque") == "ESP"
    assert gaz.country_of_demonym("Tibetan") == "CHN"
    assert gaz.country_of_demonym("Yoruba") == "NGA"
    assert gaz.country_of_demonym("Kurdish") is None  # Kurds live in four states: no single country
    assert gaz.country_of_demonym("Jamaican") == "JAM"


def test_no_alias_names_two_actors() -> None:
    import yaml

    from accords.actors.gazetteer import norm

    path = __import__("accords.actors.data", fromlist=["x"]).__path__[0] + "/actors.yaml"
    rows = yaml.safe_load(open(path, encoding="utf-8"))["actors"]
    seen: dict[str, str] = {}
    clashes = []
    for r in rows:
        for a in [r["name"], *(r.get("aliases") or [])]:
            key = norm(str(a))
            if key in seen and seen[key] != r["name"]:
                clashes.append((key, seen[key], r["name"]))
            seen[key] = r["name"]
    assert clashes == []


def test_older_names_of_states() -> None:
    for text, code in {"Ceylon": "LKA", "Upper Volta": "BFA", "South Vietnamese troops": "VNM"}.items():
        got = resolve_actor(text)
        assert got is not None and got.code == code, text
