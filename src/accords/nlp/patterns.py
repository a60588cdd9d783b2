"""Entity-ruler patterns for the conflict domain, built from the gazetteer tables.

States and their names, demonyms, capitals and seats of government, IGOs, armed groups, state
bodies and ministries, listed regions and the people of the starter actor dictionary.  Patterns
are case-sensitive (``ORTH``) so that 'US' the state is not 'us' the pronoun.  They run before
spaCy's statistical NER, which then labels only the tokens the ruler left free.
"""

from __future__ import annotations

from typing import Any

from accords.actors.gazetteer import Gazetteer

# Words for state bodies: "Foreign Ministry", "Ministry of Defence", "Defence Ministry", ...
PORTFOLIOS = [
    "Foreign",
    "Defence",
    "Defense",
    "Interior",
    "Justice",
    "Finance",
    "Economy",
    "Energy",
    "Health",
    "Foreign Affairs",
    "Internal Affairs",
    "Home",
    "Emergencies",
    "Emergency Situations",
    "Information",
    "Economic Development",
    "Trade",
    "Agriculture",
    "Education",
    "Culture",
    "Transport",
    "Digital Transformation",
    "Reintegration",
    "Veterans Affairs",
    "Intelligence",
    "State Security",
    "National Security",
]
BODY_HEADS = ["Ministry", "Office", "Department", "Service", "Council", "Committee", "Agency"]
# Bare single words never turned into patterns on their own (too ambiguous for case-sensitive matching).
AMBIGUOUS = {
    "US",
    "AU",
    "WHO",
    "IS",
    "PA",
    "MOD",
    "MoD",
    "Xi",
    "Nato",
    "CAR",
    "Congress",
    "Senate",
    "Red Cross",
    "Amnesty",
    "Wagner",
}
# Country names that are also common first names: left to the statistical NER.
NAME_LIKE = {"Jordan", "Chad", "Georgia", "America"}
MULTIWORD_CAPITALS = {"Washington, D.C.", "Abu Dhabi", "New Delhi", "Addis Ababa", "Tel Aviv", "Kuala Lumpur"}
# Capitals whose bare name is too often something else to be forced by the ruler.
CAPITAL_SKIP = {
    "Victoria",
    "Kingston",
    "Georgetown",
    "Lima",
    "Male",
    "Apia",
    "Roseau",
    "Castries",
    "Avarua",
    "Melekeok",
    "Hamilton",
    "Jamestown",
    "Palikir",
    "Valletta",
    "Vaduz",
    "Praia",
}


def _phrase(label: str, text: str, ent_id: str | None = None) -> dict[str, Any]:
    p: dict[str, Any] = {"label": label, "pattern": text}
    if ent_id:
        p["id"] = ent_id
    return p


def build_patterns(gaz: Gazetteer) -> list[dict[str, Any]]:
    """Patterns for spaCy's entity_ruler (phrase patterns matched on ORTH)."""
    pats: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, text: str) -> None:
        text = text.strip()
        if not text or (label, text) in seen:
            return
        seen.add((label, text))
        pats.append(_phrase(label, text))

    # States by name (a leading 'the' stays outside the entity, as spaCy does), and their governments.
    for name in gaz.country_names:
        if (len(name) <= 2 and name not in {"UK"}) or name in NAME_LIKE:
            continue
        add("GPE", name)
        for gov in ("Government of", "government of", "Government of the", "government of the"):
            add("ORG", f"{gov} {name}")
    add("GPE", "US")  # only as a whole token "US" in caps; lower-case 'us' never matches ORTH
    for dem in gaz.demonyms:
        if dem in {"U.S."}:
            continue
        add("NORP", dem)
    for cap, code in gaz.capitals.items():
        if code and cap not in CAPITAL_SKIP and (" " not in cap or cap in MULTIWORD_CAPITALS):
            add("GPE", cap)
    for seat in gaz.seats:
        if seat in {"Langley", "Westminster", "Chancellery", "Number 10"}:
            continue
        add("ORG" if seat not in {"Red Square"} else "LOC", seat)
    for place, (_code, typ) in gaz.places.items():
        add(typ, place)
    for e in gaz.entries.values():
        label = "PERSON" if e.type == "PERSON" else "ORG"
        for a in [e.name, *e.aliases]:
            a = a.strip()
            if a in AMBIGUOUS or len(a) < 3:
                continue
            if a.lower().startswith("the "):
                a = a[4:]
            add(label, a)
    return pats


def body_token_patterns(gaz: Gazetteer) -> list[dict[str, Any]]:
    """Token patterns for ministries and state bodies: 'Foreign Ministry', 'Ministry of Foreign Affairs'."""
    pats: list[dict[str, Any]] = []
    for p in PORTFOLIOS:
        words = p.split()
        port = [{"ORTH": w} for w in words]
        pats.append({"label": "ORG", "pattern": [*port, {"ORTH": "Ministry"}]})
        pats.append({"label": "ORG", "pattern": [{"ORTH": "Ministry"}, {"ORTH": "of"}, *port]})
        pats.append({"label": "ORG", "pattern": [{"ORTH": "Ministry"}, {"ORTH": "for"}, *port]})
    for head in ("Office", "Department"):
        for p in ("Foreign", "Home", "Defense", "Defence", "Justice", "State", "Cabinet", "Presidential"):
            pats.append({"label": "ORG", "pattern": [{"ORTH": p}, {"ORTH": head}]})
    pats.append(
        {
            "label": "ORG",
            "pattern": [
                {"ORTH": "Department"},
                {"ORTH": "of"},
                {"ORTH": {"IN": ["State", "Defense", "Justice", "Homeland"]}},
                {"ORTH": "Security", "OP": "?"},
            ],
        }
    )
    pats.append(
        {
            "label": "ORG",
            "pattern": [
                {"ORTH": {"IN": ["National", "State"]}},
                {"ORTH": "Security"},
                {"ORTH": {"IN": ["Council", "Service", "Committee"]}},
            ],
        }
    )
    pats.append({"label": "ORG", "pattern": [{"ORTH": "General"}, {"ORTH": "Staff"}]})
    # 'the Coalition', 'Global Coalition', 'Saudi-led Coalition': a named military/political coalition.
    pats.append(
        {
            "label": "ORG",
            "pattern": [{"ORTH": {"IN": ["Global", "International"]}, "OP": "?"}, {"ORTH": "Coalition"}],
        }
    )
    pats.append(
        {
            "label": "ORG",
            "pattern": [{"ORTH": {"IN": ["Armed", "Defence", "Defense", "Security"]}}, {"ORTH": "Forces"}],
        }
    )
    return pats
