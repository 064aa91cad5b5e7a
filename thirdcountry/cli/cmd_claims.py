"""`claims` and `review`: list claims, and decide on them (one, at a prompt, or by policy)."""

from __future__ import annotations

from pathlib import Path

import click

from thirdcountry.cli.options import OutputFormat, db_option, format_option, store_for
from thirdcountry.cli.output import console, counted, print_claims, print_json
from thirdcountry.cli.review_prompts import interactive_review
from thirdcountry.domain.countries import normalize_code
from thirdcountry.domain.vocabulary import ClaimKind, ReviewState
from thirdcountry.review import policy
from thirdcountry.store import claims as claim_repo
from thirdcountry.store.short_ids import resolve_claim_id, resolve_document_id


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
        store = store_for(db)
        with store.read() as session:
            where = claim_repo.ClaimFilter(
                state=ReviewState(state) if state else None,
                kind=ClaimKind(kind) if kind else None,
                country=normalize_code(country) if country else None,
                document_id=resolve_document_id(session, document) if document else None,
            )
            found = claim_repo.list_claims(session, where, limit=limit)
        if fmt is OutputFormat.json:
            print_json([c.to_dict() for c in found])
        else:
            print_claims(found, counted(len(found), "claim", "claims"))

    @cli.command()
    @click.argument("claim_id", required=False)
    @click.option("--accept", is_flag=True, help="Accept the claim.")
    @click.option("--reject", is_flag=True, help="Reject the claim.")
    @click.option(
        "--interactive",
        "-i",
        is_flag=True,
        help="Prompt through the pending claims, document by document.",
    )
    @click.option(
        "--auto-accept",
        "rules_file",
        type=click.Path(path_type=Path, dir_okay=False),
        metavar="RULES",
        help="Accept pending claims that a rule of this YAML file vouches for; recorded "
        "as decisions by policy:<rule name>.",
    )
    @click.option("--dry-run", is_flag=True, help="With --auto-accept: show, decide nothing.")
    @click.option("--country", metavar="CODE", help="With --interactive: only this country.")
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
        claim_id: str | None,
        accept: bool,
        reject: bool,
        interactive: bool,
        rules_file: Path | None,
        dry_run: bool,
        country: str | None,
        note: str | None,
        reviewer: str,
        force: bool,
        db: str | None,
        fmt: OutputFormat,
    ) -> None:
        """Decide on claims: one by id (--accept/--reject), all pending ones at a prompt
        (--interactive), or unattended by policy rules (--auto-accept RULES)."""
        modes = [bool(claim_id), interactive, rules_file is not None]
        if sum(modes) != 1:
            raise click.UsageError("give a CLAIM_ID, --interactive or --auto-accept RULES")
        if rules_file is not None:
            rules = policy.load_rules(rules_file)
            report = policy.auto_accept(store_for(db), rules, dry_run=dry_run)
            if fmt is OutputFormat.json:
                print_json(report.to_dict())
                return
            verb = "would accept" if dry_run else "accepted"
            for accepted_id, why in report.accepted:
                console.print(f"{verb} {accepted_id}: {why}", highlight=False)
            for message in report.skipped:
                console.print(f"skipped: {message}", highlight=False)
            console.print(f"{len(report.accepted)} of {report.considered} pending claims {verb}")
            return
        if interactive:
            code = normalize_code(country) if country else None
            tally = interactive_review(store_for(db), reviewer, code)
            summary = ", ".join(f"{n} {what}" for what, n in sorted(tally.items()))
            console.print(f"done: {summary or 'nothing decided'}")
            return
        assert claim_id is not None
        if accept == reject:
            raise click.UsageError("say either --accept or --reject")
        decision = ReviewState.ACCEPTED if accept else ReviewState.REJECTED
        store = store_for(db)
        with store.write() as session:
            decided = claim_repo.review_claim(
                session,
                resolve_claim_id(session, claim_id),
                decision,
                reviewer,
                note=note,
                allow_change=force,
            )
        if fmt is OutputFormat.json:
            print_json(decided.to_dict())
        else:
            console.print(f"claim {decided.id}: {decided.review_state.value} by {reviewer}")
