"""Scanning archives where they live: http(s) URLs, listings, faults, failures and resuming."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from tests.remote_support import ArchiveServer, serving
from tests.scale_support import small_archive
from thirdcountry.cli import cli
from thirdcountry.domain.errors import ArchiveUnreadable, BadInput
from thirdcountry.scale.inputs import cc_news_listing, expand_inputs
from thirdcountry.scale.pipeline import ScanOptions
from thirdcountry.scale.remote import RemoteOptions, is_transient, open_archive
from thirdcountry.scale.resume import ScanWork
from thirdcountry.scale.scan import scan
from thirdcountry.scale.testdata import Manifest
from thirdcountry.scale.warc import plan_spans

FAST = ScanOptions(remote=RemoteOptions(attempts=3, backoff=0.0, chunk_bytes=256 * 1024))
MONTH = "crawl-data/CC-NEWS/2025/06"


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> list[Manifest]:
    folder = tmp_path_factory.mktemp("remote")
    return [
        small_archive(folder, "one.warc.gz", seed=7),
        small_archive(folder, "two.warc.gz", seed=8, pages=160),
    ]


@pytest.fixture
def server(archives: list[Manifest]) -> Any:
    files = {f"{MONTH}/{m.path.name}": m.path.read_bytes() for m in archives}
    files[f"{MONTH}/not-warc.warc.gz"] = b"<html>an error page, not an archive</html>\n" * 50
    with serving(files) as running:
        yield running


def table(path: Path) -> Any:
    return pq.read_table(path).drop_columns(["warc_file"])


def test_a_url_is_scanned_like_the_same_file_on_disk(
    archives: list[Manifest], server: ArchiveServer, tmp_path: Path
) -> None:
    local = scan([str(archives[0].path)], tmp_path / "local.parquet", options=FAST)
    remote = scan([server.url(f"{MONTH}/one.warc.gz")], tmp_path / "remote.parquet", options=FAST)
    assert remote.failures == []
    assert remote.rows == local.rows > 0
    assert table(remote.out).equals(table(local.out))
    assert remote.stats.bytes == archives[0].path.stat().st_size
    # Read in ranges, not in one request.
    assert len(server.gets(f"{MONTH}/one.warc.gz")) > 4


def test_a_connection_dropped_halfway_is_taken_up_again_with_a_range(
    archives: list[Manifest], server: ArchiveServer, tmp_path: Path
) -> None:
    path = f"{MONTH}/one.warc.gz"
    local = scan([str(archives[0].path)], tmp_path / "local.parquet", options=FAST)
    f, _size = open_archive(server.url(path), FAST.remote)
    f.seek(archives[0].path.stat().st_size // 2)  # the next answer is dropped midway
    server.drop(path)
    f.read(1)
    f.close()
    ranges = [r.range for r in server.gets(path)]
    assert ranges[-1] == ranges[-2]  # the dropped range was asked for again
    assert ranges[-1] is not None and not ranges[-1].startswith("bytes=0-")

    server.drop(path, times=2)
    remote = scan([server.url(path)], tmp_path / "remote.parquet", options=FAST)
    assert remote.failures == []
    assert table(remote.out).equals(table(local.out))


def test_a_listing_names_the_files_and_each_bad_one_costs_one_line(
    archives: list[Manifest], server: ArchiveServer, tmp_path: Path
) -> None:
    lines = [
        f"{MONTH}/one.warc.gz",
        "",
        f"{MONTH}/missing.warc.gz",
        "crawl-data/CC-NEWS/index.html",
        f"{MONTH}/not-warc.warc.gz",
        server.url(f"{MONTH}/two.warc.gz"),  # a full URL is taken as it is
    ]
    server.files[f"/{MONTH}/warc.paths.gz"] = gzip.compress("\n".join(lines).encode())
    report = scan(
        [server.url(f"{MONTH}/warc.paths.gz"), str(tmp_path / "nowhere.warc.gz")],
        tmp_path / "listed.parquet",
        options=FAST,
        cc_base=server.base,
    )
    assert report.files == 4
    listing = server.url(f"{MONTH}/warc.paths.gz")
    assert sorted(report.failures) == sorted(
        [
            f"{tmp_path / 'nowhere.warc.gz'}: no such file",
            f"{listing} line 4: not a WARC path (.warc or .warc.gz): "
            "'crawl-data/CC-NEWS/index.html'",
            f"{server.url(f'{MONTH}/missing.warc.gz')}: not found (404)",
            f"{server.url(f'{MONTH}/not-warc.warc.gz')}: not a WARC file "
            "(no WARC record in its first MB)",
        ]
    )
    local = scan([str(m.path) for m in archives], tmp_path / "local.parquet")
    assert table(report.out).equals(table(local.out))
    # A listing that cannot be read is one line too.
    missing = expand_inputs([server.url("crawl-data/x/warc.paths.gz")], base=server.base)
    assert missing.paths == []
    assert missing.failures == [f"{server.url('crawl-data/x/warc.paths.gz')}: not found (404)"]


def test_cc_news_reads_the_listing_of_the_month(
    archives: list[Manifest],
    server: ArchiveServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    listing = [f"{MONTH}/one.warc.gz", f"{MONTH}/two.warc.gz"]
    server.files[f"/{MONTH}/warc.paths.gz"] = gzip.compress("\n".join(listing).encode())
    monkeypatch.setenv("THIRDCOUNTRY_SCAN_CC_BASE", server.base)
    monkeypatch.setenv("THIRDCOUNTRY_SCAN_RETRY_BACKOFF", "0")
    out = tmp_path / "june.parquet"
    result = CliRunner().invoke(
        cli, ["scan", "--cc-news", "2025/06", "--limit", "1", "--out", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert server.gets(f"{MONTH}/warc.paths.gz")
    assert server.gets(f"{MONTH}/one.warc.gz")
    assert not server.gets(f"{MONTH}/two.warc.gz")  # --limit 1
    local = scan([str(archives[0].path)], tmp_path / "local.parquet")
    assert table(out).equals(table(local.out))


def test_the_cc_news_month_is_checked() -> None:
    assert cc_news_listing("2025/6", "https://x.test/") == (
        "https://x.test/crawl-data/CC-NEWS/2025/06/warc.paths.gz"
    )
    for bad in ("2025-06", "2025/13", "2015/01", "June"):
        with pytest.raises(BadInput, match="not a month like 2025/06"):
            cc_news_listing(bad)


def test_a_failing_file_is_named_and_the_scan_goes_on_from_the_command_line(
    server: ArchiveServer, tmp_path: Path
) -> None:
    out = tmp_path / "r.parquet"
    args = ["scan", server.url(f"{MONTH}/one.warc.gz"), server.url(f"{MONTH}/gone.warc.gz")]
    result = CliRunner().invoke(cli, [*args, "--out", str(out), "--format", "json"])
    assert result.exit_code == 1
    assert f"not scanned: {server.url(f'{MONTH}/gone.warc.gz')}: not found (404)" in result.output
    assert out.is_file()  # written with the file that could be read
    assert (tmp_path / "r.parquet.scan" / "manifest.jsonl").is_file()  # kept for a rerun


def test_a_scan_cut_off_halfway_resumes_where_it_stopped(
    archives: list[Manifest], server: ArchiveServer, tmp_path: Path
) -> None:
    urls = [server.url(f"{MONTH}/one.warc.gz"), server.url(f"{MONTH}/two.warc.gz")]
    whole = scan(urls, tmp_path / "whole.parquet", options=FAST)
    assert not (tmp_path / "whole.parquet.scan").exists()  # nothing left to resume

    # The network gives out for the second file, longer than the retries last.
    out = tmp_path / "cut.parquet"
    server.drop(f"{MONTH}/two.warc.gz", times=None)
    cut = scan(urls, out, options=FAST)
    assert len(cut.failures) == 1 and "two.warc.gz" in cut.failures[0]
    assert cut.rows == scan([urls[0]], tmp_path / "first.parquet", options=FAST).rows
    assert len(ScanWork(out).finished()) == 1

    server.drop(f"{MONTH}/two.warc.gz", times=0)
    server.drops.clear()
    server.log.clear()
    resumed = scan(urls, out, options=FAST)
    assert resumed.failures == [] and resumed.resumed == 1
    assert not server.gets(f"{MONTH}/one.warc.gz")  # finished: not read again
    assert pq.read_table(out).equals(pq.read_table(whole.out))
    assert resumed.stats == whole.stats
    assert not (tmp_path / "cut.parquet.scan").exists()


def test_a_scan_stopped_by_the_user_resumes(
    archives: list[Manifest], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [str(m.path) for m in archives]
    whole = scan(paths, tmp_path / "whole.parquet")
    out = tmp_path / "stopped.parquet"
    record = ScanWork.record

    def stop_after_one(work: ScanWork, result: Any) -> None:
        record(work, result)
        raise KeyboardInterrupt

    monkeypatch.setattr(ScanWork, "record", stop_after_one)
    with pytest.raises(KeyboardInterrupt):
        scan(paths, out)
    assert not out.exists()
    monkeypatch.undo()
    scanned: list[str] = []
    real = "thirdcountry.scale.engines.local.scan_span"
    from thirdcountry.scale.engines import local

    original = local.scan_span

    def counting(span: Any, *args: Any) -> Any:
        scanned.append(span.path)
        return original(span, *args)

    monkeypatch.setattr(real, counting)
    resumed = scan(paths, out)
    assert scanned == [paths[1]]
    assert pq.read_table(out).equals(pq.read_table(whole.out))
    assert resumed.resumed == 1


def test_a_torn_manifest_line_means_that_span_is_scanned_again(
    archives: list[Manifest], tmp_path: Path
) -> None:
    out = tmp_path / "torn.parquet"
    work = ScanWork(out)
    work.folder.mkdir()
    work.manifest.write_text('{"key": "abc", "stats": {"records"\n', encoding="utf-8")
    assert work.finished() == {}
    report = scan([str(archives[0].path)], out)
    assert report.resumed == 0 and report.rows > 0


def test_planning_reads_no_remote_bytes(server: ArchiveServer) -> None:
    """On a cluster each worker opens its own files: the client only names them."""
    urls = [server.url(f"{MONTH}/one.warc.gz"), server.url(f"{MONTH}/two.warc.gz")]
    found = expand_inputs(urls)
    spans = plan_spans(found.paths, split_bytes=1024)
    assert [s.path for s in spans] == urls
    assert server.log == []


def test_the_dask_engine_reads_urls_on_its_workers(
    archives: list[Manifest], server: ArchiveServer, tmp_path: Path
) -> None:
    from thirdcountry.scale.engines import EngineOptions

    urls = [server.url(f"{MONTH}/one.warc.gz"), server.url(f"{MONTH}/two.warc.gz")]
    local = scan(urls, tmp_path / "local.parquet", options=FAST)
    dask = scan(
        urls,
        tmp_path / "dask.parquet",
        options=FAST,
        engine="dask",
        engine_options=EngineOptions(workers=2, processes=False),
    )
    assert pq.read_table(dask.out).equals(pq.read_table(local.out))


def test_which_failures_are_worth_another_attempt() -> None:
    class Answer(Exception):
        def __init__(self, status: int) -> None:
            self.status = status

    assert is_transient(ConnectionResetError())
    assert is_transient(TimeoutError())
    assert is_transient(Answer(503)) and is_transient(Answer(429))
    assert not is_transient(Answer(404)) and not is_transient(Answer(403))
    assert not is_transient(FileNotFoundError()) and not is_transient(PermissionError())
    assert not is_transient(ValueError("a bug, not the network"))


def test_retries_pause_longer_each_time_then_give_up(server: ArchiveServer) -> None:
    path = f"{MONTH}/one.warc.gz"
    pauses: list[float] = []
    from thirdcountry.scale.remote import RemoteFile

    options = RemoteOptions(attempts=4, backoff=0.5)
    remote = RemoteFile(server.url(path), options, sleep=pauses.append)
    server.drop(path, times=None)
    with pytest.raises(ArchiveUnreadable, match=r"one\.warc\.gz: .* after 4 attempts"):
        remote.read(10)
    assert pauses == [0.5, 1.0, 2.0]


def test_s3_urls_are_read_anonymously_with_ranges(
    archives: list[Manifest], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An ``s3://`` URL through an S3-compatible server (here: loopback, path-style)."""
    key = "crawl-data/CC-NEWS/2025/06/one.warc.gz"
    with serving({f"commoncrawl/{key}": archives[0].path.read_bytes()}) as s3:
        monkeypatch.setenv("THIRDCOUNTRY_SCAN_S3_ENDPOINT", s3.base)
        monkeypatch.setenv("AWS_ACCESS_KEY_ID", "must-not-be-sent")
        out = tmp_path / "s3.parquet"
        result = CliRunner().invoke(cli, ["scan", f"s3://commoncrawl/{key}", "-o", str(out)])
        assert result.exit_code == 0, result.output
        ranged = [r for r in s3.gets(f"commoncrawl/{key}") if r.range]
        assert ranged and all(r.range.startswith("bytes=") for r in ranged)
        assert all(r.authorization is None for r in s3.log)  # anonymous: nothing signed
    local = scan([str(archives[0].path)], tmp_path / "local.parquet")
    assert table(out).equals(table(local.out))


def test_local_files_that_are_not_warcs_are_named_and_skipped(
    archives: list[Manifest], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    page = tmp_path / "page.warc"
    page.write_text("<html><body>not an archive</body></html>\n" * 100, encoding="utf-8")
    report = scan([str(empty), str(page), str(archives[0].path)], tmp_path / "r.parquet")
    assert report.failures == [
        f"{empty}: not a WARC file (empty)",
        f"{page}: not a WARC file (no WARC record in its first MB)",
    ]
    assert report.files == 3 and report.rows > 0 and report.written
