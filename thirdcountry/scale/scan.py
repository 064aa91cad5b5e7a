"""Scanning WARC archives into a Parquet result, on any engine.

``scan`` expands the inputs (paths or glob patterns), cuts them into spans, lets the engine
process the spans, and writes each span's rows in span order as results arrive — so the
file does not depend on which worker finished first, and the driver holds only the rows of
spans waiting for an earlier one. The counts go into the file's metadata and the report.
"""

from __future__ import annotations

import glob
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thirdcountry import __version__
from thirdcountry.domain.errors import BadInput
from thirdcountry.scale.engines import EngineOptions, open_engine
from thirdcountry.scale.pipeline import Progress, ScanOptions, ScanStats, SpanResult
from thirdcountry.scale.results import ResultWriter
from thirdcountry.scale.warc import Span, plan_spans


@dataclass(slots=True)
class ScanReport:
    out: Path
    engine: str
    workers: int
    files: int
    spans: int
    stats: ScanStats = field(default_factory=ScanStats)
    rows: int = 0
    seconds: float = 0.0

    @property
    def megabytes_per_second(self) -> float:
        return self.stats.bytes / 1e6 / self.seconds if self.seconds else 0.0

    @property
    def records_per_second(self) -> float:
        return self.stats.records / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "out": str(self.out),
            "engine": self.engine,
            "workers": self.workers,
            "files": self.files,
            "spans": self.spans,
            "documents": self.rows,
            **self.stats.to_dict(),
            "seconds": round(self.seconds, 3),
            "mb_per_second": round(self.megabytes_per_second, 1),
            "records_per_second": round(self.records_per_second, 1),
        }


def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """Paths from paths and glob patterns, in a stable order, each named once."""
    found: list[str] = []
    for item in inputs:
        if glob.has_magic(item):
            # glob.glob, not Path.glob: patterns may be absolute (/data/cc/*.warc.gz).
            matches = sorted(
                p
                for p in glob.glob(item, recursive=True)  # noqa: PTH207
                if Path(p).is_file()
            )
            if not matches:
                raise BadInput(f"{item}: no file matches this pattern")
            found.extend(matches)
            continue
        path = Path(item)
        if not path.exists():
            raise BadInput(f"{item}: no such file")
        if not path.is_file():
            raise BadInput(f"{item}: is not a file")
        found.append(item)
    return list(dict.fromkeys(found))


def _write_in_order(
    writer: ResultWriter, results: Any, spans: Sequence[Span], stats: ScanStats
) -> None:
    waiting: dict[int, SpanResult] = {}
    next_index = 0
    for result in results:
        waiting[result.span.index] = result
        while next_index in waiting:
            ready = waiting.pop(next_index)
            writer.write(ready.rows)
            stats.add(ready.stats)
            next_index += 1
    if next_index != len(spans):
        raise RuntimeError(f"engine returned {next_index} of {len(spans)} spans")


def scan(
    inputs: Sequence[str],
    out: Path,
    *,
    engine: str = "local",
    engine_options: EngineOptions | None = None,
    options: ScanOptions | None = None,
    split_bytes: int = 64 * 1024 * 1024,
    progress: Progress | None = None,
    on_plan: Callable[[int], None] | None = None,
) -> ScanReport:
    """Scan ``inputs`` into the Parquet file ``out``; return what was seen and kept.

    ``on_plan`` (optional) is called with the total number of bytes before work starts,
    so a progress display can size its bar.
    """
    paths = expand_inputs(inputs)
    spans = plan_spans(paths, split_bytes=split_bytes)
    options = options or ScanOptions()
    if on_plan is not None:
        on_plan(sum(span.length(Path(span.path).stat().st_size) for span in spans))
    started = time.perf_counter()
    with open_engine(engine, engine_options) as runner:
        report = ScanReport(
            out=out, engine=runner.name, workers=runner.workers, files=len(paths), spans=len(spans)
        )
        with ResultWriter(out) as writer:
            _write_in_order(writer, runner.run(spans, options, progress), spans, report.stats)
            report.rows = writer.rows
            writer.close(
                {
                    "thirdcountry": __version__,
                    "inputs": paths,
                    "spans": len(spans),
                    **report.stats.to_dict(),
                }
            )
    report.seconds = time.perf_counter() - started
    return report
