"""`audit export`: the audit log as JSON lines, hashes included, for archiving or checking
elsewhere. Added to the `audit` group that `cmd_meta` defines."""

from __future__ import annotations

from pathlib import Path

import click

from thirdcountry.cli.cmd_meta import audit_group
from thirdcountry.cli.options import db_option, store_for
from thirdcountry.cli.output import counted
from thirdcountry.review.trail import export_lines


@audit_group.command("export")
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write to this file instead of standard output.",
)
@click.option(
    "--since", type=click.IntRange(min=0), default=0, help="Only entries after this entry number."
)
@db_option
def audit_export(output: Path | None, since: int, db: str | None) -> None:
    """Export the audit log as JSON lines: who decided what, when, before and after, with
    each entry's hash and its predecessor's."""
    store = store_for(db)
    with store.read() as session:
        if output is None:
            for line in export_lines(session, since_id=since):
                click.echo(line)
            return
        count = 0
        with output.open("w", encoding="utf-8") as handle:
            for line in export_lines(session, since_id=since):
                handle.write(line + "\n")
                count += 1
    click.echo(f"{counted(count, 'entry', 'entries')} written to {output}", err=True)


def register(cli: click.Group) -> None:
    # The command joins `audit` when this module is imported; nothing to add at the top.
    del cli
