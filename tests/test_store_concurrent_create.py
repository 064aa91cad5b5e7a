"""Two processes opening one new database at the same moment: both must end with a fully
migrated store, never "database is locked" or a half-made schema. Real processes, started
together (each waits for a shared go signal), ten times over."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from thirdcountry.store import open_store

from .conftest import _reset_postgres

ROUNDS = 10
WORKER = """
import pathlib, sys, time
ready, go, url = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
from thirdcountry.domain.errors import ThirdCountryError
from thirdcountry.store import open_store
ready.touch()
while not go.exists():
    time.sleep(0.001)
try:
    open_store(url).dispose()
except ThirdCountryError as exc:
    print(exc.message, file=sys.stderr)
    sys.exit(1)
"""


def open_together(url: str, folder: Path) -> list[tuple[int, str]]:
    go = folder / "go"
    ready = [folder / f"ready-{i}" for i in range(2)]
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(flag), str(go), url],
            stderr=subprocess.PIPE,
            text=True,
        )
        for flag in ready
    ]
    deadline = time.monotonic() + 60
    while not all(flag.exists() for flag in ready) and time.monotonic() < deadline:
        time.sleep(0.005)
    go.touch()
    results = []
    for worker in workers:
        _out, err = worker.communicate(timeout=120)
        results.append((worker.returncode, err.strip()))
    return results


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_processes_create_one_new_database(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    for round_number in range(ROUNDS):
        folder = tmp_path / f"round-{round_number}"
        folder.mkdir()
        if backend == "sqlite":
            url = f"sqlite:///{folder / 'new.sqlite3'}"
        else:
            url = request.getfixturevalue("postgres_url")
            _reset_postgres(url)
        results = open_together(url, folder)
        assert [code for code, _ in results] == [0, 0], f"round {round_number}: {results}"
        store = open_store(url, migrate=False)
        try:
            assert not store.needs_migration(), f"round {round_number}: schema not at head"
        finally:
            store.dispose()
