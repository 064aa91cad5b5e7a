"""`arrangements` and `country`: the projected picture."""

from __future__ import annotations

import click

from thirdcountry.cli.options import (
    OutputFormat,
    db_option,
    format_option,
    projection_rules,
    store_for,
)
from thirdcountry.cli.output import Column, console, print_claims, print_json, print_table
from thirdcountry.data import bundled_labels
from thirdcountry.domain.countries import country_name, normalize_code
from thirdcountry.domain.projection import Arrangement, total_phrase
from thirdcountry.domain.tally import tally, tally_sentence
from thirdcountry.domain.vocabulary import Status
from thirdcountry.store import views
from thirdcountry.store.short_ids import short_id


def _status(a: Arrangement) -> str:
    status = bundled_labels().label("status", a.status) if a.status else "-"
    return f"{status}{' (disputed)' if a.disputed else ''}"


def _basis_lines(found: list[Arrangement]) -> list[str]:
    """What each status rests on, and each reported total: a total is never a transfer."""
    lines = []
    for a in found:
        if a.status_basis is not None:
            lines.append(f"{a.key}  {a.status_basis.text()}")
        total = a.reported_total
        if total is not None:
            lines.append(
                f"{a.key}  reported total: {total_phrase(total)} people, {total.start} to "
                f"{total.end} ({total.sources} source{'' if total.sources == 1 else 's'}); "
                "not added to the transfers"
            )
    return lines


def _print_arrangements(found: list[Arrangement], title: str) -> None:
    labels = bundled_labels()
    print_table(
        title,
        [
            Column("sender", keep=9, wrap=False),
            Column("receiver", keep=9),
            Column("status", keep=8),
            Column("roles", keep=3),
            Column("cap", keep=2, wrap=False),
            Column("transfers", keep=4, wrap=False),
            Column("people", keep=6, wrap=False),
            Column("sources", keep=5, wrap=False),
            Column("updated", keep=1, wrap=False),
        ],
        (
            [
                a.sender,
                f"{a.receiver} {country_name(a.receiver)}",
                _status(a),
                ", ".join(labels.label("role", role) for role in a.roles),
                a.capacity,
                len(a.transfers),
                a.people_transferred,
                a.source_count,
                a.last_updated.isoformat() if a.last_updated else None,
            ]
            for a in found
        ),
    )
    for line in _basis_lines(found):
        # Wrapped at word boundaries to the terminal's width, like the table above.
        console.print(line, highlight=False)


def register(cli: click.Group) -> None:
    @cli.command()
    @click.option("--sender", metavar="CODE", help="Only this sending country.")
    @click.option(
        "--status",
        type=click.Choice([s.value for s in Status]),
        help="Only arrangements with this status.",
    )
    @db_option
    @format_option
    def arrangements(
        sender: str | None, status: str | None, db: str | None, fmt: OutputFormat
    ) -> None:
        """Arrangements projected from accepted claims: status, roles, caps, transfers."""
        wanted_sender = normalize_code(sender) if sender else None
        store = store_for(db)
        with store.read() as session:
            found = views.arrangements(session, projection_rules(db))
        found = [
            a
            for a in found
            if (wanted_sender is None or a.sender == wanted_sender)
            and (status is None or a.status == status)
        ]
        if fmt is OutputFormat.json:
            print_json([a.to_dict() for a in found])
        else:
            _print_arrangements(found, tally_sentence(tally(found), "en"))

    @cli.command()
    @click.argument("code")
    @db_option
    @format_option
    def country(code: str, db: str | None, fmt: OutputFormat) -> None:
        """One country's arrangements, claims and sources (CODE: alpha-2, XK for Kosovo)."""
        store = store_for(db)
        with store.read() as session:
            view = views.country_view(session, code, projection_rules(db))
        if fmt is OutputFormat.json:
            print_json(view.to_dict())
            return
        console.print(f"[bold]{view.code} {country_name(view.code)}[/bold]")
        _print_arrangements(view.arrangements, "arrangements")
        print_claims(view.claims, "accepted claims")
        labels = bundled_labels()
        print_table(
            "sources",
            [
                Column("id", keep=9, wrap=False),
                Column("outlet", keep=8),
                Column("published", keep=7, wrap=False),
                Column("kind", keep=2),
                Column("url", keep=1, wrap=False),
            ],
            (
                [
                    short_id(d.id),
                    d.outlet,
                    d.published_date,
                    labels.label("document_kind", d.kind.value),
                    d.url,
                ]
                for d in view.documents
            ),
        )
