"""trafilatura's precision-mode body extraction, with its slowest pruning XPaths evaluated in Python.

In precision mode trafilatura 2.3.1 prunes the whole raw page with XPaths (``OVERALL_DISCARD_XPATH``
before readability, the comment and infinite-scroll prunes before cleaning) that test ``@id``,
``@class`` and ``@style`` with EXSLT ``re:test``: lxml answers each test with a call into Python, for
every element, even one without the attribute. That was about a quarter of accords' time on aeb.
Here one walk of the tree reads each element's attributes once and runs the same regular expressions
(``re:test`` is Python's ``re.search``) where the attribute is there (:func:`_marks`): the same
elements, in the same order, in about a third of the time. XPath reads ``@id|@class`` as the value
of whichever comes first in the element's source order; :func:`_first` does the same. (An element's
attributes are read into a dict: libxml2 keeps only the first of two attributes of the same name.)

:func:`precision_text` is ``bare_extraction(tree, favor_precision=True, include_comments=False,
include_tables=True, with_metadata=False).text`` step for step (``trafilatura_sequence`` and
``compare_extraction`` of that version, in the branches those options take), built from
trafilatura's own functions with these matchers in place of its XPaths. It leans on trafilatura's
internals, hence the exact pin in pyproject.toml; tests/ingest/test_body.py holds it to
``bare_extraction``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from copy import copy
from typing import Any

from lxml.etree import Element, strip_tags, tostring
from trafilatura import xpaths as X
from trafilatura.core import _forum_thread_page, _prepare_tree
from trafilatura.external import (
    JUSTEXT_OVERRIDE_RATIO,
    SANITIZED_XPATH,
    _prefer_readability,
    justext_rescue,
    sanitize_tree,
    try_readability,
)
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.main_extractor import extract_content
from trafilatura.settings import DEFAULT_CONFIG, Extractor
from trafilatura.utils import trim
from trafilatura.xml import xmltotxt

__all__ = [
    "OVERALL_DISCARD",
    "RAW_TREE_PRUNE",
    "REMOVE_COMMENTS",
    "REMOVE_COMMENTS_AND_LISTS",
    "precision_text",
]

LOGGER = logging.getLogger("trafilatura.core")


# The regular expressions of trafilatura.xpaths, as its XPaths give them to re:test.
_DISCARD_ID = re.compile(X._alt(X._OVERALL_DISCARD_BOTH_TOKENS + X._OVERALL_DISCARD_ID_TOKENS))
_DISCARD_CLASS = re.compile(X._alt(X._OVERALL_DISCARD_BOTH_TOKENS + X._OVERALL_DISCARD_CLASS_TOKENS))
_CONSENT = re.compile(X._alt(X._CONSENT_ID_CLASS_TOKENS))
_HIDE_ID = re.compile("reader-comments|akismet")
_HIDE_CLASS = re.compile(
    "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print| hidden| hide|"
    "noprint|notloaded"
)
_COMMENTS_ID = re.compile(f"^(?:{X._COMMENTS_ID}|disqus_thread|dsq-comments)")
_COMMENTS_ID_SHORT = re.compile(f"^(?:{X._COMMENTS_ID})")
_COMMENTS_CLASS = re.compile(X._COMMENTS_CLASS)
_SCROLL = re.compile("mvp-post-add-(?:box|wrap)|infinite-?scroll")
_MVP = re.compile("mvp-post-add-(?:box|wrap)")
_DISCARD_TAGS = ("div", "item", "list", "p", "section", "span")
_COMMENT_TAGS = ("div", "list", "section", "details")
_COMMENT_LIST_TAGS = ("div", "list", "section", "details", "ol", "ul")
_SCROLL_TAGS = ("div", "section", "aside")
_LISTS = ("ol", "ul")
_IN_DISCARD, _IN_COMMENTS, _IN_SCROLL = (
    frozenset(_DISCARD_TAGS),
    frozenset(_COMMENT_LIST_TAGS),
    frozenset(_SCROLL_TAGS),
)

Attrs = list[tuple[str, str]]


def _first(items: Attrs, a: str, b: str) -> str:
    """XPath's string of ``@a|@b``: the value of whichever of the two comes first on the element."""
    for key, value in items:
        if key == a or key == b:
            return value
    return ""


def _search(pattern: re.Pattern[str], value: str | None) -> bool:
    return value is not None and pattern.search(value) is not None


# What an element is to trafilatura's XPaths (bits of :func:`_marks`).
SCROLL = 1  # RAW_TREE_PRUNE_XPATH[0]: infinite-scroll containers of follow-up articles
SHARE = 2  # RAW_TREE_PRUNE_XPATH[1]: Elementor share buttons
COMMENTS = 4  # REMOVE_COMMENTS_XPATH (div, list, section, details)
COMMENT_LIST = 8  # REMOVE_COMMENTS_AND_LISTS_XPATH adds these ol and ul
DISCARD = 16  # OVERALL_DISCARD_XPATH[0]: navigation, sharing, ads, bylines, related links...
HIDDEN = 32  # OVERALL_DISCARD_XPATH[1]: hidden elements, reply forms, comment titles
_ALL = SCROLL | SHARE | COMMENTS | COMMENT_LIST | DISCARD | HIDDEN


def _marks(el: Any, items: Attrs, want: int = _ALL) -> int:
    """The bits of ``want`` whose XPath predicate the element passes, read from its tag and its
    attributes ``items`` (in source order; an element without attributes passes none)."""
    tag = el.tag
    a = dict(items)
    ident, cls = a.get("id"), a.get("class")
    id_or_class = (cls or "") if ident is None else ident if cls is None else _first(items, "id", "class")
    marks = 0
    if want & HIDDEN:
        style = a.get("style")
        id_or_style = (
            (style or "") if ident is None else ident if style is None else _first(items, "id", "style")
        )
        if (
            # 'comments-title' in _HIDE_CLASS covers the XPath's @class='comments-title'
            (cls is not None and _HIDE_CLASS.search(cls) is not None)
            or id_or_class.startswith("reply-")
            or "hidden" in id_or_style
            or a.get("aria-hidden") == "true"
            or (style is not None and ("display:none" in style or "display: none" in style))
            or (ident is not None and _HIDE_ID.search(ident) is not None)
        ):
            marks |= HIDDEN
    if want & DISCARD and tag in _IN_DISCARD:
        if (
            (cls is not None and _DISCARD_CLASS.search(cls) is not None)
            or (ident is not None and _DISCARD_ID.search(ident) is not None)
            or _CONSENT.search(id_or_class) is not None
            or "data-lp-replacement-content" in a
            or "nav" in a.get("role", "").replace("N", "n")
            or "MostPopularStories" in a.get("data-component", "")
        ):
            marks |= DISCARD
    if want & (COMMENTS | COMMENT_LIST) and tag in _IN_COMMENTS:
        lists = tag in _LISTS
        if (cls is not None and _COMMENTS_CLASS.search(cls) is not None) or (
            ident is not None
            and _COMMENTS_ID.search(ident) is not None
            and (not lists or _COMMENTS_ID_SHORT.search(ident) is not None)
        ):
            marks |= COMMENT_LIST if lists else COMMENTS
    if want & (SCROLL | SHARE) and tag in _IN_SCROLL:
        if (_search(_SCROLL, ident) or _search(_SCROLL, cls)) and (
            next(el.iterdescendants("h1"), None) is None or _search(_MVP, ident) or _search(_MVP, cls)
        ):
            marks |= SCROLL
        if cls is not None and "elementor-share-buttons" in cls:
            marks |= SHARE
    return marks & want


def _matcher(want: int, tags: tuple[str, ...] | None) -> Callable[[Any], list[Any]]:
    """The elements below ``tree`` (of ``tags``) with a mark in ``want``, in document order, as an
    XPath gives them."""

    def match(tree: Any) -> list[Any]:
        found = []
        for el in tree.iterdescendants(*tags) if tags else tree.iterdescendants(Element):
            items = el.items()
            if items and _marks(el, items, want):
                found.append(el)
        return found

    return match


# Same elements, in the same (document) order, as the trafilatura XPaths named in the comments above.
OVERALL_DISCARD = [_matcher(DISCARD, _DISCARD_TAGS), _matcher(HIDDEN, None)]
REMOVE_COMMENTS = [_matcher(COMMENTS, _COMMENT_TAGS)]
REMOVE_COMMENTS_AND_LISTS = [_matcher(COMMENTS | COMMENT_LIST, _COMMENT_LIST_TAGS)]
RAW_TREE_PRUNE = [_matcher(SCROLL, _SCROLL_TAGS), _matcher(SHARE, _SCROLL_TAGS)]
_STAGES = (SCROLL, SHARE, COMMENTS | COMMENT_LIST, DISCARD, HIDDEN)


class _RawPrunes:
    """The five prunes of the raw tree in precision mode (the two of ``RAW_TREE_PRUNE_XPATH``, then
    ``REMOVE_COMMENTS_AND_LISTS_XPATH``, later the two of ``OVERALL_DISCARD_XPATH``), matched in one
    walk of the tree. Each test reads only the element's own tag and attributes (the infinite-scroll
    one its headlines too, and it runs first), so a later stage's matches on the pruned tree are its
    matches on the whole tree less those inside what the earlier stages deleted."""

    def __init__(self, tree: Any) -> None:
        self.tree = tree
        self.stages: list[list[Any]] = [[] for _ in _STAGES]
        self.deleted: set[Any] = set()
        for el in tree.iterdescendants(Element):
            items = el.items()
            marks = _marks(el, items) if items else 0
            if marks:
                for bits, found in zip(_STAGES, self.stages, strict=True):
                    if marks & bits:
                        found.append(el)

    def _gone(self, el: Any) -> bool:
        return el in self.deleted or any(anc in self.deleted for anc in el.iterancestors())

    def prune(self, *stages: int) -> Any:
        """Delete the matches of ``stages`` in turn, as ``prune_unwanted_nodes`` would; the tree."""
        for stage in stages:
            found = self.stages[stage]
            live = [el for el in found if not self._gone(el)] if self.deleted else found
            prune_unwanted_nodes(self.tree, [lambda _tree, live=live: live])
            self.deleted.update(live)
        return self.tree


def _options(url: str | None) -> Extractor:
    return Extractor(
        config=DEFAULT_CONFIG,
        output_format="python",
        precision=True,
        comments=False,
        tables=True,
        dedup=False,
        url=url,
    )


def _compare(cleaned: Any, prunes: _RawPrunes, body: Any, text: str, options: Extractor) -> tuple[Any, str]:
    """``trafilatura.external.compare_extraction`` in precision mode (the raw tree is pruned in place)."""
    len_text = len(text)
    raw = prunes.prune(3, 4)
    algo_body = try_readability(raw)
    algo_text = trim(tostring(algo_body, method="text", encoding="utf-8").decode("utf-8"))
    len_algo = len(algo_text)
    use_readability = _prefer_readability(body, algo_body, algo_text, len_text, len_algo, options)
    if use_readability:
        body, text, len_text = algo_body, algo_text, len_algo
    unclean = bool(body.xpath(SANITIZED_XPATH))
    if unclean or len_text < options.min_extracted_size:
        body2, text2 = justext_rescue(cleaned, options)
        len_text2 = len(text2)
        if unclean:
            accept = len_text <= JUSTEXT_OVERRIDE_RATIO * len_text2 and (
                len_text2 > len_text or not options.images or body.find(".//graphic") is None
            )
        else:
            accept = len_text < len_text2
        if text2 and accept:
            body, text = body2, text2
            use_readability = False
    if use_readability:
        body, text = sanitize_tree(body, options)
    return body, text


def precision_text(tree: Any, url: str | None) -> str:
    """The body text ``bare_extraction`` gives in precision mode without comments ('' for none).
    ``tree`` (a parsed page) is left as it is."""
    options = _options(url)
    try:
        work = copy(tree)
        is_forum = _forum_thread_page(work)
        prunes = _RawPrunes(work)
        work = prunes.prune(0, 1, 2)
        cleaned, backup = _prepare_tree(work, options, options.url)
        if not is_forum:
            cleaned = prune_unwanted_nodes(cleaned, REMOVE_COMMENTS)
        body, text = extract_content(cleaned, options)
        # compare_extraction prunes a copy of the raw tree; nothing reads ``work`` after it.
        body, text = _compare(backup, prunes, body, text, options)
        if options.max_tree_size and len(body) > options.max_tree_size:
            strip_tags(body, "hi")
            if len(body) > options.max_tree_size:
                raise ValueError
        if len(text) < options.min_output_size and 0 < options.min_output_comm_size:
            raise ValueError
    except (TypeError, ValueError):
        LOGGER.warning("discarding data: %s", options.source)
        return ""
    return xmltotxt(body, options.formatting) or ""
