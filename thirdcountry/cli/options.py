"""Options shared by many commands, declared once."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, TypeVar

import click

from thirdcountry.domain.projection import ProjectionRules
from thirdcountry.settings import load_settings
from thirdcountry.settings import projection_rules as settings_projection_rules
from thirdcountry.store import Store, open_store

F = TypeVar("F", bound=Callable[..., Any])


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


def db_option(command: F) -> F:
    return click.option(
        "--db",
        default=None,
        metavar="URL",
        help="Database URL or SQLite file path [env: THIRDCOUNTRY_DB; default: "
        "~/.local/share/thirdcountry/thirdcountry.sqlite3].",
    )(command)


def format_option(command: F) -> F:
    return click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice([f.value for f in OutputFormat], case_sensitive=False),
        default=OutputFormat.table.value,
        show_default=True,
        callback=lambda _ctx, _param, value: OutputFormat(value.lower()),
        help="Output as a table or as JSON.",
    )(command)


def settings_for(db: str | None = None) -> dict[str, Any]:
    return load_settings({"db": db})


def store_for(db: str | None) -> Store:
    """The store named by --db, else THIRDCOUNTRY_DB, else the default file, migrated."""
    return open_store(str(settings_for(db)["db"]))


def projection_rules(db: str | None = None) -> ProjectionRules:
    return settings_projection_rules(settings_for(db))
