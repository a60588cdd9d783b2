"""Coverage-guided fuzzing of ``accords.extract`` with atheris (libFuzzer), beside the random fuzzer.

    pip install atheris
    python benchmarks/fuzz_atheris.py -atheris_runs=5000

accords' own modules are instrumented (not spaCy's), so libFuzzer steers inputs toward new branches of the
reader and the rule stages. accords' one-line AccordsError is a clean refusal; any other exception is a crash,
which atheris reports with the input that caused it (written to crash-<hash>) and a non-zero exit.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["accords"]):
    import accords
    from accords import hardening as h
    from accords.errors import AccordsError

SEEDS = [h.news_html(2).encode(), h.mixed_encoding_bytes(), " ".join(h.SENTENCES).encode()]


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    choice = fdp.ConsumeIntInRange(0, 3)
    body = fdp.ConsumeBytes(fdp.remaining_bytes())
    if choice == 0:
        doc = body
    elif choice == 1:
        doc = SEEDS[0][: len(SEEDS[0]) // 2] + body + SEEDS[0][len(SEEDS[0]) // 2 :]
    elif choice == 2:
        doc = h.html_page(body.decode("utf-8", errors="replace")).encode()
    else:
        doc = SEEDS[2] + body
    try:
        rec = accords.extract(doc)
    except AccordsError:
        return
    text = rec.article.text
    for ev in rec.events:
        assert text[ev.evidence.start : ev.evidence.end] == ev.evidence.text
    for q in rec.quotes:
        for piece in q.content:
            assert text[piece.start : piece.end] == piece.text


def main() -> None:
    accords.extract(SEEDS[0])  # load the model before fuzzing
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
