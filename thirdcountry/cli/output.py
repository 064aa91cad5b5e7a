"""Rendering command results: rich tables for people, JSON for programs."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from gettext import ngettext
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

from thirdcountry.data import bundled_labels
from thirdcountry.domain.claims import Claim
from thirdcountry.domain.labels import format_money
from thirdcountry.domain.totals import stated_count
from thirdcountry.store.short_ids import short_id

if TYPE_CHECKING:
    from thirdcountry.store.load import LoadReport

console = Console()


def counted(count: int, one: str, many: str) -> str:
    """``1 claim``, ``2 claims``: every count the CLI prints goes through ngettext."""
    return f"{count:,} {ngettext(one, many, count)}"


def print_json(data: Any) -> None:
    # Plain print: rich would wrap long lines and break the JSON for pipes.
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@dataclass(frozen=True)
class Column:
    """A table column: its header, how much it matters, and whether it may wrap.

    ``keep`` orders what stays when a terminal is too narrow: columns are left out from
    the lowest ``keep`` up. Columns that may not wrap (ids, codes, dates) are never cut.
    """

    header: str
    keep: int = 5
    wrap: bool = True


def _longest_word(text: str) -> int:
    return max((len(word) for word in text.split()), default=0)


# A token longer than this (a path, a URL) has no word boundary to wait for: it is folded.
LONGEST_UNBROKEN = 24


def _min_width(column: Column, cells: list[str]) -> int:
    # A wrapping column needs room for its longest word, so it breaks only at spaces.
    if column.wrap:
        widths = [min(_longest_word(cell), LONGEST_UNBROKEN) for cell in cells]
    else:
        widths = [len(cell) for cell in cells]
    return max([_longest_word(column.header), *widths])


def fit_columns(columns: Sequence[Column], rows: list[list[str]], width: int) -> list[int]:
    """The indexes of the columns that fit in ``width``, most important kept."""
    widths = [_min_width(c, [row[i] for row in rows]) for i, c in enumerate(columns)]
    shown = list(range(len(columns)))
    # A rich table with a box spends three characters per column plus one.
    while len(shown) > 1 and sum(widths[i] + 3 for i in shown) + 1 > width:
        shown.remove(min(shown, key=lambda i: (columns[i].keep, -i)))
    return shown


def print_table(
    title: str | None, columns: Sequence[str | Column], rows: Iterable[Sequence[Any]]
) -> None:
    specs = [c if isinstance(c, Column) else Column(c) for c in columns]
    cells = [["" if cell is None else str(cell) for cell in row] for row in rows]
    if not cells:
        console.print(f"[dim]{title or 'result'}: nothing to show[/dim]")
        return
    shown = fit_columns(specs, cells, console.width)
    table = Table(title=title, show_lines=False, header_style="bold")
    for i in shown:
        column = specs[i]
        table.add_column(
            column.header,
            no_wrap=not column.wrap,
            min_width=_min_width(column, [row[i] for row in cells]),
            overflow="fold",
        )
    for row in cells:
        table.add_row(*(row[i] for i in shown))
    console.print(table)
    left_out = [specs[i].header for i in range(len(specs)) if i not in shown]
    if left_out:
        console.print(
            f"[dim]left out for width: {', '.join(left_out)} "
            "(a wider terminal or --format json shows them)[/dim]",
            highlight=False,
        )


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
    labels = bundled_labels()
    parts = [labels.value(claim.kind, claim.value)]
    if claim.count is not None:
        parts.append(f"{stated_count(claim.count, claim.count_qualifier)} people")
    if claim.nationalities:
        parts.append("/".join(claim.nationalities))
    if claim.amount is not None:
        parts.append(format_money(claim.amount, claim.currency, "en"))
    if claim.facility:
        parts.append(f"at {claim.facility}")
    return " ".join(p for p in parts if p)


def _when(claim: Claim) -> str | None:
    """The claim's date, or the period a total covers (``2025-01-20..2025-06-24``)."""
    if claim.period_from and claim.period_to:
        return f"{claim.period_from}..{claim.period_to}"
    return claim.when.isoformat() if claim.when else None


def print_claims(claims: list[Claim], title: str = "claims") -> None:
    labels = bundled_labels()
    print_table(
        title,
        [
            Column("id", keep=9, wrap=False),
            Column("state", keep=3),
            Column("kind", keep=8),
            Column("sender", keep=7, wrap=False),
            Column("receiver", keep=7, wrap=False),
            Column("what", keep=6),
            Column("date", keep=4, wrap=False),
            Column("document", keep=1, wrap=False),
        ],
        (
            [
                short_id(c.id),
                labels.label("review_state", c.review_state.value),
                labels.label("kind", c.kind.value),
                c.sender,
                c.receiver,
                claim_summary(c),
                _when(c),
                short_id(c.document_id),
            ]
            for c in claims
        ),
    )
