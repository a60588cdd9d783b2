"""HTML details: reaction widgets by markup, furniture lines, outlet suffixes in titles, dates, language."""

from __future__ import annotations

import pytest
import trafilatura

from accords.config import Settings
from accords.ingest import read_source
from accords.ingest.furniture import is_furniture, split_reactions
from accords.ingest.html import clean_title, find_reactions, pick_title, url_date
from accords.ingest.lang import detect_language

BODY = "".join(
    f"<p>Paragraph {i}: the envoys met again on Tuesday and agreed to keep talking about a truce, "
    f"officials from both sides said after the meeting.</p>"
    for i in range(4)
)


def page(extra: str, head: str = "") -> bytes:
    return f"<html><head>{head}</head><body><article>{BODY}{extra}</article></body></html>".encode()


def test_html_reactions_by_class_names() -> None:
    widget = (
        '<div class="emoji-reactions"><h4>How do you feel?</h4>'
        '<div class="reaction-item"><span class="reaction-name">Haha</span><span class="reaction-count">12</span></div>'
        '<div class="reaction-item"><span class="reaction-name">Sad</span><span class="reaction-count">1.2k</span></div>'
        '<div class="reaction-item"><span class="reaction-name">Angry</span><span class="reaction-count">3</span></div>'
        "</div>"
    )
    art = read_source(page(widget), Settings())
    assert art.reactions == {"haha": 12, "sad": 1200, "angry": 3}
    assert "Haha" not in art.text and "1.2k" not in art.text


def test_html_reactions_by_data_attributes() -> None:
    widget = (
        '<ul class="vote-bar"><li><button data-reaction="thumbs-up" data-count="7">👍</button></li>'
        '<li><button data-reaction="thumbs-down" data-count="2">👎</button></li></ul>'
    )
    tree = trafilatura.load_html(page(widget).decode())
    assert find_reactions(tree) == {"thumbs_up": 7, "thumbs_down": 2}


def test_html_no_reaction_widget_gives_none() -> None:
    art = read_source(
        page("<p>Reactions from abroad were muted, diplomats said on Wednesday.</p>"), Settings()
    )
    assert art.reactions is None
    assert "Reactions from abroad were muted" in art.text


def test_html_furniture_lines_are_dropped_and_prose_kept() -> None:
    for line in (
        "Share on Facebook",
        "Related Posts",
        "What's Your Reaction?",
        "© 2025 World News Desk. All rights reserved.",
        "Breaking: Markets open higher as oil prices ease",
        "Read more: Alibaba poised to launch record listing",
        "12 Comments",
        "Sign up for our daily newsletter",
        "Follow us on Twitter",
        "5 min read",
    ):
        assert is_furniture(line), line
    for line in (
        "Officials said they would share the proposal with allies on Monday.",
        "Related talks in Geneva are planned for next week, the ministry said.",
        "Comments by the minister drew sharp criticism from the opposition.",
        "The copyright dispute between the two publishers has gone on for years and shows no sign of ending "
        "soon, lawyers for both sides told the court in a hearing that lasted most of the afternoon.",
    ):
        assert not is_furniture(line), line


def test_html_text_reactions_split_from_body() -> None:
    paras = ["Last paragraph of the story.", "What's Your Reaction?", "like 0 dislike 2 love 1 wow 0"]
    kept, reactions = split_reactions(paras)
    assert reactions == {"like": 0, "dislike": 2, "love": 1, "wow": 0}
    assert kept == paras[:2]
    assert split_reactions(["Scores: Lions 21 Bears 14 Packers 3"])[1] is None


@pytest.mark.parametrize(
    ("title", "site", "url", "want"),
    [
        ("Talks stall in Geneva - World News Desk", "World News Desk", None, "Talks stall in Geneva"),
        ("World News Desk | Talks stall in Geneva", "World News Desk", None, "Talks stall in Geneva"),
        ("Talks stall in Geneva | Reuters", None, "https://www.reuters.com/world/x", "Talks stall in Geneva"),
        ("Talks stall: what comes next", "World News Desk", None, "Talks stall: what comes next"),
        ("Ceasefire – Latest", "World News Desk", None, "Ceasefire – Latest"),
    ],
)
def test_html_title_outlet_suffix(title: str, site: str | None, url: str | None, want: str) -> None:
    assert clean_title(title, site, url) == want


def test_html_published_date_from_meta_and_jsonld() -> None:
    art = read_source(
        page("", '<meta property="article:published_time" content="2024-02-03T10:00:00Z">'), Settings()
    )
    assert art.published == "2024-02-03"
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-11-05T08:00"}</script>'
    assert read_source(page("", ld), Settings()).published == "2023-11-05"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The delegations met on Friday and said that the talks were useful for both of their countries.",
            "en",
        ),
        (
            "Les délégations se sont rencontrées vendredi et ont dit que les discussions étaient utiles pour la paix.",
            "fr",
        ),
        (
            "Die Delegationen trafen sich am Freitag und sagten, dass die Gespräche für den Frieden nicht einfach sind.",
            "de",
        ),
        (
            "Las delegaciones se reunieron el viernes y dijeron que las conversaciones fueron útiles para la paz.",
            "es",
        ),
        ("Делегации встретились в пятницу и заявили, что переговоры были полезными для обеих стран.", "ru"),
        ("Делегації зустрілися в пʼятницю і заявили, що переговори були корисними для обох країн.", "uk"),
        ("双方代表团周五在伊斯坦布尔举行会谈，同意交换战俘，但未能达成停火协议。", "zh"),
    ],
)
def test_html_language_detection(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_html_language_short_text_uses_hint() -> None:
    assert detect_language("Oui.", hint="fr-FR") == "fr"
    assert detect_language("", hint=None) is None


def test_html_title_is_the_single_h1() -> None:
    head = "<title>Ceasefire talks: 5 things to know | World News Desk</title>"
    html = f"<html><head>{head}</head><body><h1>Five things to know about the ceasefire talks</h1>"
    art = read_source((html + f"<article>{BODY}</article></body></html>").encode(), Settings())
    assert art.title == "Five things to know about the ceasefire talks"
    assert pick_title(["World News Desk"], "Talks stall", "World News Desk", None) == "Talks stall"
    assert pick_title(["One", "Two headlines here"], "Talks stall", None, None) == "Talks stall"


def test_html_date_from_url_path_wins() -> None:
    assert url_date("https://example.org/2025/12/18/talks-resume/") == "2025-12-18"
    assert url_date("https://example.org/news/2024-3-7-talks.html") == "2024-03-07"
    assert url_date("https://example.org/news/2025/talks") is None
    head = (
        '<link rel="canonical" href="https://example.org/2025/05/16/istanbul-talks/">'
        '<meta property="article:published_time" content="2025-05-17T01:00:00Z">'
    )
    assert read_source(page("", head), Settings()).published == "2025-05-16"


def test_html_cjk_article_is_not_mistaken_for_an_empty_page() -> None:
    body = "<p>双方代表团周五在伊斯坦布尔举行会谈，同意交换战俘，但未能达成停火协议。</p>" * 6
    art = read_source(f"<html><body><article>{body}</article></body></html>".encode(), Settings())
    assert art.language == "zh"
    assert any(w.startswith("not English (zh)") for w in art.warnings)
    assert not any("very short body" in w for w in art.warnings)


def test_html_date_shown_by_the_headline() -> None:
    def doc(byline: str) -> bytes:
        return (
            '<html><head><meta property="article:published_time" content="2020-01-01"></head><body>'
            f"<h1>Talks resume in Geneva</h1><div class='byline'>By A. Writer · {byline}</div>"
            f"<article>{BODY}</article></body></html>"
        ).encode()

    assert read_source(doc("March 3, 2024"), Settings()).published == "2024-03-03"
    assert read_source(doc("3 March 2024"), Settings()).published == "2024-03-03"
    # An update date is not the publication date: the metadata's date stays.
    assert read_source(doc("Updated March 3, 2024"), Settings()).published == "2020-01-01"


def test_html_language_counts_letters_not_number_signs() -> None:
    # Twelve letters and eight '½' (a word character, not a letter): under the twenty letters a guess
    # needs, so the hint stands, although the words alone would read as English.
    assert detect_language("the of and to in ½½½½½½½½", hint="fr") == "fr"
    assert detect_language("the of and to in on at by it", hint="fr") == "en"
