"""`version`, `settings` and `audit`: facts about the tool and the store."""

from __future__ import annotations

from pathlib import Path

import click

from thirdcountry import __version__
from thirdcountry.cli.options import OutputFormat, db_option, format_option, settings_for, store_for
from thirdcountry.cli.output import Column, console, counted, print_json, print_table
from thirdcountry.domain.errors import ThirdCountryError
from thirdcountry.settings import SETTINGS, Setting, settings_markdown
from thirdcountry.store import audit
from thirdcountry.store.load import dataset_meta


@click.group("audit")
def audit_group() -> None:
    """The tamper-evident audit log of review decisions."""


@audit_group.command("verify")
@click.option(
    "--against",
    "against",
    metavar="CHECKPOINT",
    help="Also check the log still holds this checkpoint's entry unchanged (ENTRY:HASH[:MAC] "
    "as `audit checkpoint` printed it, or a file holding it): shows a log cut back or "
    "rewritten since.",
)
@db_option
def audit_verify(against: str | None, db: str | None) -> None:
    """Check the audit log's hash chain, and its MACs when audit_key is set; fail naming
    every broken entry."""
    store = store_for(db)
    kept = audit.Checkpoint.parse(_checkpoint_text(against)) if against else None
    with store.read() as session:
        report = audit.verify_against(session, kept) if kept else audit.verify_chain(session)
    if not report.ok:
        raise ThirdCountryError(
            f"audit log broken ({counted(len(report.problems), 'problem', 'problems')}): "
            + "; ".join(report.problems)
        )
    checked = f", entry {kept.entry} matches the checkpoint" if kept and kept.entry else ""
    console.print(f"audit log intact: {counted(report.entries, 'entry', 'entries')}{checked}")
    for limit in report.limits:
        console.print(f"note: {limit}")


def _checkpoint_text(raw: str) -> str:
    """A checkpoint given as itself, or as the path of a file holding it."""
    path = Path(raw)
    if ":" not in raw and path.is_file():
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return lines[0] if lines else ""
    return raw


@audit_group.command("checkpoint")
@db_option
def audit_checkpoint(db: str | None) -> None:
    """Print the log's newest entry as a checkpoint (ENTRY:HASH, and :MAC when audit_key is
    set) to keep somewhere a database writer cannot reach; `audit verify --against` it later."""
    store = store_for(db)
    with store.read() as session:
        click.echo(audit.checkpoint(session).token())


def _shown(item: Setting, value: object) -> object:
    # A secret's value is never printed; only whether it is set.
    if item.secret:
        return "(set)" if value else ""
    return value


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
            [
                Column("name", keep=9, wrap=False),
                Column("value", keep=8),
                Column("environment variable", keep=3),
                Column("meaning", keep=1),
            ],
            ([s.name, _shown(s, values[s.name]), s.env, s.help] for s in SETTINGS),
        )
