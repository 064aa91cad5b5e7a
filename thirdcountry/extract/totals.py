"""Totals over a period: "5,728 people between January and June", "más de 5.000 en lo que va
del año".

A figure over a period counts many moves, so it is a ``period_total`` claim, never a
transfer (docs/claims.md). The transfer frame finds the clause and its states; this module
reads what makes it a total: the period the clause names (resolved against the document's
publication date, never more precisely than the text gives) and how the figure is
qualified ("more than", "about"). The cue words are each language's
(``Lexicon.period``, ``Lexicon.at_least``, ``Lexicon.about``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.vocabulary import CountQualifier, DatePrecision
from thirdcountry.extract.dates import DateMention
from thirdcountry.extract.lexicon import Lexicon

_QUALIFIER_WIDTH = 30  # characters before a figure searched for "more than", "unos"


@dataclass(frozen=True)
class Period:
    """The first and last day, month or year a total counts."""

    start: PartialDate
    end: PartialDate

    def fields(self) -> dict[str, Any]:
        return {
            "period_start": self.start.value,
            "period_start_precision": self.start.precision.value,
            "period_end": self.end.value,
            "period_end_precision": self.end.precision.value,
        }


def period_in(
    text: str,
    offset: int,
    lexicon: Lexicon,
    dates: list[DateMention],
    published: PartialDate | None,
) -> Period | None:
    """The period a clause (``text``, starting at document offset ``offset``) counts over.

    Two dates in the period phrase bound it ("between January and June"); one starts it and
    publication ends it ("since March"); "so far this year" runs from the start of the
    publication year. None when the text gives no start ("to date" alone): a total with
    half a period is not recorded (the claim contract needs both ends)."""
    match = lexicon.period.search(text)
    if match is None:
        return None
    phrases = [d for d in dates if offset + match.start() <= d.start < offset + match.end() + 12]
    found = [(d.start, d.when) for d in phrases]
    if len(found) < 2 and published is not None:
        # "between January and June", "desde julio": bare months and years, which the date
        # phrases (made to date events) leave alone; "in January and February" gives one.
        bare = _bare_dates(match.group(0), offset + match.start(), lexicon, published)
        found += [
            (start, when)
            for start, when in bare
            if not any(d.start <= start < d.end for d in phrases)
        ]
    inside = [when for _start, when in sorted(found, key=lambda item: item[0])]
    if len(inside) >= 2:
        start, end = inside[0], inside[-1]
        return Period(start, end) if start.start <= end.end else None
    if published is None:
        return None
    if inside:
        return Period(inside[0], published)
    if lexicon.this_year.search(match.group(0)):
        year = PartialDate.of(published.value.replace(month=1, day=1), DatePrecision.YEAR)
        return Period(year, published)
    return None


_WORD = re.compile(r"\w+")


def _bare_dates(
    phrase: str, offset: int, lexicon: Lexicon, published: PartialDate
) -> list[tuple[int, PartialDate]]:
    """Month names (the latest such month up to publication) and years in ``phrase``."""
    today = published.value
    found: list[tuple[int, PartialDate]] = []
    for word in _WORD.finditer(phrase):
        raw = word.group(0).lower()
        month = lexicon.dates.months.get(raw)
        if month is not None:
            # The latest such month up to publication; a page known only to its year can
            # speak of any month of it.
            latest = 12 if published.precision is DatePrecision.YEAR else today.month
            year = today.year if month <= latest else today.year - 1
            when = PartialDate.of(dt.date(year, month, 1), DatePrecision.MONTH)
        elif raw.isdigit() and len(raw) == 4 and 1990 <= int(raw) <= today.year:
            when = PartialDate.of(dt.date(int(raw), 1, 1), DatePrecision.YEAR)
        else:
            continue
        found.append((offset + word.start(), when))
    return found


def qualifier(text: str, count_start: int, lexicon: Lexicon) -> CountQualifier:
    """How the figure at ``count_start`` (an offset into ``text``) is stated."""
    before = text[max(0, count_start - _QUALIFIER_WIDTH) : count_start]
    if lexicon.at_least.search(before):
        return CountQualifier.AT_LEAST
    if lexicon.about.search(before):
        return CountQualifier.ABOUT
    return CountQualifier.EXACT
