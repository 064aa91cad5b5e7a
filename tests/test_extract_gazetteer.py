"""Gazetteers: names, aliases, demonyms and facilities, matched on word boundaries."""

from __future__ import annotations

import pytest

from thirdcountry.extract.engine import gazetteer
from thirdcountry.extract.gazetteer import MentionKind, cldr_name_variants
from thirdcountry.extract.rules.en import demonym_forms as english_forms
from thirdcountry.extract.rules.es import demonym_forms as spanish_forms


def found(text: str) -> list[tuple[str, str | None, str]]:
    return [
        (text[m.start : m.end], m.code, m.kind.value)
        for m in gazetteer().mentions(text)
        if m.kind is not MentionKind.BLOCKED
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("deported from the U.S. last week", "US"),
        ("deportados de EE.UU. ayer", "US"),
        ("deportados desde EEUU", "US"),
        ("the Trump administration said", "US"),
        ("la Administración Trump dijo", "US"),
        ("Estados Unidos y Kosovo", "US"),
        ("the Republic of Kosovo agreed", "XK"),
        ("flights to eSwatini", "SZ"),
        ("flights to Swaziland", "SZ"),
        ("a deal with Esuatini", "SZ"),
        ("sent to Burma", "MM"),
        ("Saint Kitts and Nevis signed", "KN"),
    ],
)
def test_aliases_name_their_country(text: str, code: str) -> None:
    assert code in [c for _s, c, _k in found(text)]


def test_longest_match_wins() -> None:
    assert found("flown to South Sudan") == [("South Sudan", "SS", "country")]
    assert found("Equatorial Guinea received") == [("Equatorial Guinea", "GQ", "country")]


def test_names_inside_other_words_or_phrases_do_not_match() -> None:
    assert found("Romania and Indiana") == [("Romania", "RO", "country")]
    assert found("across Latin America and Central America") == []
    assert found("us and them") == []  # "US" is case-sensitive


def test_demonyms_and_facilities() -> None:
    assert ("Venezuelans", "VE", "demonym") in found("238 Venezuelans were flown")
    assert ("venezolanos", "VE", "demonym") in found("238 venezolanos fueron enviados")
    assert ("Salvadoreños", "SV", "demonym") in found("Salvadoreños en la frontera")
    names = gazetteer()
    for alias in ("Terrorism Confinement Center", "Centro de Confinamiento del Terrorismo"):
        (mention,) = names.mentions(f"held at the {alias} in Tecoluca")[:1]
        assert (mention.entry.facility, mention.code) == ("CECOT", "SV")
    assert names.canonical_facility("centro correccional de Matsapha") == (
        "Matsapha Correctional Centre"
    )


def test_cldr_names_are_spelled_as_prose_spells_them() -> None:
    assert "Saint Kitts and Nevis" in cldr_name_variants("St. Kitts & Nevis", "and")
    assert set(cldr_name_variants("Myanmar (Burma)", "and")) == {"Myanmar", "Burma"}
    assert cldr_name_variants("Congo - Kinshasa", "and") == []


def test_demonym_forms() -> None:
    assert ("Venezuelans", True) in set(english_forms("Venezuelan"))
    assert set(english_forms("Chinese")) == {("Chinese", False), ("Chinese", True)}
    assert {"venezolanos", "venezolana", "venezolanas"} <= {
        f for f, _ in spanish_forms("venezolano")
    }
    assert ("ghaneses", True) in set(spanish_forms("ghanés"))
    assert ("marroquíes", True) in set(spanish_forms("marroquí"))


def test_surfaces_are_exactly_what_mentions_finds() -> None:
    surfaces = gazetteer().surfaces()
    assert len(surfaces) == len(set(surfaces))
    # Every surface is found as a whole mention of itself, and a word it does not hold is not.
    for surface in ("Ghana", "Sudán del Sur", "Eswatini", "CECOT", "salvadoreños"):
        assert surface in surfaces
        assert [(m.start, m.end) for m in gazetteer().mentions(surface)] == [(0, len(surface))]
    assert "Atlantis" not in surfaces
