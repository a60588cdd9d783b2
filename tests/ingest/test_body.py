"""accords.ingest.body: the Python matchers select what trafilatura's XPaths select, and
precision_text gives what bare_extraction gives, on pages written for the test."""

from __future__ import annotations

import logging

import pytest
import trafilatura
from lxml.etree import tostring
from trafilatura import xpaths as X
from trafilatura.core import _prepare_tree
from trafilatura.settings import Extractor

from accords.ingest import body

_PARAS = "".join(
    f"<p>The harbour council met on day {i} to discuss the ferry timetable, and the mayor said the "
    f"new schedule would start next month after a vote by all members of the council.</p>"
    for i in range(1, 7)
)

# Elements whose id, class, style or role hit (or nearly hit) the tokens of the pruning XPaths:
# both orders of id and class, a token only in the second attribute, 'commentary' beside 'comments'.
_MARKUP = f"""<html><head><title>Ferry timetable</title></head><body>
<div class="menu-top"><a href="/">Home</a></div>
<nav role="Navigation"><a href="/a">A</a></nav>
<div id="story" class="cookie-note">Cookies.</div>
<div class="story" id="cookie-note">Cookies again.</div>
<span id="x" class="share-tools">Share</span>
<p class="ad-slot">Advert</p><p class="road-works">Roads</p><p class="header ad-slot">Advert 2</p>
<div class="reply-box" id="main-reply">Reply</div><div id="reply-7" class="box">Reply 7</div>
<div style="display: none">Hidden</div><div id="a" style="color: red" class="x hidden">Hidden 2</div>
<div style="visibility: hidden" id="b">Hidden 3</div><div id="hidden-thing" style="top: 0">Hidden 4</div>
<section aria-hidden="true">Aria</section><div data-lp-replacement-content="1">LP</div>
<div data-component="MostPopularStoriesList">Popular</div><div class="comments-title">Comments (3)</div>
<article><h1>Ferry timetable changes</h1>{_PARAS}
<div id="commentary" class="opinion"><p>A commentary paragraph that stays in the text of the page.</p></div>
</article>
<div id="comments" class="thread"><p>First comment.</p></div>
<section class="Comment-list"><p>Second comment.</p></section>
<ul class="comment-list"><li>Listed comment</li></ul><ol id="commentaryList"><li>Kept</li></ol>
<ol id="disqus_thread"><li>Disqus list</li></ol><div id="dsq-comments">Disqus</div>
<div class="post-comments">Post comments</div>
<div class="infinite-scroll"><h1>Next story</h1><p>Appended.</p></div>
<section id="infinitescroll"><p>Appended, no headline.</p></section>
<div class="mvp-post-add-box"><h1>Another</h1><p>Appended too.</p></div>
<footer class="site-footer">Footer</footer>
</body></html>"""

_PAIRS = [
    (X.OVERALL_DISCARD_XPATH[0], body.OVERALL_DISCARD[0]),
    (X.OVERALL_DISCARD_XPATH[1], body.OVERALL_DISCARD[1]),
    (X.REMOVE_COMMENTS_XPATH[0], body.REMOVE_COMMENTS[0]),
    (X.REMOVE_COMMENTS_AND_LISTS_XPATH[0], body.REMOVE_COMMENTS_AND_LISTS[0]),
    (X.RAW_TREE_PRUNE_XPATH[0], body.RAW_TREE_PRUNE[0]),
]


@pytest.mark.parametrize("index", range(len(_PAIRS)))
def test_matchers_select_what_the_xpaths_select(index: int) -> None:
    xpath, matcher = _PAIRS[index]
    tree = trafilatura.load_html(_MARKUP)
    converted, _ = _prepare_tree(tree, Extractor(output_format="python", precision=True), None)
    for t in (tree, converted):
        expected = xpath(t)
        assert expected, "the page must exercise this expression"
        assert [id(e) for e in matcher(t)] == [id(e) for e in expected]


def test_id_or_class_is_read_in_source_order() -> None:
    # XPath's string of @id|@class is the first of the two on the element: 'cookie' counts only there.
    first = trafilatura.load_html(f'<html><body><div class="cookie" id="x">C</div>{_PARAS}</body></html>')
    second = trafilatura.load_html(f'<html><body><div id="x" class="cookie">C</div>{_PARAS}</body></html>')
    assert [e.get("id") for e in body.OVERALL_DISCARD[0](first)] == ["x"]
    assert body.OVERALL_DISCARD[0](second) == []


def test_commentary_is_not_a_comment_section() -> None:
    tree = trafilatura.load_html(
        f'<html><body><div id="commentary">Op-ed.</div><div id="comments">Thread</div>{_PARAS}</body></html>'
    )
    assert [e.get("id") for e in body.REMOVE_COMMENTS[0](tree)] == ["comments"]


@pytest.mark.parametrize(
    "page",
    [
        _MARKUP,
        f"<html><body><div class='sidebar'><p>Most read: a list of links</p></div>{_PARAS}</body></html>",
        "<html><body><div class='menu'><a href='/'>Home</a></div><p>Too short.</p></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
    ],
)
def test_precision_text_is_bare_extraction(page: str) -> None:
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    tree = trafilatura.load_html(page)
    doc = trafilatura.bare_extraction(
        tree,
        url="https://example.org/ferry",
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        favor_precision=True,
    )
    expected = (doc.text or "") if doc is not None else ""
    before = tostring(tree)
    assert body.precision_text(tree, "https://example.org/ferry") == expected
    assert tostring(tree) == before  # the caller's tree is left as it is


def test_precision_text_drops_comments_and_menus() -> None:
    text = body.precision_text(trafilatura.load_html(_MARKUP), None)
    assert "ferry timetable" in text
    assert "First comment" not in text
    assert "Home" not in text
