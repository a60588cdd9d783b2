"""Browser tests: Playwright for Python driving Debian's chromium against a live server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from livesrv import CHROMIUM, chromium, serve
from webfactory import EXAMPLE, extra_records, seed_record, xss_record

pytestmark = pytest.mark.browser


def _need_browser() -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(
            f"{CHROMIUM} is absent: apt-get install -y chromium (browser tests use Debian's chromium)"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("playwright is not installed: pip install playwright (never let it download a browser)")


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _need_browser()
    from accords.web.app import open_store

    store = open_store(str(tmp_path_factory.mktemp("browser") / "b.db"))
    for rec in [seed_record(), xss_record(), *extra_records()]:
        store.add_record(rec)
    with serve(store) as url:
        yield url
    store.close()


@pytest.fixture(scope="module")
def browser(live: str) -> Iterator[Any]:
    with chromium() as b:
        yield b


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    pg.set_default_timeout(10_000)
    yield pg
    ctx.close()


SEED = seed_record()


def _event_id(trigger: str) -> str:
    return next(e.id for e in SEED.events if e.trigger and e.trigger.text == trigger)


def test_browser_article_click_event_highlights_evidence(live: str, page: Any) -> None:
    page.goto(f"{live}/articles/{SEED.id}")
    assert page.locator("#text .hl").count() == 0
    vid = _event_id("placed the blame")
    page.click(f'a.pick[data-rec="{vid}"]')
    hl = page.locator("#text .hl")
    assert hl.count() > 0
    lit = "".join(hl.all_text_contents())
    assert "placed the blame for inaction on Russia" in lit
    assert "Moscow demanded" not in lit  # only this record's evidence
    assert "active" in (page.get_attribute(f"#r-{vid}", "class") or "")
    # clicking another record moves the highlight
    other = _event_id("demanded")
    page.click(f'a.pick[data-rec="{other}"]')
    lit2 = "".join(page.locator("#text .hl").all_text_contents())
    assert "Moscow demanded Ukraine withdraw" in lit2 and "placed the blame" not in lit2


def test_browser_events_filter_by_actor(live: str, page: Any) -> None:
    page.goto(f"{live}/events")
    before = page.locator("#events-table tbody tr").count()
    page.fill("#f-actor", "usa")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**actor=usa**")
    rows = page.locator("#events-table tbody tr")
    assert 0 < rows.count() < before
    for i in range(rows.count()):
        assert "USA" in rows.nth(i).locator("td").nth(2).inner_text()
    assert "actor: USA" in page.inner_text(".chips")


def test_browser_correction_survives_reload(live: str, page: Any) -> None:
    vid = _event_id("overreaching")
    rid = f"{SEED.id}:{vid}"
    page.goto(f"{live}/review/event/{rid}")
    assert page.locator("#corrected-badge").count() == 0
    page.select_option("#f-event", "REJECT")
    page.fill("#f-recipient", "RUS UKR")
    page.fill("input[name=author]", "browser test")
    page.click("#save-correction")
    page.wait_for_selector("#saved")
    page.goto(f"{live}/review/event/{rid}")  # a fresh load, no ?saved
    assert page.locator("#corrected-badge").count() == 1
    assert page.eval_on_selector("#f-event", "el => el.value") == "REJECT"
    assert "REJECT" in page.inner_text("#history")
    page.goto(f"{live}/articles/{SEED.id}")
    item = page.locator(f"#r-{vid}")
    assert "corrected" in item.inner_text()
    assert "REJECT" in item.inner_text()


def test_browser_xss_page_shows_script_as_text(live: str, page: Any) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ["/articles/xss0000000000001", "/", "/events", "/quotes", "/search?q=minister",
                 "/review/event/xss0000000000001:V1"]:  # fmt: skip
        page.goto(live + path)
        page.wait_for_load_state("load")
        assert page.evaluate("() => window.__pwned === undefined"), path
        assert page.locator("iframe").count() == 0, path
        assert page.locator("img[src=x]").count() == 0, path
    page.goto(f"{live}/articles/xss0000000000001")
    body = page.inner_text("#text")
    assert '<script>window.__pwned = 1; alert("xss")</script>' in body
    assert '<img src=x onerror="window.__pwned = 2">' in body
    assert "<script>" in page.inner_text("h1")
    # the article's javascript: URL is not made a link
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert dialogs == []


def test_browser_screenshots(browser: Any, tmp_path: Path) -> None:
    """Screenshots of the article and events pages (written to $ACCORDS_SCREENSHOTS when set, for docs/)."""
    from accords.web.app import open_store

    out = Path(os.environ.get("ACCORDS_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    seed = SEED
    if os.environ.get("ACCORDS_SCREENSHOTS"):
        import accords  # the docs show the real pipeline's output on the seed page

        seed = accords.extract(str(EXAMPLE))
    store = open_store(str(tmp_path / "shots.db"))
    for rec in [seed, *extra_records()]:
        store.add_record(rec)
    pick = next((e.id for e in seed.events if e.trigger and "demanded" in e.trigger.text), seed.events[0].id)
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = ctx.new_page()
    with serve(store) as live:
        page.goto(f"{live}/articles/{seed.id}?hl={pick}")
        page.screenshot(path=str(out / "article.png"))
        page.goto(f"{live}/events?include_flagged=true")
        page.screenshot(path=str(out / "events.png"))
        page.goto(f"{live}/dyad/RUS/UKR")
        page.screenshot(path=str(out / "dyad.png"))
        page.goto(f"{live}/actors/RUS")
        page.screenshot(path=str(out / "actor.png"))
    ctx.close()
    store.close()
    for name in ("article", "events", "dyad", "actor"):
        assert (out / f"{name}.png").stat().st_size > 10_000
