"""``resolve_actor(text)``: what country/actor code and sector a phrase stands for.

'Russia' -> RUS; 'the Kremlin' -> RUS/GOV (metonym); 'Moscow' -> RUS/GOV (capital used as metonym);
'Turkish officials' -> TUR/GOV (group); 'Ukraine's delegation' -> UKR/GOV; 'NATO' -> IGO/MIL;
'Hamas' -> PSE/REB; 'Vladimir Putin' -> RUS/GOV (actor dictionary); 'Luhansk' -> UKR (place).
No model is loaded: this is string work over the gazetteer, usable from any stage.
"""

from __future__ import annotations

import re

from accords.actors.gazetteer import ActorInfo, Gazetteer, get_gazetteer, norm
from accords.actors.roles import GROUP_NOUNS, HEADS, MODIFIERS, sector_of_role

_POSSESSIVE = re.compile(r"^(?P<owner>.+?)(?:'s|\u2019s|')\s+(?P<rest>.+)$")
# "General" in these titles is no military rank: "Secretary-General", "Attorney General", "Governor-General"
CIVIL_GENERAL = re.compile(
    r"\b(?:secretary|attorney|surgeon|governor|director|inspector|solicitor|postmaster|auditor|comptroller|"
    r"accountant|advocate|procurator|prosecutor|consul|registrar|commissioner|paymaster)\s*[-\u2010\u2011\u2013]?\s*general\b",
    re.IGNORECASE,
)
_JUD_GENERAL = re.compile(r"\b(?:attorney|solicitor|advocate|procurator|prosecutor)\s*-?\s*general\b", re.I)
_BODY = re.compile(
    r"^(?:(?P<port>Foreign|Defen[cs]e|Interior|Justice|Finance|Home|Emergencies|Intelligence)\s+"
    r"(?:Ministry|Office|Department)|(?:Ministry|Department)\s+of\s+(?P<port2>[A-Z][\w ]+))$",
    re.IGNORECASE,
)


def _state_code(gaz: Gazetteer, text: str) -> tuple[str, str] | None:
    """(code, kind) when ``text`` names a state, its people or its seat/capital."""
    t = norm(text)
    code = gaz.country_of_name(t)
    if code:
        return code, "name"
    code = gaz.country_of_demonym(t)
    if code:
        return code, "demonym"
    if t in gaz.seats:
        return gaz.seats[t][0], "metonym"
    cap = gaz.capitals.get(t)
    if cap:
        return cap, "metonym"
    return None


def role_sector(role: str) -> str | None:
    """Sector of a title; a civil title with "General" in it (Secretary-General, Attorney General) is not MIL."""
    if CIVIL_GENERAL.search(role):
        rest = CIVIL_GENERAL.sub(" ", role)
        sec = sector_of_role(rest) if rest.strip() else None
        if sec is not None and sec != "MIL":
            return sec
        return "JUD" if _JUD_GENERAL.search(role) else "GOV"
    return sector_of_role(role)


def _body_sector(text: str) -> str | None:
    m = _BODY.match(text.strip())
    if not m:
        return None
    port = (m.group("port") or m.group("port2") or "").lower()
    return "MIL" if port.startswith("defen") else "GOV"


def resolve_actor(text: str, user_actors: str | None = None) -> ActorInfo | None:
    """Resolve a phrase to an :class:`ActorInfo` (code, sector, name, wikidata), or ``None`` when unsure."""
    gaz = get_gazetteer(user_actors)
    raw = re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip().strip(",;:")
    if raw.endswith(".") and not re.search(r"(?:\b[A-Z]\.)+$", raw):
        raw = raw[:-1]
    if not raw:
        return None
    t = norm(re.sub(r"^(?:a|an|A|An)\s+", "", raw))
    # 1. The actor dictionary (people, IGOs, armed groups, named state bodies).
    e = gaz.actor(t)
    if e is not None:
        return ActorInfo(e.country, e.sector, e.name, e.wikidata, type=e.type, role=e.role)
    # 2. Seats of government and capitals used for their governments.
    if t in gaz.seats:
        seat_code, sector = gaz.seats[t]
        return ActorInfo(seat_code, sector, t, type="ORG", kind="metonym")
    code = gaz.country_of_name(t)
    if code:
        return ActorInfo(code, None, gaz.canonical.get(code, t), type="GPE")
    if t in gaz.capitals and gaz.capitals[t]:
        return ActorInfo(gaz.capitals[t], "GOV", t, type="GPE", kind="metonym")
    code = gaz.country_of_demonym(t)
    if code:
        if t.endswith("s") and t[0].isupper() and t not in {"Swiss"}:
            return ActorInfo(code, "CVL", t, type="GROUP", kind="demonym")  # 'Syrians': the people of a state
        return ActorInfo(code, None, gaz.canonical.get(code, t), type="NORP", kind="demonym")
    # 3. Possessive: "Ukraine's delegation", "Russia's Foreign Ministry", "Russia's foreign minister".
    m = _POSSESSIVE.match(t)
    if m:
        owner = _state_code(gaz, m.group("owner"))
        if owner is None:
            oe = gaz.actor(m.group("owner"))
            owner = (oe.country, "name") if oe is not None and oe.country and oe.type != "PERSON" else None
        if owner is not None:
            return _with_head(owner[0], m.group("rest"), t)
    # 4. Demonym or state + noun: "Turkish officials", "Russian Foreign Ministry", "U.S. forces".
    words = t.split(" ")
    for n in range(min(3, len(words) - 1), 0, -1):
        head = " ".join(words[:n])
        st = _state_code(gaz, head)
        if st is not None and st[1] in {"name", "demonym"}:
            hit = _with_head(st[0], " ".join(words[n:]), t)
            if hit is not None:
                return hit
    # 5. A named place.
    place = gaz.place(t)
    if place is not None and place[0]:
        return ActorInfo(place[0], None, t, type=place[1])
    # 6. A title before a known name: "Secretary-General Antonio Guterres", "UN Secretary-General Guterres".
    return _titled_person(gaz, t)


def _titled_person(gaz: Gazetteer, t: str) -> ActorInfo | None:
    words = t.split(" ")
    for n in range(1, min(4, len(words))):
        title = " ".join(words[:n])
        low = {w.lower() for w in re.split(r"[\s-]+", title)}
        if not all(w in HEADS or w in MODIFIERS or w in {"general", "un", "u.n.", "of", "the"} for w in low):
            break
        e = gaz.actor(" ".join(words[n:]))
        if e is not None and e.type == "PERSON":
            return ActorInfo(
                e.country, e.sector or role_sector(title), e.name, e.wikidata, type=e.type, role=e.role
            )
    return None


def _with_head(code: str, rest: str, full: str) -> ActorInfo | None:
    rest_l = rest.lower().strip()
    last = rest_l.split(" ")[-1] if rest_l else ""
    if last in GROUP_NOUNS and all(
        w in MODIFIERS or w in GROUP_NOUNS or w in {"and", "senior", "top"} for w in rest_l.split(" ")
    ):
        sector = GROUP_NOUNS[last]
        return ActorInfo(code, sector, full, type="GROUP", kind="nominal")
    sec = _body_sector(rest)
    if sec is not None:
        return ActorInfo(code, sec, full, type="ORG")
    if last in HEADS and all(
        w in HEADS or w in MODIFIERS or w in {"of", "for", "the"} for w in rest_l.split(" ")
    ):
        return ActorInfo(code, role_sector(rest) or "GOV", full, type="PERSON", kind="nominal", role=rest)
    return None
