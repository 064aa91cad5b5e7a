import pytest

from thirdcountry.domain.countries import all_countries, country_name, get_country, is_country
from thirdcountry.domain.errors import ValidationError


def test_all_iso_countries_plus_kosovo() -> None:
    codes = {c.code for c in all_countries()}
    assert len(codes) == 250  # 249 ISO 3166-1 entries and XK
    assert {"XK", "US", "SV", "SZ", "KN", "PW"} <= codes


@pytest.mark.parametrize("code", ["EU", "UN", "ZZ", "001", "QO"])
def test_cldr_groupings_are_not_countries(code: str) -> None:
    assert not is_country(code)


def test_names_come_from_cldr_in_both_languages() -> None:
    assert country_name("US", "es") == "Estados Unidos"
    assert country_name("XK", "en") == "Kosovo"
    assert get_country("sv").name("es") == "El Salvador"


def test_unknown_code_names_the_input() -> None:
    with pytest.raises(ValidationError, match="unknown country code 'XX'"):
        get_country("XX")
