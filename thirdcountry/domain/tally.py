"""How many arrangements there are, and how many have a status, said one way everywhere.

The home page, the data page, the API and ``thirdcountry arrangements`` once disagreed
(45 against 48) because some counted only arrangements with a status. Every surface now
takes its figures from ``tally`` and its words from ``tally_sentence``.

An arrangement counts once an accepted claim shapes it. The CLI also sees arrangements that
rest on pending claims alone; it names them apart, so its count is the site's count.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from babel import Locale

from thirdcountry.domain.errors import ValidationError
from thirdcountry.domain.labels import format_count
from thirdcountry.domain.projection import Arrangement


@dataclass(frozen=True, slots=True)
class Tally:
    arrangements: int
    with_status: int
    awaiting_review: int = 0  # arrangements resting on pending claims alone

    def to_dict(self) -> dict[str, int]:
        return {"arrangements": self.arrangements, "arrangements_with_status": self.with_status}


def tally(arrangements: Iterable[Arrangement]) -> Tally:
    items = list(arrangements)
    shaped = [a for a in items if a.claim_ids]
    return Tally(len(shaped), sum(a.status is not None for a in shaped), len(items) - len(shaped))


# Each part agrees with its own number: "1 arrangement, 0 with a status".
_Words = Mapping[str, str]
_WORDS: Mapping[str, tuple[_Words, _Words, _Words]] = {
    "en": (
        {"one": "{n} arrangement", "other": "{n} arrangements"},
        {"one": "{n} with a status", "other": "{n} with a status"},
        {
            "one": "{n} more rests on pending claims alone",
            "other": "{n} more rest on pending claims alone",
        },
    ),
    "es": (
        {"one": "{n} acuerdo", "other": "{n} acuerdos"},
        {"one": "{n} con estado", "other": "{n} con estado"},
        {
            "one": "{n} más se basa solo en afirmaciones pendientes",
            "other": "{n} más se basan solo en afirmaciones pendientes",
        },
    ),
}


def _plural(words: Mapping[str, str], count: int, lang: str) -> str:
    # CLDR's plural category; a category our messages lack ("many" in Spanish) is "other".
    category = Locale.parse(lang).plural_form(count)
    template = words.get(category, words["other"])
    return template.format(n=format_count(count, lang))


def tally_sentence(counted: Tally, lang: str) -> str:
    """ "48 arrangements, 45 with a status" in ``lang`` ("en" or "es")."""
    if lang not in _WORDS:
        raise ValidationError(f"no count wording in language {lang!r} (available: en, es)")
    total, status, awaiting = _WORDS[lang]
    said = (
        f"{_plural(total, counted.arrangements, lang)}, "
        f"{_plural(status, counted.with_status, lang)}"
    )
    if counted.awaiting_review:
        said += f"; {_plural(awaiting, counted.awaiting_review, lang)}"
    return said
