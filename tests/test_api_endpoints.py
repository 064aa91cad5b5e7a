"""The JSON API: every endpoint and filter, and that only accepted claims ever show."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.publicdata import PRIVATE_COUNTRIES, populate
from thirdcountry.publish.web import create_app
from thirdcountry.store import Store, open_store

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, str]]]:
    # Read-only tests share one store: loading it is most of their cost.
    store = open_store(str(tmp_path_factory.mktemp("api") / "store.sqlite3"))
    yield store, populate(store)
    store.dispose()


@pytest.fixture
def ids(populated: tuple[Store, dict[str, str]]) -> dict[str, str]:
    return populated[1]


@pytest.fixture
def client(populated: tuple[Store, dict[str, str]]) -> Iterator[TestClient]:
    with TestClient(create_app(populated[0])) as test_client:
        yield test_client


def get(client: TestClient, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def items(client: TestClient, url: str) -> list[dict[str, Any]]:
    return get(client, url)["items"]  # type: ignore[no-any-return]


def test_index_names_the_dataset_counts_and_endpoints(client: TestClient) -> None:
    index = get(client, "/api/v1/")
    assert index["dataset"]["license"] == "CC-BY-4.0"
    assert index["counts"] == {
        "countries": 7,
        "arrangements": 5,
        "arrangements_with_status": 5,
        "claims": 17,
        "documents": 4,
        "transfers": 3,
        "facilities": 2,
    }
    for url in index["endpoints"].values():
        assert client.get(url).status_code == 200, url


def test_countries_lists_participants_with_headline_figures(client: TestClient) -> None:
    found = {c["code"]: c for c in items(client, "/api/v1/countries")}
    assert set(found) == {"CR", "GB", "HN", "RW", "SV", "US", "XK"}
    assert found["SV"]["people_received"] == 238
    assert found["SV"]["name"] == {"en": "El Salvador", "es": "El Salvador"}
    assert found["US"]["role"] == "sender" and found["US"]["people_sent"] == 438
    assert found["HN"]["disputed"] is True


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("role=sender", {"GB", "US"}),
        ("role=receiver", {"CR", "HN", "RW", "SV", "XK"}),
        ("role=both", set()),
        ("status=implemented", {"CR"}),
    ],
)
def test_country_filters(client: TestClient, query: str, expected: set[str]) -> None:
    assert {c["code"] for c in items(client, f"/api/v1/countries?{query}")} == expected


def test_country_detail_has_arrangements_and_facilities(client: TestClient) -> None:
    sv = get(client, "/api/v1/countries/SV")
    assert [a["sender"] for a in sv["arrangements"]] == ["US"]
    assert [f["id"] for f in sv["facilities"]] == ["SV-cecot"]
    us = get(client, "/api/v1/countries/US")
    assert {a["receiver"] for a in us["arrangements"]} == {"CR", "HN", "SV", "XK"}


def test_a_real_country_without_arrangements_is_empty_not_missing(client: TestClient) -> None:
    fr = get(client, "/api/v1/countries/FR")
    assert fr["arrangements"] == [] and fr["status"] is None


def test_arrangements_are_projected_from_public_claims(client: TestClient) -> None:
    found = {(a["sender"], a["receiver"]): a for a in items(client, "/api/v1/arrangements")}
    assert set(found) == {("GB", "RW"), ("US", "CR"), ("US", "HN"), ("US", "SV"), ("US", "XK")}
    sv = found[("US", "SV")]
    assert sv["people_transferred"] == 238 and sv["transfer_count"] == 1
    assert sv["compensation"] == {"amount": 6000000.5, "currency": "USD"}
    assert "claims" not in sv  # the ids are in the detail
    assert found[("US", "XK")]["capacity"] == 75  # the correction, not the original
    assert found[("US", "HN")]["disputed"] is True


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sender=GB", {"GB-RW"}),
        ("receiver=SV", {"US-SV"}),
        ("country=RW", {"GB-RW"}),
        ("status=agreed", {"US-HN", "US-SV", "US-XK"}),
        ("disputed=true", {"US-HN"}),
        ("disputed=false&sender=US&status=implemented", {"US-CR"}),
    ],
)
def test_arrangement_filters(client: TestClient, query: str, expected: set[str]) -> None:
    found = items(client, f"/api/v1/arrangements?{query}")
    assert {f"{a['sender']}-{a['receiver']}" for a in found} == expected


def test_arrangement_detail_and_missing_pair(client: TestClient) -> None:
    cr = get(client, "/api/v1/arrangements/US/CR")
    assert cr["status"] == "implemented" and cr["onward_transfers"][0]["receiver"] == "CN"
    assert len(cr["claims"]) == cr["claim_count"] == 3
    sv = get(client, "/api/v1/arrangements/US/SV")
    assert len(sv["transfers"]) == 1 and sv["transfers"][0]["sources"] == 2  # wire + copy: one
    assert sv["transfers"][0]["id"] == min(sv["transfers"][0]["claims"])
    error = get(client, "/api/v1/arrangements/US/FR", 404)["error"]
    assert error["status"] == 404 and "US to FR" in error["message"]


def test_claims_use_the_contract_form_and_omit_unset_fields(client: TestClient) -> None:
    claims = items(client, "/api/v1/claims?kind=compensation")
    assert len(claims) == 1
    assert set(claims[0]) <= {
        "id",
        "kind",
        "sender",
        "receiver",
        "amount",
        "currency",
        "document_id",
        "review_state",
        "reviewer",
        "reviewed_at",
    }
    assert claims[0]["amount"] == 6000000.5 and "value" not in claims[0]


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("kind=transfer", 4),
        ("kind=onward_transfer", 1),
        ("sender=US", 13),
        ("receiver=SV", 8),
        ("country=CR", 3),
        ("date_from=2025-03&date_to=2025-03", 4),
        ("date_from=2025-06-26", 4),
        ("date_to=2024", 1),
        ("date_from=2025-03-16&date_to=2025-03-16&kind=transfer", 2),
    ],
)
def test_claim_filters(client: TestClient, query: str, count: int) -> None:
    assert len(items(client, f"/api/v1/claims?{query}")) == count


def test_claims_filter_by_document(client: TestClient) -> None:
    documents = {d["title"]: d for d in items(client, "/api/v1/documents")}
    gov = documents["Comunicado oficial"]
    found = items(client, f"/api/v1/claims?document={gov['id']}")
    assert len(found) == gov["claims"] == 2
    assert all(c["document_id"] == gov["id"] for c in found)


def test_pending_and_rejected_claims_never_appear(client: TestClient, ids: dict[str, str]) -> None:
    every = json.dumps(
        [
            get(client, "/api/v1/claims?limit=500"),
            get(client, "/api/v1/arrangements"),
            get(client, "/api/v1/countries"),
            get(client, "/api/v1/documents"),
        ]
    )
    for hidden in (ids["pending"], ids["rejected"]):
        assert hidden not in every
        assert get(client, f"/api/v1/claims/{hidden}", 404)["error"]["code"] == "notfound"
    for code in PRIVATE_COUNTRIES:
        assert f'"{code}"' not in every
    assert "Talks rumoured" not in every  # a source only a pending claim cites


def test_an_accepted_review_shows_up(client: TestClient, ids: dict[str, str]) -> None:
    claim = get(client, f"/api/v1/claims/{ids['reviewed']}")
    assert claim["review_state"] == "accepted" and claim["reviewer"] == "tester"


def test_superseded_claims_only_with_history(client: TestClient, ids: dict[str, str]) -> None:
    old, new = ids["superseded"], ids["correction"]
    assert old not in {c["id"] for c in items(client, "/api/v1/claims?limit=500")}
    error = get(client, f"/api/v1/claims/{old}", 404)["error"]
    assert new in error["message"] and "history=true" in error["message"]
    history = {c["id"]: c for c in items(client, "/api/v1/claims?history=true&limit=500")}
    assert history[old]["superseded_by"] == new and history[old]["count"] == 50
    assert get(client, f"/api/v1/claims/{old}?history=true")["superseded_by"] == new
    assert get(client, f"/api/v1/claims/{new}")["supersedes"] == old


def test_documents_are_metadata_without_text(client: TestClient) -> None:
    documents = items(client, "/api/v1/documents")
    assert len(documents) == 4 and all("text" not in d for d in documents)
    copy = next(d for d in documents if d["outlet"] == "Example Mirror")
    original = get(client, f"/api/v1/documents/{copy['source_id']}")
    assert original["outlet"] == "Example Wire" and len(original["claim_ids"]) == original["claims"]


@pytest.mark.parametrize(
    ("query", "outlets"),
    [("kind=government", {"Ministerio"}), ("language=es", {"Ministerio"}), ("kind=court", set())],
)
def test_document_filters(client: TestClient, query: str, outlets: set[str]) -> None:
    assert {d["outlet"] for d in items(client, f"/api/v1/documents?{query}")} == outlets


def test_unknown_document_is_404(client: TestClient) -> None:
    assert get(client, "/api/v1/documents/nope", 404)["error"]["status"] == 404


@pytest.mark.parametrize(
    ("query", "receivers"),
    [
        ("", ["CR", "SV", "CN"]),  # by date
        ("kind=onward_transfer", ["CN"]),
        ("sender=US", ["CR", "SV"]),
        ("receiver=SV", ["SV"]),
        ("country=CR", ["CR", "CN"]),
        ("date_from=2025-03", ["SV", "CN"]),
        ("date_to=2025-02-28", ["CR"]),
    ],
)
def test_transfers_and_filters(client: TestClient, query: str, receivers: list[str]) -> None:
    assert [t["receiver"] for t in items(client, f"/api/v1/transfers?{query}")] == receivers


def test_transfer_detail_merges_reports_of_one_flight(client: TestClient) -> None:
    sv = items(client, "/api/v1/transfers?receiver=SV")[0]
    detail = get(client, f"/api/v1/transfers/{sv['id']}")
    assert detail["count"] == 238 and len(detail["claims"]) == 3
    assert get(client, "/api/v1/transfers/none", 404)["error"]["code"] == "notfound"


def test_facilities_and_filters(client: TestClient) -> None:
    assert [f["id"] for f in items(client, "/api/v1/facilities")] == ["CR-catem", "SV-cecot"]
    assert [f["id"] for f in items(client, "/api/v1/facilities?country=SV")] == ["SV-cecot"]
    cecot = get(client, "/api/v1/facilities/SV-cecot")
    assert cecot["concerns"] == ["abuse"] and cecot["people_transferred"] == 238
    assert get(client, "/api/v1/facilities/XX-none", 404)["error"]["status"] == 404


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/claims?kind=rumour",
        "/api/v1/claims?sender=us",
        "/api/v1/claims?date_from=2025-13",
        "/api/v1/claims?date_from=2025-05&date_to=2025-01",
        "/api/v1/claims?limit=0",
        "/api/v1/claims?limit=501",
        "/api/v1/claims?cursor=garbage",
        "/api/v1/arrangements?disputed=perhaps",
        "/api/v1/countries/QQ",
        "/api/v1/documents?language=English",
    ],
)
def test_bad_parameters_are_400_with_one_error_shape(client: TestClient, url: str) -> None:
    error = get(client, url, 400)["error"]
    assert error["status"] == 400 and error["code"] == "badinput" and error["message"]
    assert len(error["message"]) < 300


def test_openapi_document_and_docs_page(client: TestClient) -> None:
    document = get(client, "/api/v1/openapi.json")
    assert document["openapi"].startswith("3.1")
    assert document["servers"] == [{"url": "/api/v1"}]
    for operations in document["paths"].values():
        responses = operations["get"]["responses"]
        assert "422" not in responses and {"200", "304", "400", "404"} <= set(responses)
    page = client.get("/api/v1/docs")
    assert page.status_code == 200 and "openapi.json" in page.text


def test_writes_are_refused(client: TestClient) -> None:
    response = client.post("/api/v1/claims", json={})
    assert response.status_code == 405 and response.json()["error"]["status"] == 405


def test_every_api_route_is_documented(client: TestClient) -> None:
    text = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    paths = get(client, "/api/v1/openapi.json")["paths"]
    missing = [p for p in paths if f"/api/v1{p.rstrip('/')}" not in text]
    assert not missing, f"docs/api.md lacks {missing}"
    params = {
        param["name"]
        for operations in paths.values()
        for param in operations["get"].get("parameters", [])
        if param["in"] == "query"
    }
    assert not [p for p in params if not re.search(rf"`{p}`", text)]
