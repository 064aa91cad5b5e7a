"""Dates, numbers, money and country names in the reader's language, from CLDR (Babel)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal

from thirdcountry.domain.countries import country_name
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.labels import format_money
from thirdcountry.domain.vocabulary import DatePrecision


def fold(text: str) -> str:
    """Lower case without accents, for searching and sorting names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class Formatter:
    """What templates call to show a value; one per language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def country(self, code: str | None) -> str:
        return country_name(code, self.lang) if code else ""

    def countries(self, codes: Iterable[str]) -> str:
        return ", ".join(self.country(code) for code in codes)

    def sort_countries(self, codes: Iterable[str]) -> list[str]:
        return sorted(set(codes), key=lambda code: fold(self.country(code)))

    def date(self, value: PartialDate | dt.date | dt.datetime | None) -> str:
        """A day, a month or a year, as precise as the source is and no more."""
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            value = PartialDate(value, DatePrecision.DAY)
        if value.precision is DatePrecision.YEAR:
            return str(value.value.year)
        if value.precision is DatePrecision.MONTH:
            return format_skeleton("yMMMM", value.value, locale=self.lang)
        return format_date(value.value, "long", locale=self.lang)

    def iso(self, value: PartialDate | dt.date | dt.datetime | None) -> str:
        """The machine-readable form for ``<time datetime>``."""
        if value is None:
            return ""
        if isinstance(value, PartialDate):
            return value.isoformat()
        if isinstance(value, dt.datetime):
            return value.strftime("%Y-%m-%dT%H:%MZ")
        return value.isoformat()

    def language(self, code: str | None) -> str:
        """A language's name in the reader's language ("Spanish", "español")."""
        if not code:
            return ""
        return Locale.parse(self.lang).languages.get(code, code)

    def number(self, value: int | float | Decimal | None) -> str:
        return "" if value is None else format_decimal(value, locale=self.lang)

    def money(self, amount: int | float | Decimal | None, currency: str | None) -> str:
        return format_money(amount, currency, self.lang)

    @staticmethod
    def outlet(text: str) -> tuple[str, str]:
        """An outlet as (name, curator's note): "AP (via KEYT)" is ("AP", "via KEYT").

        The note (how the story reached us: a syndicating site, a cited agency) is written
        in English in the dataset; pages in other languages mark it so.
        """
        name, paren, rest = text.partition(" (")
        if not paren:
            name, comma, rest = text.partition(", ")
            if not comma or not rest[:1].islower():
                return text, ""
            return name, rest
        note = f"({rest}"
        if note.endswith(")") and note.count("(") == 1 and note.count(")") == 1:
            note = note[1:-1]
        return name, note
