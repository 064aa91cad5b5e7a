"""The scan's result file: Parquet, one row per relevant page, its claims nested in it.

Document columns carry the page's metadata, its main text and where in which archive it
was found; ``claims`` is a list of structs whose fields are exactly the claim contract's
(``docs/claims.md``), filled from ``Claim.to_dict()``. The scan's counts are stored in the
file's key-value metadata under ``thirdcountry.scan``.

The file is written to a temporary name and renamed when complete, so a failed scan never
leaves a half-written result behind.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from thirdcountry.domain.claims import CONTRACT_FIELDS
from thirdcountry.domain.errors import BadInput

METADATA_KEY = "thirdcountry.scan"

_CLAIM_TYPES: dict[str, pa.DataType] = {
    "count": pa.int64(),
    "nationalities": pa.list_(pa.string()),
    "amount": pa.float64(),
    "evidence_start": pa.int64(),
    "evidence_end": pa.int64(),
    "confidence": pa.float64(),
}
CLAIM_TYPE = pa.struct([(name, _CLAIM_TYPES.get(name, pa.string())) for name in CONTRACT_FIELDS])

SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("published", pa.date32()),
        ("language", pa.string()),
        ("content_hash", pa.string()),
        ("text", pa.string()),
        ("relevance_terms", pa.list_(pa.string())),
        ("warc_file", pa.string()),
        ("warc_offset", pa.int64()),
        ("warc_record_id", pa.string()),
        ("captured", pa.timestamp("ms", tz="UTC")),
        ("claims", pa.list_(CLAIM_TYPE)),
    ]
)
REQUIRED_COLUMNS = ("id", "url", "title", "outlet", "published", "language", "text", "claims")


class ResultWriter:
    """Writes rows span by span; ``close`` adds the counts and publishes the file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
        try:
            self._writer = pq.ParquetWriter(self._partial, SCHEMA, compression="zstd")
        except OSError as exc:
            raise BadInput(f"{path}: cannot write the result ({exc})") from None
        self.rows = 0

    def write(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            self._writer.write_table(pa.Table.from_pylist(rows, schema=SCHEMA))
            self.rows += len(rows)

    def write_table(self, table: pa.Table) -> None:
        if table.num_rows:
            self._writer.write_table(table)
            self.rows += table.num_rows

    def close(self, metadata: Mapping[str, Any]) -> None:
        self._writer.add_key_value_metadata({METADATA_KEY: json.dumps(metadata, sort_keys=True)})
        self._writer.close()
        self._partial.replace(self.path)

    def abort(self) -> None:
        self._writer.close()
        self._partial.unlink(missing_ok=True)

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self.abort()


def _open(path: Path) -> pq.ParquetFile:
    if not path.is_file():
        raise BadInput(f"{path}: no such file")
    try:
        result = pq.ParquetFile(path)
    except (pa.ArrowInvalid, OSError):
        raise BadInput(f"{path}: not a Parquet file") from None
    missing = [name for name in REQUIRED_COLUMNS if name not in result.schema_arrow.names]
    if missing:
        raise BadInput(f"{path}: not a scan result (missing columns: {', '.join(missing)})")
    return result


def read_rows(path: Path, *, batch_size: int = 256) -> Iterator[dict[str, Any]]:
    """The rows of a result file, a batch at a time (memory does not grow with the file)."""
    result = _open(path)
    for batch in result.iter_batches(batch_size=batch_size):
        yield from batch.to_pylist()


def read_metadata(path: Path) -> dict[str, Any]:
    """The scan's counts stored with the result (empty for files from elsewhere)."""
    raw = (_open(path).metadata.metadata or {}).get(METADATA_KEY.encode())
    return json.loads(raw) if raw else {}
