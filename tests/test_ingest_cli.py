"""`ingest`, `watch` and `archive export` through the CLI runner, against a local site."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from fastwarc.warc import ArchiveIterator as FastArchiveIterator
from rich.console import Console
from warcio.archiveiterator import ArchiveIterator

from tests.ingest_server import Site, page
from thirdcountry.cli import cli, output
from thirdcountry.cli.cmd_ingest import ProgressBar
from thirdcountry.ingest.pipeline import Outcome, SourceResult


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with Site() as running:
        yield running


@pytest.fixture(autouse=True)
def _fast_failures_wide_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIRDCOUNTRY_FETCH_TIMEOUT", "0.5")
    # Wide enough that table cells are not folded across lines.
    monkeypatch.setattr(output.console, "width", 250)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite3")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_ingest_prints_a_summary_with_copies_and_failures(site: Site, db: str) -> None:
    result = run(
        "ingest",
        site.url("/news/kosovo-agrees"),
        site.url("/world/kosovo-deal"),
        site.url("/broken"),
        "--allow-private",
        "--db",
        db,
    )
    # One source failed: the summary and the failures table first, then exit 1.
    assert result.exit_code == 1, result.output
    assert "3 sources: 1 new, 1 near-duplicate, 1 failed;" in result.stdout
    assert "HTTP 500 Internal Server Error" in result.stdout
    assert site.url("/news/kosovo-agrees") in result.stdout  # the original of the copy
    assert error_line(result).startswith("error: 1 of 3 sources not stored")


def test_ingest_exits_0_when_every_source_is_stored_or_already_present(site: Site, db: str) -> None:
    args = ["ingest", site.url("/news/eswatini-flight"), "--allow-private", "--db", db]
    first, second = run(*args), run(*args)
    assert first.exit_code == 0 and "1 source: 1 new;" in first.output
    assert second.exit_code == 0 and "1 source: 1 already stored;" in second.output
    assert "error" not in second.output


def error_line(result: Result) -> str:
    """The CLI's own error line, whatever else was written to stderr around it."""
    return next((line for line in result.stderr.splitlines() if line.startswith("error:")), "")


def test_ingest_exits_1_when_every_source_failed_and_when_one_failed_before(
    site: Site, db: str
) -> None:
    args = ["ingest", site.url("/broken"), "--allow-private", "--db", db]
    first = run(*args, site.url("/photo.png"))
    assert first.exit_code == 1 and "2 sources: 2 failed;" in first.stdout
    # The loopback server's thread may log a dropped connection to the same stderr.
    assert error_line(first).startswith("error: 2 of 2 sources not stored")
    again = run(*args, site.url("/news/kosovo-agrees"))  # /broken is not tried again
    assert again.exit_code == 1 and "1 new, 1 failed before;" in again.stdout
    assert error_line(again).startswith("error: 1 of 2 sources not stored")


def test_ingest_json_and_a_second_run_that_adds_nothing(site: Site, db: str) -> None:
    args = ["ingest", site.url("/es/kosovo-acepta"), "--allow-private", "--db", db, "-f", "json"]
    first = json.loads(run(*args).output)
    second = json.loads(run(*args).output)
    assert first["counts"]["new"] == 1 and first["extraction"] is True
    assert second["counts"]["new"] == 0 and second["counts"]["already_stored"] == 1
    assert second["sources"][0]["document_id"] == first["sources"][0]["document_id"]
    # Extraction ran once, on the new document: its claims wait for review.
    document = first["sources"][0]["document_id"]
    claims = json.loads(run("claims", "--document", document, "--db", db, "-f", "json").output)
    assert claims and {c["review_state"] for c in claims} == {"pending"}
    assert any(c["receiver"] == "XK" for c in claims)


def test_loopback_is_refused_without_the_allow_flag(site: Site, db: str) -> None:
    before = len(site.requests)
    result = run("ingest", site.url("/news/eswatini-flight"), "--db", db, "-f", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 1
    assert report["sources"] == [
        {
            "source": site.url("/news/eswatini-flight"),
            "outcome": "failed",
            "reason": "refused to connect to 127.0.0.1: a loopback address; "
            "use --allow-private for local sources",
            "retryable": False,
        }
    ]
    assert len(site.requests) == before  # not even robots.txt was asked for


def test_retry_failed_tries_a_refused_source_again(site: Site, db: str) -> None:
    run("ingest", site.url("/news/eswatini-flight"), "--db", db)
    result = run("ingest", "--retry-failed", "--allow-private", "--db", db, "-f", "json")
    assert json.loads(result.output)["counts"]["new"] == 1


def test_ingest_needs_something_to_do(db: str) -> None:
    result = run("ingest", "--db", db)
    assert result.exit_code == 2 and "name at least one SOURCE" in result.output


def test_a_missing_path_is_a_recorded_failure_and_the_others_are_ingested(
    db: str, tmp_path: Path
) -> None:
    there = tmp_path / "there.txt"
    there.write_text("Eswatini receives five men flown from the United States on Tuesday.\n")
    missing = str(tmp_path / "nope.html")
    result = run("ingest", missing, "ftp://example.org/a.html", str(there), "--db", db)
    assert result.exit_code == 1
    assert "3 sources: 1 new, 2 failed;" in result.stdout
    assert "not an http(s) URL, and no such file or folder" in result.stdout
    assert "only http and https URLs can be ingested" in result.stdout
    listed = json.loads(run("ingest", "--retry-failed", "--db", db, "-f", "json").stdout)
    assert {s["source"]: s["outcome"] for s in listed["sources"]} == {
        missing: "failed",
        "ftp://example.org/a.html": "failed",
    }


def test_watch_once_ingests_the_feeds_entries(site: Site, db: str, tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# the migration desk\n\n{site.url('/feed.xml')}\n", encoding="utf-8")
    result = run("watch", "--feeds", str(feeds), "--once", "--allow-private", "--db", db)
    assert result.exit_code == 0, result.output
    assert (
        "8 sources: 4 new, 1 duplicate, 1 near-duplicate, 1 already stored, 1 failed "
        "(1 feed read)" in result.output
    )


def test_watch_refuses_a_bad_interval_and_a_bad_feed_list(db: str, tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("not a feed\n", encoding="utf-8")
    bad_list = CliRunner().invoke(cli, ["watch", "--feeds", str(feeds), "--once", "--db", db])
    assert bad_list.exit_code == 1 and "line 1: 'not a feed' is neither" in bad_list.output
    bad_every = CliRunner().invoke(cli, ["watch", "--feeds", str(feeds), "--every", "soon"])
    assert bad_every.exit_code == 1 and "'soon' is not a duration" in bad_every.output


def test_archive_export_writes_a_valid_warc(site: Site, db: str, tmp_path: Path) -> None:
    saved = tmp_path / "statement.txt"
    saved.write_text("A statement kept on disk, with a few words in it.", encoding="utf-8")
    run("ingest", site.url("/hop"), str(saved), "--allow-private", "--db", db)
    out = tmp_path / "sources.warc.gz"
    result = run("archive", "export", "--out", str(out), "--db", db)
    assert "wrote 2 archived sources" in result.output
    with out.open("rb") as stream:
        records = [
            (
                r.rec_type,
                r.rec_headers.get_header("WARC-Target-URI"),
                r.http_headers.get_statuscode() if r.http_headers else None,
                r.content_stream().read(),
            )
            for r in ArchiveIterator(stream)
        ]
    by_type = {kind: (target, status, body) for kind, target, status, body in records}
    assert sorted(r[0] for r in records) == ["metadata", "resource", "response", "warcinfo"]
    target, status, body = by_type["response"]
    assert (target, status) == (site.url("/news/kosovo-agrees"), "200")
    assert body == page("kosovo-en.html", site.base)
    assert by_type["metadata"][0] == site.url("/news/kosovo-agrees")
    assert b"via: " + site.url("/hop").encode() in by_type["metadata"][2]
    assert by_type["resource"][0] == saved.resolve().as_uri()
    assert by_type["resource"][2] == saved.read_bytes()
    with out.open("rb") as stream:  # block digests cover the raw block: read it unparsed
        blocks = [r.verify_block_digest() for r in FastArchiveIterator(stream, parse_http=False)]
    with out.open("rb") as stream:
        payloads = [
            r.verify_payload_digest()
            for r in FastArchiveIterator(stream, parse_http=True)
            if r.is_http
        ]
    assert blocks == [True] * 4 and payloads == [True]


def result_for(n: int) -> SourceResult:
    return SourceResult(f"https://news.test/{n}", Outcome.NEW)


def test_a_progress_bar_appears_for_more_than_a_handful_of_sources() -> None:
    screen = io.StringIO()
    bar = ProgressBar(Console(file=screen, force_terminal=True, width=100))
    for n in range(1, 8):
        bar(n, 7, result_for(n))
    bar.close()
    assert "ingesting" in screen.getvalue() and "7/7" in screen.getvalue()


def test_no_progress_bar_for_a_handful_of_sources() -> None:
    screen = io.StringIO()
    bar = ProgressBar(Console(file=screen, force_terminal=True, width=100))
    for n in range(1, 6):
        bar(n, 5, result_for(n))
    bar.close()
    assert screen.getvalue() == ""
