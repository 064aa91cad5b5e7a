"""Partial dates: a day, a month or a year, as reporting gives them."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime

from thirdcountry.domain.errors import ValidationError
from thirdcountry.domain.vocabulary import DatePrecision

_PATTERN = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to a day, a month or a year. ``value`` is the first day it covers."""

    value: date
    precision: DatePrecision

    @classmethod
    def parse(cls, raw: object) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (or a date object) into a PartialDate."""
        if isinstance(raw, PartialDate):
            return raw
        if isinstance(raw, datetime):
            return cls(raw.date(), DatePrecision.DAY)
        if isinstance(raw, date):
            return cls(raw, DatePrecision.DAY)
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str):
            raise ValidationError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD, got {raw!r}")
        match = _PATTERN.match(raw.strip())
        if not match:
            raise ValidationError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD, got {raw!r}")
        year, month, day = match.groups()
        try:
            if day:
                return cls(date(int(year), int(month), int(day)), DatePrecision.DAY)
            if month:
                return cls(date(int(year), int(month), 1), DatePrecision.MONTH)
            return cls(date(int(year), 1, 1), DatePrecision.YEAR)
        except ValueError as exc:
            raise ValidationError(f"date {raw!r} does not exist ({exc})") from None

    @classmethod
    def of(cls, value: date, precision: DatePrecision | str) -> PartialDate:
        precision = DatePrecision(precision)
        if precision is DatePrecision.MONTH:
            value = value.replace(day=1)
        elif precision is DatePrecision.YEAR:
            value = value.replace(month=1, day=1)
        return cls(value, precision)

    @property
    def start(self) -> date:
        return self.value

    @property
    def end(self) -> date:
        """The last day the date covers."""
        if self.precision is DatePrecision.DAY:
            return self.value
        if self.precision is DatePrecision.MONTH:
            last = calendar.monthrange(self.value.year, self.value.month)[1]
            return self.value.replace(day=last)
        return self.value.replace(month=12, day=31)

    def isoformat(self) -> str:
        if self.precision is DatePrecision.DAY:
            return self.value.isoformat()
        if self.precision is DatePrecision.MONTH:
            return self.value.strftime("%Y-%m")
        return f"{self.value.year:04d}"

    def __str__(self) -> str:
        return self.isoformat()

    def gap_days(self, other: PartialDate) -> int:
        """Days between the two periods; 0 when they overlap."""
        if self.end < other.start:
            return (other.start - self.end).days
        if other.end < self.start:
            return (self.start - other.end).days
        return 0

    def compatible(self, other: PartialDate, slack_days: int = 3) -> bool:
        """True when both could name the same day, allowing ``slack_days`` of reporting drift."""
        return self.gap_days(other) <= slack_days
