"""Every role × action, on the web pages and on the scripted API, from the one matrix."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from thirdcountry.publish.web import create_app
from thirdcountry.review.permissions import MATRIX, Action, Role, permissions_markdown
from thirdcountry.store import Store

from .conftest import csrf, login
from .world import API_CALLS, WEB_CALLS, Call, World, build_world, fill

DOCS = Path(__file__).resolve().parents[2] / "docs" / "review.md"
ROLES: list[Role | None] = [None, *Role]
COMBINATIONS = [
    pytest.param(action, role, id=f"{action.value}-{role.value if role else 'anonymous'}")
    for action in Action
    for role in ROLES
]
# Pages open to everyone, or only about logging in: not actions of the matrix.
UNGUARDED = {("GET", "/login"), ("POST", "/login"), ("POST", "/logout")}


@pytest.fixture
def world(sqlite_store: Store) -> World:
    return build_world(sqlite_store)


@pytest.fixture
def client(world: World) -> Iterator[TestClient]:
    with TestClient(create_app(world.store)) as test_client:
        yield test_client


def _web(client: TestClient, call: Call, world: World) -> int:
    data = fill(call.data, world.ids())
    if call.method == "GET":
        response = client.get(fill(call.path, world.ids()), follow_redirects=False)
    else:
        form = {**(data or {}), "csrf_token": csrf(client)}
        response = client.post(fill(call.path, world.ids()), data=form, follow_redirects=False)
    return response.status_code


@pytest.mark.parametrize(("action", "role"), COMBINATIONS)
def test_web_pages_follow_the_matrix(
    action: Action, role: Role | None, world: World, client: TestClient
) -> None:
    if role is not None:
        login(client, role.value)
    for call in WEB_CALLS[action]:
        response_status = _web(client, call, world)
        where = f"{call.method} {call.path}"
        if role is None:
            assert response_status == 303, where
        elif role in MATRIX[action]:
            assert response_status in (200, 303), where
        else:
            assert response_status == 403, where


def test_anonymous_visitors_are_sent_to_login_and_back(client: TestClient) -> None:
    response = client.get("/review?country=XK", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2Freview%3Fcountry%3DXK"


@pytest.mark.parametrize(("action", "role"), COMBINATIONS)
def test_the_scripted_api_follows_the_matrix(
    action: Action, role: Role | None, world: World, client: TestClient
) -> None:
    headers = {"Authorization": f"Bearer {world.tokens[role.value]}"} if role else {}
    for call in API_CALLS[action]:
        response = client.request(
            call.method,
            fill(call.path, world.ids()),
            json=fill(call.data, world.ids()),
            headers=headers,
        )
        where = f"{call.method} {call.path}"
        if role is None:
            assert response.status_code == 401, where
            assert response.headers["www-authenticate"] == "Bearer"
        elif role in MATRIX[action]:
            assert response.status_code in (200, 201), f"{where}: {response.text}"
        else:
            assert response.status_code == 403, where
            assert response.json()["error"]["code"] == "forbidden"


def _flatten(routes: list[Any]) -> Iterator[APIRoute]:
    for route in routes:
        # Newer FastAPI keeps included routers whole instead of copying their routes.
        included = getattr(route, "original_router", None)
        if included is not None:
            yield from _flatten(included.routes)
        elif isinstance(route, APIRoute):
            yield route


def _routes(prefixes: tuple[str, ...]) -> set[tuple[str, str]]:
    found = set()
    for route in _flatten(create_app("sqlite://").routes):
        if route.path.startswith(prefixes):
            found |= {(method, route.path) for method in route.methods}
    assert found, f"no routes under {prefixes}"
    return found


def _called(calls: dict[Action, list[Call]]) -> set[tuple[str, str]]:
    ids = {
        "pending": "{claim_id}",
        "other": "{claim_id}",
        "doc": "{document_id}",
        "key": "{conflict_key}",
        "report": "{report_id}",
    }
    out = set()
    for action_calls in calls.values():
        for call in action_calls:
            path = (
                call.path.format(**ids)
                .replace("/contributor", "/{name}")
                .replace("/1/", "/{token_id}/")
            )
            out.add((call.method, path))
    return out


def test_every_review_page_and_endpoint_is_in_the_matrix_tests() -> None:
    pages = _routes(("/review", "/admin", "/contribute", "/login", "/logout"))
    pages -= _routes(("/review/api",))
    assert pages - UNGUARDED <= _called(WEB_CALLS), "a page no matrix test reaches"
    assert _routes(("/review/api",)) - {("GET", "/review/api/me")} <= _called(API_CALLS)


def test_the_docs_show_the_matrix() -> None:
    assert permissions_markdown() in DOCS.read_text(encoding="utf-8"), "update docs/review.md"


def test_every_api_endpoint_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = [f"{m} {p}" for m, p in sorted(_routes(("/review/api",))) if f"`{m} {p}`" not in text]
    assert not missing, f"docs/review.md lacks: {missing}"


def test_the_token_owner_can_ask_who_they_are(world: World, client: TestClient) -> None:
    response = client.get(
        "/review/api/me", headers={"Authorization": f"Bearer {world.tokens['reviewer']}"}
    )
    assert response.json()["role"] == "reviewer"
    assert (
        "accept" in response.json()["actions"] and "manage_users" not in response.json()["actions"]
    )
