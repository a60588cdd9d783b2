"""A page pasted together from UTF-8 and windows-1252 keeps both halves readable."""

from __future__ import annotations

from accords.ingest.loading import decode


def test_ingest_mostly_utf8_page_with_cp1252_bytes_keeps_both() -> None:
    data = (
        "Zelensky met Erdoğan in Ankara; Москва заявила о переговорах. ".encode()
        + "Le ministre a déclaré que la trêve tiendrait.".encode("cp1252")
    )
    text, encoding, replaced = decode(data, html=False)
    assert "Erdoğan" in text and "Москва" in text
    assert "déclaré" in text and "trêve" in text
    assert encoding.startswith("utf-8") and replaced


def test_ingest_legacy_page_is_not_taken_for_mixed() -> None:
    data = ("Москва заявила о переговорах с Киевом. " * 5).encode("cp1251")
    text, encoding, _ = decode(data, html=False)
    assert "Москва" in text
    assert not encoding.startswith("utf-8")
