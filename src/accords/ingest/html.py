"""HTML pages: trafilatura for the body and metadata, then what trafilatura leaves of the page furniture.

The body comes from trafilatura's precision mode without comments; when that keeps less than half
of what the default mode finds (it sometimes prunes a real article), the default mode's body is used.
Lines that are page furniture (share buttons, 'Related posts', comment counters, newsletter pitches,
tickers, copyright lines) are then dropped, and so is a headline repeated at the top of the body.

The page is parsed once: both extraction modes copy the tree they are given (precision mode is
:func:`accords.ingest.body.precision_text`, trafilatura's own steps with faster pruning), so they and
the metadata read the same parse. Metadata is trafilatura's, less what accords does not use
(categories, tags, licence) and less htmldate's whole-page date search, which runs only when the
page states no date of its own (see :mod:`accords.ingest.dates`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import unescape
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from htmldate import find_date
from lxml import html as lxml_html
from lxml.etree import Element
from trafilatura import metadata as traf_meta
from trafilatura.htmlprocessing import delete_element
from trafilatura.utils import line_processing

from accords.ingest.body import precision_text
from accords.ingest.dates import (
    BYLINE_CHARS,
    BylineView,
    byline_date,
    byline_update,
    choose_date,
    declared_dates,
    jsonld_nodes,
    originally_published,
    shows_day,
    url_date,
)
from accords.ingest.furniture import fold, is_furniture

__all__ = ["BYLINE_CHARS", "HtmlDoc", "byline_date", "clean_title", "extract_html", "pick_title", "url_date"]

_COUNT = re.compile(r"^\s*(\d[\d,.\s]*)\s*([kKmM])?\s*$")


@dataclass
class HtmlDoc:
    paragraphs: list[str]
    title: str | None = None
    date: str | None = None
    date_modified: str | None = None
    site_name: str | None = None
    authors: list[str] = field(default_factory=list)
    url: str | None = None
    html_lang: str | None = None
    reactions: dict[str, int] | None = None
    mode: str = "precision"


def _body(doc: Any) -> str:
    return (getattr(doc, "text", None) or "") if doc is not None else ""


def _extract(tree: Any, url: str | None, **options: Any) -> Any:
    return trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        **options,
    )


def page_metadata(tree: Any, url: str | None, author: bool = True) -> Any:
    """trafilatura's ``extract_metadata`` without the date, categories, tags and licence (accords
    uses none of them; the date search alone costs as much as the rest together). With
    ``author=False`` the search of the page for a byline is left to :func:`byline_author`."""
    meta = traf_meta.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    try:
        meta = traf_meta.extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - trafilatura's JSON-LD reader has its own bugs; the rest stands
        pass
    if not meta.title:
        meta.title = traf_meta.extract_title(tree)
    if not meta.author and author:
        meta.author = traf_meta.extract_author(tree)
    if not meta.url:
        meta.url = traf_meta.extract_url(tree, url)
    if not meta.sitename:
        meta.sitename = traf_meta.extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url:
        m = traf_meta.META_URL.match(meta.url)
        if m:
            meta.sitename = m[1]
    meta.clean_and_trim()
    return meta


_AUTHOR_NAME = re.compile(r"author-?name|AuthorName|authorName")
_AUTHOR_ID = re.compile(r"author|zuozhe|bianji|xiaobian")
_AUTHOR_CLASS = re.compile(
    r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name"
)
_AUTHOR_ANY_ID = re.compile(r"[Aa]uthor")
_AUTHOR_ANY_CLASS = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")
_TAGS_1 = frozenset("a address div link p span strong".split())
_TAGS_2 = frozenset("a div h3 h4 p span".split())


def _author_candidates(tree: Any) -> list[list[Any]]:
    """The elements each of trafilatura's three ``AUTHOR_XPATHS`` selects, found in one pass in
    Python (the XPaths call a Python regex on every element, three times over)."""
    found: list[list[Any]] = [[], [], []]
    for el in tree.iter(Element):
        tag = el.tag
        items = el.items()
        if not items and tag != "author":
            continue
        a = dict(items)
        cls, ident, prop = a.get("class", ""), a.get("id", ""), a.get("itemprop", "")
        if tag == "author" or (
            tag in _TAGS_1
            and (
                a.get("rel") == "author"
                or ident == "author"
                or cls == "author"
                or prop == "author name"
                or a.get("data-testid") in ("AuthorCard", "AuthorURL")
                or _AUTHOR_NAME.search(cls)
            )
        ):
            found[0].append(el)
        if tag in _TAGS_2 and (
            cls in ("byline", "username", "byl", "BBL")
            or "author" in prop
            or _AUTHOR_ID.search(ident)
            or _AUTHOR_CLASS.search(cls)
        ):
            found[1].append(el)
        if (
            "Byline" in a.get("data-component", "")
            or "author" in prop
            or _AUTHOR_ANY_ID.search(ident)
            or _AUTHOR_ANY_CLASS.search(cls)
        ):
            found[2].append(el)
    return found


_DISCARD_ID = re.compile(r"^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(
    r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
    r"article-(?:share|support)|print|category|meta-date|meta-reviewer"
)


def _discard_for_author(a: dict[str, str]) -> bool:
    ident, cls = a.get("id", ""), a.get("class", "")
    return bool(
        ident == "comments"
        or cls in ("comments", "title", "date")
        or _DISCARD_ID.search(ident)
        or _DISCARD_CLASS.search(cls)
        or "Figure" in a.get("data-component", "")
    )


def _prune_for_author(tree: Any) -> None:
    """trafilatura's ``AUTHOR_DISCARD_XPATHS`` (comments, sidebars, dates, figures...), in Python."""
    for el in [
        el
        for el in tree.iter("a", "div", "section", "span")
        if (items := el.items()) and _discard_for_author(dict(items))
    ]:
        delete_element(el)
    for el in list(tree.iter("time", "figure")):
        delete_element(el)


def byline_author(tree: Any) -> str | None:
    """trafilatura's ``extract_author``, pruning ``tree`` itself rather than a deep copy of it (call
    it last, on a tree nothing else will read), with its XPaths evaluated in Python in one pass
    each (as XPath, they call a Python regex on every element; same results on aeb and wcxb-dev)."""
    _prune_for_author(tree)
    found = None
    for candidates in _author_candidates(tree):
        for el in candidates:
            content = " ".join(" ".join(el.itertext()).split())
            if 2 < len(content) < 120:
                found = content
                break
        if found:
            break
    found = traf_meta.normalize_authors(None, found) if found else None
    return line_processing(unescape(found[:10000])) if found else None


def _guess_date(tree: Any, url: str | None) -> str | None:
    params = traf_meta.set_date_params(True)
    params["url"] = url
    value = find_date(tree, **params)
    return str(value) if value else None


def extract_html(html: str, url: str | None = None) -> HtmlDoc | None:
    """Extract the article of one page; None when the page cannot be parsed at all."""
    tree = trafilatura.load_html(html)
    if tree is None:
        return None
    reactions = remove_reactions(tree) if ("reaction" in html or "Reaction" in html) else None
    metas = _metas(tree)
    html_lang = _html_lang(tree, metas)
    site_meta = _meta(metas, "og:site_name", "application-name")
    og_title = _meta(metas, "og:title", "twitter:title")
    h1_nodes = list(tree.iter("h1"))
    h1s = [" ".join(h.text_content().split()) for h in h1_nodes]
    meta = page_metadata(tree, url, author=False)
    page_url = meta.url or url
    body, mode = precision_text(tree, page_url), "precision"
    if len(body) < 1000:
        # Precision mode sometimes prunes a real article: compare with the default mode.
        other = _extract(tree, page_url)
        if len(_body(other)) > 2 * len(body):
            body, mode = _body(other), "default"
    site = site_meta or meta.sitename
    title = pick_title(h1s, clean_title(meta.title, site, page_url, og_title), site, page_url)
    if not body:
        return HtmlDoc(
            paragraphs=[], title=title, site_name=site, html_lang=html_lang, reactions=reactions, mode="none"
        )
    paragraphs = clean_paragraphs(body.split("\n"), title, [meta.title, og_title, *h1s[:1]])
    scripts = (s.text for s in tree.iter("script") if s.get("type") == "application/ld+json" and s.text)
    declared = declared_dates(metas, jsonld_nodes(scripts), tree)
    view = BylineView(h1_nodes[0]) if h1_nodes else None

    def shown() -> str | None:
        return byline_date(tree, view.h1, declared.known, view) if view else None

    def shown_update() -> str | None:
        return byline_update(tree, view.h1, declared.known, view) if view else None

    date = choose_date(
        url_date(page_url),
        originally_published(html, tree),
        shown,
        declared,
        lambda: _guess_date(tree, page_url),
        shown_update,
        lambda day: shows_day(tree, day, declared.known),
    )
    modified = declared.modified
    if date and modified and modified <= date:
        modified = None
    author = meta.author or byline_author(tree)  # last: it prunes the tree
    authors = [a.strip() for a in re.split(r";|\band\b", author or "") if a.strip()]
    return HtmlDoc(
        paragraphs=paragraphs,
        title=title,
        date=date,
        date_modified=modified,
        site_name=site,
        authors=authors,
        url=page_url,
        html_lang=html_lang,
        reactions=reactions,
        mode=mode,
    )


def clean_paragraphs(
    lines: list[str], title: str | None, other_titles: Sequence[str | None] = ()
) -> list[str]:
    """Drop furniture lines, and a headline repeated at the top of the body."""
    paras = [" ".join(line.split()) for line in lines]
    paras = [p for p in paras if p and not is_furniture(p)]
    titles = {fold(t) for t in [title, *other_titles] if t}
    titles.discard("")
    # Only the first lines: a headline repeated as an h2 or a summary heading.
    while paras and fold(paras[0]) in titles:
        paras.pop(0)
    return paras


def pick_title(h1s: list[str], title: str | None, site: str | None, url: str | None) -> str | None:
    """The page's headline: its only ``<h1>`` when it has exactly one that reads like a headline (not the
    outlet's name), else the cleaned metadata title. Sites decorate ``<title>`` and og:title (outlet
    names, SEO phrasing); the ``<h1>`` is what the reader sees above the article."""
    heads = [h for h in h1s if h]
    if len(heads) == 1:
        head = heads[0]
        if 2 <= len(head.split()) <= 40 and not _is_outlet(head, site, url):
            return head
    return title


_SEPARATORS = re.compile(r"\s+[|\-–—:·•»~/]\s+|\s*[|·•»]\s*")


def _alnum(s: str) -> str:
    return re.sub(r"[\W_]+", "", s).casefold()


def _is_outlet(part: str, site: str | None, url: str | None) -> bool:
    p = _alnum(part)
    if not p:
        return False
    if site:
        s = _alnum(site)
        if s and (p == s or (len(p) >= 3 and (p in s or s in p))):
            return True
    if url:
        host = (urlsplit(url).hostname or "").casefold()
        host = re.sub(r"^(www\d?|m|amp|edition)\.", "", host)
        labels = host.split(".")
        name = _alnum("".join(labels[:-1])) if len(labels) > 1 else _alnum(host)
        if p and (p == name or p == _alnum(host) or (len(p) >= 4 and p in _alnum(host))):
            return True
    return False


def clean_title(
    title: str | None, site: str | None, url: str | None, og_title: str | None = None
) -> str | None:
    """The headline without the outlet's name (' - Site Name', 'Site | ...') when that name is the site's."""
    if not title:
        return og_title.strip() if og_title else None
    title = " ".join(title.split())
    parts = _SEPARATORS.split(title)
    if len(parts) > 1:
        # Peel outlet names off both ends.
        while len(parts) > 1 and _is_outlet(parts[-1], site, url):
            parts.pop()
        while len(parts) > 1 and _is_outlet(parts[0], site, url):
            parts.pop(0)
        if len(parts) < len(_SEPARATORS.split(title)):
            # Rebuild from the original string so that inner separators are kept as written.
            first, last = parts[0], parts[-1]
            start = title.find(first)
            end = title.rfind(last) + len(last)
            if 0 <= start < end:
                title = title[start:end].strip()
    if og_title:
        og = " ".join(og_title.split())
        # A title that is the og:title plus a suffix: keep the og:title.
        if og and fold(title).startswith(fold(og)) and len(og) >= 0.5 * len(title):
            title = og
    return title or None


def _metas(tree: Any) -> dict[str, str]:
    """All ``<meta>`` name/property -> content of the page (first one wins), read in one pass."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        content = el.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = el.get(attr)
            if key:
                found.setdefault(key.strip().lower(), content.strip())
    return found


def _meta(metas: dict[str, str], *names: str) -> str | None:
    for name in names:
        value = metas.get(name.lower())
        if value:
            return value
    return None


def _html_lang(tree: Any, metas: dict[str, str]) -> str | None:
    root = tree if tree.tag == "html" else tree.getroottree().getroot()
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not lang:
        lang = _meta(metas, "og:locale", "language", "content-language")
    return lang.strip().replace("_", "-").lower() if lang else None


def _parse_count(text: str | None) -> int | None:
    if text is None:
        return None
    m = _COUNT.match(text.replace("\u00a0", " "))
    if not m:
        return None
    num, unit = m.group(1).replace(" ", ""), (m.group(2) or "").lower()
    try:
        if unit:
            value = float(num.replace(",", "."))
            return int(value * (1000 if unit == "k" else 1_000_000))
        return int(num.replace(",", "").replace(".", ""))
    except ValueError:
        return None


def _classes(el: Any) -> str:
    return (el.get("class") or "").lower()


def _count_in(el: Any) -> int | None:
    """The count an element shows: a data-count attribute, a '*count*' child, or its own numeric text."""
    for attr in ("data-count", "data-total", "data-value"):
        value = _parse_count(el.get(attr))
        if value is not None:
            return value
    for child in el.iter():
        if not isinstance(child.tag, str):
            continue
        cls = _classes(child)
        if any(k in cls for k in ("count", "number", "total", "num", "votes")):
            value = _parse_count(child.text_content())
            if value is not None:
                return value
    numbers = [
        _parse_count(child.text)
        for child in el.iter()
        if isinstance(child.tag, str) and _parse_count(child.text) is not None
    ]
    return numbers[0] if len(numbers) == 1 else None


def _reaction_name(el: Any) -> str | None:
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        if node.get("data-reaction"):
            return str(node.get("data-reaction"))
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        cls = _classes(node)
        if any(k in cls for k in ("label", "name", "title", "text")) and node.text_content().strip():
            text = node.text_content().strip()
            if _parse_count(text) is None:
                return text
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        for attr in ("aria-label", "title", "alt", "data-type", "data-name"):
            if node.get(attr):
                return str(node.get(attr))
    return None


def _key(name: str) -> str:
    return re.sub(r"[^\w]+", "_", name.strip().casefold()).strip("_")[:40]


def find_reactions(tree: Any) -> dict[str, int] | None:
    """A reader-reaction widget as {name: count}, found by its markup rather than by site.

    Items are elements carrying ``data-reaction``, or elements whose class names a single reaction
    ('reaction', 'reaction-item', 'emoji-reaction'...), each with a label and a count.
    """
    return _find_reactions(tree)[0]


def remove_reactions(tree: Any) -> dict[str, int] | None:
    """Like :func:`find_reactions`, and take the widget out of the tree so that it never reaches the body."""
    reactions, items = _find_reactions(tree)
    if not items:
        return reactions
    widget = _common_ancestor(items)
    if widget is not None and widget.tag not in ("html", "body", "main", "article"):
        outside = len(widget.text_content()) - sum(len(i.text_content()) for i in items)
        if outside < 120:
            # Take the widget's wrapper too when all it adds is a heading ('What's Your Reaction?').
            parent = widget.getparent()
            if parent is not None and parent.tag not in ("html", "body", "main", "article"):
                extra = len(parent.text_content()) - len(widget.text_content())
                if extra < 60 and "reaction" in (_classes(parent) + (parent.get("id") or "").lower()):
                    widget = parent
            items = [widget]
    for el in items:
        parent = el.getparent()
        if parent is not None:
            tail = el.tail
            parent.remove(el)
            if tail and tail.strip():
                prev = parent.text or ""
                parent.text = prev + tail
    return reactions


def _common_ancestor(items: list[Any]) -> Any:
    paths = []
    for el in items:
        chain = [el]
        while chain[-1].getparent() is not None:
            chain.append(chain[-1].getparent())
        paths.append(list(reversed(chain)))
    common = None
    for nodes in zip(*paths, strict=False):
        if all(n is nodes[0] for n in nodes):
            common = nodes[0]
        else:
            break
    return common


def _find_reactions(tree: Any) -> tuple[dict[str, int] | None, list[Any]]:
    reactions: dict[str, int] = {}
    found: list[Any] = []
    marked = tree.xpath("//*[@data-reaction]")
    for el in marked:
        name = _key(str(el.get("data-reaction")))
        if not name or name in reactions:
            continue
        # Climb to the item that holds this reaction's count, but not to the list of all reactions.
        node = el
        for _ in range(4):
            count = (
                _count_in(node) if len(node.xpath(".//descendant-or-self::*[@data-reaction]")) == 1 else None
            )
            if count is not None:
                reactions[name] = count
                found.append(node)
                break
            parent = node.getparent()
            if parent is None or len(parent.xpath(".//*[@data-reaction]")) > 1:
                break
            node = parent
    if reactions:
        return reactions, found
    items = tree.xpath("//*[contains(translate(@class, 'REACTION', 'reaction'), 'reaction')]")
    for el in items:
        cls = _classes(el)
        if "reactions" in cls.split() or any(
            c.endswith(("-list", "-title", "-count", "-label", "s")) for c in cls.split() if "reaction" in c
        ):
            continue
        # An item: it does not contain other reaction items.
        inner = el.xpath(".//*[contains(translate(@class, 'REACTION', 'reaction'), 'reaction')]")
        if any(
            "reaction" in c
            and not c.endswith(("-count", "-label", "-name", "-icon", "-img", "-text", "-title"))
            for node in inner
            for c in _classes(node).split()
        ):
            continue
        label = _reaction_name(el)
        count = _count_in(el)
        if label and count is not None:
            key = _key(label)
            if key and key not in reactions:
                reactions[key] = count
                found.append(el)
    return reactions or None, found


def parse_html_fragment(html: str) -> Any:
    return lxml_html.fromstring(html)
