"""A small store with every case the public outputs must handle, for the API, export and
static-site tests: syndicated copies, one flight reported three times, a dispute, an
onward transfer, money, a correction, a pending claim and a rejected one.

The facts are invented for the tests (countries and places are real names).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from thirdcountry.domain.dataset import parse_dataset
from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.store import Store
from thirdcountry.store import claims as claim_repo
from thirdcountry.store.load import load_dataset
from thirdcountry.store.tables import ClaimRow

TODAY = date(2026, 11, 28)

DATASET: dict[str, Any] = {
    "dataset": {"name": "tests", "version": "2026.11.01", "license": "CC-BY-4.0"},
    "documents": [
        {
            "id": "wire",
            "url": "https://news.example.org/flights",
            "outlet": "Example Wire",
            "title": "Deportation flights land",
            "published": "2025-03-20",
            "language": "en",
        },
        {
            "id": "copy",
            "url": "https://mirror.example.net/flights",
            "outlet": "Example Mirror",
            "title": "Deportation flights land",
            "published": "2025-03-21",
            "language": "en",
            "copy_of": "wire",
        },
        {
            "id": "gov",
            "url": "https://gob.example/comunicado",
            "outlet": "Ministerio",
            "title": "Comunicado oficial",
            "published": "2025-04-02",
            "language": "es",
            "kind": "government",
        },
        {
            "id": "ngo",
            "url": "https://ngo.example.org/report",
            "outlet": "Watch Example",
            "title": "Report on transfers",
            "published": "2025-07-15",
            "language": "en",
            "kind": "ngo",
        },
        {
            "id": "unreviewed",
            "url": "https://news.example.org/rumour",
            "outlet": "Example Wire",
            "title": "Talks rumoured",
            "published": "2025-08-01",
            "language": "en",
        },
    ],
    "claims": [
        {"document": "wire", "kind": "arrangement_status", "sender": "US", "receiver": "SV",
         "value": "agreed", "date": "2025-03", "review_state": "accepted"},
        {"document": "wire", "kind": "transfer", "sender": "US", "receiver": "SV", "count": 238,
         "nationalities": ["VE"], "facility": "CECOT", "date": "2025-03-16",
         "review_state": "accepted", "quote": "238 men were flown to CECOT"},
        {"document": "copy", "kind": "transfer", "sender": "US", "receiver": "SV", "count": 238,
         "facility": "CECOT", "date": "2025-03-16", "review_state": "accepted"},
        {"document": "gov", "kind": "transfer", "sender": "US", "receiver": "SV", "count": 238,
         "facility": "Cecot", "date": "2025-03-15", "review_state": "accepted"},
        {"document": "gov", "kind": "compensation", "sender": "US", "receiver": "SV",
         "amount": 6000000.5, "currency": "USD", "review_state": "accepted"},
        {"document": "wire", "kind": "role", "sender": "US", "receiver": "SV",
         "value": "detention", "review_state": "accepted"},
        {"document": "ngo", "kind": "facility", "receiver": "SV", "facility": "CECOT",
         "review_state": "accepted"},
        {"document": "ngo", "kind": "concern", "receiver": "SV", "value": "abuse",
         "facility": "CECOT", "review_state": "accepted",
         "quote": "detainees said \u201cwe were beaten\u201d <in> cells & \x0bcorridors"},
        {"document": "ngo", "kind": "arrangement_status", "sender": "US", "receiver": "CR",
         "value": "implemented", "date": "2025-02", "review_state": "accepted"},
        {"document": "ngo", "kind": "transfer", "sender": "US", "receiver": "CR", "count": 200,
         "nationalities": ["CN", "IN"], "facility": "CATEM", "date": "2025-02-20",
         "review_state": "accepted"},
        {"document": "ngo", "kind": "onward_transfer", "sender": "CR", "receiver": "CN",
         "count": 10, "date": "2025-05", "review_state": "accepted"},
        {"document": "ngo", "kind": "arrangement_status", "sender": "US", "receiver": "HN",
         "value": "agreed", "date": "2025-06-26", "review_state": "accepted"},
        {"document": "ngo", "kind": "denial", "sender": "US", "receiver": "HN",
         "value": "receiver", "date": "2025-06-27", "review_state": "accepted"},
        {"document": "ngo", "kind": "arrangement_status", "sender": "GB", "receiver": "RW",
         "value": "ended", "date": "2024-07", "review_state": "accepted"},
        {"document": "ngo", "kind": "arrangement_status", "sender": "US", "receiver": "XK",
         "value": "agreed", "date": "2025-06", "review_state": "accepted"},
        {"document": "ngo", "kind": "capacity", "sender": "US", "receiver": "XK", "count": 50,
         "date": "2025-06", "review_state": "accepted"},
        {"document": "unreviewed", "kind": "arrangement_status", "sender": "US",
         "receiver": "PA", "value": "negotiating", "date": "2025-07"},
        {"document": "ngo", "kind": "arrangement_status", "sender": "US", "receiver": "LY",
         "value": "agreed", "date": "2025-05", "review_state": "rejected"},
        {"document": "ngo", "kind": "role", "sender": "US", "receiver": "XK",
         "value": "temporary_stay_then_return"},
    ],
}  # fmt: skip

PUBLIC_RECEIVERS = {"SV", "CR", "HN", "RW", "XK", "CN"}
PRIVATE_COUNTRIES = {"PA", "LY"}


def populate(store: Store) -> dict[str, str]:
    """Load the dataset, accept one pending claim, correct another; name the key claims."""
    load_dataset(store, parse_dataset(DATASET, "tests", today=TODAY))
    with store.write() as session:
        rows = list(session.scalars(select(ClaimRow)))
        by = {(r.kind, r.receiver, r.review_state, r.value or r.count): r.id for r in rows}
        capacity = by[("capacity", "XK", "accepted", 50)]
        corrected = claim_repo.correct_claim(
            session, capacity, {"count": 75}, "tester", note="the agreement says 75"
        )
        role = by[("role", "XK", "pending", "temporary_stay_then_return")]
        claim_repo.review_claim(session, role, ReviewState.ACCEPTED, "tester")
    return {
        "superseded": capacity,
        "correction": corrected.id,
        "reviewed": role,
        "pending": by[("arrangement_status", "PA", "pending", "negotiating")],
        "rejected": by[("arrangement_status", "LY", "rejected", "agreed")],
    }
