"""`init` and `load`: create the store and load dataset files into it."""

from __future__ import annotations

from pathlib import Path

import click

from thirdcountry.cli.options import OutputFormat, db_option, format_option, store_for
from thirdcountry.cli.output import console, load_summary, print_json
from thirdcountry.data import bundled_dataset
from thirdcountry.store.load import LoadReport, load_file


def _report(report: LoadReport, fmt: OutputFormat) -> None:
    if fmt is OutputFormat.json:
        print_json(report.to_dict())
        return
    console.print(load_summary(report))


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

        Each file loads whole or not at all; loading it again adds nothing. A claim the
        store holds as pending takes the file's decision (accepted or rejected), recorded
        in the audit log; a decision already taken in the store stands.
        """
        store = store_for(db)
        for path in files:
            _report(load_file(store, path), fmt)
