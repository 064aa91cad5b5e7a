"""Rendering command results: rich tables for people, JSON for programs."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from thirdcountry.domain.claims import Claim
from thirdcountry.domain.totals import stated_count

if TYPE_CHECKING:
    from thirdcountry.store.load import LoadReport

console = Console()


def print_json(data: Any) -> None:
    # Plain print: rich would wrap long lines and break the JSON for pipes.
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def print_table(title: str | None, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    table = Table(title=title, show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    count = 0
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
        count += 1
    if count == 0:
        console.print(f"[dim]{title or 'result'}: nothing to show[/dim]")
        return
    console.print(table)


def load_summary(report: LoadReport) -> str:
    """One line for a file loaded into the store (a dataset file or a scan result)."""
    return (
        f"{report.source}: documents {report.documents_added} added, "
        f"{report.documents_present} already present; claims {report.claims_added} added, "
        f"{report.claims_present} already present"
        + (f" ({report.claims_decided} of them decided now)" if report.claims_decided else "")
        + f"; {len(report.rejected)} rejected"
    )


def claim_summary(claim: Claim) -> str:
    """The claim's content in a few words: value, count, money, facility."""
    parts = [claim.value or ""]
    if claim.count is not None:
        parts.append(f"{stated_count(claim.count, claim.count_qualifier)} people")
    if claim.nationalities:
        parts.append("/".join(claim.nationalities))
    if claim.amount is not None:
        parts.append(f"{claim.amount} {claim.currency}")
    if claim.facility:
        parts.append(f"@ {claim.facility}")
    return " ".join(p for p in parts if p)


def _when(claim: Claim) -> str | None:
    """The claim's date, or the period a total covers (``2025-01-20..2025-06-24``)."""
    if claim.period_from and claim.period_to:
        return f"{claim.period_from}..{claim.period_to}"
    return claim.when.isoformat() if claim.when else None


def print_claims(claims: list[Claim], title: str = "claims") -> None:
    print_table(
        title,
        ["id", "state", "kind", "sender", "receiver", "what", "date", "document"],
        (
            [
                c.id,
                c.review_state.value,
                c.kind.value,
                c.sender,
                c.receiver,
                claim_summary(c),
                _when(c),
                (c.document_id or "")[:13],
            ]
            for c in claims
        ),
    )
