"""`build-site`: the public site, exports and API copy as static files."""

from __future__ import annotations

from pathlib import Path

import click

from thirdcountry.cli.options import (
    OutputFormat,
    db_option,
    format_option,
    projection_rules,
    store_for,
)
from thirdcountry.cli.output import console, print_json
from thirdcountry.domain.errors import ThirdCountryError
from thirdcountry.store.public import public_cache


def register(cli: click.Group) -> None:
    @cli.command("build-site")
    @click.argument("out", type=click.Path(file_okay=False, path_type=Path))
    @click.option("--strict", is_flag=True, help="Fail when a page links to a missing page.")
    @db_option
    @format_option
    def build_site_command(out: Path, strict: bool, db: str | None, fmt: OutputFormat) -> None:
        """Write the site to OUT for any static host: pages, data/ files, api/v1/ JSON.

        Links are relative, so the folder can be served from a sub-path. OUT must be new,
        empty, or an earlier build-site output (which is replaced whole).
        """
        from thirdcountry.publish.static_site import build_site

        store = store_for(db)
        public_cache(store, projection_rules(db))
        report = build_site(store, out)
        if fmt is OutputFormat.json:
            print_json(report.to_dict())
        else:
            console.print(
                f"{out}: {report.pages} pages, {report.assets} assets, "
                f"{report.data_files} data files, {report.api_files} API files",
                highlight=False,
            )
            for page, link, status in report.broken:
                console.print(f"broken link on {page}: {link} ({status or 'not public'})")
        if strict and report.broken:
            raise ThirdCountryError(f"{len(report.broken)} broken link(s) in the built site")
