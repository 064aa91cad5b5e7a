"""Dates in reporting, resolved against the publication date.

"June 12, 2025", "el 20 de febrero", "in April of this year", "last month", "late Tuesday",
"el pasado martes", "between Feb. 12 and Feb. 15": each language lists its month and weekday
names and the shapes of its date phrases (:class:`DateWords`, templates with ``{month}``,
``{weekday}``, ``{day}`` and ``{year}`` slots); the resolution here is shared. A relative
date without a publication date stays unresolved, and nothing resolves into the future.

The publication date may itself be a month or a year (feeds and archives often give no
more). A date is never made more precise than that allows: "on Tuesday" in a page of
2025-08 could be any Tuesday near August and stays unresolved, "last month" needs the
month, "last year" only the year. A day or month named without its year takes the latest
year that does not put it after the publication period ("January 22" in an article of
February 2026 is 2026-01-22).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.vocabulary import DatePrecision
from thirdcountry.extract.starts import guarded


class Shape(StrEnum):
    """What a date phrase gives, and so how it resolves."""

    DATE = "date"  # {day} {month} [{year}] in any order → a day
    MONTH = "month"  # {month} [{year}] → a month
    THIS_YEAR_MONTH = "this_year_month"  # "April of this year" → that month of the year
    YEAR = "year"  # {year} → a year
    RANGE = "range"  # days of one month → the month
    ISO = "iso"  # 2025-03-16
    WEEKDAY = "weekday"  # "on Tuesday", "este jueves" → the latest such day, today included
    PAST_WEEKDAY = "past_weekday"  # "last Tuesday", "el pasado martes" → strictly before
    TODAY = "today"
    YESTERDAY = "yesterday"
    THIS_WEEK = "this_week"
    LAST_WEEK = "last_week"
    THIS_MONTH = "this_month"
    LAST_MONTH = "last_month"
    THIS_YEAR = "this_year"
    LAST_YEAR = "last_year"
    DAYS_AGO = "days_ago"
    WEEKS_AGO = "weeks_ago"
    MONTHS_AGO = "months_ago"


_SLOT = re.compile(r"\{(month2?|weekday|day2?|year|n)\}")


@dataclass(frozen=True)
class DateWords:
    """A language's month and weekday names and date phrase templates (lower-case names)."""

    months: dict[str, int]
    weekdays: dict[str, int]  # Monday = 0
    templates: tuple[tuple[str, Shape], ...]
    numbers: dict[str, int] = field(default_factory=dict)  # for "two weeks ago"

    @cached_property
    def compiled(self) -> tuple[tuple[re.Pattern[str], Shape], ...]:
        def alternation(words: dict[str, int]) -> str:
            return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

        slots = {
            "month": rf"(?P<month>{alternation(self.months)})\.?",
            "month2": rf"(?:(?P<month2>{alternation(self.months)})\.?)",
            "weekday": rf"(?P<weekday>{alternation(self.weekdays)})",
            "day": r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|º)?",
            "day2": r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th|º)?",
            "year": r"(?P<year>(?:19|20)\d{2})",
            "n": rf"(?P<n>\d{{1,2}}|{alternation(self.numbers) or 'zzzz'})",
        }

        def fill(template: str) -> str:
            return _SLOT.sub(lambda m: slots[m.group(1)], template)

        return tuple(
            # Behind a test of their first characters (``starts.py``): the same matches.
            (guarded(re.compile(fill(template), re.IGNORECASE)), shape)
            for template, shape in self.templates
        )


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int  # offsets into the text the phrase was found in
    end: int
    when: PartialDate


def find_dates(
    text: str,
    start: int,
    end: int,
    words: DateWords,
    published: PartialDate | dt.date | None,
    may_match: Callable[[re.Pattern[str]], bool] | None = None,
) -> list[DateMention]:
    """Resolved date phrases in ``text[start:end]``, longest first where they overlap.

    ``may_match`` may say of a template's pattern that it cannot match there (see
    ``literals.py``); such patterns are not run."""
    if isinstance(published, dt.date):
        published = PartialDate.parse(published)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern, shape in words.compiled:
        if may_match is not None and not may_match(pattern):
            continue
        for match in pattern.finditer(text, start, end):
            if any(match.start() < b and a < match.end() for a, b in taken):
                continue
            when = _resolve(match, shape, words, published)
            if when is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(DateMention(match.start(), match.end(), when))
    found.sort(key=lambda d: d.start)
    return found


def _group(match: re.Match[str], name: str) -> str | None:
    try:
        return match.group(name)
    except IndexError:
        return None


def _resolve(
    match: re.Match[str], shape: Shape, words: DateWords, published: PartialDate | None
) -> PartialDate | None:
    year_raw = _group(match, "year")
    year = int(year_raw) if year_raw else None
    month_raw = _group(match, "month") or _group(match, "month2")
    month = words.months.get(month_raw.lower().rstrip(".")) if month_raw else None
    day_raw = _group(match, "day")
    day = int(day_raw) if day_raw else None
    result: PartialDate | None = None
    if shape is Shape.ISO:
        try:
            result = PartialDate.parse(match.group(0))
        except ValueError:
            return None
    elif shape is Shape.YEAR and year:
        result = PartialDate.of(dt.date(year, 1, 1), DatePrecision.YEAR)
    elif shape in (Shape.DATE, Shape.MONTH, Shape.RANGE, Shape.THIS_YEAR_MONTH) and month:
        if shape is Shape.THIS_YEAR_MONTH and published:
            year = published.value.year
        precision = DatePrecision.DAY if shape is Shape.DATE and day else DatePrecision.MONTH
        result = _calendar_date(
            year, month, day if precision is DatePrecision.DAY else 1, precision, published
        )
    elif published is not None:
        result = _relative(match, shape, words, published)
    if result is None:
        return None
    if published is not None and result.start > published.end:
        return None
    return result


def _calendar_date(
    year: int | None,
    month: int,
    day: int | None,
    precision: DatePrecision,
    published: PartialDate | None,
) -> PartialDate | None:
    """A day or month, its year taken from the text or else the latest one not after
    publication ("in November", written in February, is last November; "January 22",
    written in February, is this January)."""
    day = day or 1
    if year is None:
        if published is None:
            return None
        latest = published.end
        year = latest.year
        # Try the publication year first; a date that does not exist then (29 February) or
        # falls after publication belongs to the year before.
        candidate = _safe_date(year, month, day)
        start = None
        if candidate is not None:
            start = candidate if precision is DatePrecision.DAY else candidate.replace(day=1)
        if start is None or start > latest:
            year -= 1
    value = _safe_date(year, month, day)
    return PartialDate.of(value, precision) if value else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


# What each relative shape must know of the publication date to resolve at all.
_NEEDS = {
    Shape.THIS_MONTH: DatePrecision.MONTH,
    Shape.LAST_MONTH: DatePrecision.MONTH,
    Shape.MONTHS_AGO: DatePrecision.MONTH,
    Shape.THIS_YEAR: DatePrecision.YEAR,
    Shape.LAST_YEAR: DatePrecision.YEAR,
}
_FINENESS = {DatePrecision.DAY: 0, DatePrecision.MONTH: 1, DatePrecision.YEAR: 2}
# Shapes that say a day of the last week or two, whatever the month.
_DAYS_BACK = frozenset(
    {
        Shape.WEEKDAY,
        Shape.PAST_WEEKDAY,
        Shape.TODAY,
        Shape.YESTERDAY,
        Shape.THIS_WEEK,
        Shape.LAST_WEEK,
    }
)


def _relative(
    match: re.Match[str], shape: Shape, words: DateWords, when: PartialDate
) -> PartialDate | None:
    day, month, year = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
    published = when.value
    if shape in _DAYS_BACK and when.precision is month:
        # "On Tuesday", "last week" in a page known only to its month: a day of the week or
        # two before it was published, so that month (the labelling convention; a day is
        # not known).
        return PartialDate.of(published, month)
    if _FINENESS[when.precision] > _FINENESS[_NEEDS.get(shape, day)]:
        return None  # "on Tuesday" in a page known only to its year: any of many days
    if shape in (Shape.WEEKDAY, Shape.PAST_WEEKDAY):
        weekday = words.weekdays.get((_group(match, "weekday") or "").lower())
        if weekday is None:
            return None
        back = (published.weekday() - weekday) % 7
        if shape is Shape.PAST_WEEKDAY and back == 0:
            back = 7
        return PartialDate.of(published - dt.timedelta(days=back), day)
    if shape is Shape.TODAY:
        return PartialDate.of(published, day)
    if shape is Shape.YESTERDAY:
        return PartialDate.of(published - dt.timedelta(days=1), day)
    if shape is Shape.THIS_WEEK or shape is Shape.THIS_MONTH:
        return PartialDate.of(published, month)
    if shape is Shape.LAST_WEEK:
        return PartialDate.of(published - dt.timedelta(days=7), month)
    if shape is Shape.LAST_MONTH:
        return PartialDate.of(published.replace(day=1) - dt.timedelta(days=1), month)
    if shape is Shape.THIS_YEAR:
        return PartialDate.of(published, year)
    if shape is Shape.LAST_YEAR:
        return PartialDate.of(published.replace(year=published.year - 1, month=1, day=1), year)
    amount_raw = (_group(match, "n") or "").lower()
    amount = int(amount_raw) if amount_raw.isdigit() else words.numbers.get(amount_raw)
    if not amount:
        return None
    if shape is Shape.DAYS_AGO:
        return PartialDate.of(published - dt.timedelta(days=amount), day)
    if shape is Shape.WEEKS_AGO:
        return PartialDate.of(published - dt.timedelta(weeks=amount), month)
    if shape is Shape.MONTHS_AGO:
        total = published.year * 12 + published.month - 1 - amount
        return PartialDate.of(dt.date(total // 12, total % 12 + 1, 1), month)
    return None
