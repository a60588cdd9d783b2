"""The publication date of a page (the date it presents as the article's), and its last modification.

``Article.published`` anchors relative dates in the text ('on Friday'), so it is the original
publication date whenever the page gives one; an 'Updated' date only when the page presents no
other. Sources, strongest first:

1. a full date in the URL path (``/2025/05/16/``), set when the article was published;
2. a sentence saying when the article was *originally published*;
3. the date the page shows by its headline (the byline), unless it is labelled as an update or it
   is the page's declared modification date while a different publication date is declared;
4. the publication date the page declares: JSON-LD ``datePublished`` of the article, meta tags
   (``article:published_time``...), microdata (``itemprop="datePublished"``, ``<time pubdate>``);
5. a guess from elsewhere in the page (htmldate, through trafilatura), unless it is the declared
   modification date or a bare year (htmldate reads '© 2026' as 2026-01-01).

A declared publication date that the page writes nowhere a reader sees and does not state in its
head's meta tags (only JSON-LD or microdata hold it) is often the creation of an evergreen
guide's URL, not the date of the text the page offers: it then counts as not given, in 3 and 4.
A page that gives no publication date presents the update date it shows by its headline
('Updated Sep 17, 2025', up to :data:`LABELLED_CHARS` when labelled) as its date, before 5; and
the guess may be an update date written elsewhere ('Page last modified: ...' at the foot).

An ISO timestamp keeps its own calendar day (``2025-07-04T20:04:00-04:00`` is 4 July): the day
the readers of the outlet saw, which is the one the article's 'today' and 'yesterday' refer to.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any
from urllib.parse import urlsplit

from lxml.etree import XPath

_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_MONTHS = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
# Written dates, with the group numbers of (year, month, day).
_WRITTEN = (
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I), (3, 1, 2)),
    (re.compile(rf"(?<!-)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+((?:19|20)\d\d)\b", re.I), (3, 2, 1)),
    # ISO, also as the start of a timestamp ('2025-05-16T09:30:00Z').
    (re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)(?=T|\b)"), (1, 2, 3)),
)
# 09.10.2024, 3/4/2025: month first in the US, day first elsewhere (see _numeric_day).
_NUMERIC = re.compile(r"(?<![\d./])(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d\d)(?![\d.]\d)")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
# 'Reviewed by Dr X' and 'edited by Y' credit a person; 'Last reviewed', 'Edited on' date a change.
_UPDATE_WORDS = re.compile(r"updat|modif|revis|(?:edited|reviewed)(?!\s+by\b)", re.I)
_PUBLISHED_WORD = re.compile(r"\b(?:published|posted|first\s+appeared)\b", re.I)
# A date's label: the words, or 'Dated' which stands for markup that marks a date (see _visible_parts).
_LABEL = re.compile(r"\b(?:published|posted|first\s+appeared|dated)\b[\s:|-]*(?:on\s+)?$", re.I)
_ORIGINALLY = re.compile(r"originally\s+(?:published|posted|appeared)\b", re.I)
BYLINE_CHARS = 300
# How far after the headline a date explicitly labelled 'Published' is still the article's own.
LABELLED_CHARS = 1200
# How much of the text just before the headline (a dateline above it) is read.
BEFORE_CHARS = 120
_SKIP = ("script", "style", "noscript", "template")


def _day(year: int, month: int, day: int) -> str | None:
    if not 1990 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _written_day(m: re.Match[str], groups: tuple[int, int, int]) -> str | None:
    """YYYY-MM-DD of one :data:`_WRITTEN` match, whose month is a number or a name."""
    yi, mi, di = groups
    month = m.group(mi)
    number = int(month) if month.isdigit() else _MONTHS.get(month[:3].lower(), 0)
    return _day(int(m.group(yi)), number, int(m.group(di)))


def parse_day(value: object) -> str | None:
    """YYYY-MM-DD of a machine-written date: ISO (its own calendar day kept) or 'August 11, 2019'."""
    if not isinstance(value, str):
        return None
    m = _ISO.match(value)
    if m:
        return _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    found = first_written_date(value[:40])
    return found[1] if found else None


def _numeric_day(first: int, second: int, year: int, known: frozenset[str]) -> str | None:
    """A numeric date whose order is told by a part over 12 or, failing that, by a date the page
    declares in its markup (``09.10.2024`` is 10 September on a US page, 9 October elsewhere)."""
    if first > 12 or second > 12 or first == second:
        return _day(year, second, first) if first > 12 else _day(year, first, second)
    readings = {d for d in (_day(year, first, second), _day(year, second, first)) if d in known}
    return readings.pop() if len(readings) == 1 else None


def first_written_date(
    text: str, skip: Callable[[int], bool] | None = None, known: frozenset[str] = frozenset()
) -> tuple[int, str] | None:
    """The first date written in ``text`` as (offset, YYYY-MM-DD); ``skip(offset)`` rejects one.
    A numeric date with day and month both under 13 counts only when ``known`` tells the order."""
    best: tuple[int, str] | None = None
    for pattern, groups in _WRITTEN:
        for m in pattern.finditer(text):
            if best is not None and m.start() >= best[0]:
                break
            value = _written_day(m, groups)
            if value is None or (skip is not None and skip(m.start())):
                continue
            best = (m.start(), value)
            break
    for m in _NUMERIC.finditer(text):
        if best is not None and m.start() >= best[0]:
            break
        value = _numeric_day(int(m.group(1)), int(m.group(3)), int(m.group(4)), known)
        if value is None or (skip is not None and skip(m.start())):
            continue
        best = (m.start(), value)
        break
    return best


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|\.|$)")


def url_date(url: str | None) -> str | None:
    """A full date in the article's URL path (``/2025/05/16/``), set when the article was published."""
    if not url:
        return None
    m = _URL_DATE.search(urlsplit(url).path)
    if not m:
        return None
    return f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"


# --- dates the page declares ---------------------------------------------------------------------------
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "og:modified_time",
    "article:modified",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "updated",
    "modified",
)
_ARTICLE_TYPES = ("Article", "BlogPosting", "Posting", "Report", "Review", "Recipe", "HowTo")


@dataclass
class Declared:
    """The dates a page states in its markup, as YYYY-MM-DD."""

    published: str | None = None
    modified: str | None = None
    modified_all: set[str] = field(default_factory=set)
    # Publication dates stated in the head's ``<meta property|name>`` tags (OpenGraph, Dublin Core...).
    stated: set[str] = field(default_factory=set)

    @property
    def known(self) -> frozenset[str]:
        return frozenset(d for d in (self.published, *self.modified_all) if d)


def _types(node: dict[str, Any]) -> list[str]:
    """A JSON-LD node's ``@type``, one name or a list of them."""
    kind = node.get("@type")
    return [k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)]


def _is_article(node: dict[str, Any]) -> bool:
    return any(t in k for k in _types(node) for t in _ARTICLE_TYPES)


def _is_webpage(node: dict[str, Any]) -> bool:
    return any(k.endswith("WebPage") for k in _types(node))


def jsonld_nodes(scripts: Iterable[str]) -> list[dict[str, Any]]:
    """Every JSON object of the page's JSON-LD blocks (``@graph`` and nested ones included)."""
    nodes: list[dict[str, Any]] = []

    def walk(node: Any, depth: int) -> None:
        if depth > 6:
            return
        if isinstance(node, dict):
            nodes.append(node)
            for v in node.values():
                if isinstance(v, dict | list):
                    walk(v, depth + 1)
        elif isinstance(node, list):
            for v in node:
                walk(v, depth + 1)

    for script in scripts:
        try:
            walk(json.loads(script), 0)
        except (ValueError, TypeError, RecursionError):
            continue
    return nodes


# Elements with itemprop datePublished or dateModified, and <time pubdate>, in document order: reached
# through the attribute (an element test ``//*[@itemprop=...]`` takes three times as long).
_MICRODATA_DATES = XPath("//@itemprop[.='datePublished' or .='dateModified']/.. | //time[@pubdate]")


def declared_dates(metas: dict[str, str], nodes: list[dict[str, Any]], tree: Any) -> Declared:
    """Publication and modification dates from JSON-LD (the article's entity first), meta tags and
    microdata. An article's own JSON-LD entity is the most specific statement; a WebPage entity
    describes the page around it and comes after the meta tags."""
    article = [n for n in nodes if _is_article(n)]
    webpage = [n for n in nodes if _is_webpage(n)]
    published: list[str | None] = [parse_day(n.get("datePublished")) for n in article]
    published += [parse_day(metas.get(name)) for name in _PUBLISHED_META]
    micro_published: list[str | None] = []
    micro_modified: list[str | None] = []
    for el in _MICRODATA_DATES(tree):
        value = parse_day(el.get("content") or el.get("datetime"))
        (micro_modified if el.get("itemprop") == "dateModified" else micro_published).append(value)
    published += micro_published
    published += [parse_day(n.get("datePublished")) for n in webpage]
    modified = [parse_day(n.get("dateModified")) for n in article]
    modified += [parse_day(metas.get(name)) for name in _MODIFIED_META]
    modified += micro_modified
    modified += [parse_day(n.get("dateModified")) for n in webpage]
    first = next((d for d in published if d), None)
    changed = {d for d in modified if d and (first is None or d >= first)}
    stated = set()
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or "").strip().lower()
        if key in _PUBLISHED_META and (day := parse_day(el.get("content"))):
            stated.add(day)
    return Declared(
        published=first,
        modified=next((d for d in modified if d and d in changed), None),
        modified_all=changed,
        stated=stated,
    )


# --- dates the page shows -------------------------------------------------------------------------------
def _is_update_element(a: Mapping[str, str]) -> bool:
    """An element (attributes ``a``) marked as holding the modification date (``itemprop=dateModified``,
    class 'updated')."""
    if a.get("itemprop") == "dateModified":
        return True
    classes = a.get("class", "").lower()
    return bool(_UPDATE_CLASS.search(classes)) and "publish" not in classes


_UPDATE_CLASS = re.compile(r"(?<![a-z])(?:updated?|modified|revised|lastmod)(?![a-z])")


def _date_label(tag: str, a: Mapping[str, str]) -> str | None:
    """What markup says an element holds: 'Published' (``itemprop=datePublished``, ``pubdate``, a
    class naming publication), 'Dated' (a date or time class, ``<time>``), or nothing."""
    classes = a.get("class", "") + " " + a.get("id", "")
    if a.get("itemprop") == "datePublished" or "pubdate" in a or "publish" in classes.lower():
        return "Published"
    if tag == "time" or _DATE_CLASS.search(classes):
        return "Dated"
    return None


_DATE_CLASS = re.compile(r"date|time|posted", re.I)


def _visible_parts(elements: Iterable[Any], start: Any, limit: int) -> str:
    """The visible text of ``elements`` (document order) up to ``limit`` characters. Markup is
    spelled out: 'Updated' before an element marked as the modification date, 'Published' or 'Dated'
    before one marked as a date (:func:`_date_label`), and a ``<time datetime>`` value when its text shows no full date
    (the text is the outlet's own calendar day; the attribute is often UTC)."""
    parts: list[str] = []
    size = 0
    for el in elements:
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if el is not start:
            items = el.items()
            if items or tag == "time":
                a = dict(items)
                label = "Updated" if _is_update_element(a) else _date_label(tag, a)
                if label:
                    parts.append(label)
                stamp = a.get("datetime") if tag == "time" else None
                if stamp and first_written_date(el.text_content()) is None:
                    parts.append(stamp)
        for piece in (el.text, el.tail if el is not start else None):
            if piece and piece.strip():
                parts.append(piece.strip())
                size += len(piece.strip()) + 1
        if size > limit:
            break
    return " ".join(parts)[: limit + 60]


def _labelled_update(text: str, at: int) -> bool:
    """An update label shortly before the date, not followed by a 'Published' of its own."""
    window = text[max(0, at - 40) : at]
    ends = [m.end() for m in _UPDATE_WORDS.finditer(window)]
    return bool(ends) and not _PUBLISHED_WORD.search(window, ends[-1])


def _unlabelled(text: str, at: int) -> bool:
    return not _labelled_update(text, at)


def _labelled_published(text: str, at: int) -> bool:
    return bool(_LABEL.search(text[max(0, at - 30) : at]))


def _after(h1: Any) -> Iterable[Any]:
    """The headline and every element after it in document order (not the head before it)."""
    yield from h1.iter()
    node = h1
    while node is not None:
        for sib in node.itersiblings():
            yield from sib.iter()
        node = node.getparent()


def _before_text(h1: Any) -> str:
    """The text just above the headline, inside its header block (a date line over the title)."""
    pieces: list[str] = []
    node = h1
    for _ in range(3):
        for sib in node.itersiblings(preceding=True):
            if isinstance(sib.tag, str) and sib.tag not in _SKIP and sib.tag != "nav":
                pieces.insert(0, _visible_parts(sib.iter(), sib, BEFORE_CHARS))
            if sum(len(p) for p in pieces) > BEFORE_CHARS:
                break
        parent = node.getparent()
        if sum(len(p) for p in pieces) > BEFORE_CHARS or parent is None or parent.tag in ("body", "html"):
            break
        node = parent
    return " ".join(pieces)[-BEFORE_CHARS:]


class BylineView:
    """The text a headline's byline readers see, read once for :func:`byline_date` and
    :func:`byline_update` (both read the same two windows)."""

    def __init__(self, h1: Any) -> None:
        self.h1 = h1
        self._text: str | None = None
        self._above: str | None = None

    @property
    def text(self) -> str:
        """The visible text from the headline on, up to :data:`LABELLED_CHARS`."""
        if self._text is None:
            self._text = _visible_parts(_after(self.h1), self.h1, LABELLED_CHARS)
        return self._text

    @property
    def above(self) -> str:
        """The date line just above the headline (:func:`_before_text`)."""
        if self._above is None:
            self._above = _before_text(self.h1)
        return self._above


def byline_date(
    tree: Any, h1: Any, known: frozenset[str] = frozenset(), view: BylineView | None = None
) -> str | None:
    """The date the page shows by its headline (the byline), unless it is labelled as an update.

    Reads the visible text from the ``<h1>`` on, at most :data:`BYLINE_CHARS` characters, and
    returns the first date written there (``May 16, 2025``, ``16 May 2025``, ISO, numeric when
    ``known`` dates tell its order); then a date line just above the headline; then a date labelled
    'Published' (in words or by its markup) up to :data:`LABELLED_CHARS` after it. ``view`` (of
    ``h1``) shares the reading with :func:`byline_update`.
    """
    view = view if view is not None else BylineView(h1)
    text = view.text
    near = text[: BYLINE_CHARS + 60]
    found = first_written_date(near, lambda at: _labelled_update(near, at), known)
    if found:
        return found[1]
    above = view.above
    found = first_written_date(above, lambda at: _labelled_update(above, at), known)
    if found:
        return found[1]
    found = first_written_date(
        text, lambda at: _labelled_update(text, at) or not _labelled_published(text, at), known
    )
    return found[1] if found else None


def byline_update(
    tree: Any, h1: Any, known: frozenset[str] = frozenset(), view: BylineView | None = None
) -> str | None:
    """The date the page shows by its headline as an update ('Updated Sep 17, 2025'): in the
    window of :func:`byline_date`, in the date line just above the headline, then, as a date
    labelled 'Published' may be, up to :data:`LABELLED_CHARS` after it."""
    view = view if view is not None else BylineView(h1)
    text = view.text
    for window in (text[: BYLINE_CHARS + 60], None, text):
        window = view.above if window is None else window
        found = first_written_date(window, partial(_unlabelled, window), known)
        if found:
            return found[1]
    return None


def originally_published(html: str, tree: Any) -> str | None:
    """The date of 'This article was originally published on 26 Sep 2019' anywhere on the page."""
    if "riginally" not in html and "RIGINALLY" not in html:
        return None
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _SKIP:
            continue
        for piece in (el.text, el.tail):
            if piece and "riginally" in piece.lower():
                m = _ORIGINALLY.search(piece)
                if m:
                    tail = " ".join(piece[m.end() : m.end() + 80].split())
                    found = first_written_date(tail)
                    if found and found[0] <= 4:
                        return found[1]
    return None


def _page_text(tree: Any) -> str:
    root = tree.find("body")
    return _visible_parts((root if root is not None else tree).iter(), None, 10**9)


def written_days(text: str, known: frozenset[str] = frozenset()) -> set[str]:
    """Every day written in ``text`` (numeric ones when ``known`` tells their order)."""
    days = {
        d for pattern, groups in _WRITTEN for m in pattern.finditer(text) if (d := _written_day(m, groups))
    }
    for m in _NUMERIC.finditer(text):
        if d := _numeric_day(int(m.group(1)), int(m.group(3)), int(m.group(4)), known):
            days.add(d)
    return days


def shows_day(tree: Any, day: str, known: frozenset[str] = frozenset()) -> bool:
    """Whether the visible page writes ``day`` anywhere (by the headline, in the text, at the foot)."""
    return day in written_days(_page_text(tree), known | {day})


def choose_date(
    from_url: str | None,
    original: str | None,
    shown: str | None | Callable[[], str | None],
    declared: Declared,
    guess: Callable[[], str | None],
    shown_update: str | None | Callable[[], str | None] = None,
    on_page: Callable[[str], bool] = lambda day: True,
) -> str | None:
    """The publication date, by the order of the module docstring. ``guess`` is called only when
    needed; a guess is dropped when it is the declared modification date or a bare year.

    A declared publication date that the page neither shows (``on_page``) nor states in its head's
    meta tags yields to the date the page presents by its headline, even an update date
    (``shown_update``): the page then offers that date as the date of the text a reader has. A
    page that gives no publication date at all is dated by the update date it shows, by the
    headline or, found by the guess, elsewhere ('Page last modified: ...' at its foot).
    ``shown`` and ``shown_update`` may be functions, called only when their date is needed.
    """
    if from_url:
        return from_url
    if original:
        return original
    stated = declared.published
    if stated and not declared.stated and not on_page(stated):
        stated = None
    shown = shown() if callable(shown) else shown
    if shown:
        if shown in declared.modified_all and stated and stated < shown:
            return stated
        return shown
    if stated:
        return stated
    update = shown_update() if callable(shown_update) else shown_update
    if update:
        return update
    if declared.published:
        return declared.published
    value = parse_day(guess())
    if value is None or value in declared.modified_all or value.endswith("-01-01"):
        return None
    return value
