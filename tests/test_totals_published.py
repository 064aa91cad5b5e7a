"""No period total is counted as a transfer: API, every export format and the CLI."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import feedparser
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from frictionless import validate

from thirdcountry.cli import cli
from thirdcountry.cli.output import console
from thirdcountry.domain.dataset import parse_dataset
from thirdcountry.publish.web import create_app
from thirdcountry.store import open_store
from thirdcountry.store.load import load_dataset

TODAY = date(2026, 11, 28)
PAIR = {"sender": "US", "receiver": "MX", "review_state": "accepted"}
DATASET: dict[str, Any] = {
    "dataset": {"name": "totals", "version": "2026.11.01", "license": "CC-BY-4.0"},
    "documents": [
        {"id": "gov", "url": "https://gob.example/informe", "published": "2025-06-24"},
        {"id": "wire", "url": "https://wire.example/mexico", "published": "2025-06-27"},
        {"id": "kos", "url": "https://kosovo.example/arrivals", "published": "2025-12-11"},
    ],
    "claims": [
        {"document": "gov", "kind": "arrangement_status", "value": "implemented", **PAIR},
        {"document": "gov", "kind": "transfer", "count": 100, "date": "2025-03-01", **PAIR},
        {
            "document": "gov",
            "kind": "period_total",
            "count": 5728,
            "count_qualifier": "exact",
            "period_start": "2025-01-20",
            "period_end": "2025-06-24",
            **PAIR,
        },
        {
            "document": "wire",
            "kind": "period_total",
            "count": 5000,
            "count_qualifier": "at_least",
            "period_start": "2025-01-20",
            "period_end": "2025-06-27",
            **PAIR,
        },
        {
            "document": "kos",
            "kind": "arrangement_status",
            "value": "implemented",
            "date": "2025-12-11",
            "sender": "US",
            "receiver": "XK",
            "review_state": "accepted",
        },
    ],
}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("totals")
    db = root / "store.sqlite3"
    store = open_store(str(db))
    load_dataset(store, parse_dataset(DATASET, "totals.yaml", today=TODAY))
    out = root / "out"
    runner = CliRunner()
    exported = runner.invoke(cli, ["export", "--out", str(out), "--db", str(db)])
    assert exported.exit_code == 0, exported.output
    with TestClient(create_app(store)) as client:
        api = {
            "mx": client.get("/api/v1/arrangements/US/MX").json(),
            "xk": client.get("/api/v1/arrangements/US/XK").json(),
            "transfers": client.get("/api/v1/transfers?limit=500").json(),
            "claims": client.get("/api/v1/claims?kind=period_total").json(),
        }
    table = runner.invoke(cli, ["arrangements", "--db", str(db)])
    as_json = runner.invoke(cli, ["arrangements", "--db", str(db), "--format", "json"])
    narrow, console.width = console.width, 300  # one claim per line: cells unwrapped
    try:
        listed = runner.invoke(cli, ["claims", "--db", str(db), "--kind", "period_total"])
    finally:
        console.width = narrow
    yield {
        "out": out,
        "api": api,
        "table": table.output,
        "json": json.loads(as_json.output),
        "claims": listed.output,
    }
    store.dispose()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_api_keeps_the_total_apart_from_transfers(published: dict[str, Any]) -> None:
    mx = published["api"]["mx"]
    assert (mx["people_transferred"], mx["transfer_count"]) == (100, 1)
    assert mx["reported_total"]["count"] == 5728
    assert mx["reported_total"]["count_qualifier"] == "exact"
    assert len(mx["period_totals"]) == 2
    assert mx["status_basis"]["text"] == "implemented: 100 people in 1 transfer (1 source)"
    assert published["api"]["transfers"]["total"] == 1
    claims = published["api"]["claims"]["items"]
    assert sorted(c["count"] for c in claims) == [5000, 5728]
    assert {c["period_start"] for c in claims} == {"2025-01-20"}
    xk = published["api"]["xk"]
    assert xk["reported_total"] is None
    assert xk["status_basis"]["kind"] == "number_not_reported"
    assert xk["status_basis"]["people_reported"] is False


def test_csv_and_data_package_keep_the_total_apart(published: dict[str, Any]) -> None:
    out = published["out"]
    arrangements = {r["key"]: r for r in _rows(out / "arrangements.csv")}
    mx = arrangements["US-MX"]
    assert (mx["people_transferred"], mx["transfers"], mx["reported_total"]) == ("100", "1", "5728")
    assert (mx["reported_total_start"], mx["reported_total_end"]) == ("2025-01-20", "2025-06-24")
    assert mx["status_basis"] == "people_in_transfers"
    assert [r["count"] for r in _rows(out / "transfers.csv")] == ["100"]
    totals = [r for r in _rows(out / "claims.csv") if r["kind"] == "period_total"]
    assert {(r["count"], r["count_qualifier"], r["period_end"]) for r in totals} == {
        ("5728", "exact", "2025-06-24"),
        ("5000", "at_least", "2025-06-27"),
    }
    countries = {r["code"]: r for r in _rows(out / "countries.csv")}
    assert countries["MX"]["people_received"] == "100"
    report = validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_json_geojson_sqlite_and_atom_keep_the_total_apart(published: dict[str, Any]) -> None:
    out = published["out"]
    document = json.loads((out / "thirdcountry.json").read_text(encoding="utf-8"))
    mx = next(a for a in document["arrangements"] if a["receiver"] == "MX")
    assert mx["people_transferred"] == 100 and len(mx["transfers"]) == 1
    assert mx["reported_total"]["count"] == 5728
    assert len(document["transfers"]) == 1
    collection = json.loads((out / "arrangements.geojson").read_text(encoding="utf-8"))
    feature = next(f for f in collection["features"] if f["id"] == "MX")
    assert feature["properties"]["people_received"] == 100
    summary = feature["properties"]["arrangements_as_receiver"][0]
    assert (summary["people_transferred"], summary["transfers"]) == (100, 1)
    assert summary["reported_total"]["count"] == 5728
    with closing(sqlite3.connect(out / "thirdcountry.db")) as db:
        assert db.execute("SELECT count(*) FROM transfers").fetchone() == (1,)
        assert db.execute(
            "SELECT people_transferred, reported_total FROM arrangements WHERE key = 'US-MX'"
        ).fetchone() == (100, 5728)
    feed = feedparser.parse((out / "feed.atom").read_bytes())
    titles = [entry.title for entry in feed.entries]
    total = (
        "Reported total · United States → Mexico: at least 5,000 people "
        "(January 20, 2025 – June 27, 2025)"
    )
    assert total in titles, titles


def test_cli_shows_the_total_beside_the_transfers(published: dict[str, Any]) -> None:
    # The lines under the table wrap to the terminal's width: compare their words.
    table = " ".join(published["table"].split())
    assert "US-MX implemented: 100 people in 1 transfer (1 source)" in table
    assert (
        "US-MX reported total: at least 5,728 people, 2025-01-20 to 2025-06-24 (1 source); "
        "not added to the transfers"
    ) in table
    assert (
        "US-XK implemented: first arrival reported 11 Dec 2025 (1 source); number of people "
        "not reported"
    ) in table
    mx = next(a for a in published["json"] if a["receiver"] == "MX")
    assert (mx["people_transferred"], len(mx["transfers"])) == (100, 1)
    assert mx["reported_total"]["count"] == 5728


def test_cli_claims_give_a_total_its_qualifier_and_period(published: dict[str, Any]) -> None:
    listed = published["claims"]
    assert "at least 5000 people" in listed and "5728 people" in listed
    assert "2025-01-20..2025-06-27" in listed
