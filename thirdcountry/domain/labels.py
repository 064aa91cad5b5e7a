"""How codes and amounts read to people, in each language of the project.

Codes (``protection_or_resettlement``, ``arrangement_status``) are the claim contract's
words for programs; people read labels. The label table is data
(``thirdcountry/data/labels.yaml``, loaded by ``thirdcountry.data.bundled_labels``), one
for every surface: the site, the review pages, the CLI, feed titles and the data package.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from babel import Locale
from babel.numbers import (
    format_compact_decimal,
    format_currency,
    format_decimal,
    get_currency_name,
)

from thirdcountry.domain.errors import ValidationError
from thirdcountry.domain.vocabulary import (
    ClaimKind,
    Concern,
    CountQualifier,
    DatePrecision,
    Denier,
    DocumentKind,
    Instrument,
    ReviewState,
    Role,
    Status,
)

LANGUAGES = ("en", "es")

# Each vocabulary of the table, and the enum whose codes it must label exactly.
VOCABULARIES: dict[str, type[StrEnum]] = {
    "kind": ClaimKind,
    "status": Status,
    "role": Role,
    "instrument": Instrument,
    "concern": Concern,
    "denier": Denier,
    "count_qualifier": CountQualifier,
    "review_state": ReviewState,
    "date_precision": DatePrecision,
    "document_kind": DocumentKind,
}

# The vocabulary that labels a claim's ``value``, by kind.
VALUE_VOCABULARY: dict[ClaimKind, str] = {
    ClaimKind.ARRANGEMENT_STATUS: "status",
    ClaimKind.ROLE: "role",
    ClaimKind.INSTRUMENT: "instrument",
    ClaimKind.CONCERN: "concern",
    ClaimKind.DENIAL: "denier",
}


@dataclass(frozen=True)
class LabelTable:
    """Labels by vocabulary, code and language."""

    labels: Mapping[str, Mapping[str, Mapping[str, str]]]

    def label(self, vocabulary: str, code: str | None, lang: str = "en") -> str:
        """The label of ``code``; a code the table does not know reads as itself."""
        if code is None:
            return ""
        entry = self.labels.get(vocabulary, {}).get(str(code))
        if entry is None:
            return str(code)
        return entry.get(lang) or entry["en"]

    def vocabulary(self, vocabulary: str, lang: str = "en") -> dict[str, str]:
        """Every code of one vocabulary with its label, in the table's order."""
        return {code: self.label(vocabulary, code, lang) for code in self.labels[vocabulary]}

    def value(self, kind: ClaimKind | str, value: str | None, lang: str = "en") -> str:
        """A claim's value as people read it (kinds without a vocabulary keep the value)."""
        vocabulary = VALUE_VOCABULARY.get(ClaimKind(kind))
        if vocabulary is None or value is None:
            return value or ""
        return self.label(vocabulary, value, lang)

    def any_value(self, value: str | None, lang: str = "en") -> str:
        """A value whose kind is not known: the first value vocabulary that labels it."""
        for vocabulary in VALUE_VOCABULARY.values():
            if value in self.labels.get(vocabulary, {}):
                return self.label(vocabulary, value, lang)
        return value or ""


def parse_labels(raw: Any, source: str) -> LabelTable:
    """A label table from its YAML structure; every problem is named with ``source``."""
    problems: list[str] = []
    if not isinstance(raw, dict):
        raise ValidationError(f"{source}: must be a mapping of vocabularies")
    table: dict[str, dict[str, dict[str, str]]] = {}
    for vocabulary, entries in raw.items():
        if not isinstance(entries, dict):
            problems.append(f"{vocabulary}: must be a mapping of codes")
            continue
        table[str(vocabulary)] = {}
        for code, names in entries.items():
            missing = [
                lang for lang in LANGUAGES if not (isinstance(names, dict) and names.get(lang))
            ]
            if missing:
                problems.append(f"{vocabulary}.{code}: no label in {', '.join(missing)}")
                continue
            table[str(vocabulary)][str(code)] = {lang: str(names[lang]) for lang in names}
    if problems:
        raise ValidationError(f"{source}: " + "; ".join(problems))
    return LabelTable(table)


def format_count(value: int | float | Decimal | None, lang: str) -> str:
    """A number with the language's grouping ("5,728", "5.728")."""
    return "" if value is None else format_decimal(value, locale=lang)


def format_money(
    amount: int | float | Decimal | str | None, currency: str | None, lang: str
) -> str:
    """An amount as a reader writes it: "€210 million", "210 millones de euros", "$6,250".

    Millions are written in words only when that loses nothing (a multiple of 100,000);
    amounts are never shown with cents they do not have.
    """
    if amount is None:
        return ""
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        return str(amount)
    if not currency:
        return format_count(value, lang)
    whole = value == value.to_integral_value()
    if whole and value >= 1_000_000 and value % 100_000 == 0:
        words = format_compact_decimal(value, format_type="long", locale=lang, fraction_digits=1)
        if lang == "en":
            symbol = format_currency(0, currency, locale=lang, format="¤")
            return f"{symbol}{words}"
        name = get_currency_name(currency, count=2, locale=lang)
        return f"{words} de {name}" if lang == "es" else f"{words} {name}"
    if whole:
        pattern = Locale.parse(lang).currency_formats["standard"].pattern
        # The locale's own pattern, minus the fraction digits a whole amount does not have.
        pattern = pattern.split(";")[0].replace(".00", "")
        return format_currency(value, currency, locale=lang, format=pattern, currency_digits=False)
    return format_currency(value, currency, locale=lang)
