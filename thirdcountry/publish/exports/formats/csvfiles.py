"""CSV: one UTF-8 file per table, with a header row (RFC 4180)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from thirdcountry.publish.exports.registry import ExportFile, Links, register
from thirdcountry.publish.exports.tables import TABLES, Table
from thirdcountry.store.public import PublicData

MEDIA_TYPE = "text/csv; charset=utf-8"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def table_csv(table: Table, data: PublicData) -> bytes:
    """One table as CSV bytes; empty cells are unknown values."""
    return records_csv(table, table.records(data))


def records_csv(table: Table, records: Iterable[list[Any]]) -> bytes:
    """Records in ``table``'s columns (all of it, or a filtered view) as CSV bytes."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    for record in records:
        writer.writerow([_cell(value) for value in record])
    return buffer.getvalue().encode("utf-8")


def file_name(table: Table) -> str:
    return f"{table.name}.csv"


class CsvExporter:
    name = "csv"
    description = "One CSV file per table: " + ", ".join(t.name for t in TABLES) + "."

    def file_names(self, data: PublicData) -> list[str]:
        return [file_name(t) for t in TABLES]

    def render(self, data: PublicData, links: Links) -> list[ExportFile]:
        return [ExportFile(file_name(t), MEDIA_TYPE, table_csv(t, data)) for t in TABLES]


register(CsvExporter())
