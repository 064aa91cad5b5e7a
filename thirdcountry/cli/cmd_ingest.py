"""`ingest`, `watch` and `archive`: sources into the store, feeds polled, the archive out.

The ingest stage is imported inside the commands: it loads trafilatura and friends, which
every other command can do without.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from thirdcountry.cli.options import OutputFormat, db_option, format_option, store_for
from thirdcountry.cli.output import console, counted, print_json, print_table
from thirdcountry.domain.errors import ThirdCountryError
from thirdcountry.settings import load_settings
from thirdcountry.store import open_store

if TYPE_CHECKING:
    from thirdcountry.ingest.pipeline import IngestReport, SourceResult

F = TypeVar("F", bound=Callable[..., Any])

# More sources than this get a progress bar.
HANDFUL = 5
_LABELS = {
    "new": "new",
    "duplicate": "duplicate",
    "near_duplicate": "near-duplicate",
    "already_stored": "already stored",
    "failed": "failed",
    "failed_before": "failed before",
}


def fetch_options(command: F) -> F:
    command = click.option(
        "--jobs",
        "-j",
        type=click.IntRange(1, 32),
        default=4,
        show_default=True,
        help="Sources fetched and parsed at once.",
    )(command)
    command = click.option(
        "--no-robots", is_flag=True, help="Ignore robots.txt (setting respect_robots)."
    )(command)
    return click.option(
        "--allow-private",
        is_flag=True,
        help="Let the fetcher reach loopback and private addresses (local use and tests).",
    )(command)


def _settings(db: str | None, allow_private: bool, no_robots: bool) -> dict[str, Any]:
    return load_settings(
        {
            "db": db,
            "allow_private": True if allow_private else None,
            "respect_robots": False if no_robots else None,
        }
    )


class ProgressBar:
    """A progress bar on stderr, shown only once there are more than a handful of sources
    and only on a terminal (logs and pipes get the summary alone)."""

    def __init__(self, out: Console | None = None) -> None:
        self._console = out or Console(stderr=True)
        self._progress: Progress | None = None
        self._task: Any = None

    def __call__(self, done: int, total: int, result: SourceResult) -> None:
        if self._progress is None:
            if total <= HANDFUL or not self._console.is_terminal:
                return
            self._progress = Progress(
                TextColumn("ingesting"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("{task.description}", style="dim"),
                console=self._console,
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("", total=total)
        last = result.locator if len(result.locator) <= 60 else "…" + result.locator[-59:]
        self._progress.update(self._task, completed=done, total=total, description=last)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def summary_line(report: IngestReport) -> str:
    counts = report.counts()
    feeds = counts.pop("feed")
    sources = sum(counts.values())
    parts = [f"{counts[key]} {label}" for key, label in _LABELS.items() if counts.get(key)]
    line = f"{counted(sources, 'source', 'sources')}: " + (", ".join(parts) or "nothing")
    if feeds:
        line += f" ({counted(feeds, 'feed', 'feeds')} read)"
    claims = sum(r.claims for r in report.results)
    if report.extraction:
        line += f"; {counted(claims, 'pending claim', 'pending claims')}"
    else:
        line += "; claim extraction not installed, documents stored without claims"
    return line


def print_report(report: IngestReport) -> None:
    console.print(summary_line(report))
    copies = [r for r in report.results if r.outcome.value in ("duplicate", "near_duplicate")]
    if copies:
        print_table(
            "copies (one independent source each with their original)",
            ["source", "copy of", "similarity"],
            (
                [
                    r.locator,
                    r.original_url or r.original_id,
                    "identical" if r.similarity is None else f"{r.similarity:.2f}",
                ]
                for r in copies
            ),
        )
    failed = [r for r in report.results if r.outcome.value in ("failed", "failed_before")]
    if failed:
        print_table(
            "failed (kept; `thirdcountry ingest --retry-failed` tries them again)",
            ["source", "reason", "worth retrying"],
            (
                [
                    r.locator,
                    r.reason if r.outcome.value == "failed" else f"earlier: {r.reason}",
                    "yes" if r.retryable else "no",
                ]
                for r in failed
            ),
        )
    notes = [r for r in report.results if r.note and r.outcome.value != "failed_before"]
    for result in notes:
        console.print(f"[dim]{result.locator}: {result.note}[/dim]")


def check_stored(report: IngestReport) -> None:
    """Exit 1 (after the summary) when any source is neither stored nor already present."""
    missing = len(report.not_stored)
    if missing:
        sources = len([r for r in report.results if r.outcome.value != "feed"])
        raise ThirdCountryError(
            f"{missing} of {counted(sources, 'source', 'sources')} not stored "
            "(see the failures above; `thirdcountry ingest --retry-failed` tries them again)"
        )


@click.group("archive")
def archive_group() -> None:
    """The archive of every source as it was received (raw bytes, headers, time)."""


@archive_group.command("export")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="File to write, e.g. sources.warc.gz (a WARC 1.1 file, gzip per record).",
)
@db_option
def archive_export(out: Path, db: str | None) -> None:
    """Write every archived capture as a standard WARC file."""
    from thirdcountry.ingest.service import export_archive

    written = export_archive(store_for(db), out)
    console.print(f"wrote {counted(written, 'archived source', 'archived sources')} to {out}")


def register(cli: click.Group) -> None:
    cli.add_command(archive_group)

    @cli.command()
    @click.argument("sources", nargs=-1)
    @click.option(
        "--retry-failed",
        is_flag=True,
        help="Also try again every source that failed before (see the failures listed).",
    )
    @fetch_options
    @db_option
    @format_option
    def ingest(
        sources: tuple[str, ...],
        retry_failed: bool,
        allow_private: bool,
        no_robots: bool,
        jobs: int,
        db: str | None,
        fmt: OutputFormat,
    ) -> None:
        """Ingest URLs, files (HTML, TXT, PDF), folders and feeds (RSS, Atom).

        Each document is stored once with its text, metadata and an archived copy of what
        was received; copies of a stored text are linked to it; failures are kept with
        their reason. Running the same ingest again adds nothing. Exits 1, after the
        summary, when any source was not stored (failed now, or before and not retried).
        """
        if not sources and not retry_failed:
            raise click.UsageError("name at least one SOURCE, or use --retry-failed")
        from thirdcountry.ingest.pipeline import load_extractor
        from thirdcountry.ingest.service import IngestConfig
        from thirdcountry.ingest.service import ingest as run_ingest

        values = _settings(db, allow_private, no_robots)
        config = IngestConfig.from_settings(values)
        store = open_store(str(values["db"]))
        bar = ProgressBar()
        try:
            report = run_ingest(
                store,
                list(sources),
                config=config,
                extract=load_extractor(),
                retry_failed=retry_failed,
                jobs=jobs,
                progress=bar,
            )
        finally:
            bar.close()
        if fmt is OutputFormat.json:
            print_json(report.to_dict())
        else:
            print_report(report)
        check_stored(report)

    @cli.command()
    @click.option(
        "--feeds",
        "feeds_file",
        required=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="File listing feed URLs (or feed files), one a line; # starts a comment.",
    )
    @click.option(
        "--every",
        default="15m",
        show_default=True,
        metavar="DURATION",
        help="Time between polls: 90s, 15m, 1h…",
    )
    @click.option("--once", is_flag=True, help="Poll once and exit.")
    @fetch_options
    @db_option
    @format_option
    def watch(
        feeds_file: Path,
        every: str,
        once: bool,
        allow_private: bool,
        no_robots: bool,
        jobs: int,
        db: str | None,
        fmt: OutputFormat,
    ) -> None:
        """Poll feeds and ingest their new entries, until stopped (SIGTERM stops after the
        current poll). What was seen is remembered in the store, across restarts."""
        from thirdcountry.ingest.pipeline import load_extractor
        from thirdcountry.ingest.service import IngestConfig, watch_feeds
        from thirdcountry.ingest.watch import parse_duration, read_feed_list

        interval = parse_duration(every)
        feeds = read_feed_list(feeds_file)
        values = _settings(db, allow_private, no_robots)
        config = IngestConfig.from_settings(values)
        store = open_store(str(values["db"]))
        stop = threading.Event()

        def on_poll(report: IngestReport) -> None:
            if fmt is OutputFormat.json:
                print_json({"polled_at": datetime.now(UTC).isoformat(), **report.to_dict()})
                return
            console.print(f"[bold]{datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC[/bold]")
            print_report(report)

        previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            watch_feeds(
                store,
                feeds,
                config=config,
                extract=load_extractor(),
                every=interval,
                once=once,
                stop=stop,
                on_poll=on_poll,
                jobs=jobs,
            )
        finally:
            signal.signal(signal.SIGTERM, previous)
