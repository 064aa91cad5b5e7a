"""Migration 0003 creates exactly the tables that ``store/accounts_tables.py`` declares."""

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from thirdcountry.store import (
    Store,
    accounts_tables,  # noqa: F401 - registers the tables
)
from thirdcountry.store.tables import Base

OURS = {
    "users",
    "user_sessions",
    "api_tokens",
    "login_attempts",
    "conflict_resolutions",
    "source_submissions",
}


def test_migration_and_orm_agree_on_the_review_tables(store: Store) -> None:
    assert set(inspect(store.engine).get_table_names()) >= OURS
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)

    def table_of(diff: Any) -> str:
        op = diff[0] if isinstance(diff, list) else diff  # modifications come as lists
        if op[0] in ("add_table", "remove_table"):
            return str(op[1].name)
        if op[0] in ("add_column", "remove_column") or op[0].startswith("modify_"):
            return str(op[2])
        return str(op[1].table.name)  # indexes and constraints

    ours = [d for d in differences if table_of(d) in OURS]
    assert ours == []
