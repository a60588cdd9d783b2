"""The article's home state: where a story about one country happens, for groups the sentence gives no country.

A report from Nairobi names Kenya in its first lines and then speaks of "police", "protesters" and "students"
without saying whose. When the article names one state as a place far more than any other, such a group (of
police or of civilians: people who seldom act abroad) is that state's. Soldiers, rebels and officials are not
given it (they often act abroad), and a sentence that names another state gives no home.
"""

from __future__ import annotations

from typing import Any

from accords.actors.setting import HOME_MIN_MENTIONS, HOME_SHARE, HOME_TYPES, is_state_code, leading_state
from accords.records import Record

# Sectors that take the home state: police and civilians, unions, parties, clergy, the media.
HOME_SECTORS = {"COP", "CVL", "LAB", "PTY", "REL", "MED"}
MIN_SENTENCES = 3  # a single sentence has no article around it


def home_state(record: Record | None) -> str | None:
    """The state the article names as a place in at least 60% of its place mentions (two or more), if any."""
    if record is None or len(record.sentences) < MIN_SENTENCES:
        return None
    return leading_state(record, HOME_TYPES, share=HOME_SHARE, min_mentions=HOME_MIN_MENTIONS)


def names_other_state(ents: list[Any], home: str, code_text: Any) -> bool:
    """The sentence (its entities ``ents``) names a state other than the home one: a place, a demonym, an
    organisation of a state."""
    for e in ents:
        if e.label_ not in ("GPE", "NORP", "LOC", "ORG"):
            continue
        code, _ = code_text(e.text)
        if is_state_code(code) and code != home:
            return True
    return False


# Places whose name two states share (the gazetteer keeps the most populous): "Tripoli ... the north Lebanese
# port" is in Lebanon, "San Jose" in California unless Costa Rica is named.
TWIN_PLACES = {
    "tripoli": {"LBY", "LBN"},
    "san jose": {"USA", "CRI"},
    "valencia": {"ESP", "VEN"},
    "cordoba": {"ARG", "ESP"},
    "hyderabad": {"IND", "PAK"},
    "alexandria": {"EGY", "USA"},
    "birmingham": {"GBR", "USA"},
    "santiago": {"CHL", "DOM", "CUB", "ESP"},
    "london": {"GBR", "CAN"},
    "paris": {"FRA", "USA"},
    "georgia": {"GEO", "USA"},
    "congo": {"COD", "COG"},
}


def twin_place(text: str, code: str | None, ents: list[Any], code_text: Any) -> str | None:
    """The state of a shared place name that the rest of the sentence names, else ``code`` unchanged."""
    low = text.lower()
    for name, states in TWIN_PLACES.items():
        if name not in low or code not in states:
            continue
        named = set()
        for e in ents:
            if e.label_ in ("GPE", "NORP") and name not in e.text.lower():
                other, _ = code_text(e.text)
                if other in states:
                    named.add(other)
        if len(named) == 1:
            return named.pop()
    return code
