"""A bounded schemathesis run against the OpenAPI document, in-process through ASGI:
no server errors, and every response (errors included) matches its documented schema.

Excluded: ``positive_data_acceptance``, which expects every schema-valid request to
succeed. Some inputs are valid in form and still refused with a 400 that names the reason
(a forged cursor, date_from after date_to, 2025-02-30); a schema cannot say so.

Each operation gets a few dozen generated requests, valid ones and invalid ones; the whole
run takes seconds. (The pytest plugin of schemathesis is not used: its lazy fixtures do
not run under this pytest version; the strategies it builds on are used directly.)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import positive_data_acceptance
from schemathesis.schemas import BaseSchema

from tests.publicdata import populate
from thirdcountry.publish.api.endpoints import router
from thirdcountry.publish.web import create_app
from thirdcountry.store import Store, open_store

OPERATIONS = sorted(route.path for route in router.routes)  # type: ignore[attr-defined]
EXAMPLES = {GenerationMode.POSITIVE: 30, GenerationMode.NEGATIVE: 15}
# Invalid requests need a parameter to break: the index has none.
CASES = [
    (route.path, mode)  # type: ignore[attr-defined]
    for route in router.routes
    for mode in EXAMPLES
    if mode is GenerationMode.POSITIVE
    or route.dependant.query_params
    or route.dependant.path_params  # type: ignore[attr-defined]
]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BaseSchema]:
    store: Store = open_store(str(Path(tmp_path_factory.mktemp("fuzz")) / "store.sqlite3"))
    populate(store)
    yield schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(store))
    store.dispose()


def test_every_endpoint_is_fuzzed(api_schema: BaseSchema) -> None:
    documented = {op.ok().path for op in api_schema.get_all_operations()}
    assert documented == set(OPERATIONS)


@pytest.mark.parametrize(("path", "mode"), CASES, ids=[f"{p}-{m.value}" for p, m in CASES])
def test_operation_conforms(api_schema: BaseSchema, path: str, mode: GenerationMode) -> None:
    operation = api_schema[path]["GET"]

    @settings(
        max_examples=EXAMPLES[mode],
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def fuzz(case: schemathesis.Case) -> None:
        case.call_and_validate(excluded_checks=[positive_data_acceptance])

    fuzz()
