"""The claim: one assertion by one source, with the exact field names of the claim contract."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from babel.numbers import list_currencies

from thirdcountry.domain.countries import normalize_code
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.errors import ValidationError
from thirdcountry.domain.ids import new_id
from thirdcountry.domain.vocabulary import (
    PAIR_KINDS,
    VALUE_REQUIRED,
    VALUES_BY_KIND,
    ClaimKind,
    CountQualifier,
    DatePrecision,
    ReviewState,
)

# Field order of the contract; JSON output follows it and omits unset fields.
CONTRACT_FIELDS = (
    "id",
    "kind",
    "sender",
    "receiver",
    "value",
    "count",
    "count_qualifier",
    "nationalities",
    "amount",
    "currency",
    "facility",
    "date",
    "date_precision",
    "period_start",
    "period_start_precision",
    "period_end",
    "period_end_precision",
    "document_id",
    "evidence_start",
    "evidence_end",
    "quote",
    "extractor",
    "confidence",
    "review_state",
    "reviewer",
    "reviewed_at",
    "review_note",
    "supersedes",
)

# Which optional fields make sense for which kinds; anything else is an input mistake.
_PEOPLE_MOVED = frozenset({ClaimKind.TRANSFER, ClaimKind.ONWARD_TRANSFER, ClaimKind.PERIOD_TOTAL})
_TOTAL_ONLY = frozenset({ClaimKind.PERIOD_TOTAL})
_FIELDS_ALLOWED: dict[str, frozenset[ClaimKind]] = {
    "count": _PEOPLE_MOVED | {ClaimKind.CAPACITY},
    "count_qualifier": _TOTAL_ONLY,
    "nationalities": _PEOPLE_MOVED,
    "amount": frozenset({ClaimKind.COMPENSATION}),
    "currency": frozenset({ClaimKind.COMPENSATION}),
    "period_start": _TOTAL_ONLY,
    "period_end": _TOTAL_ONLY,
}
# Partial dates of the contract, each with its precision field.
_PARTIAL_DATES = (
    ("date", "date_precision"),
    ("period_start", "period_start_precision"),
    ("period_end", "period_end_precision"),
)
# Fields added after the first stores were filled: left out of the fingerprint while
# unset, so every claim stored before them keeps the fingerprint it was stored with.
_LATER_FIELDS = frozenset(
    {
        "count_qualifier",
        "period_start",
        "period_start_precision",
        "period_end",
        "period_end_precision",
    }
)

# Content fields: what a claim asserts and where. Identity, confidence and review are not.
_NOT_CONTENT = frozenset(
    {"id", "confidence", "review_state", "reviewer", "reviewed_at", "review_note"}
)
_CONTENT_FIELDS = tuple(name for name in CONTRACT_FIELDS if name not in _NOT_CONTENT)


@cache
def _currencies() -> frozenset[str]:
    return frozenset(list_currencies())


@dataclass(frozen=True, slots=True)
class Claim:
    kind: ClaimKind
    document_id: str | None = None
    sender: str | None = None
    receiver: str | None = None
    value: str | None = None
    count: int | None = None
    count_qualifier: CountQualifier | None = None
    nationalities: tuple[str, ...] = ()
    amount: Decimal | None = None
    currency: str | None = None
    facility: str | None = None
    date: date | None = None
    date_precision: DatePrecision | None = None
    period_start: dt.date | None = None
    period_start_precision: DatePrecision | None = None
    period_end: dt.date | None = None
    period_end_precision: DatePrecision | None = None
    evidence_start: int | None = None
    evidence_end: int | None = None
    quote: str | None = None
    extractor: str | None = None
    confidence: float | None = None
    review_state: ReviewState = ReviewState.PENDING
    reviewer: str | None = None
    reviewed_at: datetime | None = None
    review_note: str | None = None
    supersedes: str | None = None
    id: str = field(default_factory=new_id)

    @property
    def when(self) -> PartialDate | None:
        return _partial(self.date, self.date_precision)

    @property
    def period_from(self) -> PartialDate | None:
        """The first day, month or year a ``period_total`` counts."""
        return _partial(self.period_start, self.period_start_precision)

    @property
    def period_to(self) -> PartialDate | None:
        """The last day, month or year a ``period_total`` counts."""
        return _partial(self.period_end, self.period_end_precision)

    def fingerprint(self) -> str:
        """A hash of what the claim asserts and where, independent of id and review."""
        content = {
            name: _json_value(getattr(self, name))
            for name in _CONTENT_FIELDS
            if name not in _LATER_FIELDS or getattr(self, name) is not None
        }
        for name, precision in _PARTIAL_DATES:
            when = _partial(getattr(self, name), getattr(self, precision))
            if when is not None:
                content[name] = when.isoformat()
        blob = json.dumps(content, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON form: exactly its field names, unset fields omitted."""
        out: dict[str, Any] = {}
        for name in CONTRACT_FIELDS:
            raw = getattr(self, name)
            if raw is None or raw == ():
                continue
            if name in _DATE_NAMES:
                when = _partial(raw, getattr(self, _DATE_NAMES[name]))
                out[name] = when.isoformat()  # type: ignore[union-attr]
            else:
                out[name] = _json_value(raw)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, today: dt.date | None = None) -> Claim:
        """Build and validate a claim from its contract form (or a dataset row)."""
        unknown = set(data) - set(CONTRACT_FIELDS)
        if unknown:
            raise ValidationError(f"unknown claim field(s): {', '.join(sorted(unknown))}")
        kwargs: dict[str, Any] = {k: v for k, v in data.items() if v is not None}
        if "kind" not in kwargs:
            raise ValidationError("a claim needs a kind", "kind")
        for name, precision_name in _PARTIAL_DATES:
            if name not in kwargs:
                continue
            try:
                when = PartialDate.parse(kwargs[name])
            except ValidationError as exc:
                if name == "date":
                    raise
                raise ValidationError(f"{name}: {exc}", name) from None
            precision = kwargs.get(precision_name)
            if precision is not None and not isinstance(kwargs[name], str):
                when = PartialDate.of(when.value, _enum(DatePrecision, precision, precision_name))
            kwargs[name], kwargs[precision_name] = when.value, when.precision
        if isinstance(kwargs.get("reviewed_at"), str):
            try:
                kwargs["reviewed_at"] = datetime.fromisoformat(kwargs["reviewed_at"])
            except ValueError:
                raise ValidationError(
                    f"reviewed_at {kwargs['reviewed_at']!r} is not an ISO timestamp",
                    "reviewed_at",
                ) from None
        return validate(cls(**kwargs), today=today)

    def with_review(
        self,
        state: ReviewState,
        reviewer: str,
        note: str | None = None,
        at: datetime | None = None,
    ) -> Claim:
        return replace(
            self,
            review_state=state,
            reviewer=reviewer,
            review_note=note,
            reviewed_at=at or datetime.now(UTC),
        )


_DATE_NAMES = dict(_PARTIAL_DATES)


def _partial(value: date | None, precision: DatePrecision | str | None) -> PartialDate | None:
    if value is None:
        return None
    return PartialDate.of(value, precision or DatePrecision.DAY)


def _json_value(raw: Any) -> Any:
    if isinstance(raw, Decimal):
        return int(raw) if raw == raw.to_integral_value() else float(raw)
    if isinstance(raw, datetime):
        return raw.isoformat()
    if isinstance(raw, date):
        return raw.isoformat()
    if isinstance(raw, tuple):
        return list(raw)
    if hasattr(raw, "value") and isinstance(raw.value, str):
        return raw.value
    return raw


def _enum(enum_type: Any, raw: Any, field_name: str) -> Any:
    try:
        return enum_type(raw)
    except ValueError:
        allowed = ", ".join(m.value for m in enum_type)
        raise ValidationError(
            f"{field_name} {raw!r} is not one of: {allowed}", field_name
        ) from None


def _country(raw: Any, field_name: str) -> str:
    try:
        return normalize_code(raw)
    except ValidationError as exc:
        raise ValidationError(f"{field_name}: {exc}", field_name) from None


def validate(claim: Claim, *, today: date | None = None) -> Claim:
    """Return a normalised copy of ``claim`` or raise a ValidationError naming the problem."""
    kind = _enum(ClaimKind, claim.kind, "kind")
    changes: dict[str, Any] = {"kind": kind}
    changes["review_state"] = _enum(ReviewState, claim.review_state, "review_state")

    sender = _country(claim.sender, "sender") if claim.sender else None
    receiver = _country(claim.receiver, "receiver") if claim.receiver else None
    if kind in PAIR_KINDS and (sender is None or receiver is None):
        raise ValidationError(f"a {kind.value} claim needs both sender and receiver")
    if receiver is None:
        raise ValidationError(f"a {kind.value} claim needs a receiver", "receiver")
    if sender is not None and sender == receiver:
        raise ValidationError(f"sender and receiver are both {sender}", "sender")
    changes["sender"], changes["receiver"] = sender, receiver

    vocabulary = VALUES_BY_KIND.get(kind)
    if claim.value is not None:
        if vocabulary is None:
            raise ValidationError(f"a {kind.value} claim takes no value (got {claim.value!r})")
        changes["value"] = _enum(vocabulary, claim.value, f"value for {kind.value}").value
    elif kind in VALUE_REQUIRED:
        raise ValidationError(f"a {kind.value} claim needs a value", "value")

    for name, kinds in _FIELDS_ALLOWED.items():
        if getattr(claim, name) not in (None, ()) and kind not in kinds:
            raise ValidationError(f"a {kind.value} claim takes no {name}", name)

    if claim.count is not None:
        if isinstance(claim.count, bool) or not isinstance(claim.count, int):
            raise ValidationError(f"count must be a whole number, got {claim.count!r}", "count")
        if claim.count < 0:
            raise ValidationError(f"count must not be negative, got {claim.count}", "count")
    if kind is ClaimKind.CAPACITY and claim.count is None:
        raise ValidationError("a capacity claim needs a count", "count")

    if isinstance(claim.nationalities, str):
        raise ValidationError("nationalities must be a list of country codes", "nationalities")
    changes["nationalities"] = tuple(
        _country(code, "nationalities") for code in claim.nationalities
    )

    if claim.amount is not None:
        try:
            amount = Decimal(str(claim.amount))
        except InvalidOperation:
            raise ValidationError(f"amount {claim.amount!r} is not a number", "amount") from None
        if amount < 0 or not amount.is_finite():
            raise ValidationError(f"amount must be a positive number, got {amount}", "amount")
        if not claim.currency:
            raise ValidationError("an amount needs a currency (ISO 4217, e.g. USD)", "currency")
        changes["amount"] = amount
    if claim.currency is not None:
        currency = str(claim.currency).upper()
        if currency not in _currencies():
            raise ValidationError(f"unknown currency {claim.currency!r} (use ISO 4217)", "currency")
        changes["currency"] = currency

    if claim.facility is not None:
        facility = str(claim.facility).strip()
        if not facility:
            raise ValidationError("facility must not be empty", "facility")
        changes["facility"] = facility
    if kind is ClaimKind.FACILITY and claim.facility is None:
        raise ValidationError("a facility claim needs a facility name", "facility")

    for name, precision_name in _PARTIAL_DATES:
        changes.update(_check_partial(claim, name, precision_name, today or date.today()))
    if kind is ClaimKind.PERIOD_TOTAL:
        changes.update(_check_period_total(claim))

    start, end = claim.evidence_start, claim.evidence_end
    if (start is None) != (end is None):
        raise ValidationError("evidence_start and evidence_end go together", "evidence_start")
    if start is not None and end is not None and not (0 <= start <= end):
        raise ValidationError(
            f"evidence span {start}..{end} is not a valid range", "evidence_start"
        )

    if claim.confidence is not None:
        confidence = float(claim.confidence)
        if not 0.0 <= confidence <= 1.0:
            raise ValidationError(f"confidence must be between 0 and 1, got {confidence}")
        changes["confidence"] = confidence
    return replace(claim, **changes)


def _check_partial(claim: Claim, name: str, precision_name: str, today: date) -> dict[str, Any]:
    value, precision = getattr(claim, name), getattr(claim, precision_name)
    if value is None:
        if precision is not None:
            raise ValidationError(f"{precision_name} given without {name}", precision_name)
        return {}
    if not isinstance(value, date):
        raise ValidationError(f"{name} must be a date, got {value!r}", name)
    checked = _enum(DatePrecision, precision or "day", precision_name)
    if value > today:
        raise ValidationError(f"{name} {value.isoformat()} is in the future", name)
    return {precision_name: checked}


def _check_period_total(claim: Claim) -> dict[str, Any]:
    """A total counts people over a stated period, with a stated qualifier."""
    if claim.date is not None:
        raise ValidationError(
            "a period_total claim is dated by period_start and period_end, not date", "date"
        )
    if claim.period_start is None or claim.period_end is None:
        missing = " and ".join(
            n for n in ("period_start", "period_end") if getattr(claim, n) is None
        )
        raise ValidationError(f"a period_total claim needs a period: {missing} missing", missing)
    if claim.count is None:
        raise ValidationError("a period_total claim needs a count", "count")
    if claim.count_qualifier is None:
        allowed = ", ".join(q.value for q in CountQualifier)
        raise ValidationError(
            f"a period_total claim needs a count_qualifier ({allowed})", "count_qualifier"
        )
    qualifier = _enum(CountQualifier, claim.count_qualifier, "count_qualifier")
    start, end = claim.period_from, claim.period_to
    if start is not None and end is not None and end.end < start.start:
        raise ValidationError(f"period_end {end} is before period_start {start}", "period_end")
    return {"count_qualifier": qualifier}


CLAIM_FIELD_NAMES = tuple(f.name for f in fields(Claim))
