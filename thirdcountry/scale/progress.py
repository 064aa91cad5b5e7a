"""How far a scan has got: records, MB/s, relevant pages and time left, per file and overall.

``ProgressTally`` turns the spans' cumulative reports (``SpanProgress``) into figures; the
rich display (``ScanProgress``) and the JSON lines (``JsonProgress``, for ``--format
json``) show the same figures. The overall time left is the bytes still to read over the
rate so far; a remote file's size is known only once a worker opens it, so until then it
counts as the mean size of the files whose size is known.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TextIO

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn

from thirdcountry.scale.pipeline import SpanProgress


@dataclass(slots=True)
class _File:
    path: str
    size: int
    started: float | None = None
    records: int = 0
    bytes: int = 0
    relevant: int = 0
    done: bool = False
    failed: bool = False


def _rate(nbytes: int, seconds: float) -> float:
    return nbytes / 1e6 / seconds if seconds > 0 else 0.0


def _eta(left: float, mb_per_second: float) -> float | None:
    return round(left / 1e6 / mb_per_second, 1) if mb_per_second > 0 else None


class ProgressTally:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.started = clock()
        self.files: dict[int, _File] = {}

    def plan(self, spans: Sequence[tuple[int, str, int]]) -> None:
        """The spans to scan: (index, path, size in bytes, or 0 when not known yet)."""
        self.started = self.clock()
        for index, path, size in spans:
            self.files[index] = _File(path, size)

    def update(self, update: SpanProgress) -> None:
        f = self.files.setdefault(update.span, _File(update.path, update.size))
        if f.started is None:
            f.started = self.clock()
        f.records, f.bytes, f.relevant = update.records, update.bytes, update.relevant
        f.size = update.size or f.size
        f.done, f.failed = update.done, update.failed

    def expected_bytes(self) -> float:
        known = [f.size for f in self.files.values() if f.size and not f.failed]
        unknown = sum(1 for f in self.files.values() if not f.size and not f.done)
        mean = sum(known) / len(known) if known else 0.0
        done = sum(f.bytes for f in self.files.values() if f.failed)
        return sum(known) + unknown * mean + done

    def file_figures(self, index: int) -> dict[str, Any]:
        f = self.files[index]
        elapsed = self.clock() - (f.started if f.started is not None else self.clock())
        rate = _rate(f.bytes, elapsed)
        return {
            "file": f.path,
            "records": f.records,
            "mb": round(f.bytes / 1e6, 1),
            "size_mb": round(f.size / 1e6, 1) if f.size else None,
            "mb_per_second": round(rate, 1),
            "relevant": f.relevant,
            "eta_seconds": 0.0 if f.done else _eta(f.size - f.bytes, rate) if f.size else None,
            "done": f.done,
            "failed": f.failed,
        }

    def overall(self) -> dict[str, Any]:
        files = self.files.values()
        read = sum(f.bytes for f in files)
        rate = _rate(read, self.clock() - self.started)
        expected = self.expected_bytes()
        return {
            "files": len(self.files),
            "files_done": sum(1 for f in files if f.done),
            "records": sum(f.records for f in files),
            "mb": round(read / 1e6, 1),
            "expected_mb": round(expected / 1e6, 1),
            "mb_per_second": round(rate, 1),
            "relevant": sum(f.relevant for f in files),
            "eta_seconds": _eta(max(0.0, expected - read), rate),
        }


def _eta_text(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


def _line(figures: dict[str, Any]) -> str:
    return (
        f"{figures['records']:,} records · {figures['mb_per_second']:,.1f} MB/s · "
        f"{figures['relevant']:,} relevant · {_eta_text(figures['eta_seconds'])} left"
    )


class ScanProgress:
    """The rich display: an overall bar and one bar per file being read."""

    def __init__(self, console: Console | None = None) -> None:
        self.tally = ProgressTally()
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[figures]}"),
            console=console or Console(stderr=True),
            transient=False,
        )
        self._overall = self._progress.add_task("[bold]all files", total=None, figures="")
        self._tasks: dict[int, TaskID] = {}

    def plan(self, spans: Sequence[tuple[int, str, int]]) -> None:
        self.tally.plan(spans)
        self._refresh_overall()

    def _refresh_overall(self) -> None:
        figures = self.tally.overall()
        self._progress.update(
            self._overall,
            total=self.tally.expected_bytes() or None,
            completed=figures["mb"] * 1e6,
            figures=f"{figures['files_done']}/{figures['files']} files · {_line(figures)}",
        )

    def __call__(self, update: SpanProgress) -> None:
        self.tally.update(update)
        task = self._tasks.get(update.span)
        if task is None and not update.done:
            name = update.path.rsplit("/", 1)[-1]
            task = self._tasks[update.span] = self._progress.add_task(name, figures="")
        if task is not None:
            if update.done:
                self._progress.remove_task(task)
                del self._tasks[update.span]
            else:
                figures = self.tally.file_figures(update.span)
                self._progress.update(
                    task, total=update.size or None, completed=update.bytes, figures=_line(figures)
                )
        self._refresh_overall()

    def __enter__(self) -> ScanProgress:
        self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._progress.stop()


class JsonProgress:
    """The same figures as JSON lines: at most one a second, and one as each file ends."""

    def __init__(self, out: TextIO | None = None, *, every: float = 1.0) -> None:
        self.tally = ProgressTally()
        self.out = out or sys.stderr
        self.every = every
        self._last = float("-inf")

    def plan(self, spans: Sequence[tuple[int, str, int]]) -> None:
        self.tally.plan(spans)

    def __call__(self, update: SpanProgress) -> None:
        self.tally.update(update)
        now = self.tally.clock()
        if not update.done and now - self._last < self.every:
            return
        self._last = now
        line = {
            "progress": self.tally.file_figures(update.span),
            "overall": self.tally.overall(),
        }
        self.out.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.out.flush()
