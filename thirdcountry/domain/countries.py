"""Countries: every ISO 3166-1 alpha-2 code plus Kosovo (``XK``), named from CLDR via Babel.

CLDR lists territories that are not ISO 3166-1 countries (regions like ``001``, groupings
like ``EU``, private-use and pseudo codes); they are excluded here. ``XK`` is kept: CLDR
names it and every tracker of these deals needs it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale

from thirdcountry.domain.errors import ValidationError

UI_LOCALES = ("en", "es")

# CLDR territory codes that are two letters but not ISO 3166-1 countries.
_NOT_COUNTRIES = frozenset(
    {"AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"}
)
KOSOVO = "XK"


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name_en: str
    name_es: str

    def name(self, locale: str = "en") -> str:
        return self.name_es if locale.startswith("es") else self.name_en


@cache
def _territories(locale: str) -> dict[str, str]:
    return dict(Locale.parse(locale).territories)


@cache
def all_countries() -> tuple[Country, ...]:
    en, es = _territories("en"), _territories("es")
    codes = sorted(
        code
        for code in en
        if len(code) == 2 and code.isalpha() and code.isupper() and code not in _NOT_COUNTRIES
    )
    return tuple(Country(code, en[code], es.get(code, en[code])) for code in codes)


@cache
def _by_code() -> dict[str, Country]:
    return {c.code: c for c in all_countries()}


def is_country(code: str) -> bool:
    return code in _by_code()


def get_country(code: str) -> Country:
    """The country for an alpha-2 code (case-insensitive), or a ValidationError naming it."""
    if not isinstance(code, str):
        raise ValidationError(f"country code must be text, got {code!r}")
    country = _by_code().get(code.strip().upper())
    if country is None:
        raise ValidationError(
            f"unknown country code {code!r} (use ISO 3166-1 alpha-2, or XK for Kosovo)"
        )
    return country


def normalize_code(code: str) -> str:
    return get_country(code).code


def country_name(code: str, locale: str = "en") -> str:
    return get_country(code).name(locale)
