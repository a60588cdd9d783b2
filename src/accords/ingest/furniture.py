"""Page furniture that survives extraction: share buttons, comment counters, 'Related' links, tickers.

Used on HTML bodies and on plain-text inputs alike (a text file is often a copied web page).
"""

from __future__ import annotations

import re

# Whole lines that are furniture, whatever the site (matched on the stripped line, case-insensitively).
_FURNITURE_LINE = re.compile(
    r"""^(?:
        \d*\s*comments?|all\s+comments|show\s+comments|view\s+comments|comments?\s+\(\d+\)|
        leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+a\s+comment|join\s+(?:the\s+)?discussion|
        want\s+to\s+join\s+the\s+discussion\??|feel\s+free\s+to\s+contribute!?|
        (?:related|recommended|more|latest|top)(?:\s+(?:posts?|articles?|stories|content|reading|news|links|videos?))?|
        you\s+(?:may|might)\s+also\s+(?:like|enjoy)|(?:see|read)\s+(?:more|also)|also\s+read|don'?t\s+miss|
        most\s+(?:popular|read|viewed|shared)|trending(?:\s+now)?|editor'?s\s+picks?|
        what'?s\s+your\s+reaction\??|share(?:\s+(?:this|on|via|the|article|story|post|page)\b.*)?|
        (?:tweet|pin\s+it|email|print|whatsapp|facebook|twitter|linkedin|reddit|telegram)|
        advertisement|advertising|sponsored(?:\s+content)?|skip\s+(?:ad|advertisement)|
        (?:the\s+)?story\s+continues\s+below.*|continue\s+reading(?:\s+below)?.*|
        tags?|filed\s+under.*|topics?|categories|
        \d+\s+min(?:ute)?s?\s+read|reading\s+time:?.*|tempo\s+de\s+leitura:?.*|
        like\s+this\s+(?:story|article)\?.*|
        (?:sign\s+up|subscribe)\b.{0,120}(?:newsletter|inbox|updates)\b.*|
        get\s+the\s+latest\b.{0,80}\binbox\b.*|
        follow\s+(?:us|\w+(?:\s+\w+){0,4})\s+on\s+(?:facebook|twitter|x|instagram|linkedin|telegram)\b.*|
        click\s+here\b.*|
        (?:©|\(c\)|copyright\b).*|.*\ball\s+rights\s+reserved\b.*|
        breaking(?:\s+news)?\s*:.*
    )\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
# Short lines that start like a link to another story.
_FURNITURE_PREFIX = re.compile(
    r"^\[?(?:read\s+more|related(?:\s+(?:post|article|story|coverage|content))?|see\s+more|see\s+also|also\s+read|"
    r"read\s+also|more\s+on\s+this|also\s+on\s+\S+|watch|listen|recommended|more)\s*:",
    re.IGNORECASE,
)
_MAX_FURNITURE_WORDS = 30


def is_furniture(line: str) -> bool:
    s = line.strip()
    if not s:
        return True
    if len(s.split()) > _MAX_FURNITURE_WORDS:
        return False
    if _FURNITURE_LINE.match(s):
        return True
    return bool(_FURNITURE_PREFIX.match(s))


def fold(s: str) -> str:
    """Whitespace-, punctuation- and case-folded form, for comparing titles and lines."""
    return " ".join(re.sub(r"[\W_]+", " ", s).split()).casefold()


_REACTION_WORDS = {
    "like",
    "likes",
    "dislike",
    "love",
    "funny",
    "haha",
    "lol",
    "angry",
    "sad",
    "wow",
    "happy",
    "unhappy",
    "surprised",
    "shocked",
    "excited",
    "bored",
    "afraid",
    "upvote",
    "downvote",
    "thumbs up",
    "thumbs down",
    "amazing",
    "interesting",
    "useful",
    "care",
    "inspired",
    "informative",
}
_PAIR = re.compile(r"([^\W\d_][\w' -]{0,20}?)\s+(\d[\d,]*)(?=\s|$)")


def split_reactions(paragraphs: list[str]) -> tuple[list[str], dict[str, int] | None]:
    """Find a reader-reaction widget copied as text ('like 0 dislike 3 ...') and take it out of the body.

    A paragraph qualifies when it is nothing but three or more 'label count' pairs and either most
    labels are reaction words or the paragraph before it speaks of reactions.
    """
    out: list[str] = []
    reactions: dict[str, int] = {}
    for i, p in enumerate(paragraphs):
        pairs = _PAIR.findall(p)
        covered = " ".join(f"{a} {b}" for a, b in pairs)
        if len(pairs) >= 3 and " ".join(p.split()) == " ".join(covered.split()):
            known = sum(a.strip().casefold() in _REACTION_WORDS for a, _ in pairs)
            prev = paragraphs[i - 1].casefold() if i else ""
            if known * 2 >= len(pairs) or "reaction" in prev:
                for a, b in pairs:
                    reactions.setdefault(a.strip().casefold().replace(" ", "_"), int(b.replace(",", "")))
                continue
        out.append(p)
    return out, reactions or None
