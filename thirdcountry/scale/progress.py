"""A rich progress bar for scans: bytes done, MB/s, records and records/s, time left."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.text import Text


class _RecordsColumn(ProgressColumn):
    """Records read so far and their rate, from the ``records`` field of the task."""

    def render(self, task: Task) -> Text:
        records = int(task.fields.get("records", 0))
        elapsed = task.finished_time if task.finished else task.elapsed
        rate = records / elapsed if elapsed else 0.0
        return Text(f"{records:,} records {rate:,.0f} rec/s", style="progress.data.speed")


class ScanProgress:
    """Implements the scan's progress callback; use as a context manager around the scan."""

    def __init__(self, console: Console | None = None) -> None:
        self._progress = Progress(
            TextColumn("[bold]scan"),
            BarColumn(),
            DownloadColumn(binary_units=False),
            TransferSpeedColumn(),
            _RecordsColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console or Console(stderr=True),
            transient=False,
        )
        self._task = self._progress.add_task("scan", total=None, records=0)
        self._records = 0

    def plan(self, total_bytes: int) -> None:
        self._progress.update(self._task, total=total_bytes)

    def __call__(self, records: int, nbytes: int) -> None:
        self._records += records
        self._progress.update(self._task, advance=nbytes, records=self._records)

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
