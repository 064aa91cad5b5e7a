"""`init` and `load`: create the store and load dataset files into it."""

from __future__ import annotations

from pathlib import Path

import click

from thirdcountry.cli.options import OutputFormat, db_option, format_option, store_for
from thirdcountry.cli.output import console, print_json
from thirdcountry.data import bundled_dataset
from thirdcountry.store.load import LoadReport, load_file


def _report(report: LoadReport, fmt: OutputFormat) -> None:
    if fmt is OutputFormat.json:
        print_json(report.to_dict())
        return
    console.print(
        f"{report.source}: documents {report.documents_added} added, "
        f"{report.documents_present} already present; claims {report.claims_added} added, "
        f"{report.claims_present} already present; {len(report.rejected)} rejected"
    )


def register(cli: click.Group) -> None:
    @cli.command()
    @click.option("--empty", is_flag=True, help="Create the schema only, load no data.")
    @db_option
    @format_option
    def init(empty: bool, db: str | None, fmt: OutputFormat) -> None:
        """Create (or migrate) the database and load the bundled dataset into it."""
        store = store_for(db)
        if fmt is OutputFormat.table:
            console.print(f"database: {store.display_url()}")
        if not empty:
            _report(load_file(store, bundled_dataset()), fmt)

    @cli.command()
    @click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
    @db_option
    @format_option
    def load(files: tuple[Path, ...], db: str | None, fmt: OutputFormat) -> None:
        """Load dataset files (YAML or JSON).

        Each file loads whole or not at all; loading it again adds nothing.
        """
        store = store_for(db)
        for path in files:
            _report(load_file(store, path), fmt)
