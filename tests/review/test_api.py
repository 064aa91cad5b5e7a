"""The scripted review API's answers: JSON results, and errors in the one JSON shape."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from thirdcountry.publish.web import create_app
from thirdcountry.store import Store

from .world import World, build_world


@pytest.fixture
def world(sqlite_store: Store) -> World:
    return build_world(sqlite_store)


@pytest.fixture
def api(world: World) -> Iterator[TestClient]:
    with TestClient(create_app(world.store)) as client:
        client.headers["Authorization"] = f"Bearer {world.tokens['reviewer']}"
        yield client


def test_the_queue_gives_versions_to_decide_with(world: World, api: TestClient) -> None:
    queue = api.get("/review/api/queue").json()
    first = queue["documents"][0]["claims"][0]
    assert first["claim"]["id"] == world.seeded.pending.id and first["version"] == 1
    assert [r["report"] for r in queue["reports"]] == [world.report_id]
    assert api.get("/review/api/queue?country=SZ").json()["pending_claims"] == 0


def test_a_stale_decision_is_a_409_naming_who_decided(world: World, api: TestClient) -> None:
    claim_id = world.seeded.pending.id
    assert api.post(f"/review/api/claims/{claim_id}/accept", json={"version": 1}).status_code == 200
    again = api.post(f"/review/api/claims/{claim_id}/reject", json={"version": 1, "note": "no"})
    assert again.status_code == 409
    error = again.json()["error"]
    assert error["code"] == "conflict"
    assert error["message"].startswith(f"claim {claim_id} was already accepted by reviewer at ")


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "message"),
    [
        ("POST", "/review/api/claims/nope/accept", None, 404, "no claim with id 'nope'"),
        ("POST", "/review/api/claims/{pending}/reject", {"version": 1}, 400, "needs a note"),
        ("POST", "/review/api/claims/{pending}/reject", {"note": 5}, 400, "body.note"),
        (
            "POST",
            "/review/api/claims/{pending}/correct",
            {"changes": {"id": "x"}},
            400,
            "cannot set",
        ),
        (
            "POST",
            "/review/api/claims",
            {"kind": "capacity", "receiver": "QQ"},
            400,
            "unknown country",
        ),
        ("GET", "/review/api/queue?country=QQ", None, 400, "unknown country code 'QQ'"),
    ],
)
def test_errors_are_json_in_one_shape(
    world: World, api: TestClient, method: str, path: str, body: object, status: int, message: str
) -> None:
    response = api.request(method, path.format(pending=world.seeded.pending.id), json=body)
    assert response.status_code == status
    assert response.json()["error"]["status"] == status
    assert message in response.json()["error"]["message"]


def test_a_correction_and_its_history(world: World, api: TestClient) -> None:
    claim_id = world.seeded.pending.id
    fixed = api.post(
        f"/review/api/claims/{claim_id}/correct",
        json={"changes": {"count": 40}, "version": 1, "note": "ministry figure"},
    )
    assert fixed.status_code == 201 and fixed.json()["claim"]["count"] == 40
    history = api.get(f"/review/api/claims/{claim_id}/history").json()
    assert [c["id"] for c in history["chain"]] == [claim_id, fixed.json()["claim"]["id"]]
    assert history["current"] == fixed.json()["claim"]["id"]
    assert [e["action"] for e in history["audit"]] == ["correct", "rejected"]


def test_bad_tokens_are_401(api: TestClient) -> None:
    for header in ("Bearer tc_nope", "Basic abc", ""):
        response = api.get("/review/api/me", headers={"Authorization": header})
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "badcredentials"
