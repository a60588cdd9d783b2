"""accords' own attribution labels (benchmarks/quotes_labels.py): the checker, the anchoring, and the set itself."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from tests.conftest import need_shared

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))
import quotes_labels as ql  # noqa: E402

PAGE = """# page aeb-test   (aeb 0000)
# title: Test

[P1] The minister said talks had failed, and he warned of more fighting, officials said.

[P2] "We are ready," he told reporters. "But not at any price."
"""


def _page(tmp_path: Path, quotes: list[dict[str, object]]) -> tuple[Path, Path]:
    page, labels = tmp_path / "aeb-test.txt", tmp_path / "aeb-test.json"
    page.write_text(PAGE, encoding="utf-8")
    labels.write_text(json.dumps({"key": "aeb-test", "quotes": quotes}), encoding="utf-8")
    return page, labels


def test_check_accepts_spans_found_in_their_paragraph(tmp_path: Path) -> None:
    quote = {
        "para": 2,
        "type": "direct",
        "cue": ["told"],
        "source": ["he"],
        "content": ['"We are ready,"', '"But not at any price."'],
    }
    assert ql.check(*_page(tmp_path, [quote])) == []


@pytest.mark.parametrize(
    "bad, why",
    [
        (
            {"para": 1, "type": "indirect", "cue": ["said"], "source": [], "content": ["talks failed"]},
            "not found",
        ),
        ({"para": 9, "type": "indirect", "cue": ["said"], "source": [], "content": ["talks"]}, "paragraph"),
        (
            {"para": 1, "type": "quoted", "cue": ["said"], "source": [], "content": ["talks had failed"]},
            "type",
        ),
        ({"para": 1, "type": "indirect", "cue": ["said"], "source": [], "content": []}, "no content"),
    ],
)
def test_check_names_what_is_wrong(tmp_path: Path, bad: dict[str, object], why: str) -> None:
    errs = ql.check(*_page(tmp_path, [bad]))
    assert errs and why in " ".join(errs)


def test_anchor_takes_the_cue_and_source_nearest_the_content() -> None:
    paras = {1: "He said so on Monday. Later officials said the talks failed."}
    starts = {1: 100}
    text = " " * 100 + paras[1]
    content = ql._anchor(text, starts, paras, 1, "the talks failed", 2, None)
    assert content is not None and text[content["start"] : content["end"]] == "the talks failed"
    pieces = [(content["start"], content["end"])]
    cue = ql._anchor(text, starts, paras, 1, "said", 2, pieces)
    assert cue is not None and cue["start"] == 100 + paras[1].rindex("said")


def test_the_split_is_fixed_by_the_key() -> None:
    assert {ql.split_of(f"aeb-{i}") for i in range(20)} == {"dev", "held"}
    assert ql.split_of("aeb-7") == ql.split_of("aeb-7")


def test_every_labelled_span_still_sits_on_its_words() -> None:
    """The set stores offsets into the text accords extracts: when the extractor changes, this says so."""
    need_shared(ql.PAGES)
    for path in (ql.SET, ql.PROPOSED):
        rows, lost = ql.load(path=path)
        assert rows and lost == 0
        for row in rows[:10]:
            for q in row["quotes"]:
                for s in q["contents"] + q["cue"] + q["sources"]:
                    assert row["text"][s["start"] : s["end"]] == s["text"]


def test_the_rules_find_most_labelled_direct_quotes_with_their_speaker() -> None:
    """A floor, not a figure (the figures are benchmarks/quotes.py --pages): five dev pages, direct quotes."""
    need_shared(ql.PAGES)
    import quotes as bench
    from accords.config import get_settings
    from accords.core import new_record
    from accords.pipeline import Work, run_stages

    rows = [r for r in ql.load("dev")[0] if any(q["type"] == "direct" for q in r["quotes"])][:5]
    scores = bench.Scores()
    for row in rows:
        work = run_stages(
            Work(record=new_record(row["article"]), settings=get_settings()), ("nlp", "actors", "quotes")
        )
        scores.add(bench.accords_preds(work.record)[0], bench.gold_of(row), row["text"])
    direct = scores.report()["by_kind"]["direct"]
    assert direct["gold"] >= 10
    assert direct["content"]["recall"] >= 0.8
    assert direct["content_speaker"]["recall"] >= 0.7
