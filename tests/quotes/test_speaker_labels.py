"""Who the speaker is (benchmarks/quotes_speakers.py): the checker, the name match, the verdicts, and the set."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from tests.conftest import need_shared

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))
import quotes_speakers as qs  # noqa: E402

PAGE = """# page aeb-test
# title: Test

[P1] Adam Neumann, the founder of WeWork, said the company would recover. A WeWork spokesperson declined to say more.

# attributions with a source: say whom each source refers to
Q0 [P1] source: 'Adam Neumann'  cue: 'said'  content: 'the company would recover'
Q2 [P1] source: 'A WeWork spokesperson'  cue: 'declined to say'  content: 'more'
"""


def _labels(tmp_path: Path, labels: dict[str, object]) -> list[str]:
    (tmp_path / "pages").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "pages" / "aeb-test.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "out" / "aeb-test.json").write_text(json.dumps(labels), encoding="utf-8")
    return qs.check(tmp_path / "pages" / "aeb-test.txt", tmp_path / "out" / "aeb-test.json")


GOOD = {
    "Q0": {"kind": "person", "names": ["Adam Neumann", "Neumann"], "for": None, "country": None},
    "Q2": {"kind": "person", "names": [], "for": "WeWork", "country": None},
}


def test_check_accepts_names_as_the_article_writes_them(tmp_path: Path) -> None:
    assert _labels(tmp_path, GOOD) == []


@pytest.mark.parametrize(
    "change, why",
    [
        ({"Q0": {**GOOD["Q0"], "names": ["Adam Newman"]}}, "not written so"),
        ({"Q0": {**GOOD["Q0"], "kind": "human"}}, "kind"),
        ({"Q0": {**GOOD["Q0"], "country": "us"}}, "alpha-3"),
        ({"Q0": {**GOOD["Q0"], "names": "Adam Neumann"}}, "must be a list"),
        ({"Q5": GOOD["Q0"]}, "not a source"),
    ],
)
def test_check_names_what_is_wrong(tmp_path: Path, change: dict[str, object], why: str) -> None:
    errs = _labels(tmp_path, {**GOOD, **change})
    assert errs and why in " ".join(errs)


def test_a_missing_entry_is_reported(tmp_path: Path) -> None:
    assert _labels(tmp_path, {"Q0": GOOD["Q0"]}) == ["Q2: no label"]


@pytest.mark.parametrize(
    "pred, names, same",
    [
        ("Tim Cook", ["Tim Cook", "Cook"], True),
        ("Cook", ["Tim Cook"], True),  # a surname for the full name
        ("Sen. Ted Cruz", ["Ted Cruz"], True),  # a title is not part of the name
        ("Donald J. Trump", ["Donald Trump"], True),
        ("Marc Benioff", ["Tim Cook", "Cook"], False),
        ("Tim", ["Tim Cook"], False),  # a first name alone does not end the same
        ("Jobs", ["Steve Jobs's"], True),
    ],
)
def test_same_name(pred: str, names: list[str], same: bool) -> None:
    assert qs.same_name(pred, names) is same


def _ref(names: list[str], for_: str | None = None) -> dict[str, object]:
    return {"names": names, "for": for_, "country": None, "source": {"text": "he"}}


def test_verdicts() -> None:
    named = _ref(["Tim Cook", "Cook"])
    assert qs.judge({"spk_name": "Tim Cook", "spk_entity": "E1"}, named) == "right"
    assert qs.judge({"spk_name": "Marc Benioff", "spk_entity": "E2"}, named) == "wrong"
    assert qs.judge({"spk_name": None, "spk_entity": None}, named) == "unresolved"
    assert qs.judge(None, named) == "unresolved"
    # an unnamed referent: no name is right, whom it speaks for is no error, another name is wrong
    unnamed = _ref([], "WeWork")
    assert qs.judge({"spk_name": "spokesperson", "spk_entity": None}, unnamed) == "right"
    assert qs.judge({"spk_name": "WeWork", "spk_entity": "E3"}, unnamed) == "unresolved"
    assert qs.judge({"spk_name": "Adam Neumann", "spk_entity": "E1"}, unnamed) == "wrong"


def test_a_group_or_a_description_names_no_one() -> None:
    assert qs.names_one("Adam Neumann", "PERSON")
    assert not qs.names_one("US officials", "GROUP")
    assert not qs.names_one("commerce ministry", "ORG")
    assert not qs.names_one(None, "PERSON")


def test_source_forms() -> None:
    assert qs.form_of("he") == "pronoun"
    assert qs.form_of("Marcelo Claure") == "name"
    assert qs.form_of("Bank of England") == "name"
    assert qs.form_of("the company") == "description"


def test_every_referent_sits_on_a_labelled_source() -> None:
    """The referent labels point at sources of the attribution set by offset: when either changes, this says so."""
    need_shared(qs.quotes_labels.PAGES)
    rows = {r["doc"]: r for r in qs.quotes_labels.load()[0]}
    n = 0
    for line in qs.SET.open(encoding="utf-8"):
        lab = json.loads(line)
        row = rows[lab["doc"]]
        sources = {(s["start"], s["text"]) for q in row["quotes"] for s in q["sources"]}
        contents = {q["contents"][0]["start"] for q in row["quotes"] if q["contents"]}
        for ref in lab["refs"]:
            assert (ref["source"]["start"], ref["source"]["text"]) in sources
            assert ref["content_start"] in contents
            assert ref["kind"] in qs.KINDS
            n += 1
    assert n >= 1400
