"""The bundled starter dataset holds every `must` claim a careful reader finds in the seed."""

from datetime import date
from typing import Any

import yaml

from tests.conftest import shared_path
from thirdcountry.data import STARTER_DATASET
from thirdcountry.domain.dataset import parse_dataset
from thirdcountry.domain.dates import PartialDate

KEYS = ("kind", "sender", "receiver", "count", "facility")


def _matches(expected: dict[str, Any], claim: dict[str, Any]) -> bool:
    for key in KEYS:
        if key in expected and expected[key] != claim.get(key):
            return False
    if "value" in expected:
        allowed = expected["value"] if isinstance(expected["value"], list) else [expected["value"]]
        if claim.get("value") not in allowed:
            return False
    if "date" in expected:
        want = PartialDate.parse(str(expected["date"]))
        return claim.get("date") is not None and PartialDate.parse(claim["date"]) == want
    return True


def test_starter_dataset_covers_the_seeds_must_claims() -> None:
    expected = yaml.safe_load(shared_path("seed", "expected-claims.yaml").read_text())
    bundled = parse_dataset(
        yaml.safe_load(STARTER_DATASET.read_text()), "starter", today=date(2026, 11, 28)
    )
    claims = [c.claim.to_dict() for c in bundled.claims]
    missing = [
        e for e in expected["claims"] if e["must"] and not any(_matches(e, c) for c in claims)
    ]
    assert not missing
    for forbidden in expected["must_not"]:
        assert not any(_matches(forbidden, c) for c in claims), forbidden
