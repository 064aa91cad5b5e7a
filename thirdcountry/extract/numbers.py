"""Numbers as reporting writes them: ``238``, ``5,728``, ``5,1``, ``fifty``, ``treinta y dos``.

Each language gives its number words (:class:`NumberWords`); the parsing is shared. Digit
groups of three after a comma or a point are thousands in every language here ("5,728",
"20.000"); one or two digits after the separator are decimals ("7.5", "5,1").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cached_property

from thirdcountry.extract.starts import guarded

_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,\u202f\u00a0 ]\d{3})+$")
_DECIMAL = re.compile(r"^(\d+)[.,](\d{1,2})$")
_DIGITS = re.compile(r"^\d+$")
DIGIT_NUMBER = r"\d{1,3}(?:[.,\u202f\u00a0]\d{3})+(?![.,]?\d)|\d+(?:[.,]\d{1,2})?(?![.,]?\d)"


@dataclass(frozen=True)
class NumberWords:
    """The number words of one language, lower-case."""

    units: dict[str, int]  # one → 1 … ninety → 90, and compounds the language writes as one word
    hundreds: dict[str, int] = field(default_factory=dict)  # words that multiply by 100
    scales: dict[str, int] = field(default_factory=dict)  # thousand → 1000, million → 10**6
    joiners: frozenset[str] = frozenset()  # "and", "y"
    fixed: dict[str, int] = field(default_factory=dict)  # whole phrases: "a dozen" → 12
    # Between a number that is a collective noun and the noun it counts: "de" in "una docena
    # de migrantes", "dos docenas de refugiados" (a regex source; empty when the language
    # needs none: "two dozen refugees").
    link: str = ""

    @cached_property
    def pattern(self) -> str:
        """A regular expression for a number written in digits or in words."""

        def alternation(words: set[str]) -> str:
            return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))

        # A spelled number starts with a unit or a hundred: a lone "million" is not a count.
        first = alternation({*self.units, *self.hundreds})
        word = alternation({*self.units, *self.hundreds, *self.scales})
        joiner = "|".join(re.escape(j) for j in sorted(self.joiners, key=len, reverse=True))
        fixed = "|".join(re.escape(f) for f in sorted(self.fixed, key=len, reverse=True))
        glue = rf"(?:[\s-]+(?:(?:{joiner})\s+)?)" if joiner else r"[\s-]+"
        spelled = rf"(?:{first})(?:{glue}(?:{word}))*" if first else ""
        parts = [DIGIT_NUMBER]
        if fixed:
            parts.insert(0, fixed)
        if spelled:
            parts.append(spelled)
        return rf"(?<![\w.,])(?:{'|'.join(parts)})(?!\w)"

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return guarded(re.compile(self.pattern, re.IGNORECASE))  # see ``starts.py``

    def parse(self, raw: str) -> Decimal | None:
        """The value of a number in digits or words; None when it is not one."""
        text = raw.strip().lower()
        if not text:
            return None
        if text in self.fixed:
            return Decimal(self.fixed[text])
        if text[0].isdigit():
            return parse_digits(text)
        return self._parse_words(text)

    def _parse_words(self, text: str) -> Decimal | None:
        tokens = [t for t in re.split(r"[\s-]+", text) if t and t not in self.joiners]
        total, current, seen = 0, 0, False
        for token in tokens:
            if token in self.units:
                current += self.units[token]
            elif token in self.hundreds:
                current = max(current, 1) * self.hundreds[token]
            elif token in self.scales:
                total += max(current, 1) * self.scales[token]
                current = 0
            else:
                return None
            seen = True
        return Decimal(total + current) if seen else None


def parse_digits(text: str) -> Decimal | None:
    text = text.strip()
    try:
        if _THOUSANDS.match(text):
            return Decimal(re.sub(r"\D", "", text))
        decimal = _DECIMAL.match(text)
        if decimal:
            return Decimal(f"{decimal.group(1)}.{decimal.group(2)}")
        if _DIGITS.match(text):
            return Decimal(text)
    except InvalidOperation:
        return None
    return None


def as_count(value: Decimal | None) -> int | None:
    """A count of people: a whole, plausible number, else None."""
    if value is None or value != value.to_integral_value() or value <= 0:
        return None
    number = int(value)
    return number if number < 10_000_000 else None
