"""Which person a bare surname ('Obama', 'Mr. Clinton', 'President Bush') names when it could name several.

Two people of one family often share an article (Bill and Hillary Clinton, Barack and Michelle Obama, Jeb and
George W. Bush), and the gazetteer may know a famous holder of the surname the text never names in full. Joining
a surname to the wrong one of them gives a quote the wrong speaker, so a surname links to a full-named person
only when nothing else is open: a title one candidate holds in the text decides, a gendered title or pronoun
rules out a candidate of the other gender, and an undecided titled surname stays unlinked.
"""

from __future__ import annotations

from typing import Any

MALE_WORDS = {
    "mr", "mr.", "sir", "lord", "king", "prince", "he", "him", "his", "himself", "husband", "father", "son",
    "brother", "congressman", "spokesman", "chairman", "businessman", "councilman", "assemblyman", "widower",
}  # fmt: skip
FEMALE_WORDS = {
    "mrs", "mrs.", "ms", "ms.", "miss", "madam", "dame", "lady", "queen", "princess", "she", "her", "herself",
    "wife", "mother", "daughter", "sister", "congresswoman", "spokeswoman", "chairwoman", "businesswoman",
    "councilwoman", "assemblywoman", "widow",
}  # fmt: skip
PRONOUN_WORDS = {"he", "him", "his", "himself", "she", "her", "herself"}


def word_gender(word: str) -> str | None:
    low = word.lower()
    if low in MALE_WORDS:
        return "m"
    if low in FEMALE_WORDS:
        return "f"
    return None


def title_gender(doc: Any, start: int, sent_start: int) -> str | None:
    """Gender of the word right before token ``start`` ('Mr.', 'Mrs .', 'first lady', 'Congresswoman'); a
    gendered word further left belongs to someone else ('a spokesman for the Clinton campaign')."""
    i = start - 1
    if i > sent_start and doc[i].text == "." and doc[i - 1].text.lower() + "." in MALE_WORDS | FEMALE_WORDS:
        i -= 1  # 'Mrs .' split by the tokenizer
    if i < sent_start or doc[i].lower_ in PRONOUN_WORDS:
        return None
    return word_gender(doc[i].text)


def name_gender(span: Any) -> str | None:
    """Gender evidence at a full-name mention: a gendered title right before it ('Mrs. Hillary Clinton', 'first
    lady Michelle Obama'). Pronouns after the name were tried and left out: the next he/she is often another's."""
    return title_gender(span.doc, span.start, span.sent.start)


def title_words(hit: Any) -> set[str]:
    """The role words of a title before a surname, without honorifics: 'Secretary', 'President'."""
    if hit is None or not hit.role:
        return set()
    return {w.lower() for w in hit.role.split() if w[:1].isupper()} - {"the", "of", "u.s.", "former"}


def holds(role: str | None, words: set[str]) -> bool:
    """Whether ``role`` (a person's title in the text) carries the title ``words`` ('President' in 'U.S. President')."""
    if not role or not words:
        return False
    have = {w.lower() for w in role.split()}
    return words <= have
