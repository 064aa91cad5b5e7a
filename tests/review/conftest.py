"""Fixtures for the review stage: cheap password hashing, users of every role, a store with
a document and pending claims, and web clients logged in as each role."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from argon2 import PasswordHasher, profiles
from fastapi.testclient import TestClient

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.documents import Document, validate_document
from thirdcountry.publish.web import create_app
from thirdcountry.review import accounts
from thirdcountry.review.permissions import Role
from thirdcountry.store import Store
from thirdcountry.store import claims as claim_repo
from thirdcountry.store import documents as document_repo

TODAY = date(2026, 11, 28)
PASSWORD = "a long enough password"
TEXT = (
    "Pristina, 12 June 2025. The government of Kosovo agreed to host up to 50 people "
    "deported from the United States for one year before they return to their countries. "
    "Officials in Washington said the first group could arrive in July."
)
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(autouse=True)
def cheap_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 with its cheapest parameters: the tests check logic, not hashing cost."""
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher.from_parameters(profiles.CHEAPEST))


def add_document(
    store: Store, text: str = TEXT, url: str = "https://news.example/kosovo"
) -> Document:
    doc = validate_document(
        Document(
            url=url,
            outlet="Example News",
            title="Kosovo to host deportees",
            text=text,
            published=date(2025, 6, 12),
            language="en",
        )
    )
    with store.write() as session:
        return document_repo.add_document(session, doc)


def add_claim(
    store: Store, doc: Document | None = None, quote: str | None = None, **fields: object
) -> Claim:
    base: dict[str, object] = {"kind": "capacity", "sender": "US", "receiver": "XK", "count": 50}
    base.update(fields)
    if doc is not None:
        base["document_id"] = doc.id
        if quote is not None and doc.text:
            start = doc.text.index(quote)
            base.update(quote=quote, evidence_start=start, evidence_end=start + len(quote))
    claim = Claim.from_dict(base, today=TODAY)
    with store.write() as session:
        return claim_repo.add_claim(session, claim)


def add_user(store: Store, name: str, role: Role | str) -> None:
    with store.write() as session:
        accounts.create_user(session, name, str(role), PASSWORD, "test")


def csrf_from(html: str) -> str:
    found = CSRF_FIELD.search(html)
    assert found, "the page carries no CSRF token"
    return found.group(1)


def login(client: TestClient, name: str, password: str = PASSWORD) -> None:
    token = csrf_from(client.get("/login").text)
    response = client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def csrf(client: TestClient, page: str = "/login") -> str:
    """A valid CSRF token for this client's current session."""
    return csrf_from(client.get(page).text)


@dataclass
class Seeded:
    store: Store
    doc: Document
    pending: Claim
    other: Claim


def seed(store: Store) -> Seeded:
    """A reviewer, a contributor and an admin (named after their roles), one document and
    two pending claims with their evidence in it."""
    for role in Role:
        add_user(store, role.value, role)
    doc = add_document(store)
    pending = add_claim(store, doc, quote="agreed to host up to 50 people")
    other = add_claim(
        store,
        doc,
        quote="The government of Kosovo agreed",
        kind="arrangement_status",
        value="agreed",
        count=None,
        date="2025-06",
    )
    return Seeded(store, doc, pending, other)


@pytest.fixture
def seeded(sqlite_store: Store) -> Seeded:
    return seed(sqlite_store)


@pytest.fixture
def client_for(seeded: Seeded) -> Iterator[Callable[[str | None], TestClient]]:
    """Make a web client logged in as a user (None: not logged in)."""
    app = create_app(seeded.store)
    made: list[TestClient] = []

    def make(name: str | None) -> TestClient:
        client = TestClient(app)
        client.__enter__()
        made.append(client)
        if name is not None:
            login(client, name)
        return client

    yield make
    for client in made:
        client.__exit__(None, None, None)
