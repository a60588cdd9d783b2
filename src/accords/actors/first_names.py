"""A person's first name the tagger read as a place: 'Douglas Holtz-Eakin' tagged 'Douglas' GPE (the Isle of Man's
capital) and left 'Holtz-Eakin' untagged, so the speaker got no name and a wrong country.

A one-word GPE that the first-name table lists ('Douglas', 'India', 'Georgia', 'Jordan'), directly followed (no
comma) by capitalised proper nouns that no other entity covers, or by the tagger's PERSON, is that person's first
name: the pair becomes one PERSON. Left alone: a place with a determiner before it ('the Washington Post'), a run
that ends in a word of an organisation or a place ('Washington Post', 'Georgia Tech', 'Jordan Valley'), or a run
that modifies a further noun ('Washington Nationals manager Dave Martinez').
"""

from __future__ import annotations

from typing import Any

from accords.actors.names import ORG_HEADS, ORG_LAST_WORDS
from accords.actors.surnames import first_name_table

# Off: the tagger's GPE stays a place.
FIRST_NAME_PLACE = True

# Last words of a run that names an organisation, a team, a work or a place, not a person.
NOT_SURNAMES = frozenset(
    """post times tribune herald journal news daily star globe gazette review press mail sun chronicle examiner
    street avenue road square county city state states river valley lake mountains island islands bay park
    tech university college institute school hospital airport station center centre hall house club fc
    department ministry council court bank group company corp inc airlines airways army police""".split()
)
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_NOT_PERSON_WORDS = NOT_SURNAMES | ORG_HEADS | ORG_LAST_WORDS  # built once, not for every token


def _name_word(tok: Any) -> bool:
    """A capitalised proper noun of a name ('Schoen', 'McCain'; not 'CravenFlagShareLike', words run together)."""
    t = tok.text
    return bool(
        tok.pos_ == "PROPN" and t[:1].isupper() and t[1:2].islower() and sum(c.isupper() for c in t) <= 2
    )


def _person_end(span: Any) -> int | None:
    """The end (token index) of the person name this one-word GPE opens, or None when it opens none."""
    doc = span.doc
    if span.label_ != "GPE" or len(span) != 1 or span.text not in first_name_table():
        return None
    if span.start > 0 and (doc[span.start - 1].lower_ in DETERMINERS or _name_word(doc[span.start - 1])):
        return (
            None  # 'the Washington Post'; 'American Israel Public Affairs Committee' (inside a longer name)
        )
    if span[0].whitespace_ != " " or span.end >= len(doc) or not _name_word(doc[span.end]):
        return None
    end = span.end
    while end < len(doc):
        tok = doc[end]
        if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B" and end == span.end:
            end = tok.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            break
        if tok.ent_type_ or not _name_word(tok):
            # a hyphenated surname split by the tokenizer: 'Holtz' '-' 'Eakin'
            joined = (
                tok.text == "-"
                and end > span.end
                and not doc[end - 1].whitespace_
                and not tok.whitespace_
                and end + 1 < len(doc)
                and _name_word(doc[end + 1])
                and not doc[end + 1].ent_type_
            )
            if not joined:
                break
        elif end > span.end and doc[end - 1].whitespace_ not in ("", " "):
            break  # a line break inside the run
        end += 1
    if end == span.end or end - span.start > 4:
        return None
    last = doc[end - 1]
    if any(t.lower_ in _NOT_PERSON_WORDS for t in doc[span.end : end]) or doc[end - 1].ent_type_ not in (
        "",
        "PERSON",
    ):
        return None
    if last.dep_ == "compound" and last.head.i >= end:
        return None  # 'Washington Nationals manager ...': the run modifies a noun after it
    return end


def first_name_persons(ents: list[Any]) -> list[Any]:
    """The doc's entities with each first name tagged GPE joined to its surname as one PERSON span (the tagger's
    PERSON for the surname, when it made one, is replaced by the joined span)."""
    if not FIRST_NAME_PLACE:
        return ents
    from spacy.tokens import Span

    out: list[Any] = []
    covered_until = -1
    for span in ents:
        if span.start < covered_until:
            continue  # the surname's PERSON, now inside the joined span
        end = _person_end(span)
        if end is None:
            out.append(span)
            continue
        out.append(Span(span.doc, span.start, end, label="PERSON"))
        covered_until = end
    return out
