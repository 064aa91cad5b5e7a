"""`claims` and `review`: list claims, and decide on them."""

from __future__ import annotations

import click

from thirdcountry.cli.options import OutputFormat, db_option, format_option, store_for
from thirdcountry.cli.output import console, print_claims, print_json
from thirdcountry.domain.countries import normalize_code
from thirdcountry.domain.vocabulary import ClaimKind, ReviewState
from thirdcountry.store import claims as claim_repo


def register(cli: click.Group) -> None:
    @cli.command()
    @click.option(
        "--state",
        type=click.Choice([s.value for s in ReviewState]),
        help="Only claims in this review state.",
    )
    @click.option(
        "--kind", type=click.Choice([k.value for k in ClaimKind]), help="Only claims of this kind."
    )
    @click.option(
        "--country", metavar="CODE", help="Only claims naming this country (alpha-2, XK)."
    )
    @click.option("--document", metavar="ID", help="Only claims from this document.")
    @click.option("--limit", type=click.IntRange(min=1), help="At most this many.")
    @db_option
    @format_option
    def claims(
        state: str | None,
        kind: str | None,
        country: str | None,
        document: str | None,
        limit: int | None,
        db: str | None,
        fmt: OutputFormat,
    ) -> None:
        """List claims, filtered by review state, kind, country or document."""
        where = claim_repo.ClaimFilter(
            state=ReviewState(state) if state else None,
            kind=ClaimKind(kind) if kind else None,
            country=normalize_code(country) if country else None,
            document_id=document,
        )
        store = store_for(db)
        with store.read() as session:
            found = claim_repo.list_claims(session, where, limit=limit)
        if fmt is OutputFormat.json:
            print_json([c.to_dict() for c in found])
        else:
            print_claims(found, f"{len(found)} claims")

    @cli.command()
    @click.argument("claim_id")
    @click.option("--accept", is_flag=True, help="Accept the claim.")
    @click.option("--reject", is_flag=True, help="Reject the claim.")
    @click.option("--note", help="Why; kept in the audit log.")
    @click.option(
        "--reviewer",
        envvar="THIRDCOUNTRY_REVIEWER",
        default="cli",
        show_default=True,
        help="Who decides (recorded) [env: THIRDCOUNTRY_REVIEWER].",
    )
    @click.option("--force", is_flag=True, help="Change a decision already taken.")
    @db_option
    @format_option
    def review(
        claim_id: str,
        accept: bool,
        reject: bool,
        note: str | None,
        reviewer: str,
        force: bool,
        db: str | None,
        fmt: OutputFormat,
    ) -> None:
        """Accept or reject a pending claim; the decision goes to the audit log."""
        if accept == reject:
            raise click.UsageError("say either --accept or --reject")
        decision = ReviewState.ACCEPTED if accept else ReviewState.REJECTED
        store = store_for(db)
        with store.write() as session:
            decided = claim_repo.review_claim(
                session, claim_id, decision, reviewer, note=note, allow_change=force
            )
        if fmt is OutputFormat.json:
            print_json(decided.to_dict())
        else:
            console.print(f"claim {decided.id}: {decided.review_state.value} by {reviewer}")
