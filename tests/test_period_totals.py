"""The ``period_total`` claim: contract, validation, the store and its migration (0008)."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import MetaData, Table, insert, inspect

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.dataset import DatasetError, parse_dataset
from thirdcountry.domain.errors import ValidationError
from thirdcountry.domain.vocabulary import ClaimKind, CountQualifier, DatePrecision, ReviewState
from thirdcountry.store import Store
from thirdcountry.store import claims as claim_repo
from thirdcountry.store.database import _alembic_config

TODAY = date(2026, 11, 28)
TOTAL = {
    "kind": "period_total",
    "sender": "US",
    "receiver": "MX",
    "count": 5728,
    "count_qualifier": "exact",
    "period_start": "2025-01-20",
    "period_end": "2025-06-24",
}


def total(**changes: object) -> Claim:
    return Claim.from_dict({**TOTAL, **changes}, today=TODAY)


def test_a_period_total_round_trips_through_its_json_form() -> None:
    claim = total(period_start="2025-01", count_qualifier="at_least")
    data = claim.to_dict()
    assert data["period_start"] == "2025-01"
    assert data["period_start_precision"] == "month"
    assert data["period_end"] == "2025-06-24"
    assert data["count_qualifier"] == "at_least"
    again = Claim.from_dict(data, today=TODAY)
    assert again == claim
    assert again.period_from is not None and again.period_from.precision is DatePrecision.MONTH
    assert again.count_qualifier is CountQualifier.AT_LEAST


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"period_end": "2024-12"}, "period_end 2024-12 is before period_start 2025-01-20"),
        ({"period_start": None}, "a period_total claim needs a period: period_start missing"),
        (
            {"period_start": None, "period_end": None},
            "a period_total claim needs a period: period_start and period_end missing",
        ),
        (
            {"count_qualifier": "roughly"},
            "count_qualifier 'roughly' is not one of: exact, at_least, about",
        ),
        ({"count_qualifier": None}, "a period_total claim needs a count_qualifier"),
        ({"count": None}, "a period_total claim needs a count"),
        ({"date": "2025"}, "dated by period_start and period_end, not date"),
        ({"period_end": "2027-01"}, "period_end 2027-01-01 is in the future"),
        ({"period_end": "2025-13"}, "period_end: date '2025-13' does not exist"),
        ({"sender": None}, "a period_total claim needs both sender and receiver"),
    ],
)
def test_a_malformed_total_is_refused_with_one_line(changes: dict, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        total(**changes)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_period_belongs_to_totals_only() -> None:
    base = {"kind": "transfer", "sender": "US", "receiver": "SV", "count": 238}
    for extra in ({"period_start": "2025"}, {"count_qualifier": "exact"}):
        with pytest.raises(ValidationError, match="a transfer claim takes no"):
            Claim.from_dict({**base, **extra}, today=TODAY)


def test_claims_without_the_new_fields_keep_their_fingerprint() -> None:
    """Stored fingerprints are unique keys: the new fields must not change old claims' hash."""
    claim = Claim.from_dict(
        {"kind": "transfer", "sender": "US", "receiver": "SV", "count": 238, "date": "2025-03"},
        today=TODAY,
    )
    # The content fields as they were before period totals, hashed as they were then.
    before = ("kind", "sender", "receiver", "value", "count", "nationalities", "amount")
    before += ("currency", "facility", "date", "date_precision", "document_id")
    before += ("evidence_start", "evidence_end", "quote", "extractor", "supersedes")
    content = {name: claim.to_dict().get(name) for name in before}
    content["nationalities"] = []
    blob = json.dumps(content, sort_keys=True, ensure_ascii=False)
    assert claim.fingerprint() == hashlib.sha256(blob.encode("utf-8")).hexdigest()
    assert total().fingerprint() != total(count_qualifier="about").fingerprint()


def test_a_file_with_one_bad_total_loads_nothing_and_names_the_claim() -> None:
    data = {
        "documents": [{"id": "d1", "url": "https://example.org/a", "published": "2025-06-27"}],
        "claims": [
            {"document": "d1", **TOTAL, "review_state": "accepted"},
            {"document": "d1", **TOTAL, "period_end": "2024-01", "review_state": "accepted"},
            {"document": "d1", **TOTAL, "count_qualifier": "nearly"},
            {"document": "d1", **{k: v for k, v in TOTAL.items() if k != "period_end"}},
        ],
    }
    with pytest.raises(DatasetError) as caught:
        parse_dataset(data, "totals.yaml", today=TODAY)
    assert caught.value.problems == [
        "claim #2: period_end 2024-01 is before period_start 2025-01-20",
        "claim #3: count_qualifier 'nearly' is not one of: exact, at_least, about",
        "claim #4: a period_total claim needs a period: period_end missing",
    ]
    assert "nothing loaded" in str(caught.value)


def test_a_total_cannot_end_after_its_source_was_published() -> None:
    data = {
        "documents": [{"id": "d1", "url": "https://example.org/a", "published": "2025-06-01"}],
        "claims": [{"document": "d1", **TOTAL}],
    }
    with pytest.raises(DatasetError, match="period_end 2025-06-24 is after its document"):
        parse_dataset(data, "totals.yaml", today=TODAY)


def test_a_period_total_round_trips_through_the_store(store: Store) -> None:
    claim = total(period_end="2025-06", review_state="accepted", reviewer="ed")
    with store.write() as session:
        claim_repo.add_claim(session, claim)
    with store.read() as session:
        stored = claim_repo.get_claim(session, claim.id)
        listed = claim_repo.list_claims(
            session, claim_repo.ClaimFilter(kind=ClaimKind.PERIOD_TOTAL)
        )
    assert stored == claim
    assert stored.period_to is not None and stored.period_to.isoformat() == "2025-06"
    assert [c.id for c in listed] == [claim.id]


# -- migration 0008, on a store that already holds claims ------------------------------


def _legacy_store(url: str) -> Store:
    """A store at revision 0001 only (as made before 0008), holding a document and claims."""
    store = Store(url)
    with store.engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "0001")
    now = datetime(2025, 7, 1, tzinfo=UTC)
    with store.engine.begin() as connection:
        tables = MetaData()
        documents = Table("documents", tables, autoload_with=connection)
        claims = Table("claims", tables, autoload_with=connection)
        assert "period_start" not in claims.c
        connection.execute(
            insert(documents).values(
                id="d1", url="https://example.org/a", kind="news", created_at=now
            )
        )
        for claim in LEGACY:
            row = {
                name: getattr(claim, name)
                for name in ("id", "kind", "sender", "receiver", "value", "count", "date")
            }
            row["kind"] = claim.kind.value
            row["date_precision"] = claim.date_precision.value if claim.date_precision else None
            connection.execute(
                insert(claims).values(
                    **row,
                    nationalities=list(claim.nationalities),
                    document_id="d1",
                    review_state=claim.review_state.value,
                    fingerprint=claim.fingerprint(),
                    created_at=now,
                    version=1,
                )
            )
    return store


LEGACY = [
    Claim.from_dict(
        {
            "kind": "transfer",
            "sender": "US",
            "receiver": "SV",
            "count": 238,
            "date": "2025-03-16",
            "document_id": "d1",
            "review_state": "accepted",
        },
        today=TODAY,
    ),
    Claim.from_dict(
        {
            "kind": "arrangement_status",
            "sender": "US",
            "receiver": "XK",
            "value": "agreed",
            "date": "2025-06",
            "document_id": "d1",
        },
        today=TODAY,
    ),
]


def _check_migration(store: Store) -> None:
    assert store.needs_migration()
    store.migrate()
    assert not store.needs_migration()
    assert "0008" in store.current_revisions()
    columns = {c["name"] for c in inspect(store.engine).get_columns("claims")}
    assert {"count_qualifier", "period_start", "period_end", "period_end_precision"} <= columns
    with store.read() as session:
        kept = {c.id: c for c in claim_repo.list_claims(session)}
    assert set(kept) == {c.id for c in LEGACY}
    for before in LEGACY:
        after = kept[before.id]
        assert after.fingerprint() == before.fingerprint()
        assert (after.kind, after.count, after.when) == (before.kind, before.count, before.when)
        assert after.period_from is None and after.count_qualifier is None
    added = total(document_id="d1", review_state=ReviewState.ACCEPTED.value, reviewer="ed")
    with store.write() as session:
        claim_repo.add_claim(session, added)
    with store.read() as session:
        assert claim_repo.get_claim(session, added.id).count_qualifier is CountQualifier.EXACT
    store.dispose()


def test_migration_0008_keeps_sqlite_claims(tmp_path: Path) -> None:
    _check_migration(_legacy_store(str(tmp_path / "old.sqlite3")))


@pytest.mark.postgres
def test_migration_0008_keeps_postgres_claims(postgres_url: str) -> None:
    from tests.conftest import _reset_postgres

    _reset_postgres(postgres_url)
    _check_migration(_legacy_store(postgres_url))


# -- review: a transfer that is really a cumulative figure becomes a total --------------


def test_a_reviewer_turns_a_cumulative_transfer_into_a_period_total(store: Store) -> None:
    from thirdcountry.domain.projection import project
    from thirdcountry.review import decisions

    cumulative = Claim.from_dict(
        {"kind": "transfer", "sender": "US", "receiver": "MX", "count": 5728, "date": "2025"},
        today=TODAY,
    )
    with store.write() as session:
        claim_repo.add_claim(session, cumulative)
        fixed = decisions.correct(
            session,
            "ana",
            cumulative.id,
            {
                "kind": "period_total",
                "date": "",
                "count_qualifier": "exact",
                "period_start": "2025-01-20",
                "period_end": "2025-06",
            },
            version=1,
            note="a cumulative count, not a flight",
        )
    assert fixed.kind is ClaimKind.PERIOD_TOTAL and fixed.supersedes == cumulative.id
    assert fixed.period_to is not None and fixed.period_to.precision is DatePrecision.MONTH
    with store.read() as session:
        [mexico] = project(claim_repo.list_claims(session))
    assert mexico.transfers == [] and mexico.people_transferred == 0
    assert mexico.reported_total is not None and mexico.reported_total.count == 5728


def test_a_correction_with_a_period_ending_before_it_starts_is_refused(store: Store) -> None:
    from thirdcountry.review import decisions

    pending = total()
    with store.write() as session:
        claim_repo.add_claim(session, pending)
    refused = pytest.raises(ValidationError, match="period_end 2024 is before period_start")
    with refused, store.write() as session:
        decisions.correct(session, "ana", pending.id, {"period_end": "2024"}, version=1)
    with store.read() as session:
        assert claim_repo.get_claim(session, pending.id) == pending  # nothing half-written
