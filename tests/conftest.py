"""Shared fixtures: cheap stores (in-memory SQLite, or a fresh PostgreSQL database)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from thirdcountry.store import Store, open_store

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
POSTGRES_ENV = "THIRDCOUNTRY_TEST_POSTGRES"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test touches the user's real data folder or inherits their settings."""
    monkeypatch.setenv("THIRDCOUNTRY_HOME", str(tmp_path / "home"))
    for name in ("THIRDCOUNTRY_DB", "THIRDCOUNTRY_SETTINGS", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)


def shared_path(*parts: str) -> Path:
    """A file under ../shared/, or a skip: an outside clone has no shared folder."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (only the project's own machines have ../shared/)")
    return path


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh, empty PostgreSQL database for this test session, dropped afterwards."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        if os.environ.get("CI"):
            pytest.fail(f"{POSTGRES_ENV} is not set: CI must run the store tests on PostgreSQL")
        pytest.skip(f"set {POSTGRES_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test)")
    name = f"thirdcountry_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # unreachable server: fail in CI, skip elsewhere
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL at {base} is unreachable: {exc}")
        pytest.skip(f"PostgreSQL at {base} is unreachable: {exc}")
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as connection:
        connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = :name AND pid <> pg_backend_pid()"
            ),
            {"name": name},
        )
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


def _reset_postgres(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty, migrated store on each backend."""
    if request.param == "sqlite":
        opened = open_store(str(tmp_path / "store.sqlite3"))
    else:
        url = request.getfixturevalue("postgres_url")
        _reset_postgres(url)
        opened = open_store(url)
    yield opened
    opened.dispose()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(str(tmp_path / "store.sqlite3"))
    yield opened
    opened.dispose()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One system Chromium for the whole session (Playwright allows one sync driver)."""
    from thirdcountry.publish.web.testing import CHROMIUM, launch_chromium

    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is absent: CI must run the browser tests (make browser)")
        pytest.skip(f"{CHROMIUM} is absent (install Debian's chromium, or run `make browser`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = launch_chromium(playwright)
        yield launched
        launched.close()
