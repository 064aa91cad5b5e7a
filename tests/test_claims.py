from datetime import date
from typing import Any

import pytest

from thirdcountry.domain.claims import CONTRACT_FIELDS, Claim
from thirdcountry.domain.errors import ValidationError
from thirdcountry.domain.vocabulary import ClaimKind, DatePrecision, ReviewState

TODAY = date(2026, 11, 28)


def make(**fields: Any) -> Claim:
    return Claim.from_dict(fields, today=TODAY)


def test_a_valid_transfer_normalises_codes_and_date() -> None:
    claim = make(
        kind="transfer",
        sender="us",
        receiver="sv",
        count=238,
        date="2025-04",
        nationalities=["ve"],
        facility=" CECOT ",
    )
    assert (claim.sender, claim.receiver, claim.nationalities) == ("US", "SV", ("VE",))
    assert claim.date == date(2025, 4, 1)
    assert claim.date_precision is DatePrecision.MONTH
    assert claim.facility == "CECOT"
    assert claim.review_state is ReviewState.PENDING


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "rumour", "sender": "US", "receiver": "XK"}, "kind 'rumour' is not one of"),
        (
            {"kind": "role", "sender": "US", "receiver": "QQ", "value": "detention"},
            "receiver: unknown country code 'QQ'",
        ),
        (
            {"kind": "arrangement_status", "sender": "US", "receiver": "XK", "value": "signed"},
            "value for arrangement_status 'signed' is not one of",
        ),
        (
            {"kind": "role", "sender": "US", "receiver": "XK", "value": "agreed"},
            "value for role 'agreed'",
        ),
        (
            {"kind": "transfer", "sender": "US", "receiver": "SV", "count": -5},
            "count must not be negative",
        ),
        (
            {"kind": "transfer", "sender": "US", "receiver": "SV", "count": "many"},
            "count must be a whole number",
        ),
        (
            {"kind": "transfer", "sender": "US", "receiver": "SV", "date": "2027-01-01"},
            "is in the future",
        ),
        (
            {"kind": "transfer", "sender": "US", "receiver": "SV", "date": "2025-02-30"},
            "does not exist",
        ),
        (
            {"kind": "arrangement_status", "receiver": "XK", "value": "agreed"},
            "needs both sender and receiver",
        ),
        (
            {"kind": "arrangement_status", "sender": "US", "receiver": "US", "value": "agreed"},
            "sender and receiver are both US",
        ),
        ({"kind": "capacity", "sender": "US", "receiver": "XK"}, "needs a count"),
        (
            {"kind": "compensation", "sender": "US", "receiver": "SV", "amount": 6_000_000},
            "needs a currency",
        ),
        (
            {
                "kind": "compensation",
                "sender": "US",
                "receiver": "SV",
                "amount": 1,
                "currency": "XYZ",
            },
            "unknown currency",
        ),
        (
            {"kind": "role", "sender": "US", "receiver": "SV", "value": "detention", "amount": 5},
            "takes no amount",
        ),
        ({"kind": "facility", "receiver": "SV"}, "needs a facility name"),
        (
            {
                "kind": "transfer",
                "sender": "US",
                "receiver": "SV",
                "evidence_start": 9,
                "evidence_end": 3,
            },
            "not a valid range",
        ),
        (
            {"kind": "transfer", "sender": "US", "receiver": "SV", "confidence": 1.5},
            "between 0 and 1",
        ),
        (
            {"kind": "transfer", "sender": "US", "receiver": "SV", "colour": "red"},
            "unknown claim field",
        ),
        (
            {"kind": "transfer", "sender": "US", "receiver": "SV", "review_state": "maybe"},
            "review_state 'maybe'",
        ),
    ],
)
def test_invalid_claims_are_refused_with_a_clear_message(
    fields: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValidationError, match=message.replace("(", r"\(")):
        make(**fields)


def test_json_form_uses_only_contract_field_names_and_omits_unset() -> None:
    claim = make(
        kind="compensation",
        sender="US",
        receiver="SV",
        amount=6000000,
        currency="usd",
        date="2025-03",
        review_state="accepted",
    )
    data = claim.to_dict()
    assert set(data) <= set(CONTRACT_FIELDS)
    assert data["amount"] == 6000000 and data["currency"] == "USD"
    assert data["date"] == "2025-03" and data["date_precision"] == "month"
    assert "count" not in data and "nationalities" not in data


def test_json_form_round_trips() -> None:
    claim = make(
        kind="transfer",
        sender="US",
        receiver="SZ",
        count=5,
        nationalities=["VN", "JM"],
        date="2025-07-16",
        quote="five men",
        evidence_start=10,
        evidence_end=18,
        extractor="rules-en:1",
        confidence=0.9,
    )
    again = Claim.from_dict(claim.to_dict(), today=TODAY)
    assert again == claim


def test_fingerprint_ignores_review_but_not_content() -> None:
    claim = make(kind="capacity", sender="US", receiver="XK", count=50)
    reviewed = claim.with_review(ReviewState.ACCEPTED, "ana")
    assert reviewed.fingerprint() == claim.fingerprint()
    assert (
        make(kind="capacity", sender="US", receiver="XK", count=51).fingerprint()
        != claim.fingerprint()
    )


def test_every_kind_has_a_documented_rule() -> None:
    # A kind added to the vocabulary must be covered by validation rules here.
    assert {k.value for k in ClaimKind} == {
        "arrangement_status",
        "role",
        "capacity",
        "compensation",
        "instrument",
        "transfer",
        "onward_transfer",
        "facility",
        "denial",
        "concern",
        "period_total",  # rules: tests/test_period_totals.py
    }
