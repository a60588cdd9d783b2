"""Countries a person's name gives by its own marks, not by a title.

A place right after the name ('Jane Roe of Cork, Ireland', 'John Doe of Ohio') is where the person comes from:
the place's country, when the place is a whole GPE entity that resolves to a state.

A US legislator's party-state tag after the name ('Sen. Jane Roe, R-Neb.', 'Rep. John Doe (D-Calif.)') says the
person sits in the US Congress or a US state legislature: country USA. The tag is matched strictly (party letter,
hyphen, a US state in AP or postal form) so that nothing else reads as one. When in doubt the answer is None.
"""

from __future__ import annotations

import re
from typing import Any

PARTY_STATE_TAG = True  # 'Jane Roe, R-Neb.' / 'John Doe (D-Calif.)' -> USA
NAME_OF_PLACE = True  # 'Jane Roe of Leeds, England' / 'John Doe of Ohio' -> that place's country

_AP_STATES = (
    "Ala. Alaska Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Hawaii Idaho Ill. Ind. Iowa Kan. Kans. Ky. La. Maine "
    "Md. Mass. Mich. Minn. Miss. Mo. Mont. Neb. Nebr. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Ohio Okla. Ore. Pa. R.I. "
    "S.C. S.D. Tenn. Texas Tex. Utah Vt. Va. Wash. W.Va. W.Va Wis. Wyo. D.C."
).split()
_POSTAL = (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK "
    "OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).split()
_STATE_ALT = "|".join(re.escape(s) for s in sorted(_AP_STATES + _POSTAL, key=len, reverse=True))
# ', R-Neb.' or ' (D-N.Y.)' right after the name; the state must end the tag.
_TAG = re.compile(r"\s*(?:,|\()\s*(?:R|D|I)\s?-\s?(?:" + _STATE_ALT + r")(?=$|[\s,;:)])")


def party_state_country(text: str, end_char: int) -> str | None:
    """'USA' when a US party-state tag follows the name that ends at ``end_char`` in ``text``, else None."""
    if not PARTY_STATE_TAG:
        return None
    return "USA" if _TAG.match(text, end_char) else None


def place_country(doc: Any, end: int, sent_end: int, user_actors: str | None = None) -> str | None:
    """The country of 'of PLACE[, PLACE]' right after the name ending at token ``end``, else None."""
    if not NAME_OF_PLACE or end + 1 >= sent_end or doc[end].lower_ != "of":
        return None
    from accords.actors.resolve import resolve_actor

    # 'of Fife, Scotland': capitalised words and commas; the last GPE entity must close the phrase.
    i = end + 1
    hi = min(sent_end, i + 7)
    while i < hi and (doc[i].text == "," or (doc[i].text[:1].isupper() and doc[i].pos_ == "PROPN")):
        i += 1
    while i > end + 1 and doc[i - 1].text == ",":
        i -= 1
    if i == end + 1:
        return None
    if i < sent_end and (doc[i].pos_ in {"NOUN", "PROPN"} or doc[i].text in {"'s", "\u2019s"}):
        return None  # 'of Texas State University', 'of Ohio's delegation': the place names something else
    last_tok = doc[i - 1]
    if last_tok.ent_type_ != "GPE" or (i < sent_end and doc[i].ent_iob_ == "I"):
        return None
    k = i - 1
    while doc[k].ent_iob_ == "I":
        k -= 1
    if k != end + 1 and doc[k - 1].text != ",":
        return None  # 'of New Jersey' with only 'Jersey' tagged: the tagger cut the place (Jersey is JEY)
    last = doc[k:i]
    info = resolve_actor(last.text, user_actors)
    if info is None or info.type != "GPE" or not info.code or len(info.code) != 3:
        return None
    return str(info.code)
