"""The bundled dataset on its own (no ../shared needed): well-formed, cited, projected right."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from tests.dataset_builder import builder
from thirdcountry.data import FULL_DATASET, bundled_facilities
from thirdcountry.domain.countries import is_country
from thirdcountry.domain.dataset import Dataset
from thirdcountry.domain.projection import Arrangement
from thirdcountry.domain.vocabulary import ClaimKind, ReviewState
from thirdcountry.store.load import read_dataset_file

# No arrangement in the dataset predates Australia's offshore processing (2012) by much;
# an earlier date is a typo, not history.
EARLIEST = date(2010, 1, 1)
SEED = "shared/seed/kosovo-2025-06-12.txt"
# A dataset version: the build date, plus `.N` for a further release on the same day.
VERSION = r"\d{4}\.\d{2}\.\d{2}(?:\.[1-9]\d*)?"


def release(version: str) -> tuple[int, ...]:
    """A version as numbers, so 2026.11.28.10 comes after 2026.11.28.9."""
    return tuple(int(part) for part in version.split("."))


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return read_dataset_file(FULL_DATASET)


@pytest.fixture(scope="module")
def picture(dataset: Dataset) -> dict[str, Arrangement]:
    return {a.key: a for a in builder.project_dataset(dataset)}


def test_every_claim_cites_a_document_of_the_file(dataset: Dataset) -> None:
    ids = {d.local_id for d in dataset.documents}
    assert all(c.document in ids for c in dataset.claims)


def test_every_document_is_cited_by_a_claim(dataset: Dataset) -> None:
    cited = {c.document for c in dataset.claims}
    assert [d.local_id for d in dataset.documents if d.local_id not in cited] == []


def test_every_document_has_a_distinct_url_and_the_seed_is_one(dataset: Dataset) -> None:
    urls = [d.document.url for d in dataset.documents]
    assert len(urls) == len(set(urls))
    assert SEED in urls


def test_every_claim_date_is_plausible_for_its_document(dataset: Dataset) -> None:
    published = {d.local_id: d.document.published_date for d in dataset.documents}
    wrong = []
    for entry in dataset.claims:
        when, pub = entry.claim.when, published[entry.document or ""]
        if when is None:
            continue
        if when.start < EARLIEST or (pub is not None and when.start > pub.end):
            wrong.append((entry.number, str(when), str(pub)))
    assert wrong == []


def test_every_publication_date_is_past_and_plausible(dataset: Dataset) -> None:
    dates = [d.document.published_date for d in dataset.documents]
    assert all(EARLIEST <= p.start <= date.today() for p in dates if p is not None)


def test_every_country_code_is_valid_and_kosovo_is_xk(dataset: Dataset) -> None:
    codes = set()
    for entry in dataset.claims:
        claim = entry.claim
        codes.update(c for c in (claim.sender, claim.receiver, *claim.nationalities) if c)
    assert [c for c in sorted(codes) if not is_country(c)] == []
    assert "XK" in codes


def test_every_facility_is_in_the_facilities_table_by_its_canonical_name(
    dataset: Dataset,
) -> None:
    table = {f.name for f in bundled_facilities()}
    named = {e.claim.facility for e in dataset.claims if e.claim.facility}
    assert named - table == set()


def test_facility_claims_name_a_place_in_the_receiving_country(dataset: Dataset) -> None:
    table = {f.name: f for f in bundled_facilities()}
    # The one exception: men bound for South Sudan were held at a US base in Djibouti.
    abroad = {("SS", "US military base, Djibouti")}
    wrong = {
        (e.claim.receiver, e.claim.facility)
        for e in dataset.claims
        if e.claim.facility and table[e.claim.facility].country != e.claim.receiver
    }
    assert wrong - abroad == set()


def test_copies_point_at_originals_that_are_not_copies(dataset: Dataset) -> None:
    copies = {d.local_id: d.copy_of for d in dataset.documents if d.copy_of}
    assert copies and all(original not in copies for original in copies.values())


def test_pending_claims_say_why_and_accepted_ones_name_the_curation(dataset: Dataset) -> None:
    version = str(dataset.meta["version"])
    for entry in dataset.claims:
        claim = entry.claim
        assert re.fullmatch(f"curated:{VERSION}", claim.extractor or ""), entry.number
        first = (claim.extractor or "").removeprefix("curated:")
        assert release(first) <= release(version), entry.number
        if claim.review_state is ReviewState.PENDING:
            assert claim.review_note, entry.number
        else:
            assert claim.review_state is ReviewState.ACCEPTED


def test_claim_ids_are_unique_uuid7(dataset: Dataset) -> None:
    ids = [e.claim.id for e in dataset.claims]
    assert len(ids) == len(set(ids))
    assert all(e.explicit_id for e in dataset.claims)
    assert all(
        re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", i)
        for i in ids
    )


def test_version_is_date_based_and_heads_the_changelog(dataset: Dataset) -> None:
    meta: dict[str, Any] = dataset.meta
    assert re.fullmatch(VERSION, str(meta["version"]))
    assert meta["changelog"][0]["version"] == meta["version"]
    releases = [release(str(entry["version"])) for entry in meta["changelog"]]
    assert releases == sorted(releases, reverse=True) and len(set(releases)) == len(releases)
    assert all(entry.get("changes") for entry in meta["changelog"])


def test_fifty_one_arrangements_are_listed(picture: dict[str, Arrangement]) -> None:
    # the reference's 48 and three the project's research added (US-AR, US-CD, US-DO)
    assert len(picture) == 51


@pytest.mark.parametrize(
    ("key", "status"),
    [
        ("US-XK", "implemented"),
        ("GB-RW", "ended"),
        ("AU-PG", "ended"),
        ("US-SV", "implemented"),
        ("IT-AL", "implemented"),
        ("DK-XK", "agreed"),
        ("US-LY", "negotiating"),
        ("US-NG", "refused"),
        ("GB-AO", "denied"),
        ("US-SN", "requested"),
        ("US-UG", "implemented"),
        ("GB-MK", None),
        ("US-CD", "implemented"),
        ("US-DO", "refused"),
        ("US-AR", None),
    ],
)
def test_known_statuses(picture: dict[str, Arrangement], key: str, status: str | None) -> None:
    assert picture[key].status == status


@pytest.mark.parametrize("key", ["US-UG", "US-GT", "US-HN", "US-LY", "US-BT", "IL-RW", "IL-UG"])
def test_denials_show_as_disputes(picture: dict[str, Arrangement], key: str) -> None:
    assert picture[key].disputed is True
    assert picture[key].dispute_claims


def test_uganda_is_implemented_undated_by_a_curated_decision_and_still_disputed(
    dataset: Dataset, picture: dict[str, Arrangement]
) -> None:
    uganda = picture["US-UG"]
    assert (uganda.status, uganda.status_date, uganda.disputed) == ("implemented", None, True)
    # The decision accepts the flight report's status only, and says so beside the doubt.
    flight = [
        e.claim
        for e in dataset.claims
        if e.claim.receiver == "UG" and e.claim.sender == "US" and e.claim.when is None
    ]
    states = {(c.kind.value, c.value or c.count): c.review_state.value for c in flight}
    assert states == {
        ("arrangement_status", "implemented"): "accepted",
        ("transfer", 12): "pending",
        ("role", "transit_stopover"): "pending",
    }
    status = next(c for c in flight if c.kind is ClaimKind.ARRANGEMENT_STATUS)
    doubt, decision = (status.review_note or "").split("; accepted at curation: ")
    assert doubt.startswith("source page undated") and "status is accepted undated" in decision


@pytest.mark.parametrize("key", ["US-GY", "US-MX", "GB-AO", "US-XK"])
def test_no_dispute_without_a_standing_denial(picture: dict[str, Arrangement], key: str) -> None:
    assert picture[key].disputed is False


def test_cecot_is_one_transfer_with_a_date_conflict(
    dataset: Dataset, picture: dict[str, Arrangement]
) -> None:
    transfers = picture["US-SV"].transfers
    assert [(t.count, t.facility) for t in transfers] == [(238, "CECOT")]
    cecot = transfers[0]
    assert cecot.date_conflict is True
    assert cecot.date is not None and cecot.date.isoformat() == "2025-03-16"
    seed = next(d.local_id for d in dataset.documents if d.document.url == SEED)
    seed_dates = {
        str(e.claim.when)
        for e in dataset.claims
        if e.document == seed and e.claim.kind is ClaimKind.TRANSFER
    }
    assert seed_dates == {"2025-04"}
    assert cecot.sources == 4


@pytest.mark.parametrize(
    ("key", "destination"), [("US-GH", "TG"), ("US-SZ", "JM"), ("US-SS", "MX"), ("US-SV", "VE")]
)
def test_onward_transfers_hang_on_the_arrangement_as_a_chain(
    picture: dict[str, Arrangement], key: str, destination: str
) -> None:
    onward = picture[key].onward_transfers
    assert destination in {t.receiver for t in onward}
    assert all(t.sender == key.split("-")[1] for t in onward)


def test_reports_of_one_flight_from_two_wires_are_one_transfer(
    picture: dict[str, Arrangement],
) -> None:
    # Eswatini's third group: Reuters and AP date it 12 March 2026, AFP 11 March.
    third = [t for t in picture["US-SZ"].transfers if t.count == 4]
    assert len(third) == 1 and third[0].sources == 3
