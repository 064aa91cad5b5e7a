"""`review --interactive`: walk through the pending claims at the terminal.

Each claim is shown with its source and its evidence; the reviewer accepts, rejects (with
a note), corrects (field=value lines), skips or quits. Each decision is its own
transaction naming the version shown, so a decision taken meanwhile on the web is
reported, never overwritten.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import click

from thirdcountry.cli.output import claim_summary, console
from thirdcountry.domain.errors import BadInput, Conflict
from thirdcountry.review import decisions
from thirdcountry.review.fields import EDITABLE
from thirdcountry.review.queue import ClaimCard, build_queue
from thirdcountry.store import Store

CHOICES = {"a": "accept", "r": "reject", "c": "correct", "s": "skip", "q": "quit"}


def _show(card: ClaimCard, source: str) -> None:
    claim = card.claim
    pair = f"{claim.sender or '?'} → {claim.receiver}"
    console.print(
        f"\n[bold]{claim.kind.value}[/bold] {pair}  {claim_summary(claim)}", highlight=False
    )
    when = claim.when.isoformat() if claim.when else "undated"
    confidence = f", confidence {claim.confidence:.2f}" if claim.confidence is not None else ""
    console.print(
        f"  {when} · {claim.extractor or 'unknown'}{confidence} · {source}", highlight=False
    )
    if card.excerpt:
        shown = "".join(
            f"[reverse]{s.text}[/reverse]" if s.marked else s.text for s in card.excerpt
        )
        console.print(f"  “{shown}”", highlight=False)
    elif claim.quote:
        console.print(f"  “[reverse]{claim.quote}[/reverse]”", highlight=False)
    console.print(f"  [dim]{claim.id} (version {card.version})[/dim]")


def _ask_changes() -> dict[str, Any]:
    console.print(f"  field=value per line, empty line to finish ({', '.join(EDITABLE)})")
    changes: dict[str, Any] = {}
    while True:
        line = click.prompt("  change", default="", show_default=False).strip()
        if not line:
            return changes
        name, sep, value = line.partition("=")
        if not sep or name.strip() not in EDITABLE:
            console.print(
                f"  [red]write field=value with a field among: {', '.join(EDITABLE)}[/red]"
            )
            continue
        changes[name.strip()] = value.strip()


def _decide(store: Store, reviewer: str, card: ClaimCard, choice: str) -> str:
    claim_id, version = card.claim.id, card.version
    if choice == "accept":
        with store.write() as session:
            decisions.accept(session, reviewer, claim_id, version=version)
        return "accepted"
    if choice == "reject":
        note = click.prompt("  why (required)")
        with store.write() as session:
            decisions.reject(session, reviewer, claim_id, note=note, version=version)
        return "rejected"
    changes = _ask_changes()
    note = click.prompt("  note", default="", show_default=False)
    with store.write() as session:
        corrected = decisions.correct(
            session, reviewer, claim_id, changes, version=version, note=note
        )
    console.print(f"  correction stored as {corrected.id}")
    return "corrected"


def interactive_review(store: Store, reviewer: str, country: str | None = None) -> Counter[str]:
    """Prompt through the queue, one page of documents at a time; returns the tallies."""
    tally: Counter[str] = Counter()
    seen: set[str] = set()
    page = 1
    while True:
        with store.read() as session:
            queue = build_queue(session, country=country, page=page, per_page=20)
        cards = [
            (card, group.document)
            for group in queue.groups
            for card in group.claims
            if card.claim.id not in seen
        ]
        if not cards:
            # Everything on this page was skipped: move on, or stop after the last page.
            if queue.page >= queue.pages:
                break
            page += 1
            continue
        for card, document in cards:
            seen.add(card.claim.id)
            source = (
                (document.outlet or document.title or document.url or document.id)
                if document
                else "no source"
            )
            _show(card, source)
            key = click.prompt(
                "  [a]ccept [r]eject [c]orrect [s]kip [q]uit",
                type=click.Choice(list(CHOICES)),
                show_choices=False,
            )
            choice = CHOICES[key]
            if choice == "quit":
                return tally
            if choice == "skip":
                tally["skipped"] += 1
                continue
            try:
                tally[_decide(store, reviewer, card, choice)] += 1
            except (BadInput, Conflict) as refused:
                console.print(f"  [red]not saved: {refused.message}[/red]", highlight=False)
                tally["refused"] += 1
    return tally
