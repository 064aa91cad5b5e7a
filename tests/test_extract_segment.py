"""Sentences: an abbreviation ends a sentence only when a sentence opener follows."""

from __future__ import annotations

import pytest

from thirdcountry.extract.segment import sentences


def split(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text)]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "Costa Rica agreed to receive 200 migrants from the U.S. According to reports, "
            "a first plane landed.",
            2,
        ),
        ("Uganda will take deportees from the U.S. However, details are unclear.", 2),
        ("Migrantes deportados desde EE.UU. Según el gobierno, llegaron el lunes.", 2),
        # No opener after the abbreviation: one sentence.
        ("Officials of the U.S. Embassy in Kampala confirmed the deal.", 1),
        ("The plane left the U.S. State Department said nothing.", 1),
    ],
)
def test_an_abbreviation_ends_a_sentence_before_an_opener(text: str, parts: int) -> None:
    assert len(split(text)) == parts


def test_a_sentence_about_one_country_does_not_lend_its_nationals_to_the_next() -> None:
    from thirdcountry.extract import extract_claims

    text = (
        "Costa Rica had agreed to receive 200 deported migrants from the U.S. According to "
        "media sources, the first plane carried citizens of Uzbekistan and Kazakhstan."
    )
    receivers = {c.receiver for c in extract_claims(text, published="2025-02-20", language="en")}
    assert "UZ" not in receivers and "KZ" not in receivers
