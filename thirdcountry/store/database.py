"""Opening a store: engine set-up per dialect, migrations, read and write transactions."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from thirdcountry.domain.errors import BadInput, ThirdCountryError
from thirdcountry.settings import audit_key as configured_audit_key
from thirdcountry.settings import default_home
from thirdcountry.store import search_index, storable

MIGRATIONS = Path(__file__).parent / "migrations"
_BUSY_TIMEOUT_MS = 15000
_MIGRATE_LOCK = 7310  # PostgreSQL advisory lock key; the audit log uses 7311, ingest 7312


def normalize_url(raw: str) -> str:
    """A SQLAlchemy URL from a URL or a plain path to a SQLite file."""
    raw = raw.strip()
    if not raw:
        raise BadInput("database URL is empty")
    if "://" not in raw:
        return f"sqlite:///{Path(raw).expanduser().resolve()}"
    if raw.startswith("postgresql://") or raw.startswith("postgres://"):
        # psycopg 3 is the driver we ship; plain URLs would look for psycopg2.
        return "postgresql+psycopg://" + raw.split("://", 1)[1]
    return raw


def _ensure_folder(folder: Path) -> None:
    """Create the project's own data folder; any other folder must exist already.

    A mistyped ``--db`` path must not quietly leave folders and an empty database behind.
    """
    if folder.is_dir():
        return
    if folder.expanduser().resolve() == default_home().expanduser().resolve():
        folder.mkdir(parents=True, exist_ok=True)
        return
    if folder.exists():
        raise BadInput(f"database folder {folder} is not a folder")
    raise BadInput(f"database folder {folder} does not exist: create it, or name another --db")


def _use_wal(cursor: Any) -> None:
    """Switch a SQLite file to WAL, waiting out another process doing the same.

    SQLite answers "database is locked" at once, without calling the busy handler, when
    two connections to a new file change its journal mode together; so wait here, as
    long as the busy timeout would.
    """
    deadline = time.monotonic() + _BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _alembic_config(connection: Any) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


class Store:
    """A database holding documents, claims and the audit log."""

    def __init__(
        self, url: str, *, audit_key: bytes | Literal["settings"] | None = "settings"
    ) -> None:
        self.url = normalize_url(url)
        # Kept outside the database, so that whoever can write it cannot forge the log's
        # MACs; by default the ``audit_key`` setting (environment or settings file).
        self.audit_key = configured_audit_key() if audit_key == "settings" else audit_key
        try:
            parsed = make_url(self.url)
        except ArgumentError:
            raise BadInput(f"database URL {url!r} is not a valid SQLAlchemy URL") from None
        self.dialect = parsed.get_backend_name()
        self.engine = self._create_engine(parsed)
        storable.install(self.engine)
        info = {"audit_key": self.audit_key}
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, info=info)
        # Writers take SQLite's write lock when they begin, not at their first write.
        self._write_engine = self.engine.execution_options(sqlite_begin="BEGIN IMMEDIATE")
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False, info=info)

    def _create_engine(self, parsed: Any) -> Engine:
        if self.dialect != "sqlite":
            return create_engine(parsed, pool_pre_ping=True)
        database = parsed.database or ""
        in_memory = database in ("", ":memory:") or "mode=memory" in str(parsed)
        if in_memory:
            engine = create_engine(
                parsed, poolclass=StaticPool, connect_args={"check_same_thread": False}
            )
        else:
            _ensure_folder(Path(database).parent)
            engine = create_engine(parsed, connect_args={"check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            # We issue BEGIN ourselves so writers can take the lock up front.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={_BUSY_TIMEOUT_MS}")
            if not in_memory:
                _use_wal(cursor)
                cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(connection: Any) -> None:
            connection.exec_driver_sql(
                connection.get_execution_options().get("sqlite_begin", "BEGIN")
            )

        return engine

    def display_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    # -- migrations -------------------------------------------------------------------

    def current_revisions(self) -> set[str]:
        with self.engine.connect() as connection:
            return set(MigrationContext.configure(connection).get_current_heads())

    def head_revisions(self) -> set[str]:
        return set(ScriptDirectory(str(MIGRATIONS)).get_heads())

    def needs_migration(self) -> bool:
        return self.current_revisions() != self.head_revisions()

    def migrate(self) -> None:
        """Bring the schema to the newest revision of every migration branch.

        Two processes may open one new database at once. Each takes the write lock before
        it reads the schema's revision (SQLite: BEGIN IMMEDIATE, which waits for the busy
        timeout; PostgreSQL: an advisory lock), so the second waits for the first and then
        finds nothing left to do. A plain BEGIN would read first and then fail to upgrade
        its read lock: "database is locked".
        """
        try:
            with self._write_engine.begin() as connection:
                if self.dialect == "postgresql":
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATE_LOCK}
                    )
                current = set(MigrationContext.configure(connection).get_current_heads())
                if current != self.head_revisions():
                    command.upgrade(_alembic_config(connection), "heads")
        except OperationalError as exc:
            raise ThirdCountryError(
                f"cannot migrate database {self.display_url()}: {exc.orig}"
            ) from None

    # -- transactions -----------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        with self._write_sessions() as session, session.begin():
            yield session
            # The search index follows every write, in the same transaction.
            search_index.apply_marks(session)

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(
    url: str, *, migrate: bool = True, audit_key: bytes | Literal["settings"] | None = "settings"
) -> Store:
    """Open the store at ``url``, migrating it to the current schema unless told not to.

    ``audit_key``: the key of the audit log's MACs; by default the ``audit_key`` setting,
    None for none."""
    store = Store(url, audit_key=audit_key)
    if migrate:
        try:
            if store.needs_migration():
                store.migrate()
        except OperationalError as exc:
            raise ThirdCountryError(
                f"cannot open database {store.display_url()}: {exc.orig}"
            ) from None
    return store
