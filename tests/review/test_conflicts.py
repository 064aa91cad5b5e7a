"""Conflict detection over standing claims (pure: no store)."""

from datetime import date
from typing import Any

from thirdcountry.domain.claims import Claim
from thirdcountry.review.conflicts import ConflictKind, detect_conflicts

TODAY = date(2026, 11, 28)


def accepted(**fields: Any) -> Claim:
    base: dict[str, Any] = {"sender": "US", "receiver": "SV", "review_state": "accepted"}
    return Claim.from_dict({**base, **fields}, today=TODAY)


def kinds(claims: list[Claim]) -> list[tuple[str, set[str]]]:
    return [(c.kind.value, set(c.claim_ids)) for c in detect_conflicts(claims)]


def test_agreement_against_a_denial_is_a_conflict() -> None:
    agreed = accepted(kind="arrangement_status", value="agreed", date="2025-06-10")
    denied = accepted(kind="denial", value="receiver", date="2025-06-12")
    assert kinds([agreed, denied]) == [("status_vs_denial", {agreed.id, denied.id})]


def test_different_counts_for_what_may_be_one_transfer() -> None:
    a = accepted(kind="transfer", count=238, date="2025-03-16", facility="CECOT")
    b = accepted(kind="transfer", count=261, date="2025-03-15", facility="CECOT")
    later = accepted(kind="transfer", count=17, date="2025-09-01", facility="CECOT")
    elsewhere = accepted(kind="transfer", count=5, date="2025-03-16", facility="Other prison")
    assert kinds([a, b, later, elsewhere]) == [("transfer_count", {a.id, b.id})]


def test_same_count_reports_are_one_transfer_not_a_conflict() -> None:
    a = accepted(kind="transfer", count=238, date="2025-03")
    b = accepted(kind="transfer", count=238, date="2025-03-16")
    assert kinds([a, b]) == []


def test_reports_with_the_same_facility_weeks_apart_may_still_be_one_transfer() -> None:
    a = accepted(kind="transfer", count=238, date="2025-03-16", facility="CECOT")
    b = accepted(kind="transfer", count=250, date="2025-04-20", facility="cecot")
    assert kinds([a, b]) == [("transfer_count", {a.id, b.id})]


def test_different_caps_and_sums_are_conflicts_per_arrangement() -> None:
    caps = [accepted(kind="capacity", count=n, receiver="XK") for n in (50, 75)]
    same_cap_elsewhere = [accepted(kind="capacity", count=n, receiver="SZ") for n in (160, 160)]
    money = [
        accepted(kind="compensation", amount=6_000_000, currency="USD"),
        accepted(kind="compensation", amount=15_000_000, currency="USD"),
    ]
    found = detect_conflicts(caps + same_cap_elsewhere + money)
    assert [(c.kind, c.receiver) for c in found] == [
        (ConflictKind.COMPENSATION, "SV"),
        (ConflictKind.CAPACITY, "XK"),
    ]


def test_rejected_and_superseded_claims_do_not_conflict() -> None:
    fifty = accepted(kind="capacity", count=50, receiver="XK")
    wrong = accepted(kind="capacity", count=500, receiver="XK")
    correction = accepted(kind="capacity", count=50, receiver="XK", supersedes=wrong.id)
    rejected = Claim.from_dict(
        {
            "kind": "capacity",
            "sender": "US",
            "receiver": "XK",
            "count": 99,
            "review_state": "rejected",
        },
        today=TODAY,
    )
    assert kinds([fifty, wrong, correction, rejected]) == []


def test_a_conflict_key_names_exactly_its_claims() -> None:
    a, b = (accepted(kind="capacity", count=n, receiver="XK") for n in (50, 75))
    c = accepted(kind="capacity", count=80, receiver="XK")
    first = detect_conflicts([a, b])[0].key
    assert detect_conflicts([b, a])[0].key == first
    assert detect_conflicts([a, b, c])[0].key != first
