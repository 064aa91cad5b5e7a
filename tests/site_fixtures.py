"""A store for the public site's tests: the bundled dataset plus hand-built claims that
exercise what the starter data lacks (a dispute, one flight reported twice, a syndicated
copy, a correction, a retraction, a pending and a rejected claim, a small island state)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi.testclient import TestClient

from thirdcountry.data import STARTER_DATASET
from thirdcountry.domain.claims import Claim
from thirdcountry.domain.documents import Document, validate_document
from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.publish.web import create_app
from thirdcountry.store import Store, open_store
from thirdcountry.store import claims as claim_repo
from thirdcountry.store import documents as document_repo
from thirdcountry.store.load import load_file

TODAY = date(2026, 11, 28)
PENDING_FACILITY = "Unreviewed Camp Zeta"
REJECTED_FACILITY = "Rejected Camp Omega"
RETRACTED_FACILITY = "Retracted Camp Sigma"


@dataclass(frozen=True, slots=True)
class Fixture:
    xk_capacity: str  # an accepted claim from the bundled data
    flight_a: str  # first report of a flight of 7 Venezuelans to Palau
    flight_b: str  # second report of the same flight, in a syndicated copy
    flight_c: str  # the same flight in an independent source
    corrected: str  # accepted, then corrected
    correction: str  # the version that stands
    retracted: str  # accepted, then rejected
    pending: str
    rejected: str
    denial: str  # Honduras denies the agreement with the United States


def _doc(session: Any, **fields: Any) -> Document:
    return document_repo.add_document(session, validate_document(Document(**fields)))


def _claim(session: Any, state: str = "accepted", **fields: Any) -> Claim:
    claim = Claim.from_dict({"review_state": state, **fields}, today=TODAY)
    return claim_repo.add_claim(session, claim, actor="test-loader")


def populate(store: Store) -> Fixture:
    load_file(store, STARTER_DATASET, today=TODAY)
    with store.write() as session:
        wire = _doc(
            session,
            url="https://wire.example/palau-flight",
            outlet="Wire Service",
            title="Seven people flown to Palau",
            published=date(2025, 9, 2),
            language="en",
            text="The United States flew seven Venezuelan men to Palau on 1 September.",
        )
        copy = _doc(
            session,
            url="https://reprint.example/palau",
            outlet="Reprint Daily",
            title="Seven people flown to Palau (wire)",
            published=date(2025, 9, 2),
            language="en",
            source_id=wire.id,
        )
        local = _doc(
            session,
            url="https://islandtimes.example/arrivals",
            outlet="Island Times",
            title="Arrivals from the United States",
            published=date(2025, 9, 3),
            language="en",
        )
        denial_doc = _doc(
            session,
            url="https://gob.example/comunicado",
            outlet="Gobierno de Honduras",
            title="Comunicado oficial",
            published=date(2025, 6, 14),
            language="es",
            kind="government",
        )
        pair = {"sender": "US", "receiver": "PW"}
        _claim(
            session,
            document_id=wire.id,
            kind="arrangement_status",
            value="implemented",
            date="2025-09-01",
            **pair,
        )
        flight_a = _claim(
            session,
            document_id=wire.id,
            kind="transfer",
            count=7,
            nationalities=["VE"],
            date="2025-09-01",
            evidence_start=0,
            evidence_end=67,
            **pair,
        )
        flight_b = _claim(
            session, document_id=copy.id, kind="transfer", count=7, date="2025-09-01", **pair
        )
        flight_c = _claim(
            session,
            document_id=local.id,
            kind="transfer",
            count=7,
            date="2025-09-02",
            quote="seven men arrived on a United States flight",
            **pair,
        )
        denial = _claim(
            session,
            document_id=denial_doc.id,
            kind="denial",
            sender="US",
            receiver="HN",
            value="receiver",
            date="2025-06-14",
            quote="no existe tal acuerdo",
        )
        corrected = _claim(session, document_id=local.id, kind="capacity", count=10, **pair)
        pending = _claim(
            session,
            "pending",
            document_id=local.id,
            kind="facility",
            receiver="PW",
            facility=PENDING_FACILITY,
        )
        rejected = _claim(
            session,
            "pending",
            document_id=local.id,
            kind="facility",
            receiver="PW",
            facility=REJECTED_FACILITY,
        )
        retracted = _claim(
            session,
            document_id=local.id,
            kind="facility",
            receiver="PW",
            facility=RETRACTED_FACILITY,
        )
    with store.write() as session:
        correction = claim_repo.correct_claim(
            session, corrected.id, {"count": 12}, "ana", note="the source says twelve"
        )
        claim_repo.review_claim(session, rejected.id, ReviewState.REJECTED, "ana")
        claim_repo.review_claim(
            session,
            retracted.id,
            ReviewState.REJECTED,
            "ben",
            note="no such facility",
            allow_change=True,
        )
    with store.read() as session:
        xk_capacity = next(
            c.id
            for c in claim_repo.list_claims(session)
            if c.receiver == "XK" and c.kind.value == "capacity"
        )
    return Fixture(
        xk_capacity=xk_capacity,
        flight_a=flight_a.id,
        flight_b=flight_b.id,
        flight_c=flight_c.id,
        corrected=corrected.id,
        correction=correction.id,
        retracted=retracted.id,
        pending=pending.id,
        rejected=rejected.id,
        denial=denial.id,
    )


@contextmanager
def served_site() -> Iterator[tuple[TestClient, Store, Fixture]]:
    """The web app over an in-memory store holding these claims, for a test module."""
    store = open_store("sqlite://")
    fixture = populate(store)
    with TestClient(create_app(store)) as client:
        yield client, store, fixture
    store.dispose()
