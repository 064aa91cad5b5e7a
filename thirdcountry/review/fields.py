"""Claim fields as people type them (web forms, prompts, JSON) turned into typed values."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.errors import BadInput

# What a reviewer may change in a correction and a contributor may fill in a proposal.
EDITABLE = (
    "kind",
    "sender",
    "receiver",
    "value",
    "count",
    "nationalities",
    "amount",
    "currency",
    "facility",
    "date",
    "count_qualifier",
    "period_start",
    "period_end",
    "quote",
)
# Partial dates and the precision field each one sets.
_PARTIAL_DATES = {
    "date": "date_precision",
    "period_start": "period_start_precision",
    "period_end": "period_end_precision",
}


def _text(raw: Any) -> str | None:
    if raw is None:
        return None
    cleaned = str(raw).strip()
    return cleaned or None


def parse_fields(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Typed claim fields from loosely typed input; only the keys given are returned.

    An empty value clears the field. ``date`` becomes ``date`` and ``date_precision``
    (``period_start`` and ``period_end`` likewise, with their precisions).
    """
    unknown = set(raw) - set(EDITABLE)
    if unknown:
        raise BadInput(f"cannot set claim field(s): {', '.join(sorted(unknown))}")
    out: dict[str, Any] = {}
    for name, value in raw.items():
        if name == "nationalities":
            items = value if isinstance(value, list | tuple) else re.split(r"[\s,;]+", value or "")
            out[name] = tuple(str(code).strip().upper() for code in items if str(code).strip())
            continue
        text = _text(value)
        if name == "count":
            if text is None:
                out[name] = None
            elif isinstance(value, int) and not isinstance(value, bool):
                out[name] = value
            elif text.isdigit():
                out[name] = int(text)
            else:
                raise BadInput(f"count {value!r} is not a whole number")
        elif name == "amount":
            try:
                out[name] = Decimal(text.replace(",", "")) if text is not None else None
            except InvalidOperation:
                raise BadInput(f"amount {value!r} is not a number") from None
        elif name in _PARTIAL_DATES:
            when = PartialDate.parse(text) if text is not None else None
            out[name] = when.value if when else None
            out[_PARTIAL_DATES[name]] = when.precision if when else None
        elif name in ("sender", "receiver", "currency"):
            out[name] = text.upper() if text else None
        else:
            out[name] = text
    return out


def changed_fields(original: Claim, wanted: Mapping[str, Any]) -> dict[str, Any]:
    """The parsed fields that differ from the claim's."""
    return {name: value for name, value in wanted.items() if getattr(original, name) != value}
