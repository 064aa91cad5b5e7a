"""The converter turns a curated cumulative figure into a ``period_total`` (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_dataset_converter import LATE, WIRE, arrangement, build, claims_of, fact
from thirdcountry.domain.dataset import DatasetError

CUMULATIVE = fact("transfer", "5,728 (cumulative)", date="2025-07-10", count=5728)
AS_TOTAL = {
    "kind": "period_total",
    "count_qualifier": "exact",
    "period_start": "2025-01-20",
    "period_end": "2025-07-10",
    "date": None,
}


def curation(**overlay: object) -> dict[str, object]:
    rule = {"arrangement": "US-MX", "kind": "transfer", "value": "5,728 (cumulative)"}
    return {"facts": [{"match": rule, "as": {**AS_TOTAL, **overlay}}]}


def test_a_curated_cumulative_figure_becomes_an_accepted_period_total(tmp_path: Path) -> None:
    flight = fact("transfer", "a flight", date="2025-03-01", count=100)
    reference = [arrangement("MX", CUMULATIVE, flight, status="implemented")]
    (tmp_path / "plain").mkdir()
    (tmp_path / "curated").mkdir()
    _, plain = build(tmp_path / "plain", reference)
    _, data = build(tmp_path / "curated", reference, curation())
    (total,) = claims_of(data, "period_total")
    assert total["count"] == 5728 and total["review_state"] == "accepted"
    assert (total["count_qualifier"], total["period_start"], total["period_end"]) == (
        "exact",
        "2025-01-20",
        "2025-07-10",
    )
    assert "date" not in total
    # The other claims keep the ids they had before totals existed.
    flights = [c["id"] for c in claims_of(data, "transfer")]
    assert flights == [c["id"] for c in claims_of(plain, "transfer") if c["count"] == 100]


def test_two_totals_of_one_source_differing_only_by_period_stay_two_claims(
    tmp_path: Path,
) -> None:
    second = fact("transfer", "5,728 (June)", date="2025-07-10", count=5728)
    rule = {"arrangement": "US-MX", "kind": "transfer", "value": "5,728 (June)"}
    cur = curation()
    cur["facts"].append({"match": rule, "as": {**AS_TOTAL, "period_start": "2025-06"}})  # type: ignore[attr-defined]
    _, data = build(tmp_path, [arrangement("MX", CUMULATIVE, second)], cur)
    assert len(claims_of(data, "period_total")) == 2


def test_a_curated_total_ending_after_its_source_is_refused_and_nothing_written(
    tmp_path: Path,
) -> None:
    reference = [arrangement("MX", {**CUMULATIVE, "sources": [WIRE]})]
    out = tmp_path / "dataset.yaml"
    with pytest.raises(DatasetError, match="period_end 2025-08-01 is after its document"):
        build(tmp_path, reference, curation(period_end=LATE["published"]), out=out)
    assert not out.exists()
