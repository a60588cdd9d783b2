"""The country a speaker's words name: 'Turkish officials' -> TUR, 'a North Carolina official' -> USA.

:func:`country_of` asks the actors stage (``accords.actors.resolve_actor``) first; without it, or when it answers
nothing, a small table of demonyms and seats of government seen in speaker phrases, then pycountry.
:func:`place_code` reads the whole named entity a token is part of. Used by :mod:`accords.quotes.speakers`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

import pycountry

# Demonyms and seats of government seen in speaker phrases; the actors stage owns the full table.
DEMONYMS = {
    "turkish": "TUR",
    "turkey": "TUR",
    "ankara": "TUR",
    "russian": "RUS",
    "russia": "RUS",
    "moscow": "RUS",
    "kremlin": "RUS",
    "ukrainian": "UKR",
    "ukraine": "UKR",
    "kyiv": "UKR",
    "kiev": "UKR",
    "american": "USA",
    "u.s.": "USA",
    "us": "USA",
    "united states": "USA",
    "washington": "USA",
    "white house": "USA",
    "british": "GBR",
    "u.k.": "GBR",
    "uk": "GBR",
    "britain": "GBR",
    "london": "GBR",
    "chinese": "CHN",
    "china": "CHN",
    "beijing": "CHN",
    "french": "FRA",
    "france": "FRA",
    "paris": "FRA",
    "german": "DEU",
    "germany": "DEU",
    "berlin": "DEU",
    "israeli": "ISR",
    "israel": "ISR",
    "iranian": "IRN",
    "iran": "IRN",
    "tehran": "IRN",
    "palestinian": "PSE",
    "syrian": "SYR",
    "syria": "SYR",
    "iraqi": "IRQ",
    "iraq": "IRQ",
    "saudi": "SAU",
    "indian": "IND",
    "india": "IND",
    "pakistani": "PAK",
    "pakistan": "PAK",
    "japanese": "JPN",
    "japan": "JPN",
    "north korean": "PRK",
    "south korean": "KOR",
    "qatari": "QAT",
    "qatar": "QAT",
    "egyptian": "EGY",
    "egypt": "EGY",
    "polish": "POL",
    "poland": "POL",
    "italian": "ITA",
    "italy": "ITA",
    "european": "EUR",
    "eu": "EUR",
    "nato": "IGO",
    "un": "UNO",
    "u.n.": "UNO",
    "united nations": "UNO",
}


def _ent_text(tok: Any) -> str:
    """The whole named entity a token is part of: 'North Carolina', not 'Carolina' (which is Puerto Rico's)."""
    if not tok.ent_type_:
        return str(tok.text)
    doc, i, j = tok.doc, tok.i, tok.i + 1
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    while j < len(doc) and doc[j].ent_iob_ == "I":
        j += 1
    return str(doc[i:j].text)


_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}


def place_code(tok: Any) -> str | None:
    """The country of the place or people a token names, looked up by the whole entity ('North Carolina' is the
    United States); a compass word before a demonym is dropped when the whole is unknown ('Western European'); none
    for a surname that looks like one ('Billionaire Mark Cuban')."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if (
        prev is not None
        and prev.pos_ == "PROPN"
        and prev.ent_type_ not in ("GPE", "NORP", "LOC")
        and tok.ent_iob_ != "I"
    ):
        return None  # 'Mark Cuban', 'Ben Carson': a demonym after a first name is a surname
    text = _ent_text(tok)
    code = country_of(text)
    words = text.split()
    if code is None and len(words) > 1 and words[0].lower() in _COMPASS:
        code = country_of(" ".join(words[1:]))
    return code


def actors_fn(name: str) -> Callable[..., Any] | None:
    """A function of the actors stage (``resolve_actor``, ``entity_at``, ``person_gender``), or None when the
    stage is absent or has none of that name."""
    try:
        mod = importlib.import_module("accords.actors")
    except Exception:  # noqa: BLE001 - the actors stage is optional for this one
        return None
    fn = getattr(mod, name, None)
    return fn if callable(fn) else None


# The user's actor dictionary for the record being read (settings.actors): set by build_quotes, so that a
# speaker's country reads the same dictionary the actors stage read.
USER_ACTORS: ContextVar[str | None] = ContextVar("accords_quotes_user_actors", default=None)


def resolve(text: str) -> object | None:
    """``accords.actors.resolve_actor`` with the user's actor dictionary, or None without the actors stage."""
    fn = actors_fn("resolve_actor")
    if fn is None:
        return None
    user = USER_ACTORS.get()
    try:
        return fn(text, user) if user else fn(text)
    except Exception:  # noqa: BLE001 - a phrase the actors stage cannot read is no country
        return None


def country_of(text: str) -> str | None:
    """ISO alpha-3 (or IGO code) for a demonym, state or seat of government, via the actors stage when it can."""
    got = resolve(text)  # None without the actors stage
    code = (
        getattr(got, "country", None) or getattr(got, "code", None) or (got if isinstance(got, str) else None)
    )
    if isinstance(code, str) and code:
        return code
    key = text.lower().strip().removesuffix("'s").removesuffix("’s").strip()
    if key.startswith("the "):
        key = key[4:]
    if key in DEMONYMS:
        return DEMONYMS[key]
    try:
        return str(pycountry.countries.lookup(key).alpha_3)
    except Exception:  # noqa: BLE001 - not a country name
        return None
