"""Ordered stages over one article. Each stage takes a :class:`Work` and returns it, adding to its record.

A stage declares what it needs and what it adds; :func:`run_stages` checks the contract after each
stage, so a component that forgets to return its work fails loudly and by name.  Stages do no I/O.
The spaCy ``Doc`` travels in ``Work.doc`` and never leaves the process: only ``Work.record``
(plain, JSON-serialisable data) crosses process boundaries.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from accords.config import Settings
from accords.errors import DocTimeout
from accords.records import Record

# A cooperative time limit for code that cannot use SIGALRM (Dask worker threads, web server threads): the
# stages check it between steps, so a slow document ends at the next step after its deadline.
_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("accords_deadline", default=None)


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Within this block, :func:`check_deadline` raises :class:`DocTimeout` once ``seconds`` have passed."""
    if not seconds or seconds <= 0:
        yield
        return
    token = _DEADLINE.set((time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_deadline() -> None:
    """Raise :class:`DocTimeout` when the current :func:`deadline` has passed; cheap enough to call often."""
    limit = _DEADLINE.get()
    if limit is not None and time.monotonic() > limit[0]:
        raise DocTimeout(f"took longer than doc_timeout {limit[1]:g}s")


@dataclass
class Work:
    record: Record
    settings: Settings
    doc: Any = None  # spaCy Doc of record.article.text
    scratch: dict[str, Any] = field(default_factory=dict)  # per-document data shared between stages


StageFn = Callable[[Work], Work]


@dataclass(frozen=True)
class StageSpec:
    name: str
    fn: StageFn
    version: str
    requires: tuple[str, ...] = ()
    adds: tuple[str, ...] = ()


STAGES: dict[str, StageSpec] = {}
DEFAULT_STAGES = ("nlp", "actors", "quotes", "events")
# Module that registers each stage, imported on first use so that importing accords stays cheap.
STAGE_MODULES = {
    "nlp": "accords.nlp",
    "actors": "accords.actors",
    "quotes": "accords.quotes",
    "events": "accords.events",
}


def stage(
    name: str, *, version: str, requires: Iterable[str] = (), adds: Iterable[str] = ()
) -> Callable[[StageFn], StageFn]:
    """Register ``fn`` as the stage ``name``. ``version`` goes on every record it touches."""

    def deco(fn: StageFn) -> StageFn:
        STAGES[name] = StageSpec(name, fn, version, tuple(requires), tuple(adds))
        return fn

    return deco


def get_stage(name: str) -> StageSpec:
    if name not in STAGES and name in STAGE_MODULES:
        importlib.import_module(STAGE_MODULES[name])
    if name not in STAGES:
        raise KeyError(
            f"unknown stage {name!r}; known: {', '.join(sorted(set(STAGES) | set(STAGE_MODULES)))}"
        )
    return STAGES[name]


def _has(work: Work, what: str) -> bool:
    if what == "doc":
        return work.doc is not None
    return hasattr(work.record, what)


def run_stages(work: Work, names: Iterable[str] = DEFAULT_STAGES) -> Work:
    for name in names:
        check_deadline()
        spec = get_stage(name)
        missing = [r for r in spec.requires if not _has(work, r)]
        if missing:
            raise RuntimeError(f"stage {name!r} needs {missing} which no earlier stage provided")
        out = spec.fn(work)
        if not isinstance(out, Work):
            raise TypeError(
                f"stage {name!r} returned {type(out).__name__} instead of Work: did it forget to return its input?"
            )
        out.record.extractors[name] = spec.version
        work = out
    check_deadline()
    return work
