"""The label table: every code of the claim contract reads as words, in every language."""

from decimal import Decimal

import pytest

from thirdcountry.data import bundled_labels
from thirdcountry.domain.errors import ValidationError
from thirdcountry.domain.labels import LANGUAGES, VOCABULARIES, format_money, parse_labels
from thirdcountry.domain.vocabulary import ClaimKind


@pytest.mark.parametrize("vocabulary", sorted(VOCABULARIES))
def test_every_code_has_a_label_in_every_language(vocabulary: str) -> None:
    table = bundled_labels()
    codes = {member.value for member in VOCABULARIES[vocabulary]}
    assert set(table.labels[vocabulary]) == codes
    for lang in LANGUAGES:
        labels = table.vocabulary(vocabulary, lang)
        # A code may read as itself only when it is already a plain word ("about").
        assert all(labels[code] and ("_" not in labels[code]) for code in codes), (vocabulary, lang)
        assert all(labels[code] != code for code in codes if "_" in code), (vocabulary, lang)


def test_labels_differ_by_language_and_unknown_codes_read_as_themselves() -> None:
    table = bundled_labels()
    assert table.label("role", "protection_or_resettlement", "en") == "Protection or resettlement"
    assert table.label("role", "protection_or_resettlement", "es") == "Protección o reasentamiento"
    assert table.label("kind", "arrangement_status", "es") == "Estado"
    assert table.value(ClaimKind.ARRANGEMENT_STATUS, "implemented", "es") == "En aplicación"
    assert table.value(ClaimKind.TRANSFER, None, "en") == ""
    assert table.label("role", "teleportation", "en") == "teleportation"


def test_a_label_missing_in_one_language_is_named() -> None:
    with pytest.raises(ValidationError, match=r"labels.yaml: role.detention: no label in es"):
        parse_labels({"role": {"detention": {"en": "Detention"}}}, "labels.yaml")


@pytest.mark.parametrize(
    ("amount", "currency", "lang", "expected"),
    [
        (Decimal("210000000.00"), "EUR", "en", "€210 million"),
        (Decimal("210000000.00"), "EUR", "es", "210 millones de euros"),
        (Decimal("270000000.00"), "GBP", "en", "£270 million"),
        (Decimal("408000000.00"), "AUD", "en", "A$408 million"),
        (Decimal("6500000"), "USD", "en", "$6.5 million"),
        (Decimal("1000000"), "USD", "es", "1 millón de dólares estadounidenses"),
        (Decimal("5150000"), "USD", "en", "$5,150,000"),  # words would round it
        (Decimal("210000"), "EUR", "es", "210.000 €"),
        (Decimal("1250.50"), "USD", "en", "$1,250.50"),
        (Decimal("900"), None, "en", "900"),
    ],
)
def test_money_reads_as_people_write_it(
    amount: Decimal, currency: str | None, lang: str, expected: str
) -> None:
    assert format_money(amount, currency, lang).replace("\xa0", " ") == expected
