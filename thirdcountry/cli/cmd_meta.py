"""`version`, `settings` and `audit`: facts about the tool and the store."""

from __future__ import annotations

import click

from thirdcountry import __version__
from thirdcountry.cli.options import OutputFormat, db_option, format_option, settings_for, store_for
from thirdcountry.cli.output import console, print_json, print_table
from thirdcountry.domain.errors import ThirdCountryError
from thirdcountry.settings import SETTINGS, settings_markdown
from thirdcountry.store import audit
from thirdcountry.store.load import dataset_meta


@click.group("audit")
def audit_group() -> None:
    """The tamper-evident audit log of review decisions."""


@audit_group.command("verify")
@db_option
def audit_verify(db: str | None) -> None:
    """Check the audit log's hash chain; fail naming every broken entry."""
    store = store_for(db)
    with store.read() as session:
        report = audit.verify_chain(session)
    if not report.ok:
        raise ThirdCountryError(
            f"audit log broken ({len(report.problems)} problem(s)): " + "; ".join(report.problems)
        )
    console.print(f"audit log intact: {report.entries} entries")


def register(cli: click.Group) -> None:
    cli.add_command(audit_group)

    @cli.command()
    @db_option
    @format_option
    def version(db: str | None, fmt: OutputFormat) -> None:
        """The tool's version, and the dataset version loaded in the database."""
        info: dict[str, object] = {
            "thirdcountry": __version__,
            "dataset": dataset_meta(store_for(db)).get("version"),
        }
        if fmt is OutputFormat.json:
            print_json(info)
        else:
            console.print(" ".join(f"{k} {v}" for k, v in info.items() if v is not None))

    @cli.command()
    @click.option("--markdown", is_flag=True, help="Print the settings reference as Markdown.")
    @db_option
    def settings(markdown: bool, db: str | None) -> None:
        """Show every setting with its current value and where to change it."""
        if markdown:
            click.echo(settings_markdown(), nl=False)
            return
        values = settings_for(db)
        print_table(
            "settings",
            ["name", "value", "environment variable", "meaning"],
            ([s.name, values[s.name], s.env, s.help] for s in SETTINGS),
        )
