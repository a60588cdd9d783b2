"""A state's name or demonym misspelt by one letter ("Ethopia", "Quatar", "Chenchen refugees").

Wire copy and the CAMEO manual's examples carry such typos, and an actor left without a country drops the
whole event. Precision first: only a capitalised word of six letters or more that names nothing the
gazetteer knows (no state, place, city or actor), one edit (insertion, deletion, substitution or swap of
two neighbours) from exactly one state's one-word name or demonym, with the same first letter.
"""

from __future__ import annotations

from functools import lru_cache

MIN_LEN = 6
# Words one edit from a state's name that name something else.
NOT_TYPOS = {"Americas", "Indies", "Indiana", "Jordans", "Finish", "Frances", "Francs", "Germane"}


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by exactly one insertion, deletion, substitution or adjacent swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


@lru_cache(maxsize=1)
def _targets() -> dict[str, str]:
    """One-word names and demonyms of states (as written, capitalised) -> ISO3."""
    try:
        from accords.actors import get_gazetteer
    except ImportError:  # pragma: no cover - the actors package ships with accords
        return {}
    gaz = get_gazetteer()
    out: dict[str, str] = {}
    for name, code in [*gaz.country_names.items(), *gaz.demonyms.items()]:
        if " " in name or "-" in name or len(name) < MIN_LEN - 1 or not name[:1].isupper():
            continue
        if len(code) == 3 and code.isalpha():
            out[name] = code
    return out


@lru_cache(maxsize=4096)
def misspelt_state(word: str) -> str | None:
    """ISO3 of the one state whose name or demonym ``word`` misspells by one letter, else None."""
    w = word.strip()
    if w.endswith("'s") or w.endswith("\u2019s"):
        w = w[:-2]
    if len(w) < MIN_LEN or not w[:1].isupper() or not w.isalpha() or w in NOT_TYPOS or w.isupper():
        return None
    try:
        from accords.actors import get_gazetteer, resolve_actor
    except ImportError:  # pragma: no cover
        return None
    gaz = get_gazetteer()
    if gaz.place(w) is not None or gaz.actor(w) is not None or resolve_actor(w) is not None:
        return None  # a known name of something else ("Indiana", a town, a person)
    codes = {code for name, code in _targets().items() if name[0] == w[0] and _one_edit(w, name)}
    return codes.pop() if len(codes) == 1 else None
