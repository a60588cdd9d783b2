"""trafilatura's precision-mode body extraction, with its slowest pruning XPaths evaluated in Python.

In precision mode trafilatura 2.3.1 prunes the whole raw page with XPaths (``OVERALL_DISCARD_XPATH``
before readability, the comment and infinite-scroll prunes before cleaning) that test ``@id``,
``@class`` and ``@style`` with EXSLT ``re:test``: lxml answers each test with a call into Python, for
every element, even one without the attribute. That was about a quarter of accords' time on aeb.
Here an XPath without ``re:test`` picks the elements that carry one of the attributes, and the same
regular expressions (``re:test`` is Python's ``re.search``) run on those alone: the same elements
in the same order, in about a third of the time. XPath reads ``@id|@class`` as the value of whichever
comes first in the element's source order; :func:`_first` does the same.

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
from copy import copy
from functools import partial
from typing import Any

from lxml.etree import XPath, strip_tags, tostring
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


_OVERALL_CANDIDATES = XPath(
    ".//*[self::div or self::item or self::list or self::p or self::section or self::span]"
    "[@id or @class or @role or @data-component or @data-lp-replacement-content]"
)
_HIDE_CANDIDATES = XPath(".//*[@id or @class or @style or @aria-hidden]")
# Every match of the comment and scroll expressions holds one of these substrings: a superset in C.
_COMMENT_CANDIDATES = XPath(
    ".//*[self::div or self::list or self::section or self::details or self::ol or self::ul]"
    "[contains(@class, 'omment') or contains(@id, 'omment') or contains(@id, 'comol') or "
    "contains(@id, 'disqus_thread') or contains(@id, 'dsq-comments')]"
)
_SCROLL_CANDIDATES = XPath(
    ".//*[self::div or self::section or self::aside][contains(@id, 'mvp-post-add-') or "
    "contains(@class, 'mvp-post-add-') or contains(@id, 'scroll') or contains(@class, 'scroll')]"
)

# The regular expressions of trafilatura.xpaths, as its XPaths give them to re:test.
_DISCARD_ID = re.compile(X._alt(X._OVERALL_DISCARD_BOTH_TOKENS + X._OVERALL_DISCARD_ID_TOKENS))
_DISCARD_CLASS = re.compile(X._alt(X._OVERALL_DISCARD_BOTH_TOKENS + X._OVERALL_DISCARD_CLASS_TOKENS))
_CONSENT = re.compile(X._alt(X._CONSENT_ID_CLASS_TOKENS))
_HIDDEN = re.compile("hidden")
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
_LISTS = frozenset(("ol", "ul"))


def _first(el: Any, a: str, b: str, va: str | None, vb: str | None) -> str:
    """XPath's string of ``@a|@b``: the value of whichever of the two comes first on the element."""
    if va is None or vb is None:
        return (vb if va is None else va) or ""
    for key in el.keys():
        if key == a:
            return va
        if key == b:
            break
    return vb


def _search(pattern: re.Pattern[str], value: str | None) -> bool:
    return value is not None and pattern.search(value) is not None


def _overall_discard(tree: Any) -> list[Any]:
    """``OVERALL_DISCARD_XPATH[0]``: navigation, sharing, ads, bylines, related links..."""
    found = []
    for el in _OVERALL_CANDIDATES(tree):
        get = el.get
        ident, cls = get("id"), get("class")
        if (
            get("data-lp-replacement-content") is not None
            or "nav" in (get("role") or "").replace("N", "n")
            or "MostPopularStories" in (get("data-component") or "")
            or _CONSENT.search(_first(el, "id", "class", ident, cls))
            or _search(_DISCARD_ID, ident)
            or _search(_DISCARD_CLASS, cls)
        ):
            found.append(el)
    return found


def _overall_hidden(tree: Any) -> list[Any]:
    """``OVERALL_DISCARD_XPATH[1]``: hidden elements, reply forms, comment titles."""
    found = []
    for el in _HIDE_CANDIDATES(tree):
        get = el.get
        ident, cls, style = get("id"), get("class"), get("style")
        if (
            cls == "comments-title"
            or get("aria-hidden") == "true"
            or _first(el, "id", "class", ident, cls).startswith("reply-")
            or _HIDDEN.search(_first(el, "id", "style", ident, style))
            or (style and ("display:none" in style or "display: none" in style))
            or _search(_HIDE_ID, ident)
            or _search(_HIDE_CLASS, cls)
        ):
            found.append(el)
    return found


def _comments(tree: Any, lists: bool) -> list[Any]:
    """``REMOVE_COMMENTS_XPATH`` (``lists=False``) or ``REMOVE_COMMENTS_AND_LISTS_XPATH``."""
    found = []
    for el in _COMMENT_CANDIDATES(tree):
        tag = el.tag
        if tag in _LISTS and not lists:
            continue
        ident, cls = el.get("id"), el.get("class")
        if _search(_COMMENTS_CLASS, cls) or (
            _search(_COMMENTS_ID, ident) and (tag not in _LISTS or _search(_COMMENTS_ID_SHORT, ident))
        ):
            found.append(el)
    return found


def _scroll(tree: Any) -> list[Any]:
    """``RAW_TREE_PRUNE_XPATH[0]``: infinite-scroll containers of follow-up articles."""
    found = []
    for el in _SCROLL_CANDIDATES(tree):
        ident, cls = el.get("id"), el.get("class")
        if (_search(_SCROLL, ident) or _search(_SCROLL, cls)) and (
            next(el.iterdescendants("h1"), None) is None or _search(_MVP, ident) or _search(_MVP, cls)
        ):
            found.append(el)
    return found


# Same elements, in the same (document) order, as the trafilatura XPaths named in each docstring.
OVERALL_DISCARD = [_overall_discard, _overall_hidden]
REMOVE_COMMENTS = [partial(_comments, lists=False)]
REMOVE_COMMENTS_AND_LISTS = [partial(_comments, lists=True)]
RAW_TREE_PRUNE = [_scroll, X.RAW_TREE_PRUNE_XPATH[1]]


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


def _compare(cleaned: Any, raw: Any, body: Any, text: str, options: Extractor) -> tuple[Any, str]:
    """``trafilatura.external.compare_extraction`` in precision mode (``raw`` is pruned in place)."""
    len_text = len(text)
    raw = prune_unwanted_nodes(raw, OVERALL_DISCARD)
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
        work = prune_unwanted_nodes(work, RAW_TREE_PRUNE)
        work = prune_unwanted_nodes(work, REMOVE_COMMENTS_AND_LISTS)
        cleaned, backup = _prepare_tree(work, options, options.url)
        if not is_forum:
            cleaned = prune_unwanted_nodes(cleaned, REMOVE_COMMENTS)
        body, text = extract_content(cleaned, options)
        # compare_extraction prunes a copy of the raw tree; nothing reads ``work`` after it.
        body, text = _compare(backup, work, body, text, options)
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
