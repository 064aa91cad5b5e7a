"""SQLite: a clean, documented copy of the public data, ready for Datasette or any client.

Only what the API shows goes in: accepted claims that stand, the projected arrangements,
transfers, facilities, countries and the cited documents (never their text). No accounts,
no pending or rejected claims, no audit log. Two tables document the rest: ``about``
(dataset, licence, versions) and ``about_columns`` (every column's type and meaning).
"""

from __future__ import annotations

import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path
from typing import Any

from thirdcountry import __version__
from thirdcountry.publish.exports.registry import ExportFile, Links, register
from thirdcountry.publish.exports.tables import TABLES, Column, Table
from thirdcountry.store.public import PublicData

FILE_NAME = "thirdcountry.db"
_SQL_TYPES = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
    "datetime": "TEXT",
}
# Columns people filter on; Datasette's facets and the API's filters use the same ones.
INDEXES = {
    "arrangements": (("sender",), ("receiver",), ("status",)),
    "claims": (("kind",), ("sender", "receiver"), ("receiver",), ("document_id",), ("date",)),
    "transfers": (("sender", "receiver"), ("receiver",), ("date",)),
    "facilities": (("country",),),
}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column_sql(table: Table, column: Column) -> str:
    parts = [_quote(column.name), _SQL_TYPES[column.type]]
    if column.name == table.primary_key:
        parts.append("PRIMARY KEY")
    elif column.required:
        parts.append("NOT NULL")
    if column.type == "boolean":
        parts.append(f"CHECK ({_quote(column.name)} IN (0, 1))")
    return " ".join(parts)


def create_table_sql(table: Table) -> str:
    lines = [_column_sql(table, c) for c in table.columns]
    lines += [
        f"FOREIGN KEY ({_quote(k.column)}) REFERENCES {_quote(k.table)} ({_quote(k.target)})"
        for k in table.foreign_keys
    ]
    return f"CREATE TABLE {_quote(table.name)} (\n  " + ",\n  ".join(lines) + "\n)"


def _referenced_first(table: Table, data: PublicData) -> list[Any]:
    """Rows in an order the foreign keys accept: a row a sibling points at comes first
    (a syndicated copy's document after its original's)."""
    records = list(table.records(data))
    for key in table.foreign_keys:
        if key.table == table.name:
            index: int = [c.name for c in table.columns].index(key.column)
            records.sort(key=lambda row: row[index] is not None)
    return records


def write_database(data: PublicData, path: Path) -> None:
    """Write the public data to a new SQLite file at ``path``."""
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA foreign_keys = ON")
        with db:
            db.execute("CREATE TABLE about (key TEXT PRIMARY KEY, value TEXT)")
            db.execute(
                "CREATE TABLE about_columns (table_name TEXT, column_name TEXT, type TEXT,"
                " description TEXT, PRIMARY KEY (table_name, column_name))"
            )
            db.execute(
                "CREATE TABLE about_tables (name TEXT PRIMARY KEY, title TEXT, description TEXT)"
            )
            about = {
                "dataset": data.dataset.get("name"),
                "title": data.dataset.get("title"),
                "dataset_version": data.dataset.get("version"),
                "license": data.dataset.get("license") or data.dataset.get("licence"),
                "data_version": data.version,
                "last_modified": data.last_modified.isoformat() if data.last_modified else None,
                "software": f"thirdcountry {__version__}",
                "lists": "Lists inside a cell are separated by ';'.",
                "dates": "Dates are YYYY, YYYY-MM or YYYY-MM-DD as precise as the sources.",
            }
            db.executemany(
                "INSERT INTO about VALUES (?, ?)",
                [(k, None if v is None else str(v)) for k, v in about.items()],
            )
            for table in TABLES:
                db.execute(create_table_sql(table))
                db.execute(
                    "INSERT INTO about_tables VALUES (?, ?, ?)",
                    (table.name, table.title, table.description),
                )
                db.executemany(
                    "INSERT INTO about_columns VALUES (?, ?, ?, ?)",
                    [(table.name, c.name, c.type, c.description) for c in table.columns],
                )
                marks = ", ".join("?" for _ in table.columns)
                db.executemany(
                    f"INSERT INTO {_quote(table.name)} VALUES ({marks})",
                    _referenced_first(table, data),
                )
                for columns in INDEXES.get(table.name, ()):
                    name = f"ix_{table.name}_{'_'.join(columns)}"
                    cols = ", ".join(_quote(c) for c in columns)
                    db.execute(f"CREATE INDEX {_quote(name)} ON {_quote(table.name)} ({cols})")
        db.execute("ANALYZE")
        db.execute("VACUUM")


class SqliteExporter:
    name = "sqlite"
    description = f"{FILE_NAME}: the public tables in one documented SQLite file."

    def file_names(self, data: PublicData) -> list[str]:
        return [FILE_NAME]

    def render(self, data: PublicData, links: Links) -> list[ExportFile]:
        with tempfile.TemporaryDirectory(prefix="thirdcountry-export-") as folder:
            path = Path(folder) / FILE_NAME
            write_database(data, path)
            content = path.read_bytes()
        return [ExportFile(FILE_NAME, "application/vnd.sqlite3", content)]


register(SqliteExporter())
