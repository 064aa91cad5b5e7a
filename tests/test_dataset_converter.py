"""The converter's rules on small references written for these tests (no ../shared needed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.dataset_builder import builder
from thirdcountry.domain.dataset import DatasetError
from thirdcountry.store.load import read_dataset_file

WIRE = {"url": "https://wire.example/a", "outlet": "Wire", "published": "2025-07-10"}
COPY = {"url": "https://mirror.example/a", "outlet": "Wire (via Mirror)", "published": "2025-07-10"}
LATE = {"url": "https://paper.example/b", "outlet": "Paper", "published": "2025-08-01"}
EARLY = {"url": "https://paper.example/c", "outlet": "Paper", "published": "2025-06-01"}


def fact(kind: str, value: Any = None, date: str = "2025-07-10", **extra: Any) -> dict[str, Any]:
    return {
        "kind": kind,
        "what": f"a {kind} fact",
        "value": value,
        "date": date,
        "sources": extra.pop("sources", [WIRE]),
        **extra,
    }


def arrangement(receiver: str, *facts: dict[str, Any], status: str = "agreed") -> dict[str, Any]:
    return {
        "id": f"US-{receiver}",
        "sender": "US",
        "receiver": receiver,
        "receiver_name": receiver,
        "status": status,
        "facts": list(facts),
    }


def build(
    tmp_path: Path,
    reference: list[dict[str, Any]],
    curation: dict[str, Any] | None = None,
    *,
    version: str = "2026.01.02",
    out: Path | None = None,
    strict: bool = False,
    note: str | None = None,
) -> tuple[Any, dict[str, Any]]:
    ref = tmp_path / "arrangements.yaml"
    ref.write_text(yaml.safe_dump(reference))
    cur = tmp_path / "curation.yaml"
    cur.write_text(yaml.safe_dump(curation or {}))
    out = out or tmp_path / "dataset.yaml"
    result, _ = builder.run(ref, out, cur, version=version, strict=strict, note=note)
    return result.report, yaml.safe_load(out.read_text())


def claims_of(data: dict[str, Any], kind: str | None = None) -> list[dict[str, Any]]:
    return [c for c in data["claims"] if kind is None or c["kind"] == kind]


def test_one_claim_per_source_and_one_document_per_url(tmp_path: Path) -> None:
    report, data = build(
        tmp_path, [arrangement("SZ", fact("status", "agreed", sources=[WIRE, LATE]))]
    )
    assert len(data["documents"]) == 2
    assert len(claims_of(data, "arrangement_status")) == 2
    assert report.accepted == 2 and report.pending == 0


def test_uncertain_facts_become_pending_with_the_reason(tmp_path: Path) -> None:
    uncertain = fact("cap", 160, count=160, uncertain=True, reason="single outlet")
    _, data = build(tmp_path, [arrangement("SZ", uncertain)])
    (claim,) = claims_of(data)
    assert (claim["kind"], claim["count"], claim["review_state"]) == ("capacity", 160, "pending")
    assert claim["review_note"] == "single outlet"
    assert claim["extractor"] == "curated:2026.01.02"


def test_a_date_after_a_sources_publication_moves_to_it_and_is_reported(tmp_path: Path) -> None:
    late_fact = fact("status", "implemented", date="2025-07-01", sources=[EARLY, LATE])
    report, data = build(tmp_path, [arrangement("SZ", late_fact)])
    dates = sorted(c["date"] for c in claims_of(data))
    assert dates == ["2025-06-01", "2025-07-01"]
    assert len(report.moved_dates) == 1
    moved = next(c for c in claims_of(data) if c["date"] == "2025-06-01")
    assert (
        moved["review_state"] == "accepted" and "after this source appeared" in moved["review_note"]
    )


def test_denials_name_who_denies_and_refusals_become_a_status(tmp_path: Path) -> None:
    report, data = build(
        tmp_path,
        [
            arrangement(
                "LY",
                fact("denial", "denied", by="LY (GNU)"),
                fact("denial", "refused", by="LY", date="2025-07-08"),
                fact("refusal", "refused", by="LY", date="2025-07-09"),
                fact("denial", "denied (safe third country)", by="LY", scope="one label only"),
            )
        ],
    )
    (denial,) = claims_of(data, "denial")
    assert denial["value"] == "receiver" and denial["review_note"] == "denied by LY (GNU)"
    assert [c["value"] for c in claims_of(data, "arrangement_status")] == ["refused", "refused"]
    assert any("one label only" in reason for _, reason in report.skipped)


def test_onward_moves_of_one_nationality_go_home_others_need_a_decision(tmp_path: Path) -> None:
    reference = [
        arrangement(
            "SZ",
            fact("onward", "1 home", count=1, nationalities=["JM"]),
            fact("onward", "8 left", count=8),
        )
    ]
    report, data = build(tmp_path, reference)
    (onward,) = claims_of(data, "onward_transfer")
    assert (onward["sender"], onward["receiver"], onward["count"]) == ("SZ", "JM", 1)
    assert report.needs_curation == ["US-SZ[1] onward '8 left'"]
    with pytest.raises(builder.CurationError, match="needs a curated decision"):
        build(tmp_path, reference, strict=True)


def test_curation_can_skip_reclassify_and_split_a_fact_by_source(tmp_path: Path) -> None:
    reference = [
        arrangement(
            "SV",
            fact(
                "transfer",
                "238",
                count=238,
                facility="CECOT",
                date="2025-03-16",
                sources=[WIRE, LATE],
            ),
            fact("contradiction", "March vs April"),
            fact("court", "ruling"),
            fact("transfer", "300 total", count=300),
        )
    ]
    curation = {
        "facts": [
            {
                "match": {"arrangement": "US-SV", "kind": "transfer", "value": "238"},
                "sources": {LATE["url"]: {"date": "2025-04"}},
            },
            {"match": {"arrangement": "US-SV", "kind": "contradiction"}, "skip": "both sides"},
            {
                "match": {"arrangement": "US-SV", "kind": "court"},
                "as": {"kind": "concern", "value": "due_process"},
            },
            {
                "match": {"arrangement": "US-SV", "kind": "transfer", "value": "300 total"},
                "pending": "cumulative",
            },
            {"match": {"arrangement": "US-SV", "kind": "cap"}, "skip": "stale entry"},
        ]
    }
    report, data = build(tmp_path, reference, curation)
    transfers = claims_of(data, "transfer")
    assert sorted(str(c["date"]) for c in transfers if c["count"] == 238) == [
        "2025-03-16",
        "2025-04",
    ]
    assert [c["review_state"] for c in transfers if c["count"] == 300] == ["pending"]
    assert [c["value"] for c in claims_of(data, "concern")] == ["due_process"]
    assert ("US-SV[1] contradiction 'March vs April'", "both sides") in report.skipped
    assert report.unmatched_curation == ["US-SV cap"]


def test_facilities_are_named_by_their_canonical_name(tmp_path: Path) -> None:
    reference = [arrangement("AL", fact("transfer", "40", count=40, facility="Gjader CPR"))]
    _, data = build(tmp_path, reference)
    assert claims_of(data, "transfer")[0]["facility"] == "Gjader centre"


def test_an_unknown_facility_is_an_error(tmp_path: Path) -> None:
    reference = [arrangement("AL", fact("facility", "Nowhere Camp"))]
    with pytest.raises(builder.NotFound, match="Nowhere Camp"):
        build(tmp_path, reference)


def test_copies_and_duplicates(tmp_path: Path) -> None:
    reference = [
        arrangement(
            "NG",
            fact("status", "refused", sources=[WIRE, COPY]),
            fact("refusal", "refused", by="NG", sources=[WIRE]),
        )
    ]
    curation = {"documents": {"copies": [{"url": COPY["url"], "copy_of": WIRE["url"]}]}}
    report, data = build(tmp_path, reference, curation)
    docs = {d["url"]: d for d in data["documents"]}
    assert docs[COPY["url"]]["copy_of"] == docs[WIRE["url"]]["id"]
    assert len(claims_of(data)) == 2 and len(report.duplicates) == 1


def test_ids_are_stable_and_a_new_version_keeps_old_claims_and_extends_the_changelog(
    tmp_path: Path,
) -> None:
    out = tmp_path / "dataset.yaml"
    first = [arrangement("XK", fact("status", "agreed"))]
    _, one = build(tmp_path, first, version="2026.01.02", out=out)
    second = [arrangement("XK", fact("status", "agreed"), fact("cap", 50, count=50))]
    report, two = build(tmp_path, second, version="2026.02.03", out=out)
    old, new = claims_of(one)[0], claims_of(two)
    assert new[0]["id"] == old["id"] and new[0]["extractor"] == "curated:2026.01.02"
    assert new[1]["extractor"] == "curated:2026.02.03"
    assert (report.added, report.withdrawn) == (1, 0)
    assert [e["version"] for e in two["dataset"]["changelog"]] == ["2026.02.03", "2026.01.02"]
    _, noted = build(tmp_path, second, version="2026.02.03", out=out, note="Caps added.")
    _, again = build(tmp_path, second, version="2026.02.03", out=out)
    assert [e["version"] for e in again["dataset"]["changelog"]] == ["2026.02.03", "2026.01.02"]
    assert again["dataset"]["changelog"][0]["changes"].endswith(
        "Against 2026.01.02: 1 claims added, 0 withdrawn. Caps added."
    )
    assert again == noted


def test_the_output_loads_and_a_bad_build_leaves_the_file_untouched(tmp_path: Path) -> None:
    out = tmp_path / "dataset.yaml"
    build(tmp_path, [arrangement("XK", fact("status", "agreed"))], out=out)
    assert read_dataset_file(out).claims
    before = out.read_text()
    with pytest.raises(DatasetError):
        builder.write_validated("claims: [{kind: role}]\n", out)
    assert out.read_text() == before
    assert not list(tmp_path.glob(".dataset.yaml.new"))


def test_compensation_ranges_carry_no_amount_but_a_note(tmp_path: Path) -> None:
    ranged = fact("compensation", None, currency="USD", amount_range=[4700000, 7500000])
    _, data = build(tmp_path, [arrangement("PW", ranged)])
    (claim,) = claims_of(data)
    assert "amount" not in claim and "currency" not in claim
    assert claim["review_note"] == "reported as a range, USD 4,700,000-7,500,000"


def test_context_and_observations_make_no_claim_but_are_reported(tmp_path: Path) -> None:
    report, data = build(
        tmp_path,
        [arrangement("SN", fact("status", "requested"), fact("observation", "none found"))],
    )
    assert len(claims_of(data)) == 1
    assert report.skipped[0][0] == "US-SN[1] observation 'none found'"


# -- `accept`: a curated decision on an uncertain fact -----------------------------------

FLIGHT = "a landed flight"


def accept_curation(**entry: Any) -> dict[str, Any]:
    match = {"arrangement": "US-UG", "kind": "status", "value": "implemented", "what": FLIGHT}
    return {"facts": [{"match": match, "accept": "the wire names its original", **entry}]}


def uganda(*facts: dict[str, Any]) -> list[dict[str, Any]]:
    return [arrangement("UG", *facts, status="implemented")]


def test_accept_makes_an_uncertain_facts_claims_accepted_and_the_note_keeps_the_doubt(
    tmp_path: Path,
) -> None:
    flight = fact("status", "implemented", uncertain=True, reason="undated page")
    flight["what"] = FLIGHT
    count = fact("transfer", "12", count=12, uncertain=True, reason="approximate count")
    report, data = build(tmp_path, uganda(flight, count), accept_curation(), strict=True)
    (status,) = claims_of(data, "arrangement_status")
    assert status["review_state"] == "accepted"
    assert status["review_note"] == (
        "undated page; accepted at curation: the wire names its original"
    )
    (transfer,) = claims_of(data, "transfer")
    assert (transfer["review_state"], transfer["review_note"]) == ("pending", "approximate count")
    assert report.accepted_at_curation == ["US-UG[0] status 'implemented'"]
    assert report.problems == []


def test_accept_decides_its_own_facts_claims_only(tmp_path: Path) -> None:
    # Another uncertain fact states the same status: from the source both share it is one
    # claim, and the decision accepts it (it is a claim of the accepted fact); from the
    # source only the other fact cites, the claim stays pending.
    teaser = fact("status", "implemented", uncertain=True, reason="teaser", sources=[WIRE, LATE])
    flight = fact("status", "implemented", uncertain=True, reason="undated page")
    flight["what"] = FLIGHT
    report, data = build(tmp_path, uganda(teaser, flight), accept_curation(), strict=True)
    by_source = {c["document"]: c for c in claims_of(data, "arrangement_status")}
    docs = {d["url"]: d["id"] for d in data["documents"]}
    shared, other = by_source[docs[WIRE["url"]]], by_source[docs[LATE["url"]]]
    assert shared["review_state"] == "accepted"
    assert "accepted at curation" in shared["review_note"]
    assert (other["review_state"], other["review_note"]) == ("pending", "teaser")
    assert len(report.duplicates) == 1


def test_accept_and_pending_on_one_entry_is_refused_in_one_line(tmp_path: Path) -> None:
    flight = fact("status", "implemented", uncertain=True, reason="undated page")
    flight["what"] = FLIGHT
    with pytest.raises(builder.CurationError) as caught:
        build(tmp_path, uganda(flight), accept_curation(pending="not yet"))
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("facts entry #1 (") and "US-UG" in message
    assert "accept and pending" in message


def test_accept_on_a_fact_not_marked_uncertain_is_stale_curation(tmp_path: Path) -> None:
    flight = fact("status", "implemented")
    flight["what"] = FLIGHT
    report, data = build(tmp_path, uganda(flight), accept_curation())
    (status,) = claims_of(data)
    assert status["review_state"] == "accepted" and "review_note" not in status
    assert report.stale_accepts == ["US-UG[0] status 'implemented'"]
    assert report.accepted_at_curation == []
    assert any("does not mark uncertain" in p for p in report.problems)
    with pytest.raises(builder.CurationError, match="does not mark uncertain"):
        build(tmp_path, uganda(flight), accept_curation(), strict=True)


def test_accept_decides_one_fact(tmp_path: Path) -> None:
    one = fact("status", "implemented", uncertain=True, reason="a", sources=[WIRE])
    two = fact("status", "implemented", uncertain=True, reason="b", sources=[LATE])
    curation = {
        "facts": [
            {"match": {"arrangement": "US-UG", "kind": "status"}, "accept": "both, by mistake"}
        ]
    }
    with pytest.raises(builder.CurationError, match="accept matches 2 facts"):
        build(tmp_path, uganda(one, two), curation)


def test_a_release_that_only_accepts_a_claim_says_so_in_its_changelog(tmp_path: Path) -> None:
    out = tmp_path / "dataset.yaml"
    flight = fact("status", "implemented", uncertain=True, reason="undated page")
    flight["what"] = FLIGHT
    _, first = build(tmp_path, uganda(flight), version="2026.11.28", out=out)
    report, second = build(
        tmp_path, uganda(flight), accept_curation(), version="2026.11.28.1", out=out
    )
    assert (report.added, report.withdrawn, report.restated) == (0, 0, 1)
    assert claims_of(second)[0]["id"] == claims_of(first)[0]["id"]
    changelog = second["dataset"]["changelog"]
    assert [e["version"] for e in changelog] == ["2026.11.28.1", "2026.11.28"]
    assert (
        "Against 2026.11.28: 0 claims added, 0 withdrawn, 1 changed review state."
        in changelog[0]["changes"]
    )
    _, again = build(tmp_path, uganda(flight), accept_curation(), version="2026.11.28.1", out=out)
    assert again == second


def test_a_same_day_rerun_rebuilds_that_days_latest_release() -> None:
    today = date(2026, 11, 28)
    assert builder.default_version("2026.11.27", check=False, today=today) == "2026.11.28"
    assert builder.default_version("2026.11.28", check=False, today=today) == "2026.11.28"
    assert builder.default_version("2026.11.28.1", check=False, today=today) == "2026.11.28.1"
    assert builder.default_version("2026.11.27", check=True, today=today) == "2026.11.27"
    assert builder.default_version(None, check=False, today=today) == "2026.11.28"


def test_a_version_is_a_date_with_an_optional_release_number(tmp_path: Path) -> None:
    reference = [arrangement("XK", fact("status", "agreed"))]
    with pytest.raises(builder.CurationError, match="expected YYYY"):
        build(tmp_path, reference, version="2026-11-28")
    with pytest.raises(builder.CurationError, match="expected YYYY"):
        build(tmp_path, reference, version="2026.11.28.0")
