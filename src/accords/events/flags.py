"""Negation, hypothetical, future and historical flags, read from the dependency parse.

Each function looks at the trigger token and at the chain of verbs that govern it up to the
clause that carries the event (``chain``), so that "did not agree to meet" and "no deal was
reached" are both negated, and "if Israel hits Beirut" == hypothetical.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor", "without"}
NEG_DET = {"no", "neither"}
NEG_PREP_HEADS = {"without", "lack", "absence", "instead"}
NEG_VERBS = {
    "fail",
    "refrain",
    "neglect",
    "materialize",
    "materialise",
}  # "had not materialized" == negated already
# Reporting verbs that deny their content.
DENY_VERBS = {"deny", "refute"}
HYPO_MODALS = {"could", "might", "may", "would", "should", "must", "can"}
HYPO_MARKS = {"if", "unless", "whether", "lest"}
HYPO_NOUNS = {
    "possibility",
    "prospect",
    "option",
    "chance",
    "idea",
    "potential",
    "hope",
    "hopes",
    "risk",
    "plan",
}
HYPO_ADJ = {"potential", "possible", "hypothetical", "proposed", "prospective", "future"}
FUTURE_AUX = {"will", "shall", "'ll"}
FUTURE_WORDS = {"upcoming", "next", "planned", "future", "forthcoming", "later", "scheduled"}


def _has_neg(tok: Any) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or c.lower_ in ("not", "n't", "never"):
            return True
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
            d.dep_ == "det" and d.lower_ in NEG_DET for d in c.children
        ):
            return True
    return False


def negated(trigger: Any, chain: Iterable[Any]) -> bool:
    toks = [trigger, *chain]
    for t in toks:
        if _has_neg(t):
            return True
        if t.lemma_ in ("fail", "refrain") and t != trigger:
            return True
        if (
            t.dep_ in ("ccomp", "xcomp", "pcomp")
            and t.head.lemma_.lower() in DENY_VERBS
            and not _has_neg(t.head)
        ):
            return True  # "Syria denied that it had sent troops": the act is denied, not reported
    # a noun trigger with "no" or under "without", "lack of", "absence of"
    if any(c.dep_ == "det" and c.lower_ in NEG_DET for c in trigger.children):
        return True
    head = trigger.head
    for _ in range(3):
        if head.lower_ in NEG_PREP_HEADS or head.lemma_ in NEG_PREP_HEADS:
            return True
        if head.lemma_ in NEG_VERBS and _has_neg(head):
            return True
        if head.head == head:
            break
        head = head.head
    return False


def hypothetical(trigger: Any, chain: Iterable[Any]) -> bool:
    toks = [trigger, *chain]
    for t in toks:
        for c in t.children:
            if c.dep_ == "mark" and c.lower_ in HYPO_MARKS:
                return True
            if c.dep_ == "aux" and c.lower_ in HYPO_MODALS - {"would"}:
                return True
        if t.dep_ == "advcl" and any(c.lower_ in HYPO_MARKS for c in t.children):
            return True
    if trigger.pos_ in ("NOUN", "PROPN"):
        if any(c.dep_ == "amod" and c.lower_ in HYPO_ADJ for c in trigger.children):
            return True
        h = trigger.head
        if h.dep_ == "prep":
            h = h.head
        if h.lemma_ in HYPO_NOUNS:
            return True
    return False


def future(trigger: Any, chain: Iterable[Any]) -> bool:
    toks = [trigger, *chain]
    for t in toks:
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in FUTURE_AUX:
                return True
            if c.dep_ == "aux" and c.lower_ == "would" and t.head.lemma_ in _REPORT_PAST:
                return True
        # "is going to", "is set to", "plans to"
        if t.dep_ == "xcomp" and t.head.lemma_ in (
            "go",
            "plan",
            "intend",
            "expect",
            "schedule",
            "set",
            "due",
        ):
            return True
    if trigger.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "amod" and c.lower_ in FUTURE_WORDS for c in trigger.children
    ):
        return True
    return False


_REPORT_PAST = {
    "say",
    "announce",
    "state",
    "tell",
    "confirm",
    "report",
    "add",
    "pledge",
    "promise",
    "indicate",
}


def historical(event_date: str | None, published: str | None, trigger: Any) -> bool:
    """The event lies well before the article: a year earlier than the publication year, or 'had' + an old date."""
    if not event_date or not published:
        return False
    try:
        ey = int(event_date[:4])
        py = int(published[:4])
    except ValueError:
        return False
    if ey < py:
        return True
    if len(event_date) >= 7 and len(published) >= 7 and ey == py:
        months = int(published[5:7]) - int(event_date[5:7])
        return months >= 3
    return False


DECADE = re.compile(r"^(1[89]\d0|20[0-9]0)s$")
PAST_WARS = re.compile(r"\b(world war (one|two|i|ii|1|2)|first world war|second world war|cold war)\b", re.I)


def past_era(anchor: Any, published: str | None) -> bool:
    """The clause is dated by a past decade or war: "property seized ... in the 1970s", "murdered during World
    War Two". Without a publication date, a decade before 2000 counts."""
    for p in anchor.children:
        if p.dep_ != "prep" or p.lower_ not in ("in", "during", "throughout"):
            continue
        for o in p.children:
            if o.dep_ != "pobj":
                continue
            dec = DECADE.match(o.text)
            if dec:
                year = int(dec.group(1))
                ref = int(published[:4]) if published and published[:4].isdigit() else 2000
                if year + 9 < ref:
                    return True
            if PAST_WARS.search(" ".join(t.text for t in o.subtree)):
                return True
    return False
