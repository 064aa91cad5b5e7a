"""Fuzzing the public API's query and path parameters with any text (NUL, lone surrogates,
huge values, unknown names): never a server error, and every error is the API's JSON
error with a one-line message. (Budget and property: ``tests/fuzzing.py``; the schema
conformance run is ``test_api_schemathesis.py``.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzzing import FUZZ, assert_one_line
from tests.publicdata import populate
from thirdcountry.publish.api.endpoints import router
from thirdcountry.publish.web import create_app
from thirdcountry.store import open_store

ROUTES = sorted(
    (route.path, sorted(p.alias for p in route.dependant.query_params))  # type: ignore[attr-defined]
    for route in router.routes
)
MODULE_CLIENT = settings(
    FUZZ, suppress_health_check=[*FUZZ.suppress_health_check, HealthCheck.function_scoped_fixture]
)
VALUES = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "0", "-1", "999999999999999999999", "true", "XK", "2025-02-30",
                     "arrangement_status", "\x00", "%00", "a" * 5000]),
)  # fmt: skip


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = open_store(str(Path(tmp_path_factory.mktemp("fuzz-api")) / "store.sqlite3"))
    populate(store)
    with TestClient(create_app(store), raise_server_exceptions=False) as running:
        yield running
    store.dispose()


def _encoded(value: str) -> str:
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


@st.composite
def requests(draw: st.DrawFn) -> str:
    path, names = draw(st.sampled_from(ROUTES))
    path = re.sub(r"\{[^}]+\}", lambda _m: _encoded(draw(VALUES)) or "x", path)
    chosen = draw(st.lists(st.one_of(st.sampled_from(names or ["q"]), st.text(max_size=8))))
    query = "&".join(f"{_encoded(name)}={_encoded(draw(VALUES))}" for name in chosen)
    return f"/api/v1{path}" + (f"?{query}" if query else "")


@MODULE_CLIENT
@given(requests())
def test_query_and_path_parameters(client: TestClient, target: str) -> None:
    response = client.get(target)
    assert response.status_code < 500, (target, response.text[:300])
    if response.status_code >= 400:
        message = response.json()["error"]["message"]
        assert_one_line(message)


def test_a_huge_path_value_gets_a_bounded_error(client: TestClient) -> None:
    # Found by test_query_and_path_parameters: the message quoted all 5,000 characters.
    response = client.get("/api/v1/countries/" + "a" * 5000)
    assert response.status_code == 400
    assert_one_line(response.json()["error"]["message"])
