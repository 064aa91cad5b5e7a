"""Totals over a period are period_total claims, never transfers (issues 13 and 15)."""

from __future__ import annotations

import datetime as dt

import pytest

from thirdcountry.domain.claims import Claim
from thirdcountry.extract import extract_claims

PUBLISHED = dt.date(2025, 7, 10)


def kinds(text: str, language: str) -> dict[str, list[Claim]]:
    found: dict[str, list[Claim]] = {}
    for claim in extract_claims(text, published=PUBLISHED, language=language):
        found.setdefault(claim.kind.value, []).append(claim)
    return found


def total(text: str, language: str) -> tuple[object, ...]:
    found = kinds(text, language)
    assert "transfer" not in found, "a total is never also a transfer"
    (claim,) = found["period_total"]
    return (
        claim.sender,
        claim.receiver,
        claim.count,
        claim.count_qualifier,
        str(claim.period_from),
        str(claim.period_to),
    )


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The United States deported 4,210 migrants of other nationalities to Mexico "
            "between February and May, the ministry said.",
            "en",
            ("US", "MX", 4210, "exact", "2025-02", "2025-05"),
        ),
        (
            "Estados Unidos deportó a 4.210 migrantes de otras nacionalidades a México entre "
            "febrero y mayo, informó la cancillería.",
            "es",
            ("US", "MX", 4210, "exact", "2025-02", "2025-05"),
        ),
        (
            "Guatemala received 3,150 deportees of other nationalities from the United States "
            "between 3 February and 21 June 2025.",
            "en",
            ("US", "GT", 3150, "exact", "2025-02-03", "2025-06-21"),
        ),
        (
            "Guatemala recibió 3.150 deportados de otras nacionalidades desde Estados Unidos "
            "entre el 3 de febrero y el 21 de junio de 2025.",
            "es",
            ("US", "GT", 3150, "exact", "2025-02-03", "2025-06-21"),
        ),
    ],
)
def test_a_total_between_two_dates(text: str, language: str, expected: tuple[object, ...]) -> None:
    assert total(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Ghana has received deportees from the United States. Some 17 migrants were sent "
            "there between January and March.",
            "en",
        ),
        (
            "Ghana ha recibido a deportados desde Estados Unidos. Unos 17 migrantes fueron "
            "enviados allí entre enero y marzo.",
            "es",
        ),
    ],
)
def test_a_total_sent_there_is_the_state_in_views(text: str, language: str) -> None:
    (claim,) = kinds(text, language)["period_total"]
    assert (claim.sender, claim.receiver, claim.count) == ("US", "GH", 17)
    assert (str(claim.period_from), str(claim.period_to)) == ("2025-01", "2025-03")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Between January and February, the United States deported to Ghana 17 migrants from "
            "five African countries: Angola, Kenya and Senegal. In 2023, Ghanaian asylum "
            "seekers deported by the United States were harmed in Ghana after their return.",
            "en",
        ),
        (
            "Entre enero y febrero, Estados Unidos deportó a Ghana a 17 migrantes de cinco "
            "países africanos: Angola, Kenia y Senegal. En 2023, solicitantes de asilo ghaneses "
            "deportados por Estados Unidos sufrieron daños en Ghana tras su regreso.",
            "es",
        ),
    ],
)
def test_the_states_listed_after_from_n_countries_are_the_peoples(text: str, language: str) -> None:
    # The people are from the states listed, so the move to Ghana is no return home, even
    # though the text speaks of Ghanaians elsewhere.
    assert total(text, language)[:3] == ("US", "GH", 17)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Since March, the United States has deported more than 60 third-country "
            "nationals to Costa Rica.",
            "en",
            ("US", "CR", 60, "at_least", "2025-03", "2025-07-10"),
        ),
        (
            "Desde marzo, Estados Unidos ha deportado a más de 60 migrantes de terceros "
            "países a Costa Rica.",
            "es",
            ("US", "CR", 60, "at_least", "2025-03", "2025-07-10"),
        ),
        (
            "So far this year the United States has deported about 300 migrants of other "
            "nationalities to Panama.",
            "en",
            ("US", "PA", 300, "about", "2025", "2025-07-10"),
        ),
        (
            "En lo que va del año, Estados Unidos ha deportado a unos 300 migrantes de otras "
            "nacionalidades a Panamá.",
            "es",
            ("US", "PA", 300, "about", "2025", "2025-07-10"),
        ),
        # A figure in dozens.
        (
            "Since April, more than two dozen refugees of other nationalities have been "
            "deported from the United States to Ghana.",
            "en",
            ("US", "GH", 24, "at_least", "2025-04", "2025-07-10"),
        ),
        (
            "Desde abril, más de dos docenas de refugiados de otras nacionalidades han sido "
            "deportados desde Estados Unidos a Ghana.",
            "es",
            ("US", "GH", 24, "at_least", "2025-04", "2025-07-10"),
        ),
    ],
)
def test_a_total_up_to_publication(text: str, language: str, expected: tuple[object, ...]) -> None:
    assert total(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The United States deported six men to Eswatini on Tuesday.", "en"),
        ("Estados Unidos deportó el martes a seis hombres a Esuatini.", "es"),
    ],
)
def test_one_flight_stays_a_transfer(text: str, language: str) -> None:
    found = kinds(text, language)
    assert "period_total" not in found
    assert [c.count for c in found["transfer"]] == [6]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Several states together: the figure is none of theirs.
        (
            "Since July, the United States has deported more than 40 people to Eswatini, "
            "Ghana and Rwanda.",
            "en",
        ),
        (
            "Desde julio, Estados Unidos ha deportado a más de 40 personas a Esuatini, Ghana "
            "y Ruanda.",
            "es",
        ),
    ],
)
def test_a_total_for_several_states_is_no_claim(text: str, language: str) -> None:
    found = kinds(text, language)
    assert "period_total" not in found and "transfer" not in found


def test_a_total_with_no_start_is_not_recorded() -> None:
    # "To date" gives no first day: the contract needs both ends of a period.
    found = kinds("To date, the United States has deported 41 migrants to Eswatini.", "en")
    assert "period_total" not in found and "transfer" not in found


def test_non_nationals_are_not_the_receivers_own() -> None:
    text = (
        "The United States deported 5,100 non-Mexican migrants to Mexico between January and "
        "April, officials said."
    )
    assert total(text, "en") == ("US", "MX", 5100, "exact", "2025-01", "2025-04")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "In February and March, the United States deported 23 men and women from nine "
            "African countries to Cameroon.",
            "en",
        ),
        (
            "En febrero y marzo, Estados Unidos deportó a Camerún a 23 hombres y mujeres de "
            "nueve países africanos.",
            "es",
        ),
    ],
)
def test_a_total_over_two_named_months(text: str, language: str) -> None:
    assert total(text, language) == ("US", "CM", 23, "exact", "2025-02", "2025-03")
