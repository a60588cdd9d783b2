"""speaker_pronouns.BINDING_NARROW: binding does not reach a name the speaker quotes himself saying, a name that
modifies another noun, or one in the writer's aside between dashes; sentences written here."""

from __future__ import annotations

import pytest
from quotes_helpers import speaker_name

from accords.quotes import speaker_pronouns

IN_QUOTES = (
    "Tom Harlow is touring the farm towns of the county this week.\n"
    'He says that if voters want more of the same, "they have a fine choice, but it is not Tom Harlow."'
)
MODIFIER = (
    "Nora Brisket spoke to supporters in Dayton on Friday.\n"
    "She said that the rival campaign's mailer was an insult to the volunteers of the Brisket campaign."
)
ASIDE = (
    "Paul Verity spoke at the county fair on Saturday.\n"
    "He said that the governor's new motto — itself a reply to Verity's own slogan — was weak."
)


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (IN_QUOTES, "fine choice", "Tom Harlow"),
        (MODIFIER, "an insult", "Nora Brisket"),
        (ASIDE, "was weak", "Paul Verity"),
    ],
)
def test_a_name_the_binding_does_not_reach(
    monkeypatch: pytest.MonkeyPatch, flag: bool, text: str, words: str, name: str
) -> None:
    monkeypatch.setattr(speaker_pronouns, "BINDING", True)
    monkeypatch.setattr(speaker_pronouns, "BINDING_NARROW", flag)
    got = speaker_name(text, words)
    assert (got == name) is flag, got
