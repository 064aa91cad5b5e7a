"""`scan` and `import`: find relevant pages in web archives, then load them for review."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import click

from thirdcountry.cli.options import OutputFormat, db_option, format_option, store_for
from thirdcountry.cli.output import console, counted, load_summary, print_json, print_table
from thirdcountry.scale.engines import EngineOptions, engine_names
from thirdcountry.settings import load_settings

if TYPE_CHECKING:
    from thirdcountry.scale.scan import ScanReport


def _print_report(report: ScanReport) -> None:
    stats = report.stats
    print_table(
        f"scan → {report.out}",
        ["measure", "value"],
        [
            ("engine", f"{report.engine} ({counted(report.workers, 'worker', 'workers')})"),
            ("files / spans", f"{report.files} / {report.spans}"),
            ("spans finished by an earlier run", report.resumed),
            ("inputs not scanned", len(report.failures)),
            ("records", f"{stats.records:,}"),
            ("megabytes read", f"{stats.bytes / 1e6:,.1f}"),
            ("malformed records skipped", stats.malformed),
            ("HTML pages (payloads cut at 5 MB)", f"{stats.html:,} ({stats.truncated})"),
            ("candidates (prefilter)", stats.candidates),
            (
                "false candidates (on markup · on text)",
                f"{stats.false_candidates} ({stats.boilerplate} · "
                f"{stats.false_candidates - stats.boilerplate})",
            ),
            ("relevant pages written", report.rows),
            ("claims", stats.claims),
            ("seconds", f"{report.seconds:.1f}"),
            (
                "MB/s · records/s",
                f"{report.megabytes_per_second:,.1f} · {report.records_per_second:,.0f}",
            ),
        ],
    )


def register(cli: click.Group) -> None:
    @cli.command("scan")
    @click.argument("inputs", nargs=-1, metavar="[WARC_URL_GLOB_OR_LISTING]...")
    @click.option(
        "--out",
        "-o",
        required=True,
        type=click.Path(path_type=Path, dir_okay=False),
        help="Parquet file to write (replaced when the scan completes).",
    )
    @click.option(
        "--engine",
        type=click.Choice(engine_names()),
        default="local",
        show_default=True,
        help="Where spans are scanned: this process, or a Dask cluster.",
    )
    @click.option(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="Dask scheduler to join (with --engine dask); default: a local cluster.",
    )
    @click.option(
        "--workers",
        type=click.IntRange(min=1),
        help="Workers of the local Dask cluster (default: one per CPU).",
    )
    @click.option(
        "--split-mb",
        type=click.IntRange(min=0),
        help="Cut gzipped files larger than this into ranges [env: THIRDCOUNTRY_SCAN_SPLIT_MB].",
    )
    @click.option(
        "--cc-news",
        "cc_news",
        metavar="YYYY/MM",
        help="Also scan Common Crawl News of this month (its warc.paths.gz listing).",
    )
    @click.option(
        "--limit",
        type=click.IntRange(min=1),
        help="Scan at most this many archive files (the first ones listed).",
    )
    @click.option(
        "--cc-base",
        metavar="URL",
        help="Where Common Crawl's files are [env: THIRDCOUNTRY_SCAN_CC_BASE].",
    )
    @click.option(
        "--quiet",
        "-q",
        is_flag=True,
        help="No progress (a bar on a terminal; JSON lines on stderr with --format json).",
    )
    @format_option
    def scan_command(
        inputs: tuple[str, ...],
        out: Path,
        engine: str,
        scheduler: str | None,
        workers: int | None,
        split_mb: int | None,
        cc_news: str | None,
        limit: int | None,
        cc_base: str | None,
        quiet: bool,
        fmt: OutputFormat,
    ) -> None:
        """Scan WARC files for third-country deportation news: local paths or globs,
        https:// and s3:// URLs (read where they are), and listings (*.paths, *.paths.gz).

        Every HTML page goes through a byte-level keyword prefilter; only candidates are
        parsed, judged on their text and given their claims. Relevant pages, with their
        text and claims, are written to a Parquet file for `thirdcountry import`. An input
        that cannot be read is named on one line and the scan goes on; finished files are
        kept in OUT.scan/, so running the same command again after a stop resumes.
        """
        # The scan machinery (FastWARC, Resiliparse, Arrow) loads only when a scan runs.
        from thirdcountry.scale.inputs import cc_news_listing
        from thirdcountry.scale.pipeline import ScanOptions
        from thirdcountry.scale.progress import JsonProgress, ScanProgress
        from thirdcountry.scale.remote import RemoteOptions
        from thirdcountry.scale.scan import scan

        if engine != "dask" and (scheduler or workers):
            raise click.UsageError("--scheduler and --workers need --engine dask")
        if not inputs and not cc_news:
            raise click.UsageError("give WARC files, URLs or listings, or --cc-news YYYY/MM")
        settings = load_settings({"scan_split_mb": split_mb, "scan_cc_base": cc_base})
        split = int(settings["scan_split_mb"])
        base = str(settings["scan_cc_base"])
        sources = list(inputs) + ([cc_news_listing(cc_news, base)] if cc_news else [])
        remote = RemoteOptions(
            attempts=max(1, int(settings["scan_retries"])),
            backoff=float(settings["scan_retry_backoff"]),
            s3_endpoint=str(settings["scan_s3_endpoint"]) or None,
        )
        bar: ScanProgress | JsonProgress | None = None
        if not quiet and fmt is OutputFormat.json:
            bar = JsonProgress()
        elif not quiet and sys.stderr.isatty():
            bar = ScanProgress()
        with bar if isinstance(bar, ScanProgress) else nullcontext():
            report = scan(
                sources,
                out,
                options=ScanOptions(remote=remote),
                cc_base=base,
                limit=limit,
                engine=engine,
                engine_options=EngineOptions(workers=workers, scheduler=scheduler),
                split_bytes=split * 1024 * 1024,
                progress=bar,
                on_plan=bar.plan if bar is not None else None,
            )
        if fmt is OutputFormat.json:
            print_json(report.to_dict())
        else:
            _print_report(report)
        for failure in report.failures:
            click.echo(f"not scanned: {failure}", err=True)
        if report.failures:
            kept = "left as it was" if not report.written else "written without them"
            click.echo(
                f"{counted(len(report.failures), 'input', 'inputs')} not scanned; {out} {kept}. "
                "Run the same command again to retry them (finished files are not scanned again).",
                err=True,
            )
            sys.exit(1)

    @cli.command("import")
    @click.argument("results", nargs=-1, required=True, type=click.Path(path_type=Path))
    @db_option
    @format_option
    def import_command(results: tuple[Path, ...], db: str | None, fmt: OutputFormat) -> None:
        """Import scan results (Parquet): pages as documents, their claims as pending.

        Each file loads whole or not at all; importing it again adds nothing.
        """
        from thirdcountry.scale.importer import import_result

        store = store_for(db)
        for path in results:
            report = import_result(store, path)
            if fmt is OutputFormat.json:
                print_json(report.to_dict())
                continue
            console.print(load_summary(report))
            for problem in report.rejected:
                console.print(f"  rejected: {problem}")
