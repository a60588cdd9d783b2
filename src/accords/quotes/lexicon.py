"""Words that introduce speech: verbs of saying (and of stating a view), and the nouns that head a speaker."""

from __future__ import annotations

from typing import Any

# The dependency labels of a clause's nominal subject, active or passive ('he said', 'it was said').
NOMINAL_SUBJ = ("nsubj", "nsubjpass")

# Lemmas of verbs that report what someone said, wrote or holds. A verb here becomes a cue when the parse gives it
# a clausal complement (ccomp), or when it sits next to a quotation.
SPEECH_VERBS = frozenset(
    """
    say tell add write ask note report announce exclaim confess chant scream cry whisper mutter sigh snap suggest tweet post describe argue explain declare acknowledge
    claim insist stress emphasize emphasise warn confirm state comment continue believe think predict admit reply
    respond deny reveal recall conclude urge mention indicate complain assert contend allege maintain observe
    remark estimate promise vow pledge threaten joke quip boast concede testify repeat reiterate signal hint
    caution charge counter retort answer shout yell tout brag lament acknowledge agree disagree recount
    speculate posit wonder guess figure feel fear hope worry show find learn read proclaim declare
    affirm announce disclose divulge inform notify advise assure remind propose recommend demand request
    order predict forecast project calculate accuse blame criticize criticise praise call label dub term
    point elaborate clarify underline underscore highlight detail outline summarize explain conclude
    """.split()
)

# Of those, the ones that also count without a quotation nearby only when they take a clause (they are common
# verbs in other senses too).
WEAK_VERBS = frozenset("show find learn read feel hope fear worry figure guess call point order read".split())

# Verbs that take "X as Y" or "X Y" (called the talks "a farce"): the content is the object and its complement.
LABEL_VERBS = frozenset(
    "describe call label dub term characterize characterise brand portray hail view regard deem".split()
)

# Lemmas that are never cues even when the parser gives them a clause.
NOT_CUES = frozenset("be have do make see know seem appear".split())

# Nouns that head an unnamed speaker: "officials said", "a spokesperson told".
SPEAKER_NOUNS = frozenset(
    """
    official officials spokesperson spokesman spokeswoman minister ministry source sources diplomat diplomats
    aide aides adviser advisers advisor spokespeople representative envoy ambassador president leader
    negotiator negotiators delegation statement government analyst analysts expert experts observer observers
    commander commanders officer officers police army military witness witnesses resident residents
    voter voters supporter supporters respondent respondents american americans democrat democrats republican
    republicans people candidate candidates senator governor actress actor critic critics campaign host moderator
    reporter reporters journalist journalists judge lawyer attorney member members percent majority half third
    quarter most many some others speaker chairman chair secretary director donor donors activist activists fan
    fans conservatives liberals independents women men students everyone nobody group groups committee party
    administration agency department court panel nominee frontrunner front-runner rival rivals opponent opponents
    mayor sheriff chief professor economist pollster strategist consultant manager founder author writer editor
    columnist commentator anchor historian scholar researcher scientist doctor physician teacher worker organizer
    operative staffer lawmaker legislator congressman congresswoman delegate delegates elector electors prosecutor
    investigator investigators economists strategists pollsters lawmakers staffers organizers workers
""".split()
)

# People by what they do or are: as the subject of a verb of a stance, they can hold one ('the attendees expressed
# their support', 'the person familiar with the planning confirmed the meeting').
PEOPLE_NOUNS = frozenset(
    """
    person persons individual individuals attendee attendees audience crowd crowds viewers listeners readers
    participants participant follower followers backer backers ally allies partisans insiders outsiders donors
    protesters protester demonstrators delegate constituents citizens citizen veteran veterans owner owners
    executive executives businessman businesswoman billionaire mogul celebrity star singer rapper comedian
    pundit pundits surrogate surrogates challenger incumbent spokespeople operatives loyalists skeptics
    evangelicals progressives moderates populists millennials immigrants parents mother father wife husband
    son daughter family friend friends colleague colleagues neighbor neighbors board commission council jury
    tribunal
    politician politicians team man woman men women advocate advocates authorities organization organizations
    company companies country countries media employee employees investor investors commissioner commissioners
    developer tycoon prince king queen ruler adversary adversaries antagonist antagonists economist scholars
    """.split()
)
SPEAKER_NOUNS = SPEAKER_NOUNS | PEOPLE_NOUNS
# More people and bodies by what they do or are (after quotes.rules.v4): they can hold a view as subjects of a stance
# ('the pastor praised', 'the newspaper endorsed', 'lobbyists want', 'the governor's office confirmed').
MORE_PEOPLE_NOUNS = frozenset(
    """
    pastor priest bishop rabbi imam minister narrator contender runner newspaper outlet magazine paper union unions
    user users surgeon neurosurgeon general faction factions office speechwriter specialist specialists socialist
    proponent proponents objector objectors lobbyist lobbyists magnate insider insiders hacker hackers defender
    defenders confidant confidants associate associates brother sister lady justice justices partner partners
    chancellery airline bank banks school schools foundation farmer farmers nurse nurses miner miners soldier
    soldiers officer worker trader traders banker bankers entrepreneur entrepreneurs landlord tenant tenants
    student pupil graduates alumni retiree retirees conservative liberal progressive moderate evangelical
    catholic catholics christians muslims jews feminist feminists environmentalist environmentalists
    """.split()
)

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their", "themselves", "we", "us", "our"})
FIRST = frozenset({"i", "me", "my", "we", "us", "our"})
PRONOUNS = MALE | FEMALE | PLURAL | {"it", "its", "i", "me"}

# Stance verbs whose object is the reported content (PolNeAR counts them as attributions): "criticized the deal".
# Not 'favor': a preference, most often a vote share ('white voters, who favor Clinton by 6 points'), not words
# (quotes.rules v5 precision: PolNeAR train 14 unmatched predictions gone, 5 matches lost on 5 slices).
OBJECT_VERBS = frozenset(
    """
    criticize criticise condemn call propose support oppose defend deny dismiss reject endorse praise refute
    question slam blast attack applaud welcome denounce decry reaffirm demand announce unveil back mention
    accuse recommend show prefer thank congratulate discuss mock ridicule disavow tout cite
    express blame target embrace champion pan knock challenge acknowledge admit predict
    confirm highlight echo note tweet list name prefer answer outline emphasize emphasise stress dispute
    contest offer ignore
    """.split()
)

# More verbs of judging, backing and making public whose object is what the subject holds or put out (quotes.rules.v4):
# 'Trump has hammered Bush', 'the crowd cheered his words', 'Clinton tweeted her thanks', 'voters want change'.
MORE_OBJECT_VERBS = frozenset(
    """
    bash hammer rebuke chide scold lambaste berate assail excoriate castigate chastise fault commend hail laud
    salute cheer boo heckle insult taunt trash lament regret retweet repeat reiterate debate reference reveal
    disclose report explain describe detail guarantee pledge promise vow request want advocate
    """.split()
)
# ('raise', 'address', 'release', 'issue', 'file', 'submit', 'push', 'seek' with an object: under half right on
# PolNeAR train, money raised and reports filed rather than views)
OBJECT_VERBS = OBJECT_VERBS | MORE_OBJECT_VERBS

# Verbs whose infinitive complement is the content: "wants to end the war", "urged Russia to accept".
XCOMP_VERBS = frozenset(
    """want plan promise pledge vow refuse seek intend threaten urge ask decline hope expect aim like
    wish agree offer propose decide prefer choose demand tell order advise encourage instruct""".split()
)

# Verbs whose content is the object of "for"/"against": "called for a ceasefire", "pushed for talks".
PREP_VERBS = {
    "call": ("for",),
    "push": ("for",),
    "press": ("for",),
    "argue": ("for", "against"),
    "campaign": ("for", "against"),
    "lobby": ("for", "against"),
    "rail": ("against",),
    "advocate": ("for",),
    "vote": ("for", "against"),
    "talk": ("about",),
    "speak": ("about", "of"),
    "comment": ("on",),
    "joke": ("about",),
    "complain": ("about",),
    "write": ("about",),
    "testify": ("about",),
    "boast": ("about",),
    "warn": ("of", "about", "against"),
    "point": ("to",),
    "accuse": ("of",),
    "ask": ("about",),
    "tweet": ("about",),
    "focus": ("on",),
    "refer": ("to",),
    "respond": ("to",),
    # not 'react to': a reaction is no statement ('reacted to the storm damage with a visit'; v5 precision)
    "apologize": ("for",),
    "apologise": ("for",),
    "plead": ("to", "for"),
    "pray": ("for",),
    "insist": ("on",),
    "object": ("to",),
    "worry": ("about",),
    "concentrate": ("on",),
}
# More verbs of a stance with a preposition (quotes.rules.v4): 'weighed in on the race', 'took a swipe at', 'vouched
# for him', 'agreed with the ruling', 'distanced himself from the plan' ('stood by', 'rallied
# behind', 'lied about' were as often something else on PolNeAR train).
MORE_PREP_VERBS = {
    "weigh": ("on",),
    "swipe": ("at",),
    "hint": ("at",),
    "vouch": ("for",),
    # not 'stump for': campaigning for someone, not words (v5 precision)
    "agree": ("with",),
    "disagree": ("with",),
    "distance": ("from",),
    "brag": ("about",),
    "muse": ("about", "on"),
    "reflect": ("on",),
    "elaborate": ("on",),
    "opine": ("on", "about"),
    "riff": ("on",),
    "harp": ("on",),
    "dwell": ("on",),
    "rant": ("about", "against"),
    "fume": ("about", "over", "at"),
    "lash": ("out",),
}
PREP_VERBS = {**PREP_VERBS, **{k: v for k, v in MORE_PREP_VERBS.items() if k not in PREP_VERBS}}

# Nouns that can be a source though they are not people: "a new poll shows", "the report found".
SOURCE_NOUNS = frozenset(
    """poll polls survey surveys study studies report reports data analysis statement memo document documents
    letter email emails research records figures numbers article story ad tweet post website release
    filing filings transcript transcripts result results estimate estimates footage files statistics poll
    polling count tally projection projections forecast forecasts audit findings""".split()
)

# Verbs of knowing, seeing and supposing: with a full clause after them ("knows that the deal is dead", "hopes
# Iowa will turn") they report a view held by their subject, which PolNeAR counts as an attribution. Only with a
# clause of their own (a subject, or 'that', 'whether', a wh-word) and a subject that can hold a view.
THINK_VERBS = frozenset(
    """
    know hope expect consider imply determine notice decide question realize realise recognize recognise
    understand doubt assume suspect imagine bet reckon acknowledge sense discover judge anticipate foresee
    """.split()
)
# More of them, with a full clause (quotes.rules.v4): 'the board ruled that he met the criteria', 'they resent that
# Turkey has used the crisis', 'the study demonstrates that ...' ('prove that', as in 'trying to prove that', is no view)
MORE_THINK_VERBS = frozenset("rule resent demonstrate illustrate".split())
THINK_VERBS = THINK_VERBS | MORE_THINK_VERBS

# spaCy's lemmatizer reads some forms of these as other words ('hoping' -> 'hop'); the surface form decides.
FORM_LEMMAS = {"hoping": "hope", "hoped": "hope", "hopes": "hope"}


def lemma_of(tok: Any) -> str:
    """The token's lemma, lower-cased, with the lemmatizer's known slips mended."""
    return FORM_LEMMAS.get(tok.lower_) or str(tok.lemma_).lower()


# Verbs that, in the passive with an infinitive, report what unnamed others say or expect of a subject ('X is
# expected to Y', 'X is said to Y'): PolNeAR takes them as attributions with no source; the content is the subject
# and the infinitive. ('X appears to Y' and 'X seems Z' are the writer's own hedges: PolNeAR counts them too, but a
# record's quote is someone's words, and they added little on PolNeAR train, +0.003 F1.)
PASSIVE_RAISING = frozenset("expect say believe think report rumor rumour know consider see project".split())

# Adjectives of a view or a stance held by their subject: with a clause ('some Democrats are concerned that ...',
# 'his supporters are optimistic that ...') or with a prepositional object ('was critical of the deal', 'are
# skeptical of Trump'), the clause or the object is what the subject holds.
VIEW_ADJS = frozenset(
    """
    concerned convinced optimistic pessimistic sure certain confident aware worried hopeful adamant afraid
    skeptical sceptical doubtful positive insistent proud glad pleased happy unhappy upset angry furious
    """.split()
)
STANCE_ADJS = {
    "critical": ("of",),
    "supportive": ("of",),
    "skeptical": ("of", "about"),
    "sceptical": ("of", "about"),
    "wary": ("of",),
    "suspicious": ("of",),
    "dismissive": ("of",),
    "fond": ("of",),
    "proud": ("of",),
    "afraid": ("of",),
    "tolerant": ("of",),
    "sympathetic": ("to",),
    # not 'loyal to', 'opposed to', 'hostile to': an allegiance or attitude, nothing said ('Utah has long been loyal
    # to Republicans'); with 'react to' and 'stump for', PolNeAR train 5 slices: 19 predictions fewer, 3 matches
    "committed": ("to",),
    "angry": ("about", "at", "with", "over"),
    "upset": ("about", "at", "with", "over"),
    "furious": ("about", "at", "with", "over"),
    "worried": ("about", "by"),
    "concerned": ("about", "by", "with"),
    "confident": ("about", "in", "of"),
    "optimistic": ("about",),
    "pessimistic": ("about",),
    "enthusiastic": ("about",),
    "excited": ("about",),
    "unhappy": ("about", "with"),
    "happy": ("about", "with"),
    "pleased": ("about", "with", "by"),
    "vocal": ("about", "in"),
    "outspoken": ("about", "in", "on"),
    "candid": ("about",),
    "honest": ("about",),
    "frank": ("about",),
    "open": ("about", "to"),
    "clear": ("about",),
    "silent": ("on", "about"),
    "quiet": ("on", "about"),
    "mum": ("on", "about"),
    "measured": ("on", "about"),
    "nervous": ("about",),
    "cautious": ("about",),
    "interested": ("in",),
    "passionate": ("about",),
    "lukewarm": ("about", "on"),
    "cynical": ("about",),
    "upbeat": ("about",),
    "bullish": ("about", "on"),
    "bearish": ("about", "on"),
    "aware": ("of",),
}
# More of them (after quotes.rules.v4): 'is appreciative of', 'aren't enamored of', 'is mistrustful of', 'are uneasy
# about', 'was impressed by'.
MORE_STANCE_ADJS = {
    "appreciative": ("of",),
    "enamored": ("of", "with"),
    "enamoured": ("of", "with"),
    "mistrustful": ("of",),
    "distrustful": ("of",),
    "uneasy": ("about", "with"),
    "unapologetic": ("about", "for"),
    "impressed": ("by", "with"),
    "unimpressed": ("by", "with"),
    "favorable": ("to", "toward", "towards"),
    "favourable": ("to", "toward", "towards"),
    "uncomfortable": ("with", "about"),
    "irritated": ("by", "about", "with"),
    "annoyed": ("by", "about", "with"),
    "undecided": ("about", "on"),
    "hopeful": ("about", "of"),
    "upfront": ("about",),
    "apprehensive": ("about", "of"),
    "ambivalent": ("about", "toward", "towards"),
    "grateful": ("for", "to"),
    "thankful": ("for",),
    "disappointed": ("in", "with", "by"),
    "frustrated": ("with", "by"),
    "disillusioned": ("with", "by"),
    "dissatisfied": ("with",),
    "satisfied": ("with",),
    "contemptuous": ("of",),
    "scornful": ("of",),
    "respectful": ("of",),
    "appalled": ("by", "at"),
    "outraged": ("by", "at", "over"),
    "alarmed": ("by", "at", "about"),
    "troubled": ("by", "about"),
    "disgusted": ("by", "with", "at"),
    "skittish": ("about",),
    "leery": ("of", "about"),
}
# Nouns of a view or a message that, as the subject of 'be', introduce its content: 'the idea is that ...',
# 'Rubio's response was that ...'.
VIEW_NOUNS = frozenset(
    """
    idea hope response answer argument claim view message point question fear worry concern belief theory
    assumption consensus thinking suggestion reply position refrain pitch explanation reasoning contention
    assessment conclusion impression sense feeling expectation complaint criticism charge allegation joke
    """.split()
)

# Verbs of making public or of condemning that report a saying even in the passive with no 'by' phrase: 'the deal
# was announced on Monday', 'the price was not disclosed', 'officials were mocked and criticized'. (All verbs of
# saying without an agent measured at a third right on PolNeAR train: 'was called', 'was told' are other things.)
NO_AGENT_VERBS = frozenset(
    "announce report disclose reveal criticize criticise condemn deny confirm reject mock ridicule dismiss argue "
    "question".split()
)

# Things whose findings an article reports, as the subject of a verb of showing or finding (quotes.rules.v7,
# stance_v7.EVIDENCE): 'the scan revealed ...', 'studies show ...', 'a new poll finds ...'. No 'x-ray': the tokenizer
# splits it into 'x', '-', 'ray', so no token matches it, and the parse of 'The X-ray revealed' hangs all three on
# the verb as subjects (the speaker would be 'The X').
EVIDENCE_NOUNS = frozenset(
    """
    study studies research survey poll scan test analysis review evidence trial finding findings result results
    record records data report audit filing document documents experiment investigation probe census
    autopsy biopsy inquiry assessment estimate estimates tally model simulation inspection exam examination
    footage testing bloodwork
    """.split()
)
# Verbs of showing or finding whose subject can be such evidence.
EVIDENCE_VERBS = frozenset("show find reveal suggest indicate demonstrate confirm conclude".split())
