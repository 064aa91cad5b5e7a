"""Streaming WARC records with FastWARC: gzipped or plain, any size, damaged records skipped.

FastWARC stops at the first record it cannot parse (a bad header, a corrupt gzip member, a
wrong Content-Length). ``RecordStream`` then searches forward for the next record start —
a gzip member that inflates to ``WARC/1.x``, or a ``WARC/1.x`` line followed by a header in
a plain file — and carries on from there, counting the damage. The same search lets a large
gzipped file be cut into byte ranges (``Span``) that separate workers read independently:
a range owns the records that *start* inside it.

Memory does not grow with the file: FastWARC reads through a fixed buffer, the search reads
fixed windows, and payloads are read only for the records the caller asks for, up to a cap.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord

from thirdcountry.domain.errors import ArchiveUnreadable
from thirdcountry.scale.remote import RemoteOptions, is_remote, open_archive

GZIP_MAGIC = b"\x1f\x8b\x08"
_PLAIN_START = re.compile(rb"WARC/1\.[01]\r?\n[!-9;-~]+:")
_WINDOW = 1 << 20
_SPARE = 1 << 14  # bytes read past a window so a hit near its end can still be checked
_PROBE_LIMIT = 4 << 20  # how much of a file we inflate to learn whether it is per-record gzip


@dataclass(frozen=True, slots=True)
class Span:
    """The records of ``path`` that start at a byte offset in [start, stop)."""

    index: int
    path: str
    start: int
    stop: int | None  # None: to the end of the file

    def length(self, size: int) -> int:
        return (size if self.stop is None else min(self.stop, size)) - self.start


def target_uri(record: WarcRecord) -> str:
    """The record's WARC-Target-URI, without the angle brackets wget puts around it."""
    raw = (record.headers.get("WARC-Target-URI") or "").strip()
    if raw.startswith("<") and raw.endswith(">"):
        return raw[1:-1].strip()
    return raw


def is_gzip(path: str | Path) -> bool:
    with Path(path).open("rb") as f:
        return f.read(3) == GZIP_MAGIC


def _gzip_member_starts_record(data: bytes, at: int) -> bool:
    try:
        inflated = zlib.decompressobj(wbits=31).decompress(data[at : at + _SPARE], 16)
    except zlib.error:
        return False
    return inflated.startswith(b"WARC/")


def _plain_record_starts(data: bytes, at: int, absolute: int) -> bool:
    if absolute > 0 and (at == 0 or data[at - 1 : at] != b"\n"):
        return False
    return _PLAIN_START.match(data, at) is not None


def next_record_start(f: BinaryIO, offset: int, *, limit: int | None = None) -> int | None:
    """The offset of the first record starting at or after ``offset`` (before ``limit``).

    Both kinds of start are looked for, so a file whose first bytes are damaged is still
    read: a gzip member that inflates to ``WARC/``, or a ``WARC/1.x`` line at the start of
    a line followed by a header field.
    """
    position = offset
    while limit is None or position < limit:
        f.seek(position)
        data = f.read(_WINDOW + _SPARE)
        if not data:
            return None
        end = len(data) if len(data) <= _WINDOW else _WINDOW
        found = [
            at
            for at in (_first(data, end, position, gzipped=True), _first(data, end, position))
            if at is not None
        ]
        if found:
            absolute = position + min(found)
            return None if limit is not None and absolute >= limit else absolute
        if len(data) <= _WINDOW:
            return None
        position += _WINDOW
    return None


def _first(data: bytes, end: int, position: int, *, gzipped: bool = False) -> int | None:
    """The first valid record start of one kind among the hits before ``end`` in a window."""
    magic = GZIP_MAGIC if gzipped else b"WARC/1."
    at = data.find(magic, 0, end + len(magic) - 1)
    while 0 <= at < end:
        valid = (
            _gzip_member_starts_record(data, at)
            if gzipped
            else _plain_record_starts(data, at, position + at)
        )
        if valid:
            return at
        at = data.find(magic, at + 1, end + len(magic) - 1)
    return None


def _is_per_record_gzip(path: Path) -> bool:
    """True when each record is its own gzip member, so the file can be cut between them."""
    with path.open("rb") as f:
        inflater = zlib.decompressobj(wbits=31)
        read = 0
        while not inflater.eof and read < _PROBE_LIMIT:
            chunk = f.read(1 << 16)
            if not chunk:
                return False
            read += len(chunk)
            try:
                inflater.decompress(chunk, 1 << 20)
            except zlib.error:
                return False
        return inflater.eof and inflater.unused_data.startswith(GZIP_MAGIC[:2])


def plan_spans(paths: list[str], *, split_bytes: int) -> list[Span]:
    """One span per file, or several for a large per-record-gzipped local file.

    A remote file stays whole: learning whether it can be cut would read it here, on the
    client, and the bytes are meant to go only to the worker that scans it.
    """
    spans: list[Span] = []
    for path in paths:
        if is_remote(path) or not Path(path).is_file():
            spans.append(Span(len(spans), path, 0, None))  # a missing file fails in its span
            continue
        size = Path(path).stat().st_size
        cut = (
            split_bytes > 0
            and size > split_bytes
            and is_gzip(path)
            and _is_per_record_gzip(Path(path))
        )
        if not cut:
            spans.append(Span(len(spans), path, 0, None))
            continue
        for start in range(0, size, split_bytes):
            stop = start + split_bytes
            spans.append(Span(len(spans), path, start, None if stop >= size else stop))
    return spans


def _encoded(record: WarcRecord) -> bool:
    """Whether the payload was sent chunked or compressed. FastWARC undoes those encodings,
    which changes the length: only a payload sent as is can be checked against its
    Content-Length (and only a short one needs the check, so the headers are read then)."""
    if not record.is_http:
        return False
    headers = record.http_headers
    return bool(headers.get("Content-Encoding") or headers.get("Transfer-Encoding"))


class RecordStream:
    """The records of one span, in file order, skipping (and counting) damaged ones."""

    def __init__(self, span: Span, policy: RemoteOptions | None = None) -> None:
        self.span = span
        self.policy = policy
        self.size = 0  # of the whole file, known once it is open
        self.malformed = 0
        self.position = span.start  # start offset of the latest record handed out
        self._read_failed = False

    def mark_malformed(self) -> None:
        """A record the caller found unusable (e.g. an HTTP response that does not parse)."""
        self.malformed += 1

    def read(self, record: WarcRecord, limit: int) -> bytes | None:
        """Up to ``limit`` bytes of the decoded payload; None if it is damaged or cut short."""
        try:
            payload = record.reader.read(limit)
        except OSError:
            payload = None
        if payload is None or (
            len(payload) < min(limit, record.content_length) and not _encoded(record)
        ):
            self.malformed += 1
            self._read_failed = True
            return None
        return payload

    def __iter__(self) -> Iterator[WarcRecord]:
        span = self.span
        f, self.size = open_archive(span.path, self.policy)
        with f:
            start: int | None = span.start
            if span.start > 0:
                start = next_record_start(f, span.start, limit=span.stop)
            elif next_record_start(f, 0, limit=_WINDOW) is None:
                # Damage before the first record is searched past, but not forever: a file
                # with no record start in its first megabyte is something else.
                what = "empty" if self.size == 0 else "no WARC record in its first MB"
                raise ArchiveUnreadable(f"{span.path}: not a WARC file ({what})")
            suspect: int | None = None  # a record start already counted as damaged
            while start is not None and (span.stop is None or start < span.stop):
                f.seek(start)
                last: int | None = None
                failed = False
                try:
                    for record in ArchiveIterator(f, parse_http=True, auto_decode="all"):
                        self._read_failed = False
                        offset = record.stream_pos
                        if span.stop is not None and offset >= span.stop:
                            return
                        last = offset
                        self.position = offset
                        yield record
                except OSError:
                    failed = True
                resume = (start if last is None else last) + 1
                following = next_record_start(f, resume, limit=span.stop)
                if not failed and following is None:
                    return
                # Either FastWARC gave up on a record, or it stopped quietly before a record
                # start (a truncated last member). Count each damaged place once: a failure
                # at the record we resumed on, or right after a payload that would not
                # read, is the damage already counted.
                if not (self._read_failed or (last is None and start == suspect)):
                    self.malformed += 1
                self._read_failed = False
                suspect = following if last is not None else None
                start = following
