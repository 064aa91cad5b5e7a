"""Exports pass their validators: frictionless, an RFC 7946 check, feedparser, SQLite counts."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from frictionless import validate

from tests.publicdata import PRIVATE_COUNTRIES, populate
from thirdcountry.cli import cli
from thirdcountry.publish.exports import ExportFile, Links, exporters, registry, render_formats
from thirdcountry.publish.exports.formats.atom import claim_title, decided_at
from thirdcountry.publish.exports.tables import TABLES
from thirdcountry.publish.web import create_app
from thirdcountry.store import Store, open_store
from thirdcountry.store import claims as claim_repo
from thirdcountry.store.public import PublicData, public_cache

LISTS = ["countries", "arrangements", "claims", "documents", "transfers", "facilities"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Every format exported once through the CLI, and the API's view of the same store."""
    root = tmp_path_factory.mktemp("export")
    db = root / "store.sqlite3"
    store = open_store(str(db))
    ids = populate(store)
    out = root / "out"
    result = CliRunner().invoke(cli, ["export", "--out", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with TestClient(create_app(store)) as client:
        api = {name: client.get(f"/api/v1/{name}?limit=500").json() for name in LISTS}
    yield out, {"api": api, "ids": ids}
    store.dispose()


def test_all_formats_are_written(exported: tuple[Path, dict[str, Any]]) -> None:
    out, _ = exported
    names = {p.name for p in out.iterdir()}
    assert {
        "datapackage.json",
        "thirdcountry.json",
        "arrangements.geojson",
        "feed.atom",
        "thirdcountry.db",
        *(f"{t.name}.csv" for t in TABLES),
    } <= names
    assert not [n for n in names if n.endswith(".partial")]


def test_data_package_passes_frictionless(exported: tuple[Path, dict[str, Any]]) -> None:
    out, _ = exported
    report = validate(str(out / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = json.loads((out / "datapackage.json").read_text())
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["version"] == "2026.11.01"
    assert {r["name"] for r in package["resources"]} >= {
        "arrangements",
        "claims",
        "transfers",
        "documents",
        "facilities",
    }


def _copy_package(out: Path, into: Path) -> None:
    """The exported package's files, copied to ``into`` to be broken there."""
    for item in out.iterdir():
        if item.suffix in (".csv", ".json"):
            (into / item.name).write_bytes(item.read_bytes())


def test_frictionless_would_catch_a_broken_reference(
    exported: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    out, _ = exported
    _copy_package(out, tmp_path)
    claims = (tmp_path / "claims.csv").read_text(encoding="utf-8")
    documents = {row["id"] for row in _rows(out / "documents.csv")}
    first = sorted(documents)[0]
    (tmp_path / "claims.csv").write_text(
        claims.replace(first, "no-such-document"), encoding="utf-8"
    )
    report = validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {error[0] for error in report.flatten(["type"])}


def test_code_columns_have_enums_and_the_codes_resource_labels_them(
    exported: tuple[Path, dict[str, Any]],
) -> None:
    out, _ = exported
    package = json.loads((out / "datapackage.json").read_text())
    fields = {
        (resource["name"], field["name"]): field
        for resource in package["resources"]
        for field in resource["schema"]["fields"]
    }
    assert "implemented" in fields[("arrangements", "status")]["constraints"]["enum"]
    assert fields[("claims", "kind")]["constraints"]["enum"][0] == "arrangement_status"
    values = fields[("claims", "value")]["constraints"]["enum"]
    assert {"agreed", "detention", "memorandum_of_understanding", "receiver"} <= set(values)
    codes = {row["id"]: row for row in _rows(out / "codes.csv")}
    assert codes["status:implemented"]["label_en"] == "Implemented"
    assert codes["status:implemented"]["label_es"] == "En aplicación"
    # Every enum code of every column is labelled in the codes resource.
    for (_table, _name), field in fields.items():
        for code in field.get("constraints", {}).get("enum", []):
            assert any(key.endswith(f":{code}") for key in codes), code


def test_frictionless_would_catch_a_code_outside_its_enum(
    exported: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    out, _ = exported
    _copy_package(out, tmp_path)
    arrangements = (tmp_path / "arrangements.csv").read_text(encoding="utf-8")
    assert ",implemented," in arrangements
    (tmp_path / "arrangements.csv").write_text(
        arrangements.replace(",implemented,", ",in_operation,", 1), encoding="utf-8"
    )
    report = validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert "constraint-error" in {error[0] for error in report.flatten(["type"])}


def _set_roles(path: Path, roles: str) -> None:
    """Write ``roles`` into the roles cell of the arrangements table's first row."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["roles"] = roles
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(
    ("roles", "valid"),
    [("detention;onward_removal", True), ("detention", True), ("detention;teleportation", False)],
)
def test_a_list_of_codes_is_kept_to_its_vocabulary(
    exported: tuple[Path, dict[str, Any]], tmp_path: Path, roles: str, valid: bool
) -> None:
    out, _ = exported
    _copy_package(out, tmp_path)
    _set_roles(tmp_path / "arrangements.csv", roles)
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid is valid, report.flatten(["rowNumber", "fieldName", "type"])
    if not valid:
        assert ["constraint-error", "roles"] in report.flatten(["type", "fieldName"])


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_tables_hold_what_the_api_lists(exported: tuple[Path, dict[str, Any]]) -> None:
    out, context = exported
    for table in TABLES:
        rows = _rows(out / f"{table.name}.csv")
        assert list(rows[0]) == [c.name for c in table.columns]
        assert len(rows) == context["api"][table.name]["total"], table.name
    claims = _rows(out / "claims.csv")
    transfer = next(r for r in claims if r["nationalities"] == "VE")
    assert transfer["count"] == "238" and transfer["date"] == "2025-03-16"


def _check_rfc7946(collection: dict[str, Any]) -> None:
    """The parts of RFC 7946 a FeatureCollection of points can break."""
    assert collection["type"] == "FeatureCollection" and "crs" not in collection
    for feature in collection["features"]:
        assert set(feature) <= {"type", "id", "geometry", "properties", "bbox"}
        assert feature["type"] == "Feature"
        assert isinstance(feature["properties"], dict)
        assert isinstance(feature.get("id"), str | int)
        geometry = feature["geometry"]
        if geometry is None:
            continue
        assert geometry["type"] == "Point"
        longitude, latitude = geometry["coordinates"]
        assert -180 <= longitude <= 180 and -90 <= latitude <= 90


def test_geojson_has_one_point_per_country(exported: tuple[Path, dict[str, Any]]) -> None:
    out, context = exported
    collection = json.loads((out / "arrangements.geojson").read_text(encoding="utf-8"))
    _check_rfc7946(collection)
    by_code = {f["id"]: f for f in collection["features"]}
    assert set(by_code) == {c["code"] for c in context["api"]["countries"]["items"]}
    sv = by_code["SV"]
    assert sv["geometry"]["type"] == "Point"
    longitude, latitude = sv["geometry"]["coordinates"]
    assert -91 < longitude < -87 and 12 < latitude < 15  # El Salvador, not elsewhere
    assert sv["properties"]["status"] == "agreed" and sv["properties"]["people_received"] == 238
    assert sv["properties"]["arrangements_as_receiver"][0]["sender"] == "US"
    assert by_code["XK"]["geometry"] is not None  # Kosovo has a point too
    assert not PRIVATE_COUNTRIES & set(by_code)


def test_atom_feeds_parse_without_bozo(exported: tuple[Path, dict[str, Any]]) -> None:
    out, context = exported
    feeds = sorted(out.glob("feed*.atom"))
    assert len(feeds) == 2 * (1 + context["api"]["countries"]["total"])  # English and Spanish
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path.name, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        for entry in parsed.entries:
            assert entry.id.startswith("urn:uuid:") and entry.title and entry.updated
    everything = feedparser.parse((out / "feed.atom").read_bytes())
    # One entry per fact: a syndicated copy's report of the transfer is not repeated.
    assert len(everything.entries) == context["api"]["claims"]["total"] - 1
    assert len({e.id for e in everything.entries}) == len(everything.entries)
    summaries = " ".join(e.summary for e in everything.entries)
    assert "we were beaten" in summaries  # a quote with a control character survives
    hn = feedparser.parse((out / "feed-HN.atom").read_bytes())
    assert {e.tags[0].term for e in hn.entries} == {"arrangement_status", "denial"}


def test_feed_entries_keep_their_ids(exported: tuple[Path, dict[str, Any]]) -> None:
    out, _ = exported
    first = {e.id for e in feedparser.parse((out / "feed.atom").read_bytes()).entries}
    store = open_store(str(out.parent / "store.sqlite3"))
    data = public_cache(store).current()
    store.dispose()
    again = next(f for f in render_formats(data, ["atom"], Links()) if f.name == "feed.atom")
    assert {e.id for e in feedparser.parse(again.content).entries} == first


def test_sqlite_copy_matches_the_api(exported: tuple[Path, dict[str, Any]]) -> None:
    out, context = exported
    with closing(sqlite3.connect(out / "thirdcountry.db")) as db:
        for name in LISTS:
            (count,) = db.execute(f"SELECT count(*) FROM {name}").fetchone()
            assert count == context["api"][name]["total"], name
        tables = {
            row[0]
            for row in db.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        }
        assert tables == {*LISTS, "about", "about_tables", "about_columns"}
        hidden = [context["ids"][k] for k in ("pending", "rejected", "superseded")]
        marks = ",".join("?" for _ in hidden)
        assert db.execute(
            f"SELECT count(*) FROM claims WHERE id IN ({marks})", hidden
        ).fetchone() == (0,)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        documented = set(db.execute("SELECT table_name, column_name FROM about_columns"))
        for name in LISTS:
            columns = {row[1] for row in db.execute(f"PRAGMA table_info({name})")}
            assert {(name, c) for c in columns} <= documented
        about = dict(db.execute("SELECT key, value FROM about"))
        assert about["license"] == "CC-BY-4.0" and about["dataset_version"] == "2026.11.01"


def test_json_export_has_the_api_forms(exported: tuple[Path, dict[str, Any]]) -> None:
    out, context = exported
    document = json.loads((out / "thirdcountry.json").read_text(encoding="utf-8"))
    for name in LISTS:
        if name != "arrangements":
            assert document[name] == context["api"][name]["items"], name
    # Arrangements in full, as the API's detail gives them; its list holds summaries.
    listed = context["api"]["arrangements"]["items"]
    assert [{k: a[k] for k in listed[0]} for a in document["arrangements"]] == listed
    assert all(len(a["claims"]) == a["claim_count"] for a in document["arrangements"])


def test_live_data_files_match_the_export(exported: tuple[Path, dict[str, Any]]) -> None:
    out, _ = exported
    store = open_store(str(out.parent / "store.sqlite3"))
    with TestClient(create_app(store)) as client:
        for name in ("claims.csv", "datapackage.json", "arrangements.geojson"):
            response = client.get(f"/data/{name}")
            assert response.status_code == 200 and response.content == (out / name).read_bytes()
        feed = client.get("/data/feed.atom")
        assert feed.headers["content-type"].startswith("application/atom+xml")
        assert 'href="http://testserver/api/v1/claims/' in feed.text  # absolute when served
        assert client.get("/data/nothing.csv").status_code == 404
        for folder in ("/data", "/data/"):  # the README points readers at /data/
            listing = client.get(folder, headers={"Accept-Language": "es"}, follow_redirects=False)
            assert listing.status_code == 303 and listing.headers["location"] == "/es/data"
    store.dispose()


def test_cli_export_of_chosen_formats(sqlite_store: Store, tmp_path: Path) -> None:
    populate(sqlite_store)
    out = tmp_path / "some"
    result = CliRunner().invoke(
        cli,
        [
            "export",
            "--format",
            "geojson",
            "--format",
            "atom",
            "--out",
            str(out),
            "--db",
            sqlite_store.url,
        ],
    )
    assert result.exit_code == 0, result.output
    assert {p.suffix for p in out.iterdir()} == {".geojson", ".atom"}


def test_cli_refuses_an_unknown_format(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--format", "xlsx", "--out", str(tmp_path)])
    assert result.exit_code == 2 and "xlsx" in result.output


def test_an_exporter_registers_like_the_built_ins(
    sqlite_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class CountriesText:
        name = "text"
        description = "country codes, one a line"

        def file_names(self, data: PublicData) -> list[str]:
            return ["countries.txt"]

        def render(self, data: PublicData, links: Links) -> list[ExportFile]:
            body = "".join(f"{c.code}\n" for c in data.countries).encode()
            return [ExportFile("countries.txt", "text/plain", body)]

    populate(sqlite_store)
    monkeypatch.setitem(registry._REGISTRY, "text", CountriesText())
    assert "text" in exporters()
    written = registry.export(sqlite_store, ["text", "csv", "datapackage"], tmp_path)
    names = [p.name for p in written]
    assert (tmp_path / "countries.txt").read_text().split() == [
        "CR",
        "GB",
        "HN",
        "RW",
        "SV",
        "US",
        "XK",
    ]
    assert len(names) == len(set(names))  # a CSV both csv and datapackage write is written once
    with TestClient(create_app(sqlite_store)) as client:
        assert client.get("/data/countries.txt").text.startswith("CR\n")


def test_formats_are_listed_by_name_whatever_was_imported_first() -> None:
    # The site imports the CSV writer on its own; that must not move csv ahead of atom.
    from thirdcountry.publish.exports.formats import csvfiles  # noqa: F401

    names = list(exporters())
    assert names == sorted(names) and {"atom", "csv", "datapackage"} <= set(names)


def _entries(out: Path, name: str) -> list[Any]:
    return list(feedparser.parse((out / name).read_bytes()).entries)


def test_feed_entries_open_the_claims_page(exported: tuple[Path, dict[str, Any]]) -> None:
    out, _ = exported
    for name, lang in (("feed.atom", "en"), ("feed.es.atom", "es")):
        for entry in _entries(out, name):
            html = [link for link in entry.links if link.type == "text/html"]
            assert html and html[0].rel == "alternate", entry.title
            assert re.search(rf"/{lang}/claim/[0-9a-f-]{{36}}$", html[0].href)


def test_feed_entries_are_dated_when_decided(exported: tuple[Path, dict[str, Any]]) -> None:
    out, context = exported
    reviewed = context["ids"]["reviewed"]
    store = open_store(str(out.parent / "store.sqlite3"))
    with store.read() as session:
        claim = claim_repo.get_claim(session, reviewed)
    store.dispose()
    entry = next(e for e in _entries(out, "feed-XK.atom") if reviewed in e.link)
    assert claim.reviewed_at is not None
    assert entry.updated == claim.reviewed_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_a_curated_claim_is_dated_by_its_release(exported: tuple[Path, dict[str, Any]]) -> None:
    out, _ = exported
    store = open_store(str(out.parent / "store.sqlite3"))
    data = public_cache(store).current()
    store.dispose()
    curated = replace(data.claims[0], reviewed_at=None, extractor="curated:2026.11.28")
    assert decided_at(curated, data) == datetime(2026, 11, 28, tzinfo=UTC)


def test_feed_titles_are_sentences_with_labels(exported: tuple[Path, dict[str, Any]]) -> None:
    out, _ = exported
    english = {e.title for e in _entries(out, "feed-SV.atom")}
    spanish = {e.title for e in _entries(out, "feed-SV.es.atom")}
    assert "Compensation · United States → El Salvador: $6,000,000.50" in english
    assert (
        "Transfer · United States → El Salvador: 238 people; Venezuela; CECOT (March 16, 2025)"
        in english
    )
    assert (
        "Traslado · Estados Unidos → El Salvador: 238 personas; Venezuela; CECOT"
        " (16 de marzo de 2025)" in spanish
    )
    for title in english | spanish:
        assert "_" not in title and "USD" not in title, title


def test_copies_are_listed_in_their_originals_entry(exported: tuple[Path, dict[str, Any]]) -> None:
    out, _ = exported
    transfers = [e for e in _entries(out, "feed-SV.atom") if e.tags[0].term == "transfer"]
    assert len(transfers) == 2  # the wire's report (with its copy) and the government's
    folded = next(e for e in transfers if "Example Mirror" in e.summary)
    assert "Example Wire" in folded.summary and "copies: Example Mirror" in folded.summary


def test_spanish_feeds_are_in_spanish(exported: tuple[Path, dict[str, Any]]) -> None:
    out, _ = exported
    parsed = feedparser.parse((out / "feed.es.atom").read_bytes())
    assert parsed.feed.language == "es" and parsed.feed.title == "thirdcountry: hechos aceptados"
    assert parsed.feed.link.endswith("/es/")


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("en", 1, "Transfer · United States → El Salvador: 1 person"),
        ("en", 2, "Transfer · United States → El Salvador: 2 people"),
        ("es", 1, "Traslado · Estados Unidos → El Salvador: 1 persona"),
        ("es", 2, "Traslado · Estados Unidos → El Salvador: 2 personas"),
    ],
)
def test_feed_titles_count_people_in_the_right_number(
    exported: tuple[Path, dict[str, Any]], lang: str, count: int, expected: str
) -> None:
    out, _ = exported
    store = open_store(str(out.parent / "store.sqlite3"))
    data = public_cache(store).current()
    store.dispose()
    transfer = next(c for c in data.claims if c.kind.value == "transfer" and c.receiver == "SV")
    one = replace(
        transfer, count=count, nationalities=(), facility=None, date=None, date_precision=None
    )
    assert claim_title(one, lang) == expected
