"""Person-name helpers of the actor linker: titles in a name, short first names, when a bare surname's person has
been introduced, place names the tagger cut short.

Split out of :mod:`accords.actors.linker` to keep it under the project's file-size limit.
"""

from __future__ import annotations

from typing import Any

from accords.actors.gazetteer import norm
from accords.actors.mentions import _Ent
from accords.actors.roles import NAME_TITLES, PERSON_TITLES
from accords.actors.surnames import SurnamePick, first_name_gender, title_gender

INTRODUCED_WITHIN = 1500  # characters: a headline or lede may use the surname before the full name


def _introduced(person: _Ent, span: Any, first_bare: int) -> bool:
    """Whether the text has introduced ``person`` for the bare surname ``span``: named them in full before it, or
    within a lede's length after the surname's first bare use ('Professor Nega's war' ... 'Berhanu Nega'). An
    article about Carly Fiorina that calls her 'Fiorina' throughout and names her husband Frank Fiorina once, late,
    has not introduced him at its early 'Fiorina's."""
    names = [m[0] for m in person.mentions if m[2] == "name"]
    if not names:
        return True
    first = min(names)
    return first < span.start_char or first - first_bare <= INTRODUCED_WITHIN


def _note_title_gender(genders: dict[int, set[str]], ent: _Ent, span: Any) -> None:
    """A gendered title right before a bare surname ('Mr. Trump', 'Mrs. Schlafly') tells that person's gender."""
    g = title_gender(span.doc, span.start, span.sent.start)
    if g:
        genders.setdefault(id(ent), set()).add(g)


# Words that open a clause and are no first name: the tagger may take one into a name at a sentence start.
CLAUSE_OPENERS = {
    "though", "although", "but", "and", "while", "whereas", "when", "after", "before", "since", "if", "because",
    "so", "yet", "also", "even", "then", "meanwhile", "still", "now", "unlike", "like", "as",
}  # fmt: skip


def _unopened(span: Any) -> Any:
    """A person name without the clause word the tagger took into it: 'Though Trump' -> 'Trump'."""
    while len(span) > 1 and span[0].lower_ in CLAUSE_OPENERS:
        span = span[1:]
    return span


def _untitled(span: Any) -> Any:
    """A person name without the title the tagger took into it: 'President Bill Clinton' -> 'Bill Clinton' (the
    title is read as the role; left in, it made a second entity named with it)."""
    while len(span) > 2 and span[0].text[:1].isupper() and span[0].lower_ in PERSON_TITLES | NAME_TITLES:
        span = span[1:]
    return span


def _one_word(span: Any) -> bool:
    """A name of one word: 'Khan', or a hyphenated surname the tokenizer splits ('Lopez-Cantera' is three tokens)."""
    return len(span) < 2 or not any(t.whitespace_ for t in span[:-1])


def _hyphen_joined(spans: list[Any]) -> list[Any]:
    """Two person names the tagger split at a hyphen ('Ortega' '-' 'Ruiz') joined back into one surname."""
    from spacy.tokens import Span

    out: list[Any] = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and span.start == prev.end + 1
            and span.doc[prev.end].text == "-"
            and not prev[-1].whitespace_
            and not span.doc[prev.end].whitespace_
        ):
            out[-1] = Span(span.doc, prev.start, span.end, label=prev.label_)
            continue
        out.append(span)
    return out


def _surname_of(span: Any) -> str:
    """The last word of a full name, a hyphenated surname whole: 'Carlos Lopez-Cantera' -> 'Lopez-Cantera'."""
    return str(span.text.split()[-1])


# Words that open a PERSON span the tagger gave a group: 'Team Clinton' is a candidate's campaign, not a person
# (taken as one, it made a bare 'Clinton' look ambiguous).
COLLECTIVE_OPENERS = {"team"}


def _collective(span: Any) -> bool:
    return len(span) >= 2 and span[0].lower_ in COLLECTIVE_OPENERS and span[0].text[:1].isupper()


def _two_gender_surnames(singles: list[Any]) -> set[str]:
    """Bare surnames the text gives both a man's and a woman's title ('Mr. Khan', 'Ms. Khan'): two people of the
    name, so a titled one joins only a full-named person whose gender is known to match."""
    seen: dict[str, set[str]] = {}
    for span in singles:
        g = title_gender(span.doc, span.start, span.sent.start)
        if g:
            seen.setdefault(span.text, set()).add(g)
    return {k for k, v in seen.items() if len(v) == 2}


def _short_form_twin(name: str, same_surname: list[_Ent]) -> _Ent | None:
    """The one person already named with the long or short form of this first name and the same surname: 'Ken
    Starr' and 'Kenneth Starr'. Both names are two words, one first name opens the other, and the first-name
    table gives both the same gender ('Fran' and 'Frank' are two people); 'George Bush' and 'George W. Bush' are
    left apart (father and son)."""
    words = name.split()
    if len(words) != 2:
        return None
    first = words[0]
    hits = []
    for c in same_surname:
        cw = c.name.split()
        if len(cw) != 2 or cw[1] != words[1] or cw[0] == first or min(len(cw[0]), len(first)) < 3:
            continue
        if not (cw[0].startswith(first) or first.startswith(cw[0])):
            continue
        g1, g2 = first_name_gender(name), first_name_gender(c.name)
        if g1 is not None and g1 == g2:
            hits.append(c)
    return hits[0] if len(hits) == 1 else None


HOLDER = SurnamePick("holder")
SKIP = SurnamePick("skip")


def _first_names(persons: list[_Ent]) -> dict[str, list[_Ent]]:
    """First name -> the persons of the text whose full name opens with it ('Hillary' -> Hillary Clinton).

    A first name that is also someone's surname is left out ('Paul' when 'Rand Paul' and 'Paul Ryan' are both
    named): a single word is linked by its first name only when no other reading is open.
    """
    surnames = {e.surname for e in persons if e.surname}
    out: dict[str, list[_Ent]] = {}
    for ent in persons:
        words = ent.name.split()
        if len(words) < 2 or len(words) > 4:
            continue
        first = words[0]
        if not (first.isalpha() and first[:1].isupper() and len(first) > 1) or first.lower() in PERSON_TITLES:
            continue
        if first not in surnames:
            out.setdefault(first, []).append(ent)
    return out


def _titled_place(span: Any, gaz: Any) -> bool:
    """A one-word place name right after a personal title ("President Bush", "King Hussein"), that names no
    state: a person the tagger mislabelled, not a town that happens to share the name."""
    if span.label_ not in ("GPE", "LOC") or len(span) != 1 or span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    if prev.lower_ not in PERSON_TITLES or not prev.text[:1].isupper():
        return False
    t = span.text
    return not (gaz.country_of_name(t) or gaz.country_of_demonym(t) or norm(t) in gaz.capitals)


# Words that open a compound place name the tagger may leave out ('New' of 'New Jersey', 'North' of 'North Korea').
PLACE_OPENERS = {
    "New",
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Upper",
    "Lower",
}


# A demonym the entity ruler tagged before the model could read the name it opens ('the Swedish Prosecution
# Authority', 'the American Farm Bureau Federation'): the ruler's NORP took the first word, the model's ORG is lost,
# and the linker saw a state's demonym. Off: the demonym alone.
DEMONYM_ORG = True
# The words that end an organisation's name: a run of capitalised words after a demonym is one only with one of
# them ('the American Music Awards' stays a demonym and words).
ORG_HEADS = frozenset(
    """authority federation bureau agency commission council association institute center centre foundation
    service office ministry department court party union league society corporation company bank
    administration board committee organization organisation coalition alliance network fund academy university
    college trust police guard army navy inspectorate directorate prosecution""".split()
)


# A state named just before an organisation's name is its country ('the Chinese CDC', 'Russia's Gazprom'), as it
# was for a state body only ('Russia's Foreign Ministry'); an organisation whose first mention has none takes the
# first one a later mention gives. Off: state bodies only.
ORG_OWNER = True


def _demonym_org(span: Any, gaz: Any) -> Any:
    """The organisation a demonym opens: the demonym and the capitalised proper nouns after it that no entity
    covers, up to the noun phrase's head, which the demonym modifies ('Swedish' -> 'Swedish Prosecution
    Authority', an ORG). None when a group noun follows the demonym ('Norwegian Tax Authority', where 'Authority'
    is the demonym's own head, is the group rule's), when a title or a name follows the run ('Russian Deputy
    Minister X', 'British Prime Minister Boris Johnson'), or for a run of one word."""
    from spacy.tokens import Span

    from accords.actors.roles import GROUP_NOUNS, HEADS

    if not DEMONYM_ORG or span.label_ != "NORP" or len(span) != 1 or not gaz.country_of_demonym(span.text):
        return None
    doc, tok = span.doc, span[0]
    if tok.dep_ not in {"compound", "amod"} or tok.head.i <= tok.i:
        return None
    if tok.head.lower_ in GROUP_NOUNS or tok.head.lemma_.lower() in GROUP_NOUNS:
        return None
    end = span.end
    while end < len(doc) and _bare_cap(doc[end]):
        end += 1
    last = doc[end - 1]
    joined = end + 1 < len(doc) and doc[end].lower_ in {"for", "of", "and", "&"} and _bare_cap(doc[end + 1])
    if end - span.end < (1 if joined else 2) or last.dep_ == "compound" or last.lower_ not in ORG_HEADS:
        return None  # one word, a run that modifies another noun, or one no organisation word ends ('Awards')
    if end < len(doc) and doc[end].ent_type_ == "PERSON":
        return None
    if any(t.lower_ in HEADS or t.lower_ in PERSON_TITLES for t in doc[span.end : end]):
        return None
    # the demonym's head chain ends at the run's last word: the whole run is one name
    h = tok
    while h.dep_ in {"compound", "amod"} and h.head.i < end and h.head.i > h.i:
        h = h.head
    if h.i != last.i:
        return None
    # '... Center for Disease Control and Prevention': capitalised words joined by 'for', 'of', 'and'
    while end + 1 < len(doc) and doc[end].lower_ in {"for", "of", "and", "&"} and _bare_cap(doc[end + 1]):
        end += 1
        while end < len(doc) and _bare_cap(doc[end]):
            end += 1
    return Span(doc, span.start, end, label="ORG")


def _bare_cap(tok: Any) -> bool:
    return bool(tok.pos_ == "PROPN" and tok.text[:1].isupper() and not tok.ent_type_)


# A PERSON span that a company's or a body's word ends is an organisation ('Dick Clark Productions', 'Acme
# Records Group'): a person's name does not end so. Off: the tagger's label.
PERSON_ORG = True
ORG_LAST_WORDS = frozenset(
    """productions records entertainment studios pictures media group holdings inc inc. llc ltd ltd. corp corp.
    co. company corporation foundation institute association federation agency commission council committee
    bureau ministry department university college academy""".split()
)


def _person_org(span: Any) -> Any:
    """'Dick Clark Productions' tagged PERSON, relabelled ORG (None when it is no such span)."""
    from spacy.tokens import Span

    if not PERSON_ORG or span.label_ != "PERSON" or len(span) < 2 or span[-1].lower_ not in ORG_LAST_WORDS:
        return None
    if not span[-1].text[:1].isupper():
        return None
    return Span(span.doc, span.start, span.end, label="ORG")


def _widened(span: Any, gaz: Any, label: str | None = None) -> Any:
    """A place name with the word the tagger cut off before it, when the whole is a listed state or place: 'Jersey'
    of 'New Jersey Gov. Chris Christie' is New Jersey (USA), not the island; 'Korea' of 'North Korea' is PRK. First,
    an organisation the ruler's demonym cut (:func:`_demonym_org`) or the tagger called a person (:func:`_person_org`)."""
    org = (_demonym_org(span, gaz) or _person_org(span)) if label is None else None
    if org is not None:
        return org
    label = label or span.label_
    if label not in ("GPE", "LOC") or span.start == 0:
        return span
    prev = span.doc[span.start - 1]
    if prev.text not in PLACE_OPENERS or prev.ent_type_:
        return span
    key = norm(f"{prev.text} {span.text}")
    if key in gaz.country_names or key in gaz.us_states or key in gaz.places:
        from spacy.tokens import Span

        return Span(span.doc, span.start - 1, span.end, label=span.label_ or label)
    return span
