"""Scanning generated archives end to end: relevance, claims, engines, the Parquet result."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from distributed import Client, LocalCluster

from tests.scale_support import gunzip, small_archive
from thirdcountry.cli import cli
from thirdcountry.domain.claims import CONTRACT_FIELDS
from thirdcountry.scale.engines import EngineOptions, open_engine
from thirdcountry.scale.pipeline import ScanOptions, SpanProgress
from thirdcountry.scale.results import read_metadata, read_rows
from thirdcountry.scale.scan import ScanReport, scan
from thirdcountry.scale.testdata import RELEVANT, Manifest, render_article


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Manifest:
    return small_archive(tmp_path_factory.mktemp("scan"))


@pytest.fixture(scope="module")
def scanned(generated: Manifest, tmp_path_factory: pytest.TempPathFactory) -> ScanReport:
    out = tmp_path_factory.mktemp("out") / "result.parquet"
    return scan([str(generated.path)], out, split_bytes=0)


def rows_of(path: Path) -> list[dict[str, Any]]:
    return list(read_rows(path))


def test_every_planted_page_is_found_and_nothing_else(
    generated: Manifest, scanned: ScanReport
) -> None:
    urls = {row["url"] for row in rows_of(scanned.out)}
    assert urls == set(generated.relevant)
    assert scanned.stats.relevant == len(generated.relevant) == scanned.rows


@pytest.mark.parametrize("batch", [1, 3])
def test_claims_extracted_in_batches_give_the_same_file(
    generated: Manifest, scanned: ScanReport, tmp_path: Path, batch: int
) -> None:
    """Relevant pages wait in batches for their claims; the file does not depend on it."""
    out = tmp_path / f"batch-{batch}.parquet"
    report = scan([str(generated.path)], out, options=ScanOptions(batch=batch), split_bytes=0)
    assert report.stats.relevant > batch  # several batches were flushed
    assert out.read_bytes() == scanned.out.read_bytes()


def test_false_candidates_are_counted(generated: Manifest, scanned: ScanReport) -> None:
    """Pages that link to a deportation story in their sidebar pass the byte prefilter, and
    so does deportation news without a third country: the extractor reads it, and finds
    no claim."""
    stats = scanned.stats
    assert generated.sidebar_mentions
    # The planted "most read" links sit in an <aside>: all turned away without parsing.
    assert stats.boilerplate == len(generated.sidebar_mentions)
    on_text = stats.false_candidates - stats.boilerplate
    assert 0 < on_text <= len(generated.hard_negatives)
    assert stats.candidates == stats.relevant + stats.false_candidates


def test_hard_negatives_are_not_kept(generated: Manifest, scanned: ScanReport) -> None:
    assert generated.hard_negatives or generated.pages < 400
    kept = {row["url"] for row in rows_of(scanned.out)}
    assert not kept & set(generated.hard_negatives)


def test_rows_carry_metadata_and_the_main_text(scanned: ScanReport) -> None:
    rows = {row["title"]: row for row in rows_of(scanned.out)}
    row = rows["Kosovo agrees to host up to 50 people deported from the U.S."]
    assert row["outlet"] in {
        "The Riverside Ledger",
        "Daily Meridian",
        "Harbor Times",
        "Northern Courier",
    }
    assert row["published"].isoformat() == "2025-06-12"
    assert "within a one-year period" in row["text"]
    assert "Most read" not in row["text"]  # the sidebar is not article text
    assert row["relevance_terms"] == [
        "deported",
        "deportees",
        "other nationalities",
        "third-country",
    ]
    assert row["warc_record_id"].startswith("<urn:uuid:")


def test_languages_are_detected(scanned: ScanReport) -> None:
    by_language = {row["language"] for row in rows_of(scanned.out)}
    assert by_language == {"en", "es"}


def test_the_claims_column_uses_the_contract_names(scanned: ScanReport) -> None:
    schema = pq.read_schema(scanned.out)
    claim_type = schema.field("claims").type.value_type
    assert [claim_type.field(i).name for i in range(claim_type.num_fields)] == list(CONTRACT_FIELDS)


def test_the_counts_are_stored_with_the_result(scanned: ScanReport) -> None:
    stored = read_metadata(scanned.out)
    assert stored["relevant"] == scanned.stats.relevant
    assert stored["records"] == scanned.stats.records > 0


# -- claims (these need thirdcountry.extract.extract_claims) ---------------------------


def test_every_planted_page_reports_claims_with_their_evidence(scanned: ScanReport) -> None:
    for row in rows_of(scanned.out):
        assert row["claims"], f"no claims for {row['url']}"
        for claim in row["claims"]:
            assert claim["document_id"] == row["id"]
            assert claim["review_state"] == "pending"
            quote = row["text"][claim["evidence_start"] : claim["evidence_end"]]
            assert quote == claim["quote"]
    assert scanned.stats.claims == sum(len(row["claims"]) for row in rows_of(scanned.out))


@pytest.mark.parametrize(
    ("title", "receiver"),
    [
        ("U.S. flies 238 Venezuelans to El Salvador's CECOT mega-prison", "SV"),
        ("EE.UU. envía a 238 venezolanos al CECOT de El Salvador", "SV"),
        ("Kosovo agrees to host up to 50 people deported from the U.S.", "XK"),
        ("Kosovo acepta acoger temporalmente a 50 deportados de Estados Unidos", "XK"),
        ("Eswatini receives five men deported from the United States", "SZ"),
    ],
)
def test_claims_name_the_receiving_country(scanned: ScanReport, title: str, receiver: str) -> None:
    rows = [row for row in rows_of(scanned.out) if row["title"] == title]
    assert rows
    for row in rows:
        assert any(claim["receiver"] == receiver for claim in row["claims"]), row["url"]


# -- engines and file layouts give the same result -------------------------------------


def table_of(path: Path, *, drop: tuple[str, ...] = ()) -> pa.Table:
    table = pq.read_table(path)
    return table.drop_columns(list(drop)).sort_by("id")


def test_plain_and_gzipped_archives_give_the_same_rows(
    generated: Manifest, scanned: ScanReport, tmp_path: Path
) -> None:
    plain = gunzip(generated.path, tmp_path / "news.warc")
    report = scan([str(plain)], tmp_path / "plain.parquet")
    layout = ("warc_file", "warc_offset")
    assert table_of(report.out, drop=layout).equals(table_of(scanned.out, drop=layout))
    assert report.stats.records == scanned.stats.records


def test_cutting_files_into_ranges_changes_nothing(
    generated: Manifest, scanned: ScanReport, tmp_path: Path
) -> None:
    report = scan([str(generated.path)], tmp_path / "split.parquet", split_bytes=128 * 1024)
    assert report.spans > 4
    assert table_of(report.out).equals(table_of(scanned.out))
    assert report.stats.to_dict() == scanned.stats.to_dict()


def test_the_dask_engine_writes_what_the_local_engine_writes(
    generated: Manifest, tmp_path: Path
) -> None:
    split = 256 * 1024
    local = scan([str(generated.path)], tmp_path / "local.parquet", split_bytes=split)
    distributed = scan(
        [str(generated.path)],
        tmp_path / "dask.parquet",
        engine="dask",
        engine_options=EngineOptions(workers=2, processes=False),
        split_bytes=split,
    )
    assert (distributed.engine, distributed.workers) == ("dask", 2)
    assert table_of(distributed.out).equals(table_of(local.out))
    assert read_metadata(distributed.out) == read_metadata(local.out)
    assert distributed.out.read_bytes() == local.out.read_bytes()


def tcp_cluster(workers: int) -> LocalCluster:
    """A cluster in this process that the engine can join by its tcp:// address."""
    return LocalCluster(
        n_workers=workers,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )


def test_workers_do_not_profile_while_they_scan() -> None:
    """A profiling worker can free a task's parse tree on its event loop thread, which
    Resiliparse refuses ("unsendable"): our own workers never profile, and the workers of a
    cluster we join stop when the engine connects."""
    cluster = tcp_cluster(1)
    try:
        with Client(cluster) as client:
            profiling = client.run(lambda dask_worker: "profile" in dask_worker.periodic_callbacks)
            assert all(profiling.values())  # Dask's default
        options = EngineOptions(scheduler=cluster.scheduler_address)
        with open_engine("dask", options) as joined:
            after = joined.client.run(  # type: ignore[attr-defined]
                lambda dask_worker: "profile" in dask_worker.periodic_callbacks
            )
        assert after and not any(after.values())
    finally:
        cluster.close()
    with open_engine("dask", EngineOptions(workers=1, processes=False)) as own:
        started = own.client.run(  # type: ignore[attr-defined]
            lambda dask_worker: sorted(dask_worker.periodic_callbacks)
        )
    assert started and not any("profile" in names for names in started.values())


def test_the_command_line_joins_a_running_scheduler(
    generated: Manifest, scanned: ScanReport, tmp_path: Path
) -> None:
    cluster = tcp_cluster(2)
    try:
        out = tmp_path / "cluster.parquet"
        args = ["scan", str(generated.path), "--out", str(out), "--engine", "dask"]
        args += ["--scheduler", cluster.scheduler_address, "--split-mb", "1", "--format", "json"]
        result = CliRunner().invoke(cli, args)
    finally:
        cluster.close()
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)  # progress goes to stderr
    assert (summary["engine"], summary["workers"]) == ("dask", 2)
    assert summary["spans"] > 1
    assert table_of(out).equals(table_of(scanned.out))


def test_progress_adds_up_to_the_whole_archive(generated: Manifest, tmp_path: Path) -> None:
    last: dict[int, SpanProgress] = {}

    def progress(update: SpanProgress) -> None:
        before = last.get(update.span)
        assert before is None or (update.records >= before.records and not before.done)
        last[update.span] = update

    report = scan(
        [str(generated.path)], tmp_path / "p.parquet", split_bytes=256 * 1024, progress=progress
    )
    assert len(last) == report.spans > 1 and all(u.done for u in last.values())
    assert sum(u.records for u in last.values()) == report.stats.records
    assert sum(u.bytes for u in last.values()) == generated.path.stat().st_size
    assert sum(u.size for u in last.values()) == generated.path.stat().st_size
    assert sum(u.relevant for u in last.values()) == report.stats.relevant


def test_progress_as_json_lines_from_the_command_line(generated: Manifest, tmp_path: Path) -> None:
    out = tmp_path / "j.parquet"
    args = ["scan", str(generated.path), "--out", str(out), "--format", "json"]
    result = CliRunner().invoke(cli, [*args, "--split-mb", "1"])
    assert result.exit_code == 0, result.output
    progress = [json.loads(line) for line in result.stderr.splitlines()]
    assert progress and progress[-1]["overall"]["files_done"] == progress[-1]["overall"]["files"]
    final = progress[-1]["overall"]
    report = json.loads(result.stdout)
    assert final["records"] == report["records"] and final["relevant"] == report["relevant"]
    assert set(progress[0]["progress"]) >= {"file", "records", "mb_per_second", "eta_seconds"}


# -- the command line ------------------------------------------------------------------


def test_scan_then_import_from_the_command_line(
    generated: Manifest, scanned: ScanReport, tmp_path: Path
) -> None:
    runner = CliRunner()
    out = tmp_path / "cli.parquet"
    pattern = str(generated.path.parent / "*.warc.gz")
    result = runner.invoke(cli, ["scan", pattern, "--out", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["relevant"] == len(generated.relevant) == summary["documents"]
    assert summary["false_candidates"] == scanned.stats.false_candidates

    db = str(tmp_path / "db.sqlite3")
    first = runner.invoke(cli, ["import", str(out), "--db", db, "--format", "json"])
    again = runner.invoke(cli, ["import", str(out), "--db", db, "--format", "json"])
    assert first.exit_code == again.exit_code == 0, first.output + again.output
    added, present = json.loads(first.output), json.loads(again.output)
    assert added["documents"]["added"] == len(generated.relevant)
    assert added["claims"]["added"] == summary["claims"]
    assert present["documents"] == {"added": 0, "present": len(generated.relevant)}
    assert present["claims"] == {"added": 0, "present": summary["claims"], "decided": 0}


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["scan", "missing.warc.gz", "--out", "x.parquet"], 1, "missing.warc.gz: no such file"),
        (["scan", "nothing-*.warc.gz", "--out", "x.parquet"], 1, "no file matches"),
        (
            ["scan", "a.warc", "--out", "x.parquet", "--scheduler", "tcp://127.0.0.1:1"],
            2,
            "--scheduler and --workers need --engine dask",
        ),
        (["import", "missing.parquet"], 1, "missing.parquet: no such file"),
        (
            ["scan", "a.warc", "--out", "x.parquet", "--engine", "dask", "--scheduler", "foo"],
            1,
            "scheduler 'foo' is not an address like tcp://HOST:PORT",
        ),
    ],
)
def test_command_line_mistakes_are_named(
    args: list[str], code: int, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.warc").write_bytes(b"")
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == code
    assert message in result.output
    assert not (tmp_path / "x.parquet").exists()


def test_a_damaged_archive_is_scanned_around_the_damage(
    generated: Manifest, scanned: ScanReport, tmp_path: Path
) -> None:
    data = bytearray(generated.path.read_bytes())
    members = [m.start() for m in re.finditer(b"\x1f\x8b\x08\x00\x00\x00\x00\x00", data)]
    for at in range(members[20] + 30, members[20] + 90):  # a member early in the file
        data[at] ^= 0x55
    damaged = tmp_path / "damaged.warc.gz"
    damaged.write_bytes(bytes(data))
    report = scan([str(damaged)], tmp_path / "damaged.parquet")
    assert report.stats.malformed == 1
    assert report.stats.records == scanned.stats.records - 1
    kept = {row["url"] for row in rows_of(report.out)}
    assert len(kept) >= len(generated.relevant) - 1


def test_a_failed_scan_leaves_the_previous_result_alone(
    generated: Manifest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "result.parquet"
    out.write_bytes(b"the previous result")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk went away")

    monkeypatch.setattr("thirdcountry.scale.engines.local.scan_span", broken)
    with pytest.raises(OSError, match="disk went away"):
        scan([str(generated.path)], out)
    assert out.read_bytes() == b"the previous result"
    assert [p.name for p in tmp_path.iterdir()] == ["result.parquet"]


def test_a_record_without_a_date_is_still_scanned(tmp_path: Path) -> None:
    kosovo = next(a for a in RELEVANT if a.key == "xk-fifty-en")
    body = render_article(kosovo, url="http://news.test/kosovo")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    record = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:7>\r\n"
        b"WARC-Target-URI: http://news.test/kosovo\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        + b"Content-Length: %d\r\n\r\n" % len(http)
        + http
        + b"\r\n\r\n"
    )
    path = tmp_path / "undated.warc"
    path.write_bytes(record)
    report = scan([str(path)], tmp_path / "undated.parquet")
    (row,) = rows_of(report.out)
    assert row["captured"] is None
    assert row["published"].isoformat() == "2025-06-12"
    again = scan([str(path)], tmp_path / "again.parquet")
    assert rows_of(again.out)[0]["id"] == row["id"]


def _response(url: str, record_id: str, body: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\n"
        + f"WARC-Record-ID: <urn:uuid:{record_id}>\r\nWARC-Target-URI: {url}\r\n".encode()
        + b"WARC-Date: 2025-06-13T08:00:00Z\r\n"
        + b"Content-Type: application/http; msgtype=response\r\n"
        + b"Content-Length: %d\r\n\r\n" % len(http)
        + http
        + b"\r\n\r\n"
    )


def test_a_syndicated_copy_is_read_once_and_claims_as_its_own_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same story on two sites: one extraction, the same claims on both documents,
    each with its own document id and claim ids."""
    import thirdcountry.scale.pipeline as pipeline

    kosovo = next(a for a in RELEVANT if a.key == "xk-fifty-en")
    urls = ["http://one.test/kosovo", "http://two.test/world/kosovo-deal"]
    path = tmp_path / "copies.warc"
    path.write_bytes(
        b"".join(
            _response(url, str(n), render_article(kosovo, url=url)) for n, url in enumerate(urls)
        )
    )
    reads: list[str] = []
    real = pipeline.extract_claims

    def counted(text: str, **kwargs: Any) -> Any:
        reads.append(text)
        return real(text, **kwargs)

    monkeypatch.setattr(pipeline, "extract_claims", counted)
    report = scan([str(path)], tmp_path / "copies.parquet")
    first, second = rows_of(report.out)
    assert first["content_hash"] == second["content_hash"]
    assert len(reads) == 1
    assert first["claims"] and len(first["claims"]) == len(second["claims"])

    def content(claim: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in claim.items() if k not in ("id", "document_id")}

    assert [content(c) for c in first["claims"]] == [content(c) for c in second["claims"]]
    assert {c["document_id"] for c in first["claims"]} == {first["id"]}
    assert {c["document_id"] for c in second["claims"]} == {second["id"]}
    assert not {c["id"] for c in first["claims"]} & {c["id"] for c in second["claims"]}
