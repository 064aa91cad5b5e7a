"""Any input gives claims or one clear error, never a traceback (hypothesis-driven)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thirdcountry.domain.claims import validate
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.errors import BadInput
from thirdcountry.extract import MAX_TEXT_CHARS, detect_language, extract_claims, html_to_text

DEVSET = Path(__file__).resolve().parent / "devset"
SAMPLE = (DEVSET / "en-01-eswatini-first-flight.txt").read_text(encoding="utf-8")
SPANISH = (DEVSET / "es-02-cecot-venezolanos.txt").read_text(encoding="utf-8")
PUBLISHED = dt.date(2025, 7, 17)

# Words the rules react to, so that random text reaches deep into the engine.
CUES = st.sampled_from(
    [
        "Kosovo",
        "El Salvador",
        "U.S.",
        "EE.UU.",
        "the Trump administration",
        "deported",
        "deportados",
        "agreed",
        "acordó",
        "238",
        "fifty",
        "cincuenta",
        "Venezuelans",
        "venezolanos",
        "CECOT",
        "denied",
        "negó",
        "up to",
        "hasta",
        "$7.5 million",
        "could",
        "podría",
        "last Tuesday",
        "el pasado martes",
        ",",
        ".",
        ";",
        ":",
        "(",
        ")",
        "—",
        "\n",
        "\n\n",
    ]
)
PROSE = st.lists(st.one_of(CUES, st.text(max_size=12)), max_size=80).map(" ".join)
PROFILE = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(text: str) -> None:
    for claim in extract_claims(text, published=PUBLISHED):
        assert claim.evidence_start is not None and claim.evidence_end is not None
        assert 0 <= claim.evidence_start < claim.evidence_end <= len(text)
        quote = text[claim.evidence_start : claim.evidence_end]
        assert claim.quote == quote.encode("utf-8", "replace").decode("utf-8")
        assert 0.0 <= (claim.confidence or 0.0) <= 1.0
        validate(claim, today=PUBLISHED)


@PROFILE
@given(st.text(max_size=2000))
def test_any_text(text: str) -> None:
    check(text)


@PROFILE
@given(PROSE)
def test_text_made_of_cues(text: str) -> None:
    check(text)


@PROFILE
@given(st.binary(max_size=3000))
def test_binary_junk_decoded_anyhow(data: bytes) -> None:
    check(data.decode("latin-1"))
    check(data.decode("utf-8", errors="surrogateescape"))


@PROFILE
@given(st.integers(min_value=0, max_value=len(SAMPLE)), st.integers(min_value=0, max_value=400))
def test_cut_and_mixed_articles(cut: int, offset: int) -> None:
    check(SAMPLE[:cut] + "\n\n" + SPANISH[offset:] + SAMPLE[cut:])


@PROFILE
@given(st.text(alphabet=st.sampled_from("<>/=\"' abcdiv&;p\n"), max_size=600))
def test_broken_html(markup: str) -> None:
    text = html_to_text(markup)
    assert "<div" not in text
    check(text)
    detect_language(text)


def test_broken_html_with_an_article_inside() -> None:
    markup = "<html><body><div><p>" + SAMPLE.replace("\n\n", "</p><p>") + "<div><span>"
    text = html_to_text(markup.encode("utf-8"))
    assert "Eswatini" in text
    assert any(c.receiver == "SZ" for c in extract_claims(text, published=PUBLISHED))


def test_empty_and_blank_text() -> None:
    assert extract_claims("") == []
    assert extract_claims(" \n\t ") == []
    assert html_to_text("") == ""


def test_a_long_article_is_read_whole() -> None:
    last = "Rwanda has agreed to accept up to 250 migrants deported from the United States."
    text = "\n\n".join([SAMPLE] * 30 + [last])
    claims = extract_claims(text, published=PUBLISHED)
    (cap,) = [c for c in claims if c.kind.value == "capacity" and c.receiver == "RW"]
    assert cap.count == 250 and cap.evidence_start == len(text) - len(last)


def test_a_50_mb_text_is_refused_clearly() -> None:
    with pytest.raises(BadInput, match="split it into its documents"):
        extract_claims("deported " * (50_000_000 // 9))


def test_the_limit_is_inclusive() -> None:
    assert extract_claims("x" * MAX_TEXT_CHARS) == []


@pytest.mark.parametrize("bad", [b"bytes", None, 42])
def test_text_that_is_not_a_string(bad: object) -> None:
    with pytest.raises(BadInput, match="needs text"):
        extract_claims(bad)  # type: ignore[arg-type]


def test_a_published_that_is_not_a_date() -> None:
    for wrong in ("July 2025", "2025-13", 20250717, True):
        with pytest.raises(BadInput, match="published must be a date"):
            extract_claims(SAMPLE, published=wrong)  # type: ignore[arg-type]


def test_a_published_month_or_year_bounds_and_resolves_no_finer() -> None:
    text = (
        "On January 22, the United States deported nine Cuban men to Eswatini. "
        "Five more Cuban men were deported to Eswatini on Friday."
    )
    by_month = extract_claims(text, published="2026-02")
    dates = sorted(str(c.when) for c in by_month if c.kind.value == "transfer")
    # "on Friday" in a page known only to its month is dated to that month, not to a day.
    assert dates == ["2026-01-22", "2026-02"]

    def facts(published: object) -> list[tuple[object, ...]]:
        claims = extract_claims(text, published=published)  # type: ignore[arg-type]
        return [(c.kind, c.receiver, c.count, c.when) for c in claims]

    assert facts("2026-02") == facts(PartialDate.parse("2026-02"))
    by_day = extract_claims(text, published=dt.date(2026, 2, 13))
    assert sorted(str(c.when) for c in by_day if c.kind.value == "transfer") == [
        "2026-01-22",
        "2026-02-13",
    ]
