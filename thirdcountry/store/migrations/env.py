"""Alembic environment: always handed a live connection by ``store.database.migrate``."""

from __future__ import annotations

from alembic import context

from thirdcountry.store.tables import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `thirdcountry migrate`, which opens the database")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
