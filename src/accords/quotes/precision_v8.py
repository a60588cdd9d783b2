"""Readings that report an act or a label rather than anyone's words (quotes.rules v8 precision).

Each rule has a flag of its own (benchmarks/quotes_slices.py precision_v8.FLAG=False measures it off):

- UNVEIL_THING: 'Scientists unveiled the first map of Titan', 'Jobs unveiled the first Macintosh': unveiling a thing
  shows it and says nothing; 'unveiled a proposal to ...' (a plan, a policy: something put forward) stays.
- CHOSE_TO: 'they chose to withhold some information', 'He has chosen to shrug off the attacks': a choice of what
  to do is an act, not words ('chose not to respond' reports the silence, not a statement). The passive ('was
  chosen to be president'), a choice of someone ('would choose Sanders to be president') and 'choosing instead to
  ...' (set against what was said or done before) stay.
- COLON_LABEL: a name and a colon at the head of a line in the body of a text ('Jane Doe: possession of heroin,
  held in jail', 'Twitter: @someone', 'Rubio: A strong second place') labels a list item or a section, when what
  follows has no finite verb and no quotation marks. The headline ('Smith: Time for a new strategy') stays: a
  headline's colon is how headlines attribute, and a name in capitals ('JANE DOE: Why not?') is a transcript's turn.
"""

from __future__ import annotations

from typing import Any

from accords.quotes.attribution import Attribution

# whether the rules run (benchmarks/quotes_slices.py precision_v8.FLAG=False)
UNVEIL_THING = True
CHOSE_TO = True
COLON_LABEL = True

# what is put forward when it is unveiled: words of a kind (kept)
_PUT_FORWARD = frozenset(
    {
        "proposal",
        "plan",
        "policy",
        "agenda",
        "platform",
        "bill",
        "framework",
        "strategy",
        "legislation",
        "slate",
    }
)
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_QUOTE_MARKS = frozenset("\"“”‘’'")


def _span(doc: Any, start: int, end: int) -> Any:
    return doc.char_span(start, end, alignment_mode="expand")


def unveil_thing(att: Attribution, doc: Any) -> bool:
    """'X unveiled the first Macintosh': the object of 'unveil' is a thing, not words ('a proposal' stays)."""
    if not UNVEIL_THING or att.kind != "indirect" or att.cue is None:
        return False
    cue = _span(doc, att.cue[0], att.cue[1])
    content = _span(doc, att.content[0][0], att.content[0][1])
    if cue is None or content is None:
        return False
    verb = cue.root
    root = content.root
    if verb.lemma_.lower() != "unveil" or root.dep_ != "dobj" or root.head.i != verb.i:
        return False
    return root.lemma_.lower() not in _PUT_FORWARD


def chose_to(att: Attribution, doc: Any) -> bool:
    """'they chose to withhold the names': an active 'choose' with a to-infinitive reports an act."""
    if not CHOSE_TO or att.kind != "indirect" or att.cue is None:
        return False
    cue = _span(doc, att.cue[0], att.cue[1])
    if cue is None:
        return False
    verb = cue.root
    if verb.lemma_.lower() != "choose" or verb.pos_ != "VERB":
        return False
    kids = list(verb.children)
    if any(c.dep_ in ("nsubjpass", "auxpass", "dobj") or c.lower_ == "instead" for c in kids):
        return (
            False  # 'was chosen to lead', 'would choose Sanders to be president', 'choosing instead to ...'
        )
    return any(c.dep_ == "xcomp" and c.i > verb.i for c in kids)


def colon_label(att: Attribution, doc: Any) -> bool:
    """'Jane Doe: possession of heroin, held in jail' in a text's body: a label and a list, no one's words."""
    if not COLON_LABEL or att.kind != "indirect" or att.cue is None:
        return False
    cue = _span(doc, att.cue[0], att.cue[1])
    if cue is None or len(cue) != 1 or cue[0].text != ":":
        return False
    colon = cue[0]
    if not any("\n" in t.text_with_ws for t in doc[: colon.i]):
        return False  # the first line: a headline's colon attributes ('Smith: Time for a new strategy')
    if colon.i > 0 and doc[colon.i - 1].is_upper:
        return False  # 'JANE DOE: Why not debate?': a transcript's turn
    for start, end in att.content:
        span = _span(doc, start, end)
        if span is None:
            return False
        for tok in span:
            if tok.tag_ in _FINITE or tok.text in _QUOTE_MARKS:
                return False
    return True


def unreported_v8(att: Attribution, doc: Any) -> bool:
    """True for an attribution that reports an act or a label, not words; each reading has a flag of its own."""
    return unveil_thing(att, doc) or chose_to(att, doc) or colon_label(att, doc)
