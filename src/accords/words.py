"""Words and word matching that more than one stage uses: the quotes and actors stages import from here, and this
module imports no stage, so either stage runs without the other."""

from __future__ import annotations

import re


def has_words(text: str | None, phrase: str, *, plural: bool = False, hyphen_splits: bool = True) -> bool:
    """Whether ``text`` holds ``phrase`` as whole words, case aside: 'senator' is in 'Republican senator from Texas',
    not in 'National Republican Senatorial Committee Chairman'.

    ``plural``: the phrase with an 's' counts too ('the two senators'). ``hyphen_splits``: a hyphen ends a word, so
    'president' is in 'vice-president' (a caller that weighs the 'vice' itself wants that); when False a hyphenated
    word is one word and 'president' is not in 'vice-president' or 'president-elect'."""
    if not text:
        return False
    edge = r"\w" if hyphen_splits else r"[\w-]"
    tail = "s?" if plural else ""
    return re.search(rf"(?<!{edge}){re.escape(phrase)}{tail}(?!{edge})", text, re.IGNORECASE) is not None
