"""A scan's work folder: what is finished, so that a rerun after a crash or a stop skips it.

Beside the result ``OUT`` the scan keeps ``OUT.scan/``: one Parquet part per finished span
(its rows, written to a temporary name and renamed) and ``manifest.jsonl``, one line per
finished span with its counts, appended and flushed only once the part is in place. A
span is finished when its line is there and its part too; a line cut short by a crash is
ignored, so that span is scanned again. The result is assembled from the parts in span
order, so it is the same file whether the scan ran once or was resumed.

The folder is removed once the result is written and every input was read; when some
failed it stays, and a rerun of the same command scans only what is not finished.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from thirdcountry.scale.pipeline import ScanStats, SpanResult
from thirdcountry.scale.results import SCHEMA
from thirdcountry.scale.warc import Span

MANIFEST = "manifest.jsonl"


def span_key(span: Span) -> str:
    """A span's name in the manifest: its file and byte range (not its index, which
    depends on what else the scan reads)."""
    raw = f"{span.path}\x1f{span.start}\x1f{span.stop}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:24]


class ScanWork:
    def __init__(self, out: Path) -> None:
        self.folder = out.with_name(f"{out.name}.scan")
        self.manifest = self.folder / MANIFEST

    def _part(self, key: str) -> Path:
        return self.folder / f"part-{key}.parquet"

    def finished(self) -> dict[str, ScanStats]:
        """The counts of each finished span, by key."""
        if not self.manifest.is_file():
            return {}
        done: dict[str, ScanStats] = {}
        for line in self.manifest.read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
                stats = ScanStats(**entry["stats"])
            except (ValueError, KeyError, TypeError):
                continue  # a line a crash cut short: that span is scanned again
            if self._part(entry["key"]).is_file():
                done[entry["key"]] = stats
        return done

    def record(self, result: SpanResult) -> None:
        """Keep a finished span: its rows first, then the manifest line that vouches for them."""
        self.folder.mkdir(parents=True, exist_ok=True)
        key = span_key(result.span)
        part = self._part(key)
        partial = part.with_name(f".{part.name}.partial-{os.getpid()}")
        pq.write_table(pa.Table.from_pylist(result.rows, schema=SCHEMA), partial)
        partial.replace(part)
        stats = result.stats.to_dict()
        stats.pop("false_candidates")  # derived, not a field
        entry = {"key": key, "path": result.span.path, "start": result.span.start}
        entry |= {"stop": result.span.stop, "stats": stats}
        with self.manifest.open("a", encoding="utf-8") as f:
            f.write(json.dumps(entry, sort_keys=True) + "\n")
            f.flush()
            os.fsync(f.fileno())

    def tables(self, spans: Sequence[Span], done: dict[str, Any]) -> Iterator[pa.Table]:
        """The rows of the finished spans among ``spans``, in their order."""
        for span in spans:
            key = span_key(span)
            if key in done:
                yield pq.read_table(self._part(key), schema=SCHEMA)

    def clear(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
