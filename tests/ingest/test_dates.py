"""Publication dates: each rule of accords.ingest.dates on a hand-written page."""

from __future__ import annotations

from lxml import html as lxml_html

from accords.config import Settings
from accords.ingest import read_source
from accords.ingest.dates import (
    Declared,
    byline_date,
    choose_date,
    first_written_date,
    parse_day,
)

BODY = "".join(
    f"<p>Paragraph {i}: the envoys met again on Friday and agreed to keep talking about a truce, "
    f"officials from both sides said after the meeting in the capital.</p>"
    for i in range(4)
)


def published(head: str = "", header: str = "", after: str = "") -> str | None:
    html = (
        f"<html><head>{head}</head><body><header>{header}</header>"
        f"<article>{BODY}</article>{after}</body></html>"
    )
    return read_source(html.encode(), Settings()).published


def modified_of(head: str = "", header: str = "") -> str | None:
    html = f"<html><head>{head}</head><body><header>{header}</header><article>{BODY}</article></body></html>"
    return read_source(html.encode(), Settings()).date_modified


def ld(obj: str) -> str:
    return f'<script type="application/ld+json">{obj}</script>'


def test_jsonld_article_entity_before_meta_and_webpage() -> None:
    head = '<meta property="article:published_time" content="2022-05-26T15:20:28+00:00">' + ld(
        '{"@graph": [{"@type": "WebPage", "datePublished": "2021-01-01"},'
        ' {"@type": "NewsArticle", "datePublished": "2022-05-25T08:00:00+00:00"}]}'
    )
    assert published(head) == "2022-05-25"
    # Without the article entity, the meta tag comes before the WebPage entity.
    head = '<meta property="article:published_time" content="2022-05-26">' + ld(
        '{"@type": "WebPage", "datePublished": "2021-01-01"}'
    )
    assert published(head) == "2022-05-26"


def test_iso_timestamp_keeps_its_own_calendar_day() -> None:
    late = '<meta property="article:published_time" content="2025-07-04T20:04:00-04:00">'
    assert published(late) == "2025-07-04"  # 00:04 UTC on 5 July, but 4 July where it was written
    assert parse_day("2025-11-25 08:33:24") == "2025-11-25"
    assert parse_day("August 11, 2019") == "2019-08-11"
    assert parse_day("13/11/2025 09:21:40") == "2025-11-13"
    assert parse_day("not a date") is None


def test_byline_date_that_is_the_declared_modification_gives_way() -> None:
    head = (
        '<meta property="article:published_time" content="2020-03-10T15:30:00+00:00">'
        '<meta property="article:modified_time" content="2025-02-12T13:28:34+00:00">'
    )
    header = "<h1>Travelling to Japan for the first time</h1><span>12th February 2025</span>"
    assert published(head, header) == "2020-03-10"
    assert modified_of(head, header) == "2025-02-12"
    # A byline date that is not the modification date is the reader's date: it stays.
    header = "<h1>Travelling to Japan for the first time</h1><span>March 9, 2020</span>"
    assert published(head, header) == "2020-03-09"


def test_updated_labels_in_words_and_in_markup_are_skipped() -> None:
    head = '<meta property="article:published_time" content="2019-08-14">'
    words = "<h1>Best business certifications</h1><p>By A. Writer</p><p>Last updated: Sep 17, 2025</p>"
    assert published(head, words) == "2019-08-14"
    markup = (
        "<h1>Espresso machines under $500</h1>"
        '<time class="updated" datetime="2025-05-21T14:06:47+00:00">May 21, 2025</time>'
        '<time class="entry-date published" datetime="2025-04-24T16:12:49+00:00">April 24, 2025</time>'
    )
    assert published(head, markup) == "2025-04-24"
    # An editor's credit is not an update label.
    credit = "<h1>A year of momentum</h1><p>Written by the team, edited by Walter. Published 2025-12-19</p>"
    assert published("", credit) == "2025-12-19"


def test_time_element_text_before_its_utc_attribute() -> None:
    header = '<h1>Building a home gym</h1><time datetime="2026-02-24T04:13:00Z">February 23, 2026</time>'
    assert published("", header) == "2026-02-23"
    # No full date in the text: the attribute is read (and its 'T' does not hide the date).
    header = '<h1>Consulting firm or carrier?</h1><time datetime="2017-03-01T12:00:00Z">Spring</time>'
    assert published("", header) == "2017-03-01"


def test_numeric_dates_need_a_part_over_twelve_or_a_declared_date() -> None:
    assert first_written_date("posted 25.03.2024") == (7, "2024-03-25")
    assert first_written_date("posted 3/25/2024") == (7, "2024-03-25")
    assert first_written_date("posted 09.10.2024") is None
    assert first_written_date("posted 09.10.2024", known=frozenset({"2024-09-10"})) == (7, "2024-09-10")
    assert first_written_date("posted 09.10.2024", known=frozenset({"2024-10-09"})) == (7, "2024-10-09")
    head = ld('{"@type": "BlogPosting", "datePublished": "2024-09-10T16:07:00Z"}')
    assert published(head, "<h1>Renovation phases and timelines</h1><p>09.10.2024</p>") == "2024-09-10"


def test_date_line_above_the_headline() -> None:
    header = "<div><p>February 4, 2025 - 11 minutes</p><h1>Cloud computing: what is next</h1></div>"
    assert published("", header) == "2025-02-04"
    header = "<div><p>Last updated: Dec 12, 2025</p><h1>Cloud computing: what is next</h1></div>"
    assert published('<meta property="article:published_time" content="2025-06-01">', header) == "2025-06-01"


def test_published_label_further_down_the_header() -> None:
    caption = "A long photo caption that describes the picture above the article in some detail. " * 6
    header = f"<h1>What fasting does</h1><p>{caption}</p><p>By D. Austin</p><p>Published March 9, 2026</p>"
    assert published("", header) == "2026-03-09"
    # Unlabelled, so far down, the byline does not take it (it may be some other story's).
    tree = lxml_html.fromstring(f"<html><body><h1>What fasting does</h1><p>{caption}</p><p>March 9, 2026</p>")
    assert byline_date(tree, next(tree.iter("h1"))) is None
    tree = lxml_html.fromstring(f"<html><body><h1>What fasting does</h1><p>March 9, 2026</p><p>{caption}</p>")
    assert byline_date(tree, next(tree.iter("h1"))) == "2026-03-09"


def test_originally_published_sentence_wins_over_the_byline() -> None:
    header = "<h1>The pros and cons of tiny homes</h1><p>30 Sep 2022, 11:07am</p>"
    after = "<p>This article was originally published on\n   26 Sep 2019 at 4:12pm but is updated.</p>"
    assert published("", header, after) == "2019-09-26"


def test_url_date_first() -> None:
    head = (
        '<link rel="canonical" href="https://example.org/2025/05/16/istanbul-talks/">'
        '<meta property="article:published_time" content="2025-05-17T01:00:00Z">'
    )
    assert published(head, "<h1>Istanbul talks resume</h1><p>May 18, 2025</p>") == "2025-05-16"


def test_guess_is_not_a_modification_date_nor_a_bare_year() -> None:
    only_modified = Declared(modified="2026-01-12", modified_all={"2026-01-12"})
    assert choose_date(None, None, None, only_modified, lambda: "2026-01-12") is None
    assert choose_date(None, None, None, Declared(), lambda: "2026-01-01") is None
    assert choose_date(None, None, None, Declared(), lambda: "2024-06-21") == "2024-06-21"
    calls: list[int] = []

    def guess() -> str | None:
        calls.append(1)
        return None

    assert choose_date(None, None, None, Declared(published="2024-01-02"), guess) == "2024-01-02"
    assert calls == []  # the costly guess runs only when the page states nothing


def test_a_page_whose_only_date_is_an_update_at_its_foot_is_dated_by_it() -> None:
    footer = "<footer><p>Page last modified: <span>Jan. 17, 2025</span></p></footer>"
    # The footer is far below the headline (past LABELLED_CHARS): only the guess finds its date.
    html = f"<html><head></head><body><h1>Flu season</h1><article>{BODY * 2}</article>{footer}</body></html>"
    art = read_source(html.encode(), Settings())
    assert (art.published, art.date_modified) == ("2025-01-17", None)
    # A publication date the page states comes first.
    stated = html.replace("<head>", '<head><meta property="article:published_time" content="2024-11-02">')
    assert read_source(stated.encode(), Settings()).published == "2024-11-02"


def test_a_page_that_declares_only_a_modification_has_no_publication_date() -> None:
    head = '<meta property="article:modified_time" content="2026-03-10T21:07:49+00:00">'
    assert published(head, "<h1>What is mesh wifi</h1>") is None
    assert modified_of(head, "<h1>What is mesh wifi</h1>") == "2026-03-10"


def test_microdata_and_time_pubdate_declare_the_publication() -> None:
    itemprop = '<meta itemprop="datePublished" content="2023-04-07T14:11:18+00:00">'
    assert published("", f"<h1>Best tutors, reviewed</h1>{itemprop}") == "2023-04-07"
    pubdate = '<p>Published <time pubdate datetime="2025-08-13">in August</time></p>'
    assert published("", f"<div>{pubdate}</div>") == "2025-08-13"
    both = (
        '<meta itemprop="dateModified" content="2025-10-08">'
        '<meta itemprop="datePublished" content="2024-11-22">'
        "<h1>IT security practices</h1><p>October 8, 2025</p>"
    )
    # The byline shows the modification; the publication is written nowhere a reader sees it and
    # is not in the head's meta tags: the page presents the shown date (see test_dates_shown).
    assert published("", both) == "2025-10-08"
    assert modified_of("", both) is None
    stated = '<meta property="article:published_time" content="2024-11-22T09:00:00+00:00">'
    assert published(stated, both) == "2024-11-22"
    assert modified_of(stated, both) == "2025-10-08"
