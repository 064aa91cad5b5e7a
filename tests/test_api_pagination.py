"""Cursor pagination: complete, in order, stable when data arrives between two pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from tests.publicdata import TODAY, populate
from thirdcountry.domain.dataset import parse_dataset
from thirdcountry.domain.errors import BadInput
from thirdcountry.publish.api.pagination import decode_cursor, encode_cursor, paginate
from thirdcountry.publish.web import create_app
from thirdcountry.store import Store
from thirdcountry.store.load import load_dataset


@pytest.fixture
def client(sqlite_store: Store) -> Iterator[TestClient]:
    populate(sqlite_store)
    with TestClient(create_app(sqlite_store)) as test_client:
        yield test_client


def walk(client: TestClient, url: str) -> list[dict[str, Any]]:
    """Every item of a list, following next links; checks the Link header on the way."""
    found: list[dict[str, Any]] = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.text
        page = response.json()
        found += page["items"]
        assert len(page["items"]) <= page["limit"]
        if page["next"]:
            assert response.headers["link"] == f'<{page["next"]}>; rel="next"'
        else:
            assert "link" not in response.headers and page["next_cursor"] is None
        url = page["next"]
    return found


@pytest.mark.parametrize(
    "endpoint", ["countries", "arrangements", "claims", "documents", "transfers", "facilities"]
)
def test_pages_of_one_item_add_up_to_the_whole_list(client: TestClient, endpoint: str) -> None:
    whole = client.get(f"/api/v1/{endpoint}?limit=500").json()
    assert whole["next"] is None
    paged = walk(client, f"/api/v1/{endpoint}?limit=1")
    assert paged == whole["items"] and len(paged) == whole["total"]


def test_next_links_keep_the_filters(client: TestClient) -> None:
    first = client.get("/api/v1/claims?receiver=SV&limit=3").json()
    assert "receiver=SV" in first["next"] and first["total"] == 8
    assert all(c["receiver"] == "SV" for c in walk(client, "/api/v1/claims?receiver=SV&limit=3"))


def test_a_cursor_survives_new_data(client: TestClient, sqlite_store: Store) -> None:
    first = client.get("/api/v1/claims?limit=5").json()
    seen = [c["id"] for c in first["items"]]
    added = {
        "documents": [{"id": "late", "url": "https://late.example.org/", "published": "2025-09"}],
        "claims": [
            {"document": "late", "kind": "arrangement_status", "sender": "IT",
             "receiver": "AL", "value": "implemented", "date": "2025-09",
             "review_state": "accepted"},
        ],
    }  # fmt: skip
    load_dataset(sqlite_store, parse_dataset(added, "late", today=TODAY))
    rest = [c["id"] for c in walk(client, first["next"])]
    assert not set(seen) & set(rest)
    assert (
        len(seen) + len(rest) == first["total"] + 1
    )  # the new claim comes last (ids sort by time)
    assert rest == sorted(rest) and rest[0] > seen[-1]


def test_a_cursor_of_another_list_is_refused(client: TestClient) -> None:
    cursor = client.get("/api/v1/arrangements?limit=1").json()["next_cursor"]
    response = client.get(f"/api/v1/claims?cursor={cursor}")
    assert response.status_code == 400 and "cursor" in response.json()["error"]["message"]


@pytest.mark.parametrize("cursor", ["", "c1.", "c1.!!!", "c1.e30", "c1.WzFd", "x1.WyJhIl0"])
def test_malformed_cursors_are_bad_input(cursor: str) -> None:
    with pytest.raises(BadInput):
        decode_cursor(cursor, 1)


@given(st.lists(st.text(max_size=30), min_size=1, max_size=3))
def test_cursors_round_trip(key: list[str]) -> None:
    assert decode_cursor(encode_cursor(tuple(key)), len(key)) == tuple(key)


@given(st.lists(st.text(alphabet="abcdef", min_size=1, max_size=4), unique=True), st.integers(1, 5))
def test_paginate_visits_every_item_once(values: list[str], limit: int) -> None:
    items = sorted(values)
    seen: list[str] = []
    cursor = None
    while True:
        page = paginate(items, lambda v: (v,), 1, limit=limit, cursor=cursor)
        seen += page.items
        assert page.total == len(items)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == items
