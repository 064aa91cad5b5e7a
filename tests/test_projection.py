from datetime import date
from typing import Any

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.dates import PartialDate
from thirdcountry.domain.projection import SourceInfo, project

TODAY = date(2026, 11, 28)


def claim(document: str = "d1", state: str = "accepted", **fields: Any) -> Claim:
    return Claim.from_dict({"document_id": document, "review_state": state, **fields}, today=TODAY)


def sources(*ids: str, copies: dict[str, str] | None = None) -> dict[str, SourceInfo]:
    copies = copies or {}
    return {
        i: SourceInfo(source_key=copies.get(i, i), published=PartialDate.parse("2025-07-20"))
        for i in ids
    }


def one(claims: list[Claim], infos: dict[str, SourceInfo] | None = None) -> Any:
    found = project(claims, infos or sources("d1", "d2", "d3", "d4"))
    assert len(found) == 1
    return found[0]


def status(value: str, when: str, document: str = "d1", receiver: str = "XK") -> Claim:
    return claim(
        document, kind="arrangement_status", sender="US", receiver=receiver, value=value, date=when
    )


def test_latest_status_by_claim_date_wins() -> None:
    picture = one(
        [
            status("implemented", "2025-12-11"),
            status("negotiating", "2025-05-01"),
            status("ended", "2026-02-01", "d2"),
        ]
    )
    assert picture.status == "ended"
    assert picture.status_date.isoformat() == "2026-02-01"


def test_later_restatement_of_an_earlier_step_does_not_downgrade() -> None:
    picture = one([status("implemented", "2025-12-11"), status("agreed", "2026-01-05", "d2")])
    assert picture.status == "implemented"


def test_denial_by_the_receiver_after_an_agreement_marks_it_disputed_and_keeps_both() -> None:
    agreed = status("agreed", "2025-06-26", receiver="HN")
    denial = claim(
        "d2", kind="denial", sender="US", receiver="HN", value="receiver", date="2025-06-27"
    )
    picture = one([agreed, denial])
    assert picture.disputed is True
    assert picture.status == "agreed"
    assert set(picture.dispute_claims) == {agreed.id, denial.id}


def test_denial_long_before_an_agreement_is_not_a_dispute() -> None:
    denial = claim(
        "d2", kind="denial", sender="US", receiver="HN", value="receiver", date="2025-01-01"
    )
    picture = one([status("agreed", "2025-06-26", receiver="HN"), denial])
    assert picture.disputed is False


def test_three_reports_of_one_flight_and_one_of_another_are_two_transfers_of_seven() -> None:
    flight = {"kind": "transfer", "sender": "US", "receiver": "SZ"}
    claims = [
        claim("d1", **flight, count=5, date="2025-07-16", nationalities=["VN"]),
        claim("d2", **flight, count=5, date="2025-07-16", nationalities=["JM"]),
        claim("d3", **flight, count=5, date="2025-07"),
        claim("d4", **flight, count=2, date="2025-10-06"),
    ]
    picture = one(claims)
    assert [(t.count, t.sources) for t in picture.transfers] == [(5, 3), (2, 1)]
    assert picture.people_transferred == 7
    assert picture.transfers[0].nationalities == ("JM", "VN")
    assert picture.first_transfer_date.isoformat() == "2025-07-16"


def test_unknown_count_joins_the_event_it_is_compatible_with() -> None:
    flight = {"kind": "transfer", "sender": "US", "receiver": "SZ"}
    picture = one(
        [
            claim("d1", **flight, count=5, date="2025-07-16"),
            claim("d2", **flight, date="2025-07-17"),
        ]
    )
    assert len(picture.transfers) == 1 and picture.transfers[0].sources == 2


def test_syndicated_copies_count_as_one_source() -> None:
    flight = {
        "kind": "transfer",
        "sender": "US",
        "receiver": "SZ",
        "count": 5,
        "date": "2025-07-16",
    }
    infos = sources("d1", "d2", "d3", copies={"d2": "d1", "d3": "d1"})
    picture = one([claim(d, **flight) for d in ("d1", "d2", "d3")], infos)
    assert picture.transfers[0].sources == 1
    assert picture.source_count == 1


def test_same_count_and_facility_weeks_apart_is_one_event_with_a_date_conflict() -> None:
    cecot = {
        "kind": "transfer",
        "sender": "US",
        "receiver": "SV",
        "count": 238,
        "facility": "CECOT",
    }
    picture = one([claim("d1", **cecot, date="2025-03-16"), claim("d2", **cecot, date="2025-04")])
    assert len(picture.transfers) == 1
    assert picture.transfers[0].date_conflict is True
    assert picture.transfers[0].date.isoformat() == "2025-03-16"
    assert picture.people_transferred == 238


def test_rejected_pending_and_superseded_claims_never_count() -> None:
    original = claim("d1", kind="capacity", sender="US", receiver="XK", count=500)
    correction = claim(
        "d1", kind="capacity", sender="US", receiver="XK", count=50, supersedes=original.id
    )
    rejected = claim("d2", state="rejected", kind="transfer", sender="US", receiver="XK", count=9)
    pending = claim("d3", state="pending", kind="transfer", sender="US", receiver="XK", count=4)
    picture = one([original, correction, rejected, pending])
    assert picture.capacity == 50
    assert picture.transfers == []
    assert original.id not in picture.claim_ids


def test_a_rejected_correction_leaves_the_original_standing() -> None:
    original = claim("d1", kind="capacity", sender="US", receiver="XK", count=50)
    bad = claim(
        "d1",
        state="rejected",
        kind="capacity",
        sender="US",
        receiver="XK",
        count=5,
        supersedes=original.id,
    )
    assert one([original, bad]).capacity == 50


def test_onward_transfers_hang_on_the_arrangement_that_brought_people_in() -> None:
    claims = [
        claim("d1", kind="transfer", sender="US", receiver="GH", count=14, date="2025-09-05"),
        claim("d2", kind="onward_transfer", sender="GH", receiver="TG", count=6, date="2025-09-20"),
    ]
    found = project(claims, sources("d1", "d2"))
    assert [(a.sender, a.receiver) for a in found] == [("US", "GH")]
    assert [(t.receiver, t.count) for t in found[0].onward_transfers] == [("TG", 6)]


def test_receiver_only_claims_attach_facilities_and_concerns() -> None:
    claims = [
        claim("d1", kind="role", sender="US", receiver="SV", value="detention"),
        claim("d1", kind="facility", receiver="SV", facility="CECOT"),
        claim("d2", kind="concern", receiver="SV", value="abuse", facility="CECOT"),
    ]
    picture = one(claims)
    assert picture.facilities == ["CECOT"]
    assert picture.concerns == ["abuse"]
    assert picture.source_count == 2


def test_output_has_the_documented_fields() -> None:
    data = one([status("agreed", "2025-06")]).to_dict()
    for key in (
        "sender",
        "receiver",
        "status",
        "disputed",
        "roles",
        "capacity",
        "compensation",
        "instrument",
        "first_transfer_date",
        "transfers",
        "people_transferred",
        "source_count",
        "last_updated",
    ):
        assert key in data


def test_a_refusal_reported_the_day_of_the_request_answers_it() -> None:
    picture = one(
        [status("refused", "2025-07-10", "d2", "NG"), status("requested", "2025-07-10", "d1", "NG")]
    )
    assert picture.status == "refused"


def test_a_new_request_after_a_refusal_reopens_the_arrangement() -> None:
    picture = one(
        [status("refused", "2025-07-10", "d1", "NG"), status("requested", "2025-09-01", "d2", "NG")]
    )
    assert picture.status == "requested"


def test_a_denial_weeks_before_reported_talks_disputes_them() -> None:
    denial = claim(
        "d1",
        kind="arrangement_status",
        sender="US",
        receiver="LY",
        value="denied",
        date="2025-05-07",
    )
    talks = status("negotiating", "2025-06-12", "d2", "LY")
    picture = one([denial, talks])
    assert picture.status == "negotiating"
    assert picture.disputed is True
    assert set(picture.dispute_claims) == {denial.id, talks.id}


def test_a_denial_many_months_before_talks_is_history_not_a_dispute() -> None:
    denial = claim(
        "d1", kind="denial", sender="US", receiver="GY", value="receiver", date="2025-02-20"
    )
    picture = one([denial, status("negotiating", "2026-01-05", "d2", "GY")])
    assert picture.disputed is False


def test_a_denial_does_not_dispute_a_mere_request() -> None:
    denial = claim(
        "d2", kind="denial", sender="US", receiver="AO", value="receiver", date="2024-04-17"
    )
    picture = one([status("requested", "2024-04-15", "d1", "AO"), denial])
    assert picture.disputed is False


def test_a_pair_with_only_pending_claims_is_listed_without_a_status() -> None:
    pending = claim(
        "d1",
        state="pending",
        kind="arrangement_status",
        sender="GB",
        receiver="MK",
        value="requested",
        date="2025-05-17",
    )
    accepted = status("agreed", "2025-06-11")
    found = project([pending, accepted], sources("d1"))
    by_pair = {a.key: a for a in found}
    assert by_pair["GB-MK"].status is None
    assert by_pair["GB-MK"].pending_claims == 1
    assert by_pair["GB-MK"].source_count == 0
    assert by_pair["US-XK"].pending_claims == 0


def test_pending_claims_are_counted_but_never_shape_the_picture() -> None:
    pending = claim(
        "d2",
        state="pending",
        kind="arrangement_status",
        sender="US",
        receiver="XK",
        value="ended",
        date="2026-01-01",
    )
    picture = one([status("agreed", "2025-06-11"), pending])
    assert picture.status == "agreed"
    assert picture.pending_claims == 1
    assert pending.id not in picture.claim_ids
