"""The stage contract: stages are checked after they run, and stamp their version on the record."""

from __future__ import annotations

import pytest

from accords.config import Settings
from accords.core import new_record
from accords.pipeline import STAGES, Work, run_stages, stage
from accords.records import Article


def _work() -> Work:
    return Work(record=new_record(Article(id="a1", text="Hello.")), settings=Settings())


def test_pipeline_stage_stamps_version() -> None:
    @stage("_test_ok", version="test.ok.v3")
    def ok(work: Work) -> Work:
        work.record.article.warnings.append("touched")
        return work

    try:
        out = run_stages(_work(), ["_test_ok"])
        assert out.record.extractors["_test_ok"] == "test.ok.v3"
        assert out.record.article.warnings == ["touched"]
    finally:
        STAGES.pop("_test_ok")


def test_pipeline_rejects_stage_that_returns_nothing() -> None:
    @stage("_test_bad", version="test.bad.v1")
    def bad(work: Work) -> Work:
        return None  # type: ignore[return-value]

    try:
        with pytest.raises(TypeError, match="_test_bad.*forget to return"):
            run_stages(_work(), ["_test_bad"])
    finally:
        STAGES.pop("_test_bad")


def test_pipeline_checks_requirements() -> None:
    @stage("_test_needs_doc", version="x.v1", requires=("doc",))
    def needs(work: Work) -> Work:
        return work

    try:
        with pytest.raises(RuntimeError, match="needs \\['doc'\\]"):
            run_stages(_work(), ["_test_needs_doc"])
    finally:
        STAGES.pop("_test_needs_doc")


def test_pipeline_unknown_stage_named() -> None:
    with pytest.raises(KeyError, match="unknown stage 'nope'"):
        run_stages(_work(), ["nope"])


def test_deadline_stops_a_run_between_stages() -> None:
    import time

    from accords.errors import DocTimeout
    from accords.pipeline import check_deadline, deadline

    with deadline(0.01):
        check_deadline()  # not yet passed
        time.sleep(0.02)
        with pytest.raises(DocTimeout, match="doc_timeout 0.01s"):
            check_deadline()
    check_deadline()  # outside the block there is no limit
