import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.errors import ValidationError
from thirdcountry.domain.vocabulary import DatePrecision


@pytest.mark.parametrize(
    ("raw", "value", "precision"),
    [
        ("2025", date(2025, 1, 1), DatePrecision.YEAR),
        ("2025-04", date(2025, 4, 1), DatePrecision.MONTH),
        ("2025-04-16", date(2025, 4, 16), DatePrecision.DAY),
        (date(2025, 3, 15), date(2025, 3, 15), DatePrecision.DAY),
        (2024, date(2024, 1, 1), DatePrecision.YEAR),
    ],
)
def test_precision_follows_the_form(raw: object, value: date, precision: DatePrecision) -> None:
    parsed = PartialDate.parse(raw)
    assert (parsed.value, parsed.precision) == (value, precision)


@pytest.mark.parametrize("raw", ["2025-13", "2025-02-30", "April 2025", "25-04-01", "", None, 3.5])
def test_bad_dates_are_refused_with_the_input_named(raw: object) -> None:
    with pytest.raises(ValidationError, match="date"):
        PartialDate.parse(raw)


def test_month_covers_its_days_and_compatibility_allows_slack() -> None:
    april = PartialDate.parse("2025-04")
    assert april.end == date(2025, 4, 30)
    assert april.compatible(PartialDate.parse("2025-04-20"))
    assert PartialDate.parse("2025-03-16").compatible(PartialDate.parse("2025-03-18"), 3)
    assert not PartialDate.parse("2025-03-16").compatible(PartialDate.parse("2025-04"), 3)


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.sampled_from(DatePrecision),
)
def test_isoformat_round_trips(day: date, precision: DatePrecision) -> None:
    partial = PartialDate.of(day, precision)
    assert PartialDate.parse(partial.isoformat()) == partial
    assert partial.start <= day <= partial.end


@given(st.text(max_size=20))
def test_parse_never_raises_anything_but_validation_errors(raw: str) -> None:
    with contextlib.suppress(ValidationError):
        PartialDate.parse(raw)
