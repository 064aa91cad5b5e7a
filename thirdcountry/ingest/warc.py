"""The archive as a standard WARC 1.1 file (ISO 28500), one gzip member per record.

Fetched pages become ``response`` records holding the HTTP status line, the headers and
the body exactly as received; local files become ``resource`` records. A page reached
through redirects gets a ``metadata`` record naming the URLs it was reached from. Each
record carries SHA-1 block and payload digests, so any WARC tool can check it.

One header is renamed on the way out: our HTTP client removes chunked transfer coding
while it reads, so the stored body is the de-chunked payload, and a ``Transfer-Encoding:
chunked`` header would make WARC readers try to de-chunk it again. It is kept as
``X-Archive-Orig-Transfer-Encoding``, the spelling web archives use for such headers.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from thirdcountry import __version__
from thirdcountry.ingest.model import Capture, CaptureKind

_CRLF = b"\r\n"


def _digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def _warc_date(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _record_id() -> str:
    return f"<urn:uuid:{uuid.uuid4()}>"


def _record(headers: list[tuple[str, str]], block: bytes) -> bytes:
    lines = [b"WARC/1.1"]
    for name, value in [*headers, ("Content-Length", str(len(block)))]:
        # Header values come from servers: no line breaks may smuggle in extra fields.
        clean = value.replace("\r", " ").replace("\n", " ")
        lines.append(f"{name}: {clean}".encode())
    return _CRLF.join(lines) + _CRLF + _CRLF + block + _CRLF + _CRLF


def http_block(capture: Capture) -> bytes:
    """Status line, headers and body of an archived response, as HTTP/1.1 frames them."""
    version = capture.http_version or "HTTP/1.1"
    status_line = f"{version} {capture.status} {capture.reason or ''}".rstrip()
    lines = [status_line.encode("latin-1", "replace")]
    for name, value in capture.headers:
        if name.lower() == "transfer-encoding":
            name = "X-Archive-Orig-Transfer-Encoding"
        clean = value.replace("\r", " ").replace("\n", " ")
        lines.append(f"{name}: {clean}".encode("latin-1", "replace"))
    return _CRLF.join(lines) + _CRLF + _CRLF + capture.body


def warcinfo_record(filename: str, record_id: str) -> bytes:
    fields = (
        f"software: thirdcountry/{__version__}\r\n"
        "format: WARC File Format 1.1\r\n"
        "conformsTo: http://iipc.github.io/warc-specifications/specifications/"
        "warc-format/warc-1.1/\r\n"
        "description: sources archived by thirdcountry at ingestion\r\n"
    ).encode()
    headers = [
        ("WARC-Type", "warcinfo"),
        ("WARC-Record-ID", record_id),
        ("WARC-Date", _warc_date(datetime.now(UTC))),
        ("WARC-Filename", filename),
        ("Content-Type", "application/warc-fields"),
        ("WARC-Block-Digest", _digest(fields)),
    ]
    return _record(headers, fields)


def capture_records(capture: Capture, warcinfo_id: str | None = None) -> list[bytes]:
    """The WARC records of one capture (its response or resource, and any metadata)."""
    record_id = _record_id()
    common = [("WARC-Date", _warc_date(capture.fetched_at))]
    if warcinfo_id:
        common.append(("WARC-Warcinfo-ID", warcinfo_id))
    if capture.kind is CaptureKind.RESPONSE:
        block = http_block(capture)
        headers = [
            ("WARC-Type", "response"),
            ("WARC-Record-ID", record_id),
            ("WARC-Target-URI", capture.target),
            *common,
            ("Content-Type", "application/http; msgtype=response"),
            ("WARC-Block-Digest", _digest(block)),
            ("WARC-Payload-Digest", _digest(capture.body)),
        ]
        if capture.ip:
            headers.append(("WARC-IP-Address", capture.ip))
    else:
        block = capture.body
        headers = [
            ("WARC-Type", "resource"),
            ("WARC-Record-ID", record_id),
            ("WARC-Target-URI", capture.target),
            *common,
            ("Content-Type", capture.media_type or "application/octet-stream"),
            ("WARC-Block-Digest", _digest(block)),
            ("WARC-Payload-Digest", _digest(block)),
        ]
    records = [_record(headers, block)]
    if capture.redirects:
        fields = "".join(f"via: {url}\r\n" for url in capture.redirects).encode()
        records.append(
            _record(
                [
                    ("WARC-Type", "metadata"),
                    ("WARC-Record-ID", _record_id()),
                    ("WARC-Target-URI", capture.target),
                    *common,
                    ("WARC-Refers-To", record_id),
                    ("Content-Type", "application/warc-fields"),
                    ("WARC-Block-Digest", _digest(fields)),
                ],
                fields,
            )
        )
    return records


def write_warc(captures: Iterable[Capture], out: BinaryIO, *, filename: str) -> int:
    """Write a warcinfo record and every capture to ``out``; return the captures written."""

    def member(record: bytes) -> bytes:
        return gzip.compress(record, mtime=0)

    info_id = _record_id()
    out.write(member(warcinfo_record(filename, info_id)))
    written = 0
    for capture in captures:
        for record in capture_records(capture, info_id):
            out.write(member(record))
        written += 1
    return written


def export_warc(captures: Iterable[Capture], path: Path) -> int:
    """Write ``path`` (a .warc.gz) whole, or leave no half-written file behind."""
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("wb") as out:
            written = write_warc(captures, out, filename=path.name)
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return written
