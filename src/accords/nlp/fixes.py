"""Corrections of the small model's entity mistakes, run as a pipeline component after 'ner'.

Rules, each general and cheap:
- Headline case: in a sentence written In Title Case the statistical model tags capitalised phrases
  as ORG; there only gazetteer (ruler) entities and names confirmed elsewhere in the text are kept.
- Places tagged PERSON: a PERSON span that the gazetteer knows as a place (listed region, capital,
  country, large city) and that is not a known person is relabelled GPE/LOC.
- Consistency: a span or bare proper noun equal to the surname (or full name) of a person named
  elsewhere in the document is that person (PERSON); so is one equal to the first name of the only person
  named with it ('Hillary' beside 'Hillary Clinton').
- Titles: the 'State' of 'Secretary of State' is not an organisation.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from accords.actors.gazetteer import get_gazetteer
from accords.actors.roles import HEADS, HONORIFICS, MIL_RANKS, MODIFIERS

RULER_ID = "accords"
TITLE_OF = {
    "Secretary",
    "Minister",
    "Ministry",
    "Department",
    "Secretary-General",
    "Chief",
    "Head",
    "Commander",
}
# Military and technical acronyms the small model takes for organisations.
NOT_ORG = {
    "VBIED",
    "VBIEDs",
    "IED",
    "IEDs",
    "UAV",
    "UAVs",
    "RPG",
    "RPGs",
    "MANPADS",
    "ATGM",
    "ATGMs",
    "SVBIED",
    "SVBIEDs",
    "HIMARS",
    "ATACMS",
    "AK-47",
    "COVID-19",
    "GPS",
    "HQ",
    "TV",
}
DIRECTIONS = {
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "North",
    "South",
    "East",
    "West",
}
PLACE_AFTER = {
    "province",
    "district",
    "governorate",
    "region",
    "oblast",
    "city",
    "town",
    "village",
    "county",
    "state",
    "area",
}
PERSON_BLOCK = {"God", "Allah", "Friday", "Monday", "Tuesday", "Wednesday", "Thursday", "Saturday", "Sunday"}


def is_headline_case(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    if len(words) < 4:
        return False
    last = [t for t in sent if not t.is_space]
    if last and last[-1].text in {".", "!", "?", "\u201d", '"', ":", ";"}:
        return False  # headlines carry no final stop
    caps = sum(1 for t in words if t.text[0].isupper())
    return caps / len(words) >= 0.75


def _from_ruler(span: Span) -> bool:
    return span.ent_id_ == RULER_ID


def _known_person_texts(doc: Doc, ents: list[Span]) -> tuple[set[str], set[str]]:
    full: set[str] = set()
    surnames: set[str] = set()
    for e in ents:
        if e[0].text in LOCATIVE_CAP:
            continue
        if e.label_ == "PERSON" and len(e) >= 2 and e[-1].is_alpha and e[-1].text[0].isupper():
            full.add(e.text)
            surnames.add(e[-1].text)
    return full, surnames


def _first_names(ents: list[Span], surnames: set[str]) -> set[str]:
    """First names that open the full name of exactly one person of the text (one surname) and are nobody's
    surname: 'Hillary' when 'Hillary Clinton' is named, not 'Paul' beside 'Rand Paul'."""
    owners: dict[str, set[str]] = {}
    for e in ents:
        first = e[0]
        if (
            e.label_ == "PERSON"
            and 2 <= len(e) <= 4
            and first.is_alpha
            and first.is_title
            and len(first) > 1
            and e[-1].is_alpha
            and e[0].text not in LOCATIVE_CAP
        ):
            owners.setdefault(first.text, set()).add(e[-1].text)
    return {f for f, last in owners.items() if len(last) == 1 and f not in surnames}


LOCATIVE_CAP = {"Near", "Outside", "Around"}
LOCATIVE = {"near", "outside", "around"}
COMPASS = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
}


def _after_locative(doc: Doc, e: Span) -> bool:
    """'near Sinjar', 'outside Dabiq', '10 km south of Mosul'."""
    if e.start < 1:
        return False
    prev = doc[e.start - 1]
    if prev.lower_ in LOCATIVE:
        return True
    return prev.lower_ == "of" and e.start >= 2 and doc[e.start - 2].lower_ in COMPASS


def _listed_with_places(span: Span, ents: list[Span]) -> bool:
    """True when ``span`` is coordinated with a place ('Luhansk, Donetsk and Kherson')."""
    places = {(e.start, e.end) for e in ents if e.label_ in {"GPE", "LOC"}}
    root = span.root
    linked = [root.head] if root.dep_ == "conj" else []
    linked += [t for t in root.children if t.dep_ == "conj"]
    for t in linked:
        if any(s <= t.i < e for s, e in places):
            return True
    return False


def _extend_place(doc: Doc, e: Span, ents: list[Span]) -> Span:
    """'northern Iraq', 'the city of Mosul' (without 'the'), 'Mosul district': one place span."""
    if e.label_ not in {"GPE", "LOC"}:
        return e
    start, end = e.start, e.end
    if start >= 1 and doc[start - 1].text in DIRECTIONS and not doc[start].is_sent_start:
        prev = doc[start - 1]
        if prev.text[0].islower() or prev.ent_type_ == "":
            start -= 1
    elif (
        start >= 2
        and doc[start - 1].lower_ == "of"
        and doc[start - 2].lower_ in {"city", "town", "village", "province", "region", "governorate"}
    ):
        start -= 2
    if (
        end < len(doc)
        and doc[end].lower_ in PLACE_AFTER
        and doc[end].pos_ == "NOUN"
        and doc[end].ent_type_ == ""
    ):
        if not (end + 1 < len(doc) and doc[end + 1].lower_ == "of"):
            end += 1
    if (start, end) == (e.start, e.end):
        return e
    taken = {i for x in ents if x is not e for i in range(x.start, x.end)}
    if any(i in taken for i in range(start, end)):
        return e
    return Span(doc, start, end, label="GPE" if e.label_ == "GPE" else "LOC", span_id=e.id)


TITLE_HEADS = {
    "President",
    "Minister",
    "Secretary",
    "Chancellor",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "Ambassador",
    "Envoy",
    "envoy",
    "Gen.",
    "General",
    "Col.",
    "Colonel",
    "Lt.",
    "Maj.",
    "Capt.",
    "Adm.",
    "Admiral",
    "Sgt.",
    "Commander",
    "Senator",
    "Sen.",
    "Rep.",
    "Governor",
    "Mayor",
    "Premier",
    "King",
    "Queen",
    "Prince",
    "Emir",
    "Sheikh",
    "Ayatollah",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Director",
    "Chairman",
    "Speaker",
    "Judge",
    "Prosecutor",
    "Deputy",
    "Adviser",
    "Advisor",
}
NOT_NAME = {
    "Assembly",
    "Council",
    "Forces",
    "Force",
    "Command",
    "Staff",
    "Office",
    "Ministry",
    "Department",
    "Committee",
    "Agency",
    "Service",
    "Army",
    "Navy",
    "Corps",
    "Court",
    "Union",
    "Party",
    "Bank",
    "Fund",
    "Guard",
    "Group",
    "Brigade",
    "Battalion",
    "Regiment",
    "Division",
    "Fleet",
    "Task",
    "University",
    "Institute",
    "Center",
    "Centre",
    "House",
    "Senate",
    "Congress",
    "Parliament",
    "Affairs",
    "Secretary",
    "Minister",
    "Prosecutor",
    "General",
    "Commission",
    "Authority",
    "Administration",
    "Directorate",
    "Headquarters",
    "State",
    "Defense",
    "Defence",
    "Foreign",
    "Interior",
    "Prime",
    "Vice",
    "Press",
    "Chief",
    "Special",
    "Supreme",
    "Justice",
    "Finance",
}


def _titled_names(doc: Doc, ents: list[Span], gaz: Any) -> list[Span]:
    """'Spokesperson Aram Petrosyan', 'Minister Ellwood': proper nouns right after a title are a person."""
    ruler_tokens = {i for e in ents if _from_ruler(e) for i in range(e.start, e.end)}
    person_tokens = {i for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
    out: list[Span] = []
    for tok in doc:
        if tok.text not in TITLE_HEADS or tok.i + 1 >= len(doc):
            continue
        j = tok.i + 1
        if doc[j].lower_ in {"for", "of"} and tok.text[:1].isupper():
            # 'Minister for the Middle East Tobias Ellwood': skip the portfolio when it is a named entity.
            m = j + 1
            if m < len(doc) and doc[m].lower_ == "the":
                m += 1
            ent = next((e for e in ents if e.start == m), None)
            if ent is None or ent.label_ not in {"LOC", "GPE", "ORG", "NORP"}:
                continue
            j = ent.end
        k = j
        while (
            k < len(doc)
            and k - j < 4
            and k not in ruler_tokens
            and doc[k].pos_ == "PROPN"
            and doc[k].text[:1].isupper()
            and doc[k].text not in NOT_NAME
            and doc[k].text not in TITLE_HEADS
            and not doc[k].is_sent_start
        ):
            k += 1
        if k == j or any(i in person_tokens for i in range(j, k)):
            continue
        if k < len(doc) and (doc[k].text in NOT_NAME or doc[k].text in TITLE_HEADS):
            continue  # 'Minister Tobias Office' style institution names
        span = doc[j:k]
        if (
            gaz.place(span.text) is not None
            or gaz.actor(span.text) is not None
            and gaz.actor(span.text).type != "PERSON"
        ):
            continue
        if gaz.country_of_demonym(span.text):
            continue
        out.append(Span(doc, j, k, label="PERSON"))
    return out


POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}


def _join_first_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """'Jeb Bush', 'Laura Bush' when the entity ruler matched only 'Bush' (an alias of a better-known Bush): a
    capitalised proper noun right before a one-word person from the ruler, that is no title and no other entity
    (or a one-word person the model found), is the first name of someone else with that surname."""
    out: list[Span] = []
    taken = {i for e in ents for i in range(e.start, e.end)}
    for e in ents:
        first = _first_name_before(doc, e, taken, out[-1] if out else None)
        if first is None:
            out.append(e)
            continue
        if out and out[-1].end == e.start:
            out.pop()
        out.append(Span(doc, first, e.end, label="PERSON"))
    return out


def _first_name_before(doc: Doc, e: Span, taken: set[int], last: Span | None) -> int | None:
    if len(e) != 1 or e.label_ != "PERSON" or not _from_ruler(e) or e.start == 0:
        return None
    prev = doc[e.start - 1]
    low = prev.lower_
    # a one-word person the model found right before: 'Laura' of 'Laura Bush'
    alone = (
        last is not None
        and last.end == e.start
        and len(last) == 1
        and last.label_ == "PERSON"
        and not _from_ruler(last)
    )
    if (
        prev.i in taken
        and not alone
        or prev.pos_ != "PROPN"
        or not prev.is_alpha
        or not prev.is_title
        or low in HEADS
        or low in MODIFIERS
        or low in HONORIFICS
        or low in MIL_RANKS
    ):
        return None
    return int(prev.i)


def _trim_possessive(doc: Doc, e: Span) -> Span:
    """'Hillary Clinton’s' -> 'Hillary Clinton': the possessive marker is not part of the name."""
    end = e.end
    while end > e.start and doc[end - 1].text in POSSESSIVE:
        end -= 1
    if end == e.end:
        return e
    return Span(doc, e.start, end, label=e.label_, span_id=e.id) if end > e.start else doc[e.start : e.start]


def fix_entities(doc: Doc, user_actors: str | None = None) -> Doc:
    gaz = get_gazetteer(user_actors)
    ents = list(doc.ents)
    ents = [_trim_possessive(doc, e) for e in ents]
    ents = [e for e in ents if len(e)]
    ents = _join_first_names(doc, ents)
    titled = _titled_names(doc, ents, gaz)
    if titled:
        tt = {i for t in titled for i in range(t.start, t.end)}
        ents = [e for e in ents if not any(i in tt for i in range(e.start, e.end)) or _from_ruler(e)]
        ents = sorted(ents + titled, key=lambda s: s.start)
    headline_tokens: set[int] = set()
    for sent in doc.sents:
        if is_headline_case(sent):
            headline_tokens.update(range(sent.start, sent.end))

    def in_headline(span: Span) -> bool:
        return span.start in headline_tokens

    body_texts = {e.text for e in ents if not in_headline(e)}
    full, surnames = _known_person_texts(doc, [e for e in ents if not in_headline(e)])
    firsts = _first_names([e for e in ents if not in_headline(e)], surnames)
    out: list[Span] = []
    for e in ents:
        label = e.label_
        ruler = _from_ruler(e)
        if not ruler and label in {"PERSON", "ORG"} and len(e) >= 2 and e[0].text in LOCATIVE_CAP:
            # 'Near Palmyra' tagged PERSON: the preposition goes, the rest is a place.
            e = Span(doc, e.start + 1, e.end, label="GPE")
            label = "GPE"
        if not ruler and label in {"PERSON", "ORG"} and _after_locative(doc, e) and e.text not in surnames:
            if gaz.actor(e.text) is None and not any(t.text in NOT_NAME for t in e):
                label = "GPE"
        if not ruler and in_headline(e) and e.text not in body_texts:
            # Title-case lines: keep single tokens the gazetteer knows as places, drop the rest.
            hit = gaz.place(e.text) if len(e) == 1 else None
            if hit is None:
                continue
            label = hit[1]
        if (
            not ruler
            and label == "PERSON"
            and e.text not in full
            and e.text not in surnames
            and e.text not in firsts
        ):
            if gaz.actor(e.text) is None:
                hit = gaz.place(e.text)
                pop = gaz.city_population(e.text)
                if hit is not None and (pop >= 50_000 or pop == 0 or _listed_with_places(e, ents)):
                    label = hit[1]
        if not ruler and label != "PERSON" and (e.text in surnames or e.text in full or e.text in firsts):
            label = "PERSON"
        if not ruler and label == "PERSON" and e.text in PERSON_BLOCK:
            continue
        if not ruler and label == "ORG" and e.text in NOT_ORG:
            continue
        if (
            not ruler
            and label in {"NORP", "ORG"}
            and len(e) == 1
            and e.text not in surnames
            and e.text not in firsts
        ):
            # A single word the model calls a nationality or an organisation but the gazetteer knows as a town.
            if gaz.country_of_demonym(e.text) is None and gaz.actor(e.text) is None:
                hit = gaz.place(e.text)
                if (
                    hit is not None
                    and hit[0]
                    and (gaz.city_population(e.text) >= 50_000 or e.text in gaz.places)
                ):
                    label = hit[1]
        if (
            not ruler
            and label in {"ORG", "GPE"}
            and e.start >= 2
            and doc[e.start - 1].lower_ in {"of", "for"}
            and doc[e.start - 2].text in TITLE_OF
            and e.text in {"State", "Defense", "Defence", "Foreign Affairs", "Staff"}
        ):
            continue
        out.append(e if label == e.label_ else Span(doc, e.start, e.end, label=label, span_id=e.id))
    # Bare proper nouns equal to a known surname (or a first name of one person) that the model left untagged.
    taken = {i for e in out for i in range(e.start, e.end)}
    for tok in doc:
        if tok.i in taken or (tok.text not in surnames and tok.text not in firsts) or tok.pos_ != "PROPN":
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
            continue
        out.append(Span(doc, tok.i, tok.i + 1, label="PERSON"))
    out.sort(key=lambda s: s.start)
    out = [_extend_place(doc, e, out) for e in out]
    doc.ents = out
    return doc


@Language.factory("accords_entity_fixes", default_config={"user_actors": None})
def make_entity_fixes(nlp: Language, name: str, user_actors: str | None) -> Any:
    def component(doc: Doc) -> Doc:
        return fix_entities(doc, user_actors)

    return component
