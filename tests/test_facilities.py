"""The curated facilities table: one facility per surface form, valid codes and types."""

from __future__ import annotations

from typing import Any

import pytest

from thirdcountry.data import bundled_facilities
from thirdcountry.domain.errors import NotFound
from thirdcountry.domain.facilities import FacilitiesError, FacilityType, parse_facilities


def table(*items: dict[str, Any]) -> Any:
    return parse_facilities({"facilities": list(items)}, "facilities.yaml")


def test_bundled_table_finds_facilities_by_any_name() -> None:
    facilities = bundled_facilities()
    cecot = facilities.resolve("centro de confinamiento del terrorismo")
    assert (cecot.name, cecot.country, cecot.type) == ("CECOT", "SV", FacilityType.PRISON)
    assert cecot.display_name("es") == "Centro de Confinamiento del Terrorismo"
    assert facilities.canonical("Gjader CPR") == "Gjader centre"
    assert facilities.find("Camp Lemonnier") is facilities.find("US military base, Djibouti")
    assert {f.name for f in facilities.in_country("al")} == {"Shengjin centre", "Gjader centre"}


def test_every_surface_form_of_the_bundled_table_is_listed_once() -> None:
    forms = bundled_facilities().surface_forms()
    assert forms["Matsapha prison"].name == "Matsapha Correctional Centre"
    assert len({f.casefold() for f in forms}) == len(forms)


def test_an_unknown_name_is_not_found() -> None:
    with pytest.raises(NotFound, match="'Nowhere' is not in the facilities table"):
        bundled_facilities().resolve("Nowhere")


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(FacilitiesError) as caught:
        table(
            {"name": "A", "country": "QQ", "type": "prison"},
            {"name": "B", "country": "XK", "type": "castle"},
            {"country": "XK", "type": "prison"},
            {"name": "C", "country": "XK", "type": "prison", "aliases": ["Shared"]},
            {"name": "D", "country": "XK", "type": "prison", "aliases": ["shared"]},
        )
    problems = caught.value.problems
    assert problems[0].startswith("facility #1 (A): country: unknown country code 'QQ'")
    assert problems[1].startswith("facility #2 (B): type 'castle' is not one of")
    assert problems[2] == "facility #3: needs a name (claims use it)"
    assert problems[3] == "'shared' names both 'C' and 'D'"


def test_kosovo_is_a_valid_facility_country() -> None:
    assert (
        table({"name": "Gjilan prison", "country": "xk", "type": "prison"}).canonical(
            "gjilan prison"
        )
        == "Gjilan prison"
    )
