"""The claim store: SQLAlchemy tables, repository functions, Alembic migrations."""

from thirdcountry.store.database import Store, open_store

__all__ = ["Store", "open_store"]
