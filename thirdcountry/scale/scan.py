"""Scanning WARC archives into a Parquet result, on any engine.

``scan`` expands the inputs (paths, glob patterns, URLs, listings), cuts them into spans,
lets the engine process the spans that a previous, interrupted run did not finish, and
keeps each finished span in the scan's work folder (``resume.ScanWork``) as it arrives.
The result is then assembled from the finished spans in span order — so the file does not
depend on which worker finished first, nor on whether the scan was resumed — and
published by renaming. Inputs that cannot be read are listed in the report and in the
file's metadata; the others are scanned all the same.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thirdcountry import __version__
from thirdcountry.scale.engines import EngineOptions, open_engine
from thirdcountry.scale.inputs import CC_BASE, expand_inputs
from thirdcountry.scale.pipeline import Progress, ScanOptions, ScanStats
from thirdcountry.scale.remote import is_remote
from thirdcountry.scale.results import ResultWriter
from thirdcountry.scale.resume import ScanWork, span_key
from thirdcountry.scale.warc import plan_spans


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
    resumed: int = 0  # spans a previous run had finished, not scanned again
    failures: list[str] = field(default_factory=list)  # one line per input not read
    written: bool = False  # False when nothing could be read: ``out`` is left alone

    @property
    def megabytes_per_second(self) -> float:
        return self.stats.bytes / 1e6 / self.seconds if self.seconds else 0.0

    @property
    def records_per_second(self) -> float:
        return self.stats.records / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "out": str(self.out),
            "written": self.written,
            "engine": self.engine,
            "workers": self.workers,
            "files": self.files,
            "spans": self.spans,
            "resumed_spans": self.resumed,
            "documents": self.rows,
            **self.stats.to_dict(),
            "seconds": round(self.seconds, 3),
            "mb_per_second": round(self.megabytes_per_second, 1),
            "records_per_second": round(self.records_per_second, 1),
            "failures": list(self.failures),
        }


def scan(
    inputs: Sequence[str],
    out: Path,
    *,
    engine: str = "local",
    engine_options: EngineOptions | None = None,
    options: ScanOptions | None = None,
    split_bytes: int = 64 * 1024 * 1024,
    progress: Progress | None = None,
    on_plan: Callable[[list[tuple[int, str, int]]], None] | None = None,
    cc_base: str = CC_BASE,
    limit: int | None = None,
) -> ScanReport:
    """Scan ``inputs`` into the Parquet file ``out``; return what was seen and kept.

    ``on_plan`` (optional) is called before work starts with the spans to scan, as
    (index, path, bytes) — 0 bytes for a remote file, whose size its worker learns —
    so a progress display can size its bars. ``cc_base`` is where
    relative lines of listings point; ``limit`` caps the number of archives.
    """
    options = options or ScanOptions()
    found = expand_inputs(list(inputs), base=cc_base, policy=options.remote, limit=limit)
    spans = plan_spans(found.paths, split_bytes=split_bytes)
    work = ScanWork(out)
    done = work.finished()
    todo = [span for span in spans if span_key(span) not in done]
    if on_plan is not None:
        on_plan(
            [
                (s.index, s.path, s.length(Path(s.path).stat().st_size) if _local(s.path) else 0)
                for s in todo
            ]
        )
    started = time.perf_counter()
    with open_engine(engine, engine_options) as runner:
        report = ScanReport(
            out=out,
            engine=runner.name,
            workers=runner.workers,
            files=len(found.paths),
            spans=len(spans),
            resumed=len(spans) - len(todo),
            failures=list(found.failures),
        )
        returned = 0
        for result in runner.run(todo, options, progress) if todo else ():
            returned += 1
            if result.failure is not None:
                report.failures.append(result.failure)
                continue
            work.record(result)
            done[span_key(result.span)] = result.stats
    if returned != len(todo):
        raise RuntimeError(f"engine returned {returned} of {len(todo)} spans")
    for span in spans:
        stats = done.get(span_key(span))
        if stats is not None:
            report.stats.add(stats)
    if done or not report.failures:
        _publish(out, work, spans, done, report)
        if not report.failures:
            work.clear()
    report.seconds = time.perf_counter() - started
    return report


def _local(path: str) -> bool:
    return not is_remote(path) and Path(path).is_file()


def _publish(
    out: Path, work: ScanWork, spans: Sequence[Any], done: dict[str, ScanStats], report: ScanReport
) -> None:
    with ResultWriter(out) as writer:
        for table in work.tables(spans, done):
            writer.write_table(table)
        report.rows = writer.rows
        writer.close(
            {
                "thirdcountry": __version__,
                "inputs": [span.path for span in spans if span.start == 0],
                "spans": len(spans),
                "failures": report.failures,
                **report.stats.to_dict(),
            }
        )
    report.written = True
