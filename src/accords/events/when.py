"""When, where, how many: dates resolved against the publication date, event location, size."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
]  # fmt: skip
_MON = {m: i + 1 for i, m in enumerate(MONTHS)} | {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
NUM_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "dozen": 12, "a dozen": 12, "thousand": 1000,
}  # fmt: skip


def parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def resolve_date(text: str, published: dt.date | None) -> str | None:
    """Resolve a date expression; returns YYYY-MM-DD, YYYY-MM (month precision) or YYYY (year precision)."""
    t = text.lower().strip()
    t = re.sub(r"^(on|in|during|since|by|at|early|late|mid|earlier|later)\s+(?=\w)", "", t)
    t = re.sub(r"\s+", " ", t)
    y = re.search(r"\b(1[89]\d\d|20\d\d)\b", t)
    m = next((v for k, v in _MON.items() if re.search(rf"\b{k}\b", t)), None)
    d = re.search(r"\b([0-3]?\d)(st|nd|rd|th)?\b", re.sub(r"\b(1[89]\d\d|20\d\d)\b", "", t))
    if y and m and d and 1 <= int(d.group(1)) <= 31:
        try:
            return dt.date(int(y.group(1)), m, int(d.group(1))).isoformat()
        except ValueError:
            return None
    if y and m:
        return f"{int(y.group(1)):04d}-{m:02d}"
    if y and "ago" not in t:
        return y.group(1)
    if published is None:
        return None
    if m and d and 1 <= int(d.group(1)) <= 31:
        year = published.year if m <= published.month else published.year - 1
        try:
            return dt.date(year, m, int(d.group(1))).isoformat()
        except ValueError:
            return None
    if m:
        year = published.year if m <= published.month else published.year - 1
        return f"{year:04d}-{m:02d}"
    for i, wd in enumerate(WEEKDAYS):
        if re.search(rf"\b{wd}\b", t):
            delta = (published.weekday() - i) % 7
            if "next" in t:
                delta = -((i - published.weekday()) % 7 or 7)
            elif "last" in t and delta == 0:
                delta = 7
            return (published - dt.timedelta(days=delta)).isoformat()
    if "yesterday" in t:
        return (published - dt.timedelta(days=1)).isoformat()
    if "today" in t or "tonight" in t or "this morning" in t or "this evening" in t:
        return published.isoformat()
    if "tomorrow" in t:
        return (published + dt.timedelta(days=1)).isoformat()
    if "this month" in t:
        return f"{published.year:04d}-{published.month:02d}"
    if "last month" in t:
        p = published.replace(day=1) - dt.timedelta(days=1)
        return f"{p.year:04d}-{p.month:02d}"
    if "this year" in t:
        return f"{published.year:04d}"
    if "last year" in t:
        return f"{published.year - 1:04d}"
    ago = re.search(r"(\w+) (day|week|month|year)s? ago", t)
    if ago:
        n = _num(ago.group(1)) or 1
        unit = ago.group(2)
        if unit == "day":
            return (published - dt.timedelta(days=n)).isoformat()
        if unit == "week":
            return (published - dt.timedelta(days=7 * n)).isoformat()
        if unit == "month":
            mm = published.month - n
            yy = published.year + (mm - 1) // 12
            mm = (mm - 1) % 12 + 1
            return f"{yy:04d}-{mm:02d}"
        return f"{published.year - n:04d}"
    if "last week" in t or "this week" in t:
        return None
    return None


def _num(text: str) -> int | None:
    t = text.lower().replace(",", "").strip()
    if t.isascii() and t.isdigit():  # str.isdigit() is also true of '1³' and other digits int() refuses
        return int(t)
    try:
        return int(float(t))
    except ValueError:
        return NUM_WORDS.get(t)


def number_of(tok: Any) -> int | None:
    """The count a noun carries: '1,000 individuals', 'three soldiers', '2 million people'."""
    total: int | None = None
    for c in tok.children:
        if c.dep_ == "nummod" or (c.like_num and c.dep_ in ("amod", "compound", "quantmod")):
            n = _num(c.text)
            if n is None:
                continue
            for cc in c.children:
                if cc.lower_ in ("million", "thousand", "hundred"):
                    n *= {"million": 1_000_000, "thousand": 1000, "hundred": 100}[cc.lower_]
            total = n if total is None else total
    return total


PERSON_NOUNS = {
    "people", "person", "individual", "civilian", "soldier", "prisoner", "hostage", "detainee", "protester",
    "demonstrator", "fighter", "militant", "troop", "child", "woman", "man", "member", "officer", "student", "worker",
    "journalist", "activist", "resident", "refugee", "migrant", "captive", "pow", "rebel", "police", "policeman",
    "serviceman", "servicemen",
}  # fmt: skip
DEAD = {"kill", "die", "dead", "death", "murder", "execute", "massacre", "slay"}
INJURED = {"injure", "wound", "hurt", "injured", "wounded"}
ARRESTED = {"arrest", "detain", "jail", "imprison", "round"}
PER_SIDE = re.compile(
    r"\b(from|on|for) (each|either|both) side|\beach side\b|\bper side\b|\bapiece\b|\beach\b", re.I
)
RELEASE_UNITS = {"prisoner", "detainee", "hostage", "captive", "pow", "soldier"}
