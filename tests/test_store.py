"""The store on SQLite and on PostgreSQL: migrations, append-only claims, review, audit."""

from datetime import date

import pytest
from sqlalchemy import inspect, text, update

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.documents import Document, validate_document
from thirdcountry.domain.errors import BadInput, Conflict, NotFound
from thirdcountry.domain.vocabulary import ClaimKind, ReviewState
from thirdcountry.store import Store, audit
from thirdcountry.store import claims as claim_repo
from thirdcountry.store import documents as document_repo
from thirdcountry.store.tables import AuditRow, ClaimRow

TODAY = date(2026, 11, 28)


def add_doc(store: Store, url: str = "https://example.org/a") -> Document:
    doc = validate_document(Document(url=url, outlet="Example", published=date(2025, 6, 12)))
    with store.write() as session:
        return document_repo.add_document(session, doc)


def add_pending(store: Store, doc: Document, **fields: object) -> Claim:
    base = {"kind": "capacity", "sender": "US", "receiver": "XK", "count": 50}
    claim = Claim.from_dict({**base, **fields, "document_id": doc.id}, today=TODAY)
    with store.write() as session:
        return claim_repo.add_claim(session, claim)


def test_migrations_create_every_table_on_an_empty_database(store: Store) -> None:
    tables = set(inspect(store.engine).get_table_names())
    assert {"documents", "claims", "audit_log", "meta", "alembic_version"} <= tables
    assert not store.needs_migration()


def test_claims_round_trip_through_the_store(store: Store) -> None:
    doc = add_doc(store)
    claim = Claim.from_dict(
        {
            "kind": "compensation",
            "sender": "US",
            "receiver": "SV",
            "amount": 6000000,
            "currency": "USD",
            "date": "2025-03",
            "document_id": doc.id,
        },
        today=TODAY,
    )
    with store.write() as session:
        claim_repo.add_claim(session, claim)
    with store.read() as session:
        assert claim_repo.get_claim(session, claim.id) == claim


def test_a_claim_pointing_to_a_missing_document_is_refused(store: Store) -> None:
    claim = Claim.from_dict(
        {"kind": "capacity", "sender": "US", "receiver": "XK", "count": 5, "document_id": "nope"},
        today=TODAY,
    )
    with pytest.raises(BadInput, match="missing document 'nope'"), store.write() as session:
        claim_repo.add_claim(session, claim)


def test_review_records_the_decision_and_an_audit_entry(store: Store) -> None:
    claim = add_pending(store, add_doc(store))
    with store.write() as session:
        claim_repo.review_claim(session, claim.id, ReviewState.ACCEPTED, "ana", note="checked")
    with store.read() as session:
        stored = claim_repo.get_claim(session, claim.id)
        entries = audit.history(session, claim.id)
    assert (stored.review_state, stored.reviewer, stored.review_note) == (
        ReviewState.ACCEPTED,
        "ana",
        "checked",
    )
    assert [(e.actor, e.action, e.note) for e in entries] == [("ana", "accept", "checked")]
    assert entries[0].before["review_state"] == "pending"


def test_second_reviewer_is_told_who_decided_first(store: Store) -> None:
    claim = add_pending(store, add_doc(store))
    with store.read() as session:
        seen = claim_repo.claim_version(session, claim.id)
    with store.write() as session:
        claim_repo.review_claim(
            session, claim.id, ReviewState.ACCEPTED, "ana", expected_version=seen
        )
    with pytest.raises(Conflict, match="already accepted by ana at"), store.write() as session:
        claim_repo.review_claim(
            session, claim.id, ReviewState.REJECTED, "ben", expected_version=seen, allow_change=True
        )
    with store.read() as session:
        assert claim_repo.get_claim(session, claim.id).reviewer == "ana"


def test_correction_writes_a_new_claim_and_keeps_the_original(store: Store) -> None:
    claim = add_pending(store, add_doc(store), count=500)
    with store.write() as session:
        fixed = claim_repo.correct_claim(session, claim.id, {"count": 50}, "ana", note="typo")
    with store.read() as session:
        original = claim_repo.get_claim(session, claim.id)
        chain = claim_repo.superseding_chain(session, claim.id)
    assert original.count == 500 and original.review_state is ReviewState.PENDING
    assert fixed.supersedes == claim.id and fixed.count == 50
    assert [c.id for c in chain] == [claim.id, fixed.id]
    with pytest.raises(Conflict, match="already corrected"), store.write() as session:
        claim_repo.correct_claim(session, claim.id, {"count": 51}, "ben")


def test_a_failed_transaction_leaves_nothing_behind(store: Store) -> None:
    doc = add_doc(store)
    with pytest.raises(NotFound), store.write() as session:
        claim_repo.add_claim(
            session,
            Claim.from_dict(
                {
                    "kind": "capacity",
                    "sender": "US",
                    "receiver": "XK",
                    "count": 1,
                    "document_id": doc.id,
                },
                today=TODAY,
            ),
        )
        claim_repo.get_claim(session, "missing")
    with store.read() as session:
        assert claim_repo.list_claims(session) == []


def test_audit_chain_detects_edits_and_deletions(store: Store) -> None:
    doc = add_doc(store)
    for count in (1, 2, 3):
        claim = add_pending(store, doc, count=count)
        with store.write() as session:
            claim_repo.review_claim(session, claim.id, ReviewState.ACCEPTED, "ana")
    with store.read() as session:
        assert audit.verify_chain(session).ok
    with store.write() as session:
        session.execute(update(AuditRow).where(AuditRow.id == 2).values(note="edited"))
    with store.read() as session:
        assert audit.verify_chain(session).problems == ["entry 2 was changed after it was written"]


def test_deleting_the_newest_audit_entry_is_detected(store: Store) -> None:
    claim = add_pending(store, add_doc(store))
    with store.write() as session:
        claim_repo.review_claim(session, claim.id, ReviewState.REJECTED, "ana")
        session.execute(text("DELETE FROM audit_log"))
    with store.read() as session:
        report = audit.verify_chain(session)
    assert not report.ok and "newest entry" in report.problems[0]


def test_claim_content_is_never_updated_by_review(store: Store) -> None:
    claim = add_pending(store, add_doc(store))
    with store.read() as session:
        before = session.get(ClaimRow, claim.id).fingerprint
    with store.write() as session:
        claim_repo.review_claim(session, claim.id, ReviewState.ACCEPTED, "ana")
    with store.read() as session:
        assert claim_repo.get_claim(session, claim.id).fingerprint() == before


def test_list_claims_filters(store: Store) -> None:
    doc = add_doc(store)
    add_pending(store, doc)
    add_pending(store, doc, kind="role", value="detention", count=None, receiver="SV")
    with store.read() as session:
        assert len(claim_repo.list_claims(session, claim_repo.ClaimFilter(country="SV"))) == 1
        assert len(claim_repo.list_claims(session, claim_repo.ClaimFilter(country="US"))) == 2
        assert (
            len(claim_repo.list_claims(session, claim_repo.ClaimFilter(state=ReviewState.ACCEPTED)))
            == 0
        )


def test_pending_claims_are_added_in_bulk_skipping_repeats_and_invalid_ones(store: Store) -> None:
    doc = add_doc(store)
    base = {"kind": "capacity", "sender": "US", "receiver": "XK", "document_id": doc.id}
    fifty = Claim.from_dict({**base, "count": 50}, today=TODAY)
    again = Claim.from_dict({**base, "count": 50}, today=TODAY)  # same content, new id
    orphan = Claim.from_dict({**base, "count": 7, "document_id": "gone"}, today=TODAY)
    broken = Claim(kind=ClaimKind.CAPACITY, sender="US", receiver="ZZ", count=3)
    with store.write() as session:
        assert claim_repo.add_pending_claims(session, [fifty, again, orphan, broken]) == 1
    with store.write() as session:
        assert claim_repo.add_pending_claims(session, [again]) == 0
    with store.read() as session:
        assert [c.count for c in claim_repo.list_claims(session)] == [50]
