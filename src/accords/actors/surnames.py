"""Which person a bare surname ('Obama', 'Mr. Clinton', 'President Bush') names when it could name several.

Two people of one family often share an article (Bill and Hillary Clinton, Barack and Michelle Obama, Jeb and
George W. Bush), and the gazetteer may know a famous holder of the surname the text never names in full. Joining
a surname to the wrong one of them gives a quote the wrong speaker, so a surname links to a full-named person
only when nothing else is open: a title one candidate holds in the text decides, a gendered title or pronoun
rules out a candidate of the other gender, and an undecided titled surname stays unlinked.

A person's gender comes from a gendered title in the text ('Mrs. Clinton'), else from a table of common first
names (data/first_names.txt, from the 1990 U.S. census lists): without it 'Mrs. Clinton' cannot join Hillary
Clinton when Bill is named too, and 'she' can be linked to a man.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal

from accords.actors.mentions import PRONOUNS

if TYPE_CHECKING:
    from accords.actors.mentions import _Ent

_GENDERED_NOUNS_M = {
    "mr", "mr.", "sir", "lord", "king", "prince", "husband", "father", "son", "brother", "congressman",
    "spokesman", "chairman", "businessman", "councilman", "assemblyman", "widower",
}  # fmt: skip
_GENDERED_NOUNS_F = {
    "mrs", "mrs.", "ms", "ms.", "miss", "madam", "dame", "lady", "queen", "princess", "wife", "mother",
    "daughter", "sister", "congresswoman", "spokeswoman", "chairwoman", "businesswoman", "councilwoman",
    "assemblywoman", "widow",
}  # fmt: skip
# The pronouns come from mentions.PRONOUNS, the one list of gendered pronouns ('they' has none).
PRONOUN_WORDS = set(PRONOUNS)
MALE_WORDS = _GENDERED_NOUNS_M | {w for w, g in PRONOUNS.items() if g == "m"}
FEMALE_WORDS = _GENDERED_NOUNS_F | {w for w, g in PRONOUNS.items() if g == "f"}


@dataclass(frozen=True)
class SurnamePick:
    """What a bare surname links to (see :meth:`_Builder._surname_pick`).

    ``person``: that full-named person; ``holder``: the gazetteer's holder of the surname, else an entity of its
    own; ``own``: an entity of its own for the surname and ``gender`` ('Mr. Clinton' when the text does not say
    which Clinton is the man); ``skip``: no link at all.
    """

    kind: Literal["person", "holder", "own", "skip"]
    person: _Ent | None = None
    gender: str | None = None


@lru_cache(maxsize=1)
def first_name_table() -> dict[str, str]:
    """data/first_names.txt: first name -> "m" / "f" (1990 U.S. census lists; see the file's header)."""
    text = resources.files("accords.actors.data").joinpath("first_names.txt").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, g = line.split("\t")
            out[name] = g
    return out


def first_name_gender(full_name: str) -> str | None:
    """Gender a full name's first name gives ('Hillary Clinton' f, 'President Bill Clinton' m); None for a single
    word, an unlisted or two-gender first name. Titles before the first name are passed over."""
    from accords.actors.roles import HEADS, HONORIFICS

    words = full_name.split()
    while len(words) > 2 and {words[0].lower(), words[0].lower().rstrip(".")} & (HONORIFICS | HEADS):
        words = words[1:]
    if len(words) < 2:
        return None
    return first_name_table().get(words[0])


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
