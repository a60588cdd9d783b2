"""Tokenizer rules for quotation marks written without a space beside them.

Web copy often drops the space between a cue and the quotation it opens (``Ryan said,“Look, ...``) or after the
closing mark (``“...,”he said``). spaCy's English rules split a quotation mark off only at the edge of a
whitespace-separated chunk, so ``said,“Look`` stays one token: the cue verb and the quotation's first word are
lost to the parser and to the quote rules. Four infix rules (regular expressions added to the model's own, no new
component) split off:

- a comma, colon or semicolon followed by a double quotation mark (``said,“Look`` -> ``said`` ``,`` ``“`` ``Look``);
- a full stop, ``!`` or ``?`` after a lower-case letter and before one (``said.”He``; not the stop of ``U.S.”``);
- a curly mark between a word or such punctuation and a word (``great,”he`` -> ``great`` ``,`` ``”`` ``he``);
- a straight mark between such punctuation and a word (``said,"Look``), never one inside a word.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.util import compile_infix_regex

QUOTE_INFIXES = (
    r"(?<=[^\s,:;])[,:;](?=[“”\"])",
    r"(?<=[a-z])[.!?](?=[“”\"])",
    r"(?<=[\w,:;.!?])[“”](?=\w)",
    r"(?<=[,:;.!?])\"(?=\w)",
)


def mend_tokenizer(nlp: Any) -> None:
    """Add :data:`QUOTE_INFIXES` to ``nlp``'s tokenizer (once; the rules of the model stay as they are)."""
    if nlp.__dict__.get("_accords_quote_infixes"):
        return
    old = getattr(nlp.tokenizer.infix_finditer, "__self__", None)
    if not isinstance(old, re.Pattern):
        old = compile_infix_regex(nlp.Defaults.infixes or ())
    parts = [old.pattern, *QUOTE_INFIXES]
    nlp.tokenizer.infix_finditer = re.compile("|".join(parts)).finditer
    nlp.__dict__["_accords_quote_infixes"] = True
