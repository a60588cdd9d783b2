"""Election news read as conflict: words of a campaign that the conflict lexicon would code.

Political reporting uses the words of protest and violence for the contest of votes: a candidate "holds a rally",
"rallies supporters", "beat" a rival "in the primary", "attacked" an opponent "over" a plan, a successor "takes
over". PLOVER codes none of these as PROTEST, ASSAULT or COERCE; a false conflict event is worse than a missing
one, so these readings drop the event (or, for a verbal attack, make it ACCUSE).
"""

from __future__ import annotations

import re
from typing import Any

from accords.events.pattern_words import Candidate

Token = Any

# Contests of votes (and of sport): "beat Sanders in the primary", "forced Cruz out of the race".
CONTESTS = {
    "primary", "election", "race", "vote", "poll", "caucus", "contest", "runoff", "run-off", "ballot",
    "nomination", "referendum", "debate", "point", "delegate", "margin", "match", "game", "final", "tournament",
    "running", "campaign", "convention", "seat", "reelection", "re-election", "by-election", "midterm",
    "qualifier", "cup", "semifinal", "semi-final", "quarterfinal", "quarter-final", "league", "championship",
    "olympics", "series", "derby", "friendly", "round",
}  # fmt: skip
# Modifiers that make a rally a campaign event: "a campaign rally", "a victory rally".
CAMPAIGN_MODS = {
    "campaign", "election", "electoral", "reelection", "re-election", "victory", "fundraising", "fund-raising",
    "fundraiser", "pep", "town-hall", "primary", "caucus", "convention", "voter", "get-out-the-vote",
}  # fmt: skip
# What makes a rally a demonstration after all: "a rally against the war", "rallied to demand ...".
PROTEST_PURPOSE = {
    "protest", "demand", "denounce", "condemn", "oppose", "demonstrate", "call", "urge", "press", "decry",
    "reject", "resist", "defy",
}  # fmt: skip
# Offices a successor takes over: "take over the presidency", "take over as speaker".
OFFICES = {
    "office", "presidency", "premiership", "leadership", "helm", "post", "job", "role", "chairmanship",
    "chair", "reins", "portfolio", "seat", "party", "campaign", "company", "business", "duty", "duties",
    "responsibility", "responsibilities", "house", "speakership", "mayoralty", "governorship", "position",
}  # fmt: skip
# Prizes of a contest: "captured the nomination", "seized the lead".
PRIZES = {
    "lead", "majority", "plurality", "delegate", "support", "attention", "headline", "spotlight", "imagination",
    "momentum", "initiative", "crown", "trophy", "medal", "title", "victory", "win", "state", "district",
}  # fmt: skip
# What a figurative war is waged on: "his war on the media", "the war on drugs".
WAR_ON_THINGS = {
    "media", "medium", "press", "drug", "drugs", "poverty", "woman", "women", "christmas", "coal",
    "science", "truth", "crime", "corruption", "cancer", "obesity", "inflation", "waste", "fraud", "smoking",
    "journalist", "journalism", "news", "establishment", "elite", "elites",
}  # fmt: skip
# Plans, not people, that are "killed": "killed the trade deal", "killed the bill".
KILLED_PLANS = {
    "deal", "agreement", "bill", "plan", "proposal", "legislation", "measure", "project", "idea", "talks", "treaty",
    "program", "programme", "initiative", "reform", "merger", "bid", "amendment", "rule", "policy", "story",
}  # fmt: skip
# Where words are traded: "fired back on Twitter", "attacked him in a speech".
VENUES = {
    "twitter", "tweet", "interview", "debate", "speech", "statement", "rally", "op-ed", "television", "tv",
    "facebook", "radio", "podcast", "post", "ad", "advertisement", "remark", "comment", "conference",
}  # fmt: skip
WINNING = {"beat", "defeat", "crush", "trounce", "rout", "thrash", "force", "knock", "push"}
WEAPONS = {"gun", "knife", "weapon", "bomb", "stone", "rifle", "machete"}
ARMED = {"MIL", "REB", "UAF", "COP", "SPY", "INS", "IMG"}
SUCCESSORS = {"successor", "deputy", "replacement", "heir", "vice", "nominee", "winner", "lieutenant"}


def _lemmas(ts: Any) -> set[str]:
    return {t.lemma_.lower() for t in ts}


def _contest_in(t: Token) -> bool:
    """A prepositional phrase of the word names a contest: "in the New York primary", "out of the race"."""
    for p in t.children:
        if p.dep_ not in ("prep", "prt", "advmod"):
            continue
        for o in [*p.children, *(g for x in p.children for g in x.children if x.dep_ == "prep")]:
            if o.dep_ == "pobj" and (
                o.lemma_.lower() in CONTESTS or any(c.lemma_.lower() in CONTESTS for c in o.children)
            ):
                return True
    return False


def _purpose(t: Token) -> bool:
    """ "rallied against the war", "a rally to demand new elections": the rally is a demonstration."""
    for ch in t.children:
        if ch.dep_ == "prep" and ch.lower_ in ("against", "outside"):
            return True
        if ch.dep_ in ("advcl", "xcomp", "acl", "relcl") and ch.lemma_.lower() in PROTEST_PURPOSE:
            return True
        if (
            ch.dep_ == "prep"
            and ch.lower_ == "in"
            and any(o.lemma_.lower() == "protest" for o in ch.children)
        ):
            return True  # "rallied in protest at"
    return False


def _rally_for_votes(c: Candidate) -> bool:
    rally = [w for w in (c.trigger, *c.words) if w.lemma_.lower() in ("rally", "rallies")]
    if not rally:
        return False
    verb = c.trigger
    if any(_purpose(w) for w in (verb, *rally)):
        return False
    for w in rally:
        if any(ch.lemma_.lower() in CAMPAIGN_MODS for ch in w.children if ch.dep_ in ("compound", "amod")):
            return True  # "held a campaign rally"
        if w.pos_ == "VERB" and any(ch.dep_ == "dobj" for ch in w.children):
            return True  # "rallied supporters": gathering backers, not demonstrating
        if w.pos_ == "VERB" and any(
            ch.dep_ == "prep" and ch.lower_ in ("behind", "around", "to") for ch in w.children
        ):
            return True  # "rallied behind Sanders": support
    # a rally held by one named person or by a campaign: a candidate's event
    return bool(c.actors) and all(
        a.ent_type_ == "PERSON" or a.lemma_.lower() in ("campaign", "candidate", "nominee") for a in c.actors
    )


def _contest_won(c: Candidate) -> bool:
    """ "Clinton beat Sanders in the New York primary", "forced Cruz out of the race", "beat Argentina 2-1"."""
    t = c.trigger
    if t.lemma_.lower() not in WINNING:
        return False
    if any(re.fullmatch(r"\d+-\d+", ch.text) for ch in t.subtree):
        return True  # "beat Argentina 2-1": a score
    return _contest_in(t) or any(_contest_in(ch) for ch in t.children if ch.dep_ in ("xcomp", "dobj", "prt"))


def _office_taken(c: Candidate, sectors: list[str | None]) -> bool:
    """ "his successor will take over on Monday", "take over as speaker", "take over the presidency"."""
    t = c.trigger
    if t.lemma_.lower() != "take" or not any(ch.lower_ == "over" for ch in t.children):
        return False
    obj = next((ch for ch in t.children if ch.dep_ == "dobj"), None)
    if obj is None:
        for p in t.children:
            if p.lower_ == "over" and p.dep_ == "prep":
                obj = next((o for o in p.children if o.dep_ == "pobj"), None)
    if obj is not None and obj.lemma_.lower() in OFFICES:
        return True
    if any(ch.dep_ == "prep" and ch.lower_ == "as" for ch in t.children):
        return True  # "take over as prime minister"
    if any(a.lemma_.lower() in SUCCESSORS for a in c.actors):
        return True
    return obj is None and bool(sectors) and not any(s in ARMED for s in sectors)


def _prize_taken(c: Candidate) -> bool:
    """ "Trump captured the Republican nomination", "seized the lead": a prize of the contest, not a capture."""
    t = c.trigger
    if t.lemma_.lower() not in ("capture", "seize", "grab", "take", "storm", "snatch"):
        return False
    objs = [ch for ch in t.children if ch.dep_ in ("dobj", "nsubjpass")]
    return bool(objs) and all(o.lemma_.lower() in CONTESTS | PRIZES for o in objs)


def _figurative(c: Candidate) -> bool:
    """ "Trump shot to the top of the polls", "Trump's war on the media", "the campaign is battling for
    Pennsylvania": violence words with no violence."""
    t = c.trigger
    lemma = t.lemma_.lower()
    if lemma == "shoot" and not any(ch.dep_ in ("dobj", "nsubjpass") for ch in t.children):
        if not any(ch.lower_ in ("at", "on", "into", "dead") for ch in t.children):
            return True  # "shot to the top", "shot up the charts"
    if lemma == "kill" and any(ch.dep_ == "dobj" and ch.lemma_.lower() in KILLED_PLANS for ch in t.children):
        return True  # "Trump killed the trade deal": a plan dropped, nobody dead
    wars = [w for w in (t, *c.words) if w.lemma_.lower() in ("war", "battle", "fight", "crusade", "assault")]
    for w in wars:
        for p in w.children:
            if p.dep_ == "prep" and p.lower_ in ("on", "against"):
                if any(o.lemma_.lower() in WAR_ON_THINGS for o in p.children if o.dep_ == "pobj"):
                    return True  # "his war on the media", "the war on drugs"
    return bool(c.actors) and all(a.lemma_.lower() in ("campaign", "candidate", "nominee") for a in c.actors)


def not_an_event(c: Candidate, sectors: list[str | None]) -> bool:
    """The candidate reads as a step in an election contest or a change of office, not a conflict event."""
    event = c.code.event
    if event == "PROTEST" and _rally_for_votes(c):
        return True
    if event in ("ASSAULT", "COERCE") and (_contest_won(c) or _prize_taken(c) or _figurative(c)):
        return True
    return event in ("COERCE", "ASSAULT", "THREATEN") and _office_taken(c, sectors)


def verbal_attack_on_person(c: Candidate) -> bool:
    """ "Obama attacked Romney over his tax plan": one named person attacking another, or attacking someone
    *over* or *for* something, is criticism (ACCUSE), not violence."""
    t = c.trigger
    fired_back = t.lemma_.lower() == "fire" and any(ch.lower_ == "back" for ch in t.children)
    if not fired_back and t.lemma_.lower() not in (
        "attack", "hit", "blast", "savage", "lash", "hammer", "rip", "assail",
    ):  # fmt: skip
        return False
    if any(w.lemma_.lower() in WEAPONS for w in t.subtree):
        return False
    named = bool(c.actors) and all(a.ent_type_ == "PERSON" for a in c.actors)
    if not named:
        return False
    if fired_back or any(w.lemma_.lower() in VENUES for w in t.subtree):
        return True  # "fired back at Clinton on Twitter": a retort
    if any(r.ent_type_ == "PERSON" for r in c.recipients):
        return True
    return any(ch.dep_ == "prep" and ch.lower_ in ("over", "for") for ch in t.children)
