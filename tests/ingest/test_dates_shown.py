"""The date the page presents: an update date shown by the headline against a declared
publication date the reader never sees (accords.ingest.dates, rule after the numbered list)."""

from __future__ import annotations

from collections.abc import Callable

from lxml import html as lxml_html

from accords.config import Settings
from accords.ingest import read_source
from accords.ingest.dates import (
    BylineView,
    Declared,
    byline_date,
    byline_update,
    choose_date,
    shows_day,
    written_days,
)

BODY = "".join(
    f"<p>Paragraph {i}: the envoys met again on Friday and agreed to keep talking about a truce, "
    f"officials from both sides said after the meeting in the capital.</p>"
    for i in range(4)
)
JSONLD = (
    '<script type="application/ld+json">{"@type": "Article", "datePublished": "2019-08-14T10:00:00Z",'
    ' "dateModified": "2025-09-17T08:00:00Z"}</script>'
)
OG = '<meta property="article:published_time" content="2019-08-14T10:00:00Z">'
UPDATED = "<h1>Best business certifications</h1><p>Written by A. Writer</p><p>Updated Sep 17, 2025</p>"


def read(head: str, header: str, after: str = "") -> tuple[str | None, str | None]:
    html = f"<html><head>{head}</head><body><header>{header}</header><article>{BODY}</article>{after}</body></html>"
    art = read_source(html.encode(), Settings())
    return art.published, art.date_modified


def test_an_unseen_jsonld_publication_yields_to_the_update_shown_by_the_headline() -> None:
    assert read(JSONLD, UPDATED) == ("2025-09-17", None)


def test_a_publication_stated_in_the_head_meta_tags_stands() -> None:
    assert read(JSONLD + OG, UPDATED) == ("2019-08-14", "2025-09-17")


def test_a_publication_written_on_the_page_stands() -> None:
    foot = "<footer><p>First published August 14, 2019.</p></footer>"
    assert read(JSONLD, UPDATED, foot) == ("2019-08-14", "2025-09-17")


def test_an_unlabelled_byline_date_that_is_the_modification_is_kept_when_the_publication_is_unseen() -> None:
    header = "<h1>Best business certifications</h1><p>By A. Writer</p><p>September 17, 2025</p>"
    assert read(JSONLD, header)[0] == "2025-09-17"
    assert read(JSONLD + OG, header)[0] == "2019-08-14"


def test_a_page_with_no_publication_date_takes_its_update_date() -> None:
    above = "<div><p>Last updated: Dec 12, 2025</p><h1>Blockchain SEO agencies</h1></div>"
    assert read("", above) == ("2025-12-12", None)
    # Further down the header, still within LABELLED_CHARS of the headline, when labelled.
    caption = "A long photo caption that describes the picture above the article in some detail. " * 6
    header = f"<h1>The best GPS watches</h1><p>{caption}</p><p>By M. Richards - Updated November 18, 2025</p>"
    assert read("", header)[0] == "2025-11-18"


def test_byline_update_reads_only_update_labels() -> None:
    tree = lxml_html.fromstring(f"<html><body>{UPDATED}</body></html>")
    assert byline_update(tree, next(tree.iter("h1"))) == "2025-09-17"
    plain = UPDATED.replace("Updated ", "")
    tree = lxml_html.fromstring(f"<html><body>{plain}</body></html>")
    assert byline_update(tree, next(tree.iter("h1"))) is None


def test_choose_date_orders_the_shown_update() -> None:
    calls: list[int] = []

    def guess() -> str | None:
        calls.append(1)
        return "2024-06-21"

    def choose(
        declared: Declared, seen: bool, url: str | None = None, original: str | None = None
    ) -> str | None:
        return choose_date(
            url, original, None, declared, guess, shown_update="2025-09-17", on_page=lambda d: seen
        )

    unseen = Declared(published="2019-08-14", modified="2025-09-17", modified_all={"2025-09-17"})
    assert choose(unseen, seen=False) == "2025-09-17"
    assert choose(unseen, seen=True) == "2019-08-14"
    assert choose(Declared(published="2019-08-14", stated={"2019-08-14"}), seen=False) == "2019-08-14"
    # Without a declared publication the shown update comes before the guess, which is not run.
    assert choose(Declared(), seen=False) == "2025-09-17"
    assert calls == []
    # The URL's date and an 'originally published' sentence still come first.
    assert choose(unseen, seen=False, url="2020-01-02") == "2020-01-02"
    assert choose(unseen, seen=False, original="2020-01-03") == "2020-01-03"


def test_written_days_and_shows_day() -> None:
    text = "Posted 14 Aug 2019 - revised 2025-09-17; event on 09.10.2024"
    assert written_days(text) == {"2019-08-14", "2025-09-17"}
    assert written_days(text, frozenset({"2024-10-09"})) == {"2019-08-14", "2025-09-17", "2024-10-09"}
    tree = lxml_html.fromstring(
        "<html><body><p>First published August 14, 2019.</p><script>2020-05-05</script></body></html>"
    )
    assert shows_day(tree, "2019-08-14")
    assert not shows_day(tree, "2020-05-05")  # in a script, not on the page


def test_choose_date_calls_the_byline_readers_only_when_it_needs_them() -> None:
    asked: list[str] = []

    def reader(name: str, value: str | None) -> Callable[[], str | None]:
        def read() -> str | None:
            asked.append(name)
            return value

        return read

    stated = Declared(published="2019-08-14", stated={"2019-08-14"})
    shown, update = reader("shown", "2019-08-15"), reader("update", "2025-09-17")
    # A date in the URL settles it: neither reader runs.
    assert choose_date("2020-01-02", None, shown, stated, lambda: None, update) == "2020-01-02"
    assert asked == []
    # The byline date comes before the declared one; the update date is not read.
    assert choose_date(None, None, shown, stated, lambda: None, update) == "2019-08-15"
    assert asked == ["shown"]
    # No byline date and no declared publication: the update date is read.
    asked.clear()
    assert choose_date(None, None, reader("shown", None), Declared(), lambda: None, update) == "2025-09-17"
    assert asked == ["shown", "update"]


def test_a_byline_view_reads_the_headline_once_for_both_dates() -> None:
    tree = lxml_html.fromstring(f"<html><body>{UPDATED}</body></html>")
    h1 = next(tree.iter("h1"))
    view = BylineView(h1)
    assert byline_update(tree, h1, view=view) == byline_update(tree, h1) == "2025-09-17"
    assert byline_date(tree, h1, view=view) == byline_date(tree, h1) is None
    assert "Updated Sep 17, 2025" in view.text
