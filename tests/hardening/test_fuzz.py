"""Generated and mutated HTML and text through ``accords.extract``: no exception but AccordsError escapes."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import accords
from accords import hardening as h
from accords.errors import AccordsError
from accords.records import Record

pytestmark = pytest.mark.slow

# Hypothesis draws the Random, so a failing case shrinks; the generators are benchmarks/fuzz.py's own.
RANDOMS = st.randoms(use_true_random=False)


def check(source: object) -> None:
    try:
        rec = accords.extract(source)
    except AccordsError as exc:
        assert str(exc).strip() and "\n" not in str(exc)
        return
    assert isinstance(rec, Record)
    assert h.offset_errors(rec) is None


FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(RANDOMS)
def test_fuzz_generated_html(rnd: random.Random) -> None:
    check(h.fuzz_html(rnd))


@FUZZ
@given(RANDOMS)
def test_fuzz_mutated_html(rnd: random.Random) -> None:
    check(h.fuzz_mutated(rnd))


@FUZZ
@given(st.text(max_size=400))
def test_fuzz_plain_text(text: str) -> None:
    check(text.encode("utf-8", errors="surrogatepass") if text else b" ")
