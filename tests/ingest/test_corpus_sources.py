"""Expanding corpus sources into items (no model): directories, globs, feeds, JSONL, WARC."""

from __future__ import annotations

import io
import json

from accords.ingest.sources import expand_sources

RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire Desk</title><link>https://wire.example/</link>
<item><title>Talks in Istanbul</title><link>{base}/a.html</link><pubDate>Fri, 16 May 2025 10:00:00 GMT</pubDate></item>
<item><title>Prisoner exchange</title><link>{base}/b.html</link><pubDate>Sat, 17 May 2025 08:30:00 GMT</pubDate></item>
</channel></rss>"""


def write_warc(path, pages: list[tuple[str, str]], truncate_last: bool = False) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            rec = w.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers
            )
            w.write_record(rec)
    if truncate_last:
        data = path.read_bytes()
        path.write_bytes(data[: len(data) - 60])


def test_corpus_sources_directory_is_recursive_by_extension(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    for name in ("a.html", "sub/b.txt", "sub/deeper/c.htm", "notes.pdf", "sub/.hidden.html", "img.png"):
        (tmp_path / name).write_text("x")
    keys = [d["source"] for d in expand_sources([str(tmp_path)])]
    assert [k.split(str(tmp_path))[1] for k in keys] == ["/a.html", "/sub/b.txt", "/sub/deeper/c.htm"]
    only_html = [d["source"] for d in expand_sources([str(tmp_path)], extensions=["html"])]
    assert len(only_html) == 1
    globbed = [d["source"] for d in expand_sources([str(tmp_path / "**" / "*.htm*")])]
    assert len(globbed) == 2  # a.html and c.htm; the dot-file is not matched by the glob


def test_corpus_sources_feed_items_keep_feed_date_and_outlet(tmp_path):
    feed = tmp_path / "news.rss"
    feed.write_text(RSS.format(base="https://wire.example"))
    items = list(expand_sources([str(feed)]))
    assert [i["url"] for i in items] == ["https://wire.example/a.html", "https://wire.example/b.html"]
    assert [i["date"] for i in items] == ["2025-05-16", "2025-05-17"]
    assert items[0]["outlet"] == "Wire Desk" and items[0]["title"] == "Talks in Istanbul"


def test_corpus_sources_feed_that_is_an_error_page_is_one_failure(tmp_path):
    bad = tmp_path / "broken.rss"
    bad.write_text("<html><body><h1>502 Bad Gateway</h1></body></html>")
    items = list(expand_sources([str(bad)]))
    assert len(items) == 1 and items[0]["reason"] == "parse error" and "not a feed" in items[0]["invalid"]


def test_corpus_sources_jsonl_with_malformed_line(tmp_path):
    f = tmp_path / "dump.jsonl"
    f.write_text(
        json.dumps({"url": "https://x.example/1", "text": "Body one.", "date": "2025-05-16", "outlet": "X"}) + "\n"
        + '{"url": "https://x.example/2", "text": "broken\n'
        + json.dumps({"html": "<p>Body three</p>"}) + "\n"
        + json.dumps({"title": "no body"}) + "\n"
    )  # fmt: skip
    items = list(expand_sources([str(f)]))
    assert [i.get("invalid") is None for i in items] == [True, False, True, False]
    assert items[0] == {"source": f"{f}:1", "url": "https://x.example/1", "date": "2025-05-16", "outlet": "X",
                        "text": "Body one."}  # fmt: skip
    assert items[1]["source"] == f"{f}:2" and "malformed" in items[1]["invalid"]
    assert items[2]["html"] == "<p>Body three</p>"


def test_corpus_sources_warc_responses_and_truncated_record(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    write_warc(
        warc, [("https://w.example/1", "<html><p>one</p></html>"), ("https://w.example/2", "<p>two</p>")]
    )
    items = list(expand_sources([str(warc)]))
    assert [i["url"] for i in items] == ["https://w.example/1", "https://w.example/2"]
    assert "<p>one</p>" in items[0]["html"] and items[0]["fetched"]
    assert len({i["source"] for i in items}) == 2
    bad = tmp_path / "bad.warc.gz"
    write_warc(
        bad, [("https://w.example/1", "<p>one</p>"), ("https://w.example/2", "<p>two</p>" * 200)], True
    )
    got = list(expand_sources([str(bad)]))
    assert got[0]["url"] == "https://w.example/1"
    assert got[-1].get("invalid") and got[-1]["reason"] == "parse error"


def test_corpus_sources_missing_path_is_a_failure_item(tmp_path):
    items = list(expand_sources([str(tmp_path / "nope.html"), "https://x.example/page"]))
    assert items[0]["invalid"] and items[1] == {
        "source": "https://x.example/page",
        "url": "https://x.example/page",
    }
