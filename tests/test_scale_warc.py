"""Reading WARC files: gzipped and plain, damaged records skipped and counted, byte ranges."""

from __future__ import annotations

import gzip
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from fastwarc.warc import WarcRecord, WarcRecordType
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.scale_support import gunzip, small_archive
from thirdcountry.scale.warc import RecordStream, Span, next_record_start, plan_spans


def read_all(path: Path, start: int = 0, stop: int | None = None) -> tuple[list[str], int]:
    """(the target URI or type of every whole record, malformed count) of a span of ``path``."""
    stream = RecordStream(Span(0, str(path), start, stop))
    seen = [
        record.headers.get("WARC-Target-URI") or str(record.record_type)
        for record in stream
        if stream.read(record, 1 << 30) is not None
    ]
    return seen, stream.malformed


def member_starts(data: bytes) -> list[int]:
    """Where each gzip member of a generated archive starts (all carry mtime=0)."""
    return [m.start() for m in re.finditer(b"\x1f\x8b\x08\x00\x00\x00\x00\x00", data)]


def record_starts(data: bytes) -> list[int]:
    return [m.start() for m in re.finditer(rb"WARC/1\.1\r\n", data)]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    folder = tmp_path_factory.mktemp("warc")
    manifest = small_archive(folder, pages=24, relevant_ratio=0.1)
    plain = gunzip(manifest.path, folder / "news.warc")
    return manifest.path, plain, manifest.records


def test_gzipped_and_plain_archives_give_the_same_records(
    archive: tuple[Path, Path, int],
) -> None:
    gzipped, plain, count = archive
    from_gzip, damaged_gzip = read_all(gzipped)
    from_plain, damaged_plain = read_all(plain)
    assert len(from_gzip) == count
    assert from_gzip == from_plain
    assert damaged_gzip == damaged_plain == 0


def test_garbage_between_records_is_skipped_and_counted(
    archive: tuple[Path, Path, int], tmp_path: Path
) -> None:
    _gzipped, plain, count = archive
    data = plain.read_bytes()
    cut = record_starts(data)[5]
    broken = tmp_path / "garbage.warc"
    broken.write_bytes(data[:cut] + b"this is not a record\r\n\r\n" + data[cut:])
    seen, damaged = read_all(broken)
    assert (len(seen), damaged) == (count, 1)


def test_a_bad_header_costs_that_record_only(
    archive: tuple[Path, Path, int], tmp_path: Path
) -> None:
    _gzipped, plain, count = archive
    data = plain.read_bytes()
    at = record_starts(data)[7]
    broken = tmp_path / "header.warc"
    broken.write_bytes(data[:at] + b"WARX/9.9" + data[at + 8 :])
    seen, damaged = read_all(broken)
    assert (len(seen), damaged) == (count - 1, 1)


def test_a_corrupt_gzip_member_costs_that_record_only(
    archive: tuple[Path, Path, int], tmp_path: Path
) -> None:
    gzipped, _plain, count = archive
    data = bytearray(gzipped.read_bytes())
    start = member_starts(bytes(data))[9]
    for at in range(start + 20, start + 60):
        data[at] ^= 0x5A
    broken = tmp_path / "corrupt.warc.gz"
    broken.write_bytes(bytes(data))
    seen, damaged = read_all(broken)
    assert (len(seen), damaged) == (count - 1, 1)


def test_a_truncated_file_keeps_the_complete_records(
    archive: tuple[Path, Path, int], tmp_path: Path
) -> None:
    gzipped, _plain, count = archive
    data = gzipped.read_bytes()
    last = member_starts(data)[-1]
    broken = tmp_path / "truncated.warc.gz"
    broken.write_bytes(data[: (last + len(data)) // 2])
    seen, damaged = read_all(broken)
    assert (len(seen), damaged) == (count - 1, 1)


def test_payloads_are_read_up_to_a_cap_and_the_rest_skipped(
    archive: tuple[Path, Path, int],
) -> None:
    gzipped, _plain, count = archive
    stream = RecordStream(Span(0, str(gzipped), 0, None))
    sizes = []
    for record in stream:
        payload = stream.read(record, 100)
        assert payload is not None
        sizes.append(len(payload))
    assert len(sizes) == count
    assert max(sizes) == 100


def test_only_large_per_record_gzip_files_are_cut(
    archive: tuple[Path, Path, int], tmp_path: Path
) -> None:
    gzipped, plain, _count = archive
    whole = tmp_path / "one-member.warc.gz"
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    assert len(plan_spans([str(gzipped)], split_bytes=4096)) > 3
    assert len(plan_spans([str(plain)], split_bytes=4096)) == 1
    assert len(plan_spans([str(whole)], split_bytes=4096)) == 1
    assert len(plan_spans([str(gzipped)], split_bytes=0)) == 1


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(split=st.integers(min_value=512, max_value=300_000))
def test_spans_partition_the_records_exactly(archive: tuple[Path, Path, int], split: int) -> None:
    gzipped, _plain, _count = archive
    whole, _ = read_all(gzipped)
    pieces: list[str] = []
    for span in plan_spans([str(gzipped)], split_bytes=split):
        seen, damaged = read_all(gzipped, span.start, span.stop)
        assert damaged == 0
        pieces.extend(seen)
    assert pieces == whole


def test_a_warc_line_inside_a_payload_is_not_a_record_start(tmp_path: Path) -> None:
    body = b"text\r\nWARC/1.0\r\nis how a WARC file begins\r\n"
    path = tmp_path / "inner.warc"
    path.write_bytes(b"WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 44\r\n\r\n" + body)
    with path.open("rb") as f:
        assert next_record_start(f, 0) == 0
        assert next_record_start(f, 1) is None


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), gzipped=st.booleans())
def test_records_untouched_by_damage_are_all_read(
    archive: tuple[Path, Path, int],
    tmp_path_factory: pytest.TempPathFactory,
    data: st.DataObject,
    gzipped: bool,
) -> None:
    """Flip a few bytes anywhere: reading never fails, and every intact record still comes."""
    source = archive[0] if gzipped else archive[1]
    raw = bytearray(source.read_bytes())
    starts = member_starts(bytes(raw)) if gzipped else record_starts(bytes(raw))
    bounds = [*starts[1:], len(raw)]
    uris, _ = read_all(source)
    flips = data.draw(st.lists(st.integers(0, len(raw) - 1), min_size=1, max_size=4))
    for at in flips:
        raw[at] ^= 0xFF
    damaged_path = tmp_path_factory.mktemp("flip") / source.name
    damaged_path.write_bytes(bytes(raw))
    seen, _damaged = read_all(damaged_path)
    hit = {
        i
        for i, (lo, hi) in enumerate(zip(starts, bounds, strict=True))
        for at in flips
        if lo <= at < hi
    }
    # A damaged record may swallow the one after it (a corrupted length); spare those too.
    spared = hit | {i + 1 for i in hit}
    intact = [uri for i, uri in enumerate(uris) if i not in spared]
    missing = [uri for uri in intact if uri not in seen]
    assert not missing


def _chunked(body: bytes, size: int = 100) -> bytes:
    pieces = [body[i : i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


@pytest.mark.parametrize(
    ("headers", "encode"),
    [
        (b"Transfer-Encoding: chunked\r\n", _chunked),
        (b"Content-Encoding: gzip\r\n", gzip.compress),
        (
            b"Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n",
            lambda body: _chunked(gzip.compress(body)),
        ),
    ],
    ids=["chunked", "gzip", "gzip+chunked"],
)
def test_payloads_are_read_as_the_server_meant_them(
    tmp_path: Path, headers: bytes, encode: Callable[[bytes], bytes]
) -> None:
    """Crawlers store the raw HTTP message; the reader undoes transfer and content coding."""
    html = b"<html><body><p>Deported to a third country.</p></body></html>" * 30
    record = WarcRecord()
    record.init_headers(WarcRecordType.response, b"uuid:0190b5e2-0000-7000-8000-000000000001")
    record.headers.append("WARC-Target-URI", "http://news.test/a")
    record.headers.append("Content-Type", "application/http; msgtype=response")
    record.set_bytes_content(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + headers + b"\r\n" + encode(html)
    )
    raw = io.BytesIO()
    record.write(raw)
    path = tmp_path / "encoded.warc"
    path.write_bytes(raw.getvalue())
    stream = RecordStream(Span(0, str(path), 0, None))
    payloads = [stream.read(r, 1 << 20) for r in stream]
    assert payloads == [html]
    assert stream.malformed == 0
