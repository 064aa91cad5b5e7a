"""Merging the project's research files into the reference (scripts/research_merge.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.dataset_builder import builder
from tests.test_dataset_converter import EARLY, LATE, WIRE, arrangement, claims_of, fact
from thirdcountry.domain.errors import ValidationError

merge_module = builder.research_merge

NEWER = {"url": "https://paper.example/d", "outlet": "Paper", "published": "2026-04-06"}


def build_with(
    tmp_path: Path,
    reference: list[dict[str, Any]],
    research: list[dict[str, Any]],
    curation: dict[str, Any] | None = None,
) -> tuple[Any, dict[str, Any]]:
    ref = tmp_path / "arrangements.yaml"
    ref.write_text(yaml.safe_dump(reference))
    cur = tmp_path / "curation.yaml"
    cur.write_text(yaml.safe_dump(curation or {}))
    extra = tmp_path / "research.yaml"
    extra.write_text(yaml.safe_dump(research))
    out = tmp_path / "dataset.yaml"
    result, _ = builder.run(ref, out, cur, version="2026.12.07", research=[extra])
    return result.report, yaml.safe_load(out.read_text())


def total(**changes: Any) -> dict[str, Any]:
    base = {
        "what": "at least 19 since July",
        "count": 19,
        "qualifier": "at_least",
        "period_start": "2025-07-16",
        "period_end": "2026-03-12",
        "sources": [LATE],
    }
    return {**base, **changes}


def test_a_known_fact_gains_the_new_sources_once_and_keeps_its_claims(tmp_path: Path) -> None:
    reference = [arrangement("SZ", fact("status", "agreed", sources=[WIRE]))]
    _, before = build_with(tmp_path, reference, [])
    research = [
        {
            "id": "US-SZ",
            "sender": "US",
            "receiver": "SZ",
            "facts": [fact("status", "agreed", sources=[WIRE, LATE, LATE])],
        }
    ]
    report, after = build_with(tmp_path, reference, research)
    assert report.facts == 1  # merged into the reference's fact, not appended
    assert sorted(d["url"] for d in after["documents"]) == sorted([WIRE["url"], LATE["url"]])
    assert {c["id"] for c in claims_of(before)} < {c["id"] for c in claims_of(after)}
    assert len(claims_of(after, "arrangement_status")) == 2
    assert "2 already cited, left out" in report.research[0]


def test_other_facts_are_appended_and_new_arrangements_added(tmp_path: Path) -> None:
    reference = [arrangement("SZ", fact("status", "agreed"))]
    research = [
        {
            "id": "US-SZ",
            "sender": "US",
            "receiver": "SZ",
            "facts": [fact("status", "implemented", date="2025-08-01", sources=[LATE])],
        },
        {
            "id": "US-CD",
            "sender": "US",
            "receiver": "CD",
            "receiver_name": "DR Congo",
            "status": "implemented",
            "facts": [fact("status", "agreed", date="2026-04-05", sources=[NEWER])],
        },
    ]
    report, data = build_with(tmp_path, reference, research)
    assert report.arrangements == 2 and report.facts == 3
    assert {(c["receiver"], c["value"]) for c in claims_of(data, "arrangement_status")} == {
        ("SZ", "agreed"),
        ("SZ", "implemented"),
        ("CD", "agreed"),
    }
    # The reference's arrangement is compared with the reference, the new one with its research.
    assert report.status_differences == [("US-SZ", "agreed", "implemented")]
    assert report.research_differences == [("US-CD", "implemented", "agreed")]


def test_totals_become_period_total_facts(tmp_path: Path) -> None:
    path = tmp_path / "research.yaml"
    path.write_text(
        yaml.safe_dump(
            [
                {
                    "id": "US-SZ",
                    "sender": "US",
                    "receiver": "SZ",
                    "totals": [total(uncertain=True, reason="tally")],
                }
            ]
        )
    )
    merged = merge_module.merge([arrangement("SZ", fact("status", "agreed"))], [path])
    (added,) = [f for f in merged.arrangements[0]["facts"] if f["kind"] == "period_total"]
    assert (added["count"], added["count_qualifier"]) == (19, "at_least")
    assert (added["period_start"], added["period_end"], added["date"]) == (
        "2025-07-16",
        "2026-03-12",
        "2026-03-12",
    )
    assert added["uncertain"] is True and added["reason"] == "tally"
    assert merged.totals == 1 and "1 period totals added as period_total facts" in merged.lines()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"period_start": "2026-03-12", "period_end": "2025-07"},
            "ends (2025-07) before it starts",
        ),
        ({"period_end": None}, "needs a period"),
        ({"qualifier": "roughly"}, "qualifier 'roughly' is not one of exact, at_least, about"),
        ({"count": "19"}, "count must be a whole number"),
    ],
)
def test_a_bad_total_names_itself_and_nothing_is_written(
    tmp_path: Path, changes: dict[str, Any], message: str
) -> None:
    out = tmp_path / "dataset.yaml"
    research = [{"id": "US-SZ", "sender": "US", "receiver": "SZ", "totals": [total(**changes)]}]
    with pytest.raises(ValidationError) as raised:
        build_with(tmp_path, [arrangement("SZ", fact("status", "agreed"))], research)
    assert str(raised.value).startswith("research.yaml: US-SZ total #1: ")
    assert message in str(raised.value)
    assert not out.exists()


def test_a_research_fact_without_sources_is_refused(tmp_path: Path) -> None:
    bare = {"id": "US-SZ", "sender": "US", "receiver": "SZ", "facts": [{"kind": "status"}]}
    with pytest.raises(ValidationError, match="US-SZ fact #1: needs at least one source"):
        build_with(tmp_path, [arrangement("SZ", fact("status", "agreed"))], [bare])


def test_the_command_line_merges_the_research_unless_told_not_to(tmp_path: Path) -> None:
    ref = tmp_path / "arrangements.yaml"
    ref.write_text(yaml.safe_dump([arrangement("SZ", fact("status", "agreed", sources=[EARLY]))]))
    cur = tmp_path / "curation.yaml"
    cur.write_text("{}")
    extra = tmp_path / "extra.yaml"
    role = fact("role", "detention")
    research = [{"id": "US-SZ", "sender": "US", "receiver": "SZ", "facts": [role]}]
    extra.write_text(yaml.safe_dump(research))
    out = tmp_path / "dataset.yaml"
    common = [str(ref), "--out", str(out), "--curation", str(cur), "--version", "2026.12.07"]
    assert builder.main([*common, "--research", str(extra)]) == 0
    with_research = yaml.safe_load(out.read_text())
    assert "+ scripts/research/extra.yaml" in with_research["dataset"]["source"]
    assert builder.main([*common, "--no-research"]) == 0
    assert "research" not in yaml.safe_load(out.read_text())["dataset"]["source"]
