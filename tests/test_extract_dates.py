"""Numbers and dates as reporting writes them, dates resolved against publication."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from thirdcountry.domain.dates import PartialDate
from thirdcountry.extract.dates import find_dates
from thirdcountry.extract.rules.en import DATES as EN_DATES
from thirdcountry.extract.rules.en import NUMBERS as EN
from thirdcountry.extract.rules.es import DATES as ES_DATES
from thirdcountry.extract.rules.es import NUMBERS as ES


@pytest.mark.parametrize(
    ("words", "raw", "value"),
    [
        (EN, "238", 238),
        (EN, "fifty", 50),
        (EN, "seventy-five", 75),
        (EN, "two hundred and fifty", 250),
        (EN, "a dozen", 12),
        (EN, "5,728", 5728),
        (EN, "7.5", Decimal("7.5")),
        (ES, "cincuenta", 50),
        (ES, "treinta y dos", 32),
        (ES, "doscientos cincuenta", 250),
        (ES, "dos mil", 2000),
        (ES, "20.000", 20000),
        (ES, "5,1", Decimal("5.1")),
        (ES, "una decena", 10),
    ],
)
def test_numbers(words, raw: str, value) -> None:  # type: ignore[no-untyped-def]
    assert words.parse(raw) == value


def test_a_lone_scale_word_is_no_number() -> None:
    assert [m.group(0) for m in EN.regex.finditer("7.5 million and a million")] == ["7.5"]


def resolved(text: str, words, published: dt.date | None) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.when.isoformat() for d in find_dates(text, 0, len(text), words, published)]


PUBLISHED = dt.date(2025, 6, 12)  # a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In April of this year, Bukele received", ["2025-04"]),
        ("arrived late Tuesday", ["2025-06-10"]),
        ("on Thursday", ["2025-06-12"]),
        ("last Thursday", ["2025-06-05"]),
        ("last month", ["2025-05"]),
        ("last year", ["2024"]),
        ("in November", ["2024-11"]),
        ("on Sept. 5", ["2024-09-05"]),
        ("June 12, 2025", ["2025-06-12"]),
        ("between Feb. 12 and Feb. 15", ["2025-02"]),
        ("in 2022", ["2022"]),
        ("three days ago", ["2025-06-09"]),
        ("on March 16 this year", ["2025-03-16"]),
    ],
)
def test_english_dates(text: str, expected: list[str]) -> None:
    assert resolved(text, EN_DATES, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("el pasado martes", ["2025-06-10"]),
        ("este jueves", ["2025-06-12"]),
        ("ayer", ["2025-06-11"]),
        ("el 20 de febrero", ["2025-02-20"]),
        ("a principios de octubre", ["2024-10"]),
        ("entre el 12 y el 15 de febrero", ["2025-02"]),
        ("16 de marzo de 2025", ["2025-03-16"]),
        ("el mes pasado", ["2025-05"]),
        ("el pasado 16 de marzo de este año", ["2025-03-16"]),
    ],
)
def test_spanish_dates(text: str, expected: list[str]) -> None:
    assert resolved(text, ES_DATES, PUBLISHED) == expected


def test_relative_dates_need_a_publication_date() -> None:
    assert resolved("last month, on Tuesday", EN_DATES, None) == []
    assert resolved("on March 3, 2025", EN_DATES, None) == ["2025-03-03"]


def test_nothing_resolves_into_the_future() -> None:
    assert resolved("on December 24, 2025", EN_DATES, PUBLISHED) == []


@pytest.mark.parametrize(
    ("words", "phrase", "published", "expected"),
    [
        # Across a year boundary: January, told in February, is this January.
        (EN_DATES, "on January 22", "2026-02-03", "2026-01-22"),
        (ES_DATES, "el 22 de enero", "2026-02-03", "2026-01-22"),
        (EN_DATES, "on January 22", "2026-02", "2026-01-22"),
        (ES_DATES, "el 22 de enero", "2026-02", "2026-01-22"),
        (EN_DATES, "in December", "2026-01-10", "2025-12"),
        (ES_DATES, "en diciembre", "2026-01-10", "2025-12"),
        # A page known to its month or year gives no finer date than it allows.
        (EN_DATES, "last month", "2025-08", "2025-07"),
        (ES_DATES, "el mes pasado", "2025-08", "2025-07"),
        (EN_DATES, "last year", "2025", "2024"),
        (ES_DATES, "el año pasado", "2025", "2024"),
        # A weekday in a page known to its month: that month (no day is known).
        (EN_DATES, "on Friday", "2025-08", "2025-08"),
        (ES_DATES, "el viernes", "2025-08", "2025-08"),
        (EN_DATES, "yesterday", "2025-08", "2025-08"),
        # So is a week just gone or under way.
        (EN_DATES, "last week", "2025-08", "2025-08"),
        (ES_DATES, "la semana pasada", "2025-08", "2025-08"),
        (EN_DATES, "this week", "2025-08", "2025-08"),
        (ES_DATES, "esta semana", "2025-08", "2025-08"),
        (EN_DATES, "last week", "2025", None),
        (ES_DATES, "la semana pasada", "2025", None),
        (EN_DATES, "yesterday", "2025", None),
        (ES_DATES, "ayer", "2025", None),
        (EN_DATES, "last month", "2025", None),
        (ES_DATES, "el mes pasado", "2025", None),
        # Nothing after the publication period.
        (EN_DATES, "on September 3", "2025-08", "2024-09-03"),
        (ES_DATES, "el 3 de septiembre", "2025-08", "2024-09-03"),
    ],
)
def test_dates_against_a_day_month_or_year_of_publication(  # type: ignore[no-untyped-def]
    words, phrase: str, published: str, expected: str | None
) -> None:
    found = find_dates(phrase, 0, len(phrase), words, PartialDate.parse(published))
    assert [d.when.isoformat() for d in found] == ([expected] if expected else [])
