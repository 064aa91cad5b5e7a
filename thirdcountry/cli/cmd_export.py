"""`export`: the open-data files (CSV, JSON, GeoJSON, Data Package, Atom, SQLite)."""

from __future__ import annotations

from pathlib import Path

import click

from thirdcountry.cli.options import db_option, projection_rules, store_for
from thirdcountry.cli.output import console, counted
from thirdcountry.publish.exports import Links, export, exporters


def register(cli: click.Group) -> None:
    @cli.command("export")
    @click.option(
        "--format",
        "formats",
        multiple=True,
        default=("all",),
        show_default=True,
        type=click.Choice([*exporters(), "all"]),
        help="Format to write; repeat for several, or `all`.",
    )
    @click.option(
        "--out",
        required=True,
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder to write the files to (created if missing).",
    )
    @click.option(
        "--base-url",
        metavar="URL",
        help="Public address of the site, for absolute links in the feeds "
        "(default: links relative to a data/ folder of the site).",
    )
    @db_option
    def export_command(
        formats: tuple[str, ...], out: Path, base_url: str | None, db: str | None
    ) -> None:
        """Write the public data (accepted claims only) in open formats."""
        links = Links(site=base_url.rstrip("/") + "/") if base_url else Links()
        written = export(store_for(db), list(formats), out, links=links, rules=projection_rules(db))
        for path in written:
            console.print(f"{path}  {path.stat().st_size:,} bytes", highlight=False)
        console.print(f"{counted(len(written), 'file', 'files')} written to {out}", highlight=False)
