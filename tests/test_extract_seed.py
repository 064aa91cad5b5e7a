"""The seed article: every `must` claim of expected-claims.yaml, nothing of `must_not`."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import shared_path
from thirdcountry.domain.claims import Claim, validate
from thirdcountry.extract import extract_claims
from thirdcountry.extract.evaluate import load_labelled, matches
from thirdcountry.extract.pipeline import _segments
from thirdcountry.extract.rules import registered

PUBLISHED = dt.date(2025, 6, 12)


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[Claim]]:
    text = shared_path("seed", "kosovo-2025-06-12.txt").read_text(encoding="utf-8")
    return text, extract_claims(text, published=PUBLISHED)


def _labels():  # type: ignore[no-untyped-def]
    return load_labelled(shared_path("seed"))[0]


def test_every_must_claim_is_extracted(seed: tuple[str, list[Claim]]) -> None:
    _text, claims = seed
    missing = [
        e.describe()
        for e in _labels().expected
        if e.must and not any(matches(c, e, lenient=False) for c in claims)
    ]
    assert not missing


def test_nothing_forbidden_is_extracted(seed: tuple[str, list[Claim]]) -> None:
    _text, claims = seed
    forbidden = [
        (f.describe(), c.quote)
        for f in _labels().forbidden
        for c in claims
        if matches(c, f, lenient=False)
    ]
    assert not forbidden


def test_claims_cite_the_text_and_are_valid(seed: tuple[str, list[Claim]]) -> None:
    text, claims = seed
    for claim in claims:
        assert claim.evidence_start is not None and claim.evidence_end is not None
        assert text[claim.evidence_start : claim.evidence_end] == claim.quote
        assert claim.extractor == "rules-en/1.0" or claim.extractor == "rules-es/1.0"
        assert claim.document_id is None and claim.review_state.value == "pending"
        assert validate(claim, today=PUBLISHED) == claim


def test_the_spanish_headline_is_read_with_spanish_rules() -> None:
    text = shared_path("seed", "kosovo-2025-06-12.txt").read_text(encoding="utf-8")
    segments = _segments(text, registered(), None)
    languages = {text[s.start : s.end]: r.code for s, r in segments}
    assert languages["Kosovo acepta recibir inmigrantes deportados de EE.UU."] == "es"
    assert (
        languages[
            "Kosovo has agreed to temporarily host 50 immigrants deported from the United States."
        ]
        == "en"
    )
