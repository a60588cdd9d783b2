"""Titles and roles: 'U.S. Secretary of State Marco Rubio' -> role 'Secretary of State', country USA.

Works on spaCy tokens around a PERSON span: a title phrase just before the name (with an optional
country prefix: a demonym, a state name, a possessive 'Ukraine's'), or an apposition just after it
('Sergei Lavrov, Russia's foreign minister,').  Also maps role and group nouns to PLOVER sectors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Military ranks: titles before a name (HEADS) that also make its holder military (MIL_WORDS).
MIL_RANKS = {
    "adm.",
    "admiral",
    "brig.",
    "capt.",
    "captain",
    "col.",
    "colonel",
    "commander",
    "cpl.",
    "gen.",
    "general",
    "lieutenant",
    "lt.",
    "maj.",
    "major",
    "officer",
    "pfc.",
    "pvt.",
    "sergeant",
    "sgt.",
    "spc.",
}

# Words that head a title (lower case). A role must contain one of them.
HEADS = {
    "lt",
    "gen",
    "col",
    "maj",
    "capt",
    "sgt",
    "brig",
    "adm",
    "president",
    "vice-president",
    "president-elect",
    "minister",
    "secretary",
    "secretary-general",
    "chancellor",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "envoy",
    "king",
    "queen",
    "prince",
    "emir",
    "sheikh",
    "ayatollah",
    "leader",
    "chief",
    "director",
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "speaker",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "governor",
    "mayor",
    "premier",
    "negotiator",
    "adviser",
    "advisor",
    "aide",
    "diplomat",
    "official",
    "prosecutor",
    "judge",
    "justice",
    "mp",
    "lawmaker",
    "commissioner",
    "coordinator",
    "attorney",
    "ruler",
    "pope",
    "gov.",
    "ombudsman",
    "rapporteur",
    "delegate",
    "dictator",
    "monarch",
    "crown",
    "secretary-designate",
    "prime",
    "deputy",
} | MIL_RANKS
# Words that may modify a title (lower case). Not the quotes stage's speakers._QUALIFIERS on purpose: those are the
# few that make a title another one ('vice', 'deputy', 'former': a vice president is not 'the president'), while
# most here keep the title ('senior adviser' is an adviser, 'Foreign Minister' a minister).
MODIFIERS = {
    "vice",
    "deputy",
    "acting",
    "former",
    "first",
    "senior",
    "chief",
    "special",
    "foreign",
    "defence",
    "defense",
    "interior",
    "prime",
    "press",
    "top",
    "lead",
    "assistant",
    "under",
    "state",
    "supreme",
    "high",
    "grand",
    "presidential",
    "military",
    "national",
    "security",
    "army",
    "navy",
    "air",
    "force",
    "naval",
    "general",
    "foreign-policy",
    "finance",
    "justice",
    "health",
    "energy",
    "economy",
    "trade",
    "intelligence",
    "home",
    "permanent",
    "u.n.",
    "un",
    "eu",
    "nato",
    "crown",
    "lt",
    "brig",
    "maj",
    "sr.",
    "junior",
    "principal",
    "executive",
    "regional",
    "provincial",
    "petty",
    "class",
    "1st",
    "2nd",
    "3rd",
    "staff",
    "sergeant",
    "ministry",
    "office",
    "department",
    "media",
    "ministerial",
    "new",
    "current",
    "outgoing",
    "incoming",
}
HONORIFICS = {
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "he",
    "h.e.",
    "sir",
    "dame",
    "lord",
    "lady",
}
# Two picks from the title words above, for the person names of actors.names (tests/actors/test_word_sets.py
# keeps them picks). Titles that only a person carries: "President Bush" is a person even when the tagger calls
# "Bush" a place. All HEADS or HONORIFICS but 'princess', which heads no role here.
PERSON_TITLES = {
    "president", "king", "queen", "prince", "princess", "senator", "sen.", "chancellor", "premier", "emir",
    "sheikh", "pope", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "ayatollah", "gen.", "general",
}  # fmt: skip
# Titles a tagger takes into a PERSON span besides PERSON_TITLES ('Gov. Chris Christie', 'Rep. Ann Wagner'): HEADS
# and 'former' of MODIFIERS. Not all HEADS: 'Crown Prince Mohammed bin Salman' keeps 'Crown', 'Chief Justice John
# Roberts' keeps 'Chief'.
NAME_TITLES = {"gov.", "rep.", "governor", "senator", "secretary", "former", "lt.", "col.", "capt.", "sgt."}
CONNECT = {"of", "for", "the", "on"}

MIL_WORDS = {
    "military",
    "army",
    "navy",
    "soldier",
    "troops",
} | MIL_RANKS
JUD_WORDS = {"judge", "prosecutor", "justice", "court"}
LEG_WORDS = {
    "senator",
    "sen.",
    "rep.",
    "lawmaker",
    "mp",
    "speaker",
    "legislator",
    "parliament",
    "congressman",
}

# Group nouns after a demonym: 'Turkish officials' -> GROUP with a sector.
GROUP_NOUNS: dict[str, str | None] = {
    "official": "GOV",
    "officials": "GOV",
    "government": "GOV",
    "authorities": "GOV",
    "authority": "GOV",
    "delegation": "GOV",
    "delegations": "GOV",
    "diplomats": "GOV",
    "negotiators": "GOV",
    "leaders": "GOV",
    "leadership": "GOV",
    "ministers": "GOV",
    "envoys": "GOV",
    "administration": "GOV",
    "side": "GOV",
    "regime": "GOV",
    "counterparts": "GOV",
    "forces": "MIL",
    "force": "MIL",
    "troops": "MIL",
    "soldiers": "MIL",
    "military": "MIL",
    "army": "MIL",
    "navy": "MIL",
    "commanders": "MIL",
    "militaries": "MIL",
    "police": "COP",
    "policemen": "COP",
    "lawmakers": "LEG",
    "legislators": "LEG",
    "parliament": "LEG",
    "parliamentarians": "LEG",
    "senators": "LEG",
    "rebels": "REB",
    "militants": "REB",
    "separatists": "REB",
    "insurgents": "REB",
    "fighters": "REB",
    "opposition": "OPP",
    "people": "CVL",
    "civilians": "CVL",
    "citizens": "CVL",
    "nationals": "CVL",
    "protesters": "CVL",
    "refugees": "REF",
    "journalists": "MED",
    "media": "MED",
    "judges": "JUD",
    "courts": "JUD",
    "intelligence": "SPY",
    "spies": "SPY",
    "companies": "BUS",
    "businesses": "BUS",
    "firms": "BUS",
    "units": "MIL",
    "unit": "MIL",
    "personnel": "MIL",
    "members": None,
    "partners": "GOV",
    "allies": "GOV",
    "nations": "GOV",
    "parties": "GOV",
    "terrorists": "REB",
    "militia": "REB",
    "militias": "REB",
    "jihadists": "REB",
    "operatives": "REB",
    "gunmen": "REB",
    "loyalists": None,
    "supporters": "CVL",
    "residents": "CVL",
    "population": "CVL",
    "families": "CVL",
    "prisoners": "CVL",
    "veterans": "CVL",
}


@dataclass
class RoleHit:
    role: str | None
    role_start: int  # character offsets of the role phrase (== name start when none)
    role_end: int
    country_text: str | None  # the words that give the country ('Ukraine's', 'U.S.', 'Russian')
    country_start: int | None
    honorific: str | None = None
    prefix_start: int | None = None  # start of title + honorific right before the name, when there is one


def sector_of_role(role: str | None) -> str | None:
    if not role:
        return None
    raw = {w.strip(",").lower() for w in role.split()}
    words = {w.strip(".") for w in raw}
    if (words | raw) & MIL_WORDS and not {"minister", "secretary", "ministry"} & words:
        return "MIL"
    if words & JUD_WORDS:
        return "JUD"
    if words & LEG_WORDS:
        return "LEG"
    if words & (HEADS | MODIFIERS):
        return "GOV"
    return None


def _is_title_word(tok: Any) -> bool:
    low = tok.lower_
    return low in HEADS or low in MODIFIERS


def _org_modifier(tok: Any) -> bool:
    # A token of an ORG entity may modify a title: 'Foreign Ministry spokesperson', 'Kremlin spokesman'.
    return tok.ent_type_ == "ORG"


def _ent_at(doc: Any, i: int) -> Any:
    return next((e for e in doc.ents if e.start <= i < e.end), None)


# Words that make "General" after them a civil title ("Surgeon General", "Secretary-General"), not a rank.
CIVIL_BEFORE_GENERAL = {
    "secretary", "attorney", "surgeon", "governor", "director", "inspector", "solicitor", "postmaster", "auditor",
    "comptroller", "accountant", "advocate", "procurator", "prosecutor", "consul", "registrar", "commissioner",
    "paymaster",
}  # fmt: skip


def _civil_general_start(doc: Any, lo: int, sent_start: int) -> int:
    """Start of a title that begins with "General": moved left over "Surgeon" or "Secretary -" when one precedes it,
    so that "U.S. Surgeon General" keeps its whole title (and its country prefix) instead of the bare rank."""
    if doc[lo].lower_ != "general":
        return lo
    j = lo - 1
    if j >= sent_start and doc[j].text in {"-", "\u2010", "\u2011", "\u2013"}:
        j -= 1
    if j >= sent_start and doc[j].lower_ in CIVIL_BEFORE_GENERAL:
        return j
    return lo


DETERMINERS = {"a", "an", "the", "this", "that"}
OBJECT_DEPS = {"dobj", "obj", "ccomp", "xcomp", "attr", "oprd"}


def _reduced_relative(doc: Any, lo: int, hi: int, start: int) -> bool:
    """'a judge Trump criticized', 'the reporter Clinton mocked': a lower-case noun after a determiner, then a
    name that is the subject of the verb right after it, a clause about the noun with its object gap; the noun
    is not the name's title. Narrow on purpose: 'adviser Jake Sullivan' (no determiner) and 'the spokesman
    John Smith said the agency would respond' (the verb has its own object, or heads the sentence) keep theirs."""
    if not all(t.text.islower() for t in doc[lo:hi]):
        return False
    j = lo - 1
    while j >= 0 and doc[j].text.islower() and doc[j].pos_ == "ADJ":
        j -= 1  # 'the federal judge'
    if j < 0 or doc[j].lower_ not in DETERMINERS:
        return False
    ent = _ent_at(doc, start)
    end = ent.end if ent is not None and ent.start == start else start + 1
    root = ent.root if ent is not None and ent.start == start else doc[start]
    verb = root.head
    if root.dep_ not in {"nsubj", "nsubjpass"} or verb.i < end or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if any(t.dep_ not in {"aux", "auxpass", "neg", "advmod"} and not t.is_space for t in doc[end : verb.i]):
        return False  # only 'was', 'had', 'not', 'repeatedly' between the name and its verb
    if verb.dep_ in {"relcl", "acl"} and verb.head.i == hi - 1:
        return True
    return verb.dep_ != "ROOT" and not any(c.dep_ in OBJECT_DEPS for c in verb.children)


def role_before(doc: Any, start: int, sent_start: int) -> RoleHit | None:
    """The title phrase that ends right before token ``start`` (the first token of a name)."""
    i = start - 1
    committed: list[int] = []
    pending: list[int] = []
    honorific = None
    if i >= sent_start and doc[i].lower_ in HONORIFICS and doc[i].text[0].isupper():
        honorific = doc[i].text
        i -= 1
    while i >= sent_start:
        tok = doc[i]
        if (
            tok.text == "."
            and i - 1 >= sent_start
            and doc[i - 1].lower_ in HEADS
            and doc[i - 1].text[:1].isupper()
        ):
            pending.append(i)  # 'Lt .' split by the tokenizer
        elif _is_title_word(tok) and tok.ent_type_ not in {"GPE", "NORP", "PERSON"}:
            # Lower-case modifiers count only inside a title ('spokesperson' may be lower case).
            pending.append(i)
            committed.extend(pending)
            pending = []
        elif _org_modifier(tok):
            pending.append(i)
            committed.extend(pending)
            pending = []
        elif len(pending) < 5 and (
            (committed and tok.lower_ in CONNECT)
            or (tok.lower_ in CONNECT and pending)
            or (tok.text[:1].isupper() and tok.ent_type_ not in {"PERSON"} and tok.is_alpha)
        ):
            # 'Secretary of State', 'Minister for the Middle East': kept only if a title word comes further left.
            if tok.ent_type_ in {"GPE", "NORP"} and (i - 1 < sent_start or doc[i - 1].lower_ not in CONNECT):
                break
            pending.append(i)
        else:
            break
        i -= 1
    # Tentative words between the name and the first title word ('State' in 'Secretary of State Rubio') are
    # collected in reverse; committed tokens define the span.
    hi = start - (1 if honorific else 0)
    if not committed or max(committed) != hi - 1:
        if honorific:
            h = doc[start - 1]
            return RoleHit(None, h.idx, h.idx, None, None, honorific, h.idx)
        return None
    toks = sorted(committed)
    lo = toks[0]
    # Drop connectors and determiners at the left edge.
    while lo < hi and doc[lo].lower_ in CONNECT:
        lo += 1
    lo = _civil_general_start(doc, lo, sent_start)
    words = [t.lower_ for t in doc[lo:hi]]
    if not any(w in HEADS for w in words):
        return None
    if words and words[-1] in {"prime", "deputy", "crown", "state", "foreign"} and "of" not in words:
        return None
    if _reduced_relative(doc, lo, hi, start):
        return None
    role_span = doc[lo:hi]
    # Country prefix: demonym / state / possessive just before the title.
    c_text = None
    c_start = None
    j = lo - 1
    if j - 1 >= sent_start and doc[j].text in {"'s", "\u2019s", "'"}:
        ent = _ent_at(doc, j - 1)
        if ent is not None and ent.label_ in {"GPE", "ORG", "NORP"}:
            c_text, c_start = ent.text, ent.start_char
    elif j >= sent_start and doc[j].ent_type_ in {"GPE", "NORP", "ORG"}:
        ent = _ent_at(doc, j)
        if ent is not None and ent.end == lo:
            c_text, c_start = ent.text, ent.start_char
    return RoleHit(
        role=role_span.text,
        role_start=role_span.start_char,
        role_end=role_span.end_char,
        country_text=c_text,
        country_start=c_start,
        honorific=honorific,
        prefix_start=role_span.start_char,
    )


def role_after(doc: Any, end: int, sent_end: int) -> RoleHit | None:
    """An apposition after a name: 'Sergei Lavrov, Russia's foreign minister, said'."""
    i = end
    if i >= sent_end or doc[i].text != ",":
        return None
    i += 1
    if i < sent_end and doc[i].lower_ in {"the", "a", "an"}:
        i += 1
    c_text = None
    c_start = None
    if i < sent_end and doc[i].ent_type_ in {"GPE", "NORP", "ORG"}:
        ent = _ent_at(doc, i)
        if ent is not None:
            nxt = ent.end
            if nxt < sent_end and doc[nxt].text in {"'s", "\u2019s"}:
                nxt += 1
            if nxt < sent_end and (_is_title_word(doc[nxt]) or doc[nxt].ent_type_ == "ORG"):
                c_text = ent.text
                c_start = ent.start_char
                i = nxt
    lo = i
    while i < sent_end and (
        _is_title_word(doc[i])
        or doc[i].ent_type_ == "ORG"
        or doc[i].lower_ in CONNECT
        or (i > lo and doc[i].text[:1].isupper() and doc[i].ent_type_ != "PERSON")
    ):
        i += 1
    while i > lo and doc[i - 1].lower_ in CONNECT:
        i -= 1
    if i == lo:
        return None
    if i < sent_end and doc[i].text not in {",", ".", ";", ")"}:
        return None
    words = [t.lower_ for t in doc[lo:i]]
    if not any(w in HEADS for w in words):
        return None
    span = doc[lo:i]
    return RoleHit(
        role=span.text,
        role_start=span.start_char,
        role_end=span.end_char,
        country_text=c_text,
        country_start=c_start,
    )
