"""Projection of period totals and of the status basis: totals are never transfers."""

from __future__ import annotations

from typing import Any

from tests.test_projection import claim, one, sources, status
from thirdcountry.domain.projection import BasisKind, StatusBasis


def total(
    count: int, start: str, end: str, document: str = "d1", qualifier: str = "exact", **more: Any
) -> Any:
    return claim(
        document,
        kind="period_total",
        sender="US",
        receiver="XK",
        count=count,
        count_qualifier=qualifier,
        period_start=start,
        period_end=end,
        **more,
    )


def flight(count: int | None, when: str, document: str = "d1") -> Any:
    fields: dict[str, Any] = {"count": count} if count is not None else {}
    return claim(document, kind="transfer", sender="US", receiver="XK", date=when, **fields)


def test_a_total_is_never_a_transfer_nor_added_to_transfers() -> None:
    picture = one(
        [
            status("implemented", "2025-02-01"),
            flight(100, "2025-02-03"),
            flight(40, "2025-04-10", "d2"),
            total(5728, "2025-01-20", "2025-06-24", "d3"),
        ]
    )
    assert len(picture.transfers) == 2
    assert picture.people_transferred == 140
    assert picture.reported_total.count == 5728
    data = picture.to_dict()
    assert data["people_transferred"] == 140
    assert len(data["transfers"]) == 2
    assert data["reported_total"]["count"] == 5728
    assert data["status_basis"]["text"] == "implemented: 140 people in 2 transfers (2 sources)"


def test_two_overlapping_totals_are_never_added() -> None:
    first = total(5728, "2025-01-20", "2025-06-24", "d1")
    restated = total(5000, "2025-01-20", "2025-06-27", "d2", qualifier="at_least")
    picture = one([status("implemented", "2025-02-01"), first, restated])
    assert len(picture.period_totals) == 2
    assert picture.reported_total.count == 5728
    assert picture.reported_total.claim_ids == [first.id]
    assert picture.reported_total.qualifier.value == "exact"
    assert picture.transfers == [] and picture.people_transferred == 0


def test_a_total_inside_another_period_is_not_added_either() -> None:
    year = total(900, "2025", "2025", "d1")
    march = total(300, "2025-03", "2025-03", "d2")
    picture = one([year, march])
    assert picture.reported_total.count == 900
    assert picture.reported_total.to_dict()["period_start"] == "2025"


def test_totals_end_to_end_add_up_and_keep_their_loosest_qualifier() -> None:
    picture = one(
        [
            total(100, "2025-01", "2025-01", "d1"),
            total(120, "2025-02", "2025-02", "d2", qualifier="about"),
            total(150, "2025-01-15", "2025-02-15", "d3"),  # overlaps both: one or the other
        ]
    )
    reported = picture.reported_total
    assert reported.count == 220
    assert reported.qualifier.value == "about"
    assert (reported.start.isoformat(), reported.end.isoformat()) == ("2025-01", "2025-02")
    assert reported.sources == 2


def test_the_same_total_from_two_sources_is_one_total_and_copies_count_once() -> None:
    infos = sources("d1", "d2", "d3", copies={"d3": "d1"})
    picture = one(
        [
            total(250, "2025-03", "2026-02-13", "d1", qualifier="about"),
            total(250, "2025-03", "2026-02-13", "d2", qualifier="about"),
            total(250, "2025-03", "2026-02-13", "d3", qualifier="about"),
        ],
        infos,
    )
    assert len(picture.period_totals) == 1
    assert picture.period_totals[0].sources == 2
    assert picture.reported_total.sources == 2


def test_pending_totals_never_count() -> None:
    pending = claim(
        "d1",
        state="pending",
        kind="period_total",
        sender="US",
        receiver="XK",
        count=10,
        count_qualifier="exact",
        period_start="2025",
        period_end="2025",
    )
    picture = one([status("agreed", "2025-06"), pending])
    assert picture.reported_total is None and picture.period_totals == []
    assert picture.pending_claims == 1


def test_basis_of_an_implemented_status_with_only_a_total() -> None:
    picture = one([status("implemented", "2025-02-01"), total(5728, "2025-01-20", "2025-06-24")])
    basis = picture.status_basis
    assert basis.kind == BasisKind.REPORTED_TOTAL
    assert basis.people_reported
    assert basis.text() == (
        "implemented: at least 5,728 people reported in total, "
        "20 Jan 2025 to 24 Jun 2025 (1 source)"
    )


def test_basis_of_an_implemented_status_without_any_number() -> None:
    picture = one(
        [status("implemented", "2025-12-11", "d1"), status("implemented", "2025-12-11", "d2")],
        sources("d1", "d2", copies={"d2": "d1"}),
    )
    basis = picture.status_basis
    assert basis.kind == BasisKind.NUMBER_NOT_REPORTED
    assert not basis.people_reported
    assert basis.text() == (
        "implemented: first arrival reported 11 Dec 2025 (1 source); number of people not reported"
    )


def test_basis_counts_transfers_of_unreported_size_apart() -> None:
    picture = one(
        [
            status("implemented", "2025-03-15"),
            flight(238, "2025-03-16", "d1"),
            flight(238, "2025-03-16", "d2"),
            flight(None, "2025-05-20", "d3"),
        ]
    )
    assert picture.status_basis.text() == (
        "implemented: 238 people in 1 transfer (3 sources); 1 more transfer of unreported size"
    )


def test_basis_of_a_status_short_of_implementation_names_its_sources() -> None:
    picture = one([status("agreed", "2025-06-11", "d1"), status("agreed", "2025-06-11", "d2")])
    assert picture.status_basis.kind == BasisKind.STATUS_REPORTED
    assert picture.status_basis.text() == "agreed: reported 11 Jun 2025 (2 sources)"
    assert picture.status_basis.to_dict()["people_reported"] is False


def test_the_basis_line_counts_one_person_in_the_singular() -> None:
    one = StatusBasis("implemented", BasisKind.PEOPLE_IN_TRANSFERS, None, 1, 1, 1)
    assert one.text() == "implemented: 1 person in 1 transfer (1 source)"
    many = StatusBasis("implemented", BasisKind.PEOPLE_IN_TRANSFERS, None, 2, 3, 2, 1)
    assert many.text() == (
        "implemented: 3 people in 2 transfers (2 sources); 1 more transfer of unreported size"
    )
