"""`thirdcountry init` with the full bundled dataset: everything loads, once, and projects."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result
from sqlalchemy import func, select

from tests.dataset_builder import builder
from thirdcountry.cli import cli
from thirdcountry.data import FULL_DATASET, bundled_dataset
from thirdcountry.store import Store
from thirdcountry.store.load import dataset_meta, load_file, read_dataset_file
from thirdcountry.store.tables import AuditRow, ClaimRow, DocumentRow
from thirdcountry.store.views import arrangements


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_init_loads_the_full_dataset(tmp_path: Path) -> None:
    db = str(tmp_path / "full.sqlite3")
    assert bundled_dataset() == FULL_DATASET
    first = json.loads(run("init", "--db", db, "-f", "json").output)
    dataset = read_dataset_file(FULL_DATASET)
    assert first["documents"]["added"] == len(dataset.documents)
    assert first["claims"]["added"] == len(dataset.claims)
    listed = json.loads(run("arrangements", "--db", db, "-f", "json").output)
    assert len(listed) == 51
    assert run("audit", "verify", "--db", db).exit_code == 0
    version = json.loads(run("version", "--db", db, "-f", "json").output)["dataset"]
    assert version == dataset.meta["version"]


def test_loading_the_full_dataset_twice_adds_nothing(store: Store) -> None:
    load_file(store, FULL_DATASET)
    second = load_file(store, FULL_DATASET)
    assert (second.documents_added, second.claims_added) == (0, 0)
    dataset = read_dataset_file(FULL_DATASET)
    accepted = sum(e.claim.review_state.value == "accepted" for e in dataset.claims)
    with store.read() as session:
        counts = [
            session.scalar(select(func.count()).select_from(t))
            for t in (DocumentRow, ClaimRow, AuditRow)
        ]
    # One audit entry per claim that arrived already decided.
    assert counts == [len(dataset.documents), len(dataset.claims), accepted]
    assert dataset_meta(store)["name"] == "thirdcountry"


def test_the_store_projects_what_the_file_projects(store: Store) -> None:
    load_file(store, FULL_DATASET)
    with store.read() as session:
        stored = {a.key: a.to_dict() for a in arrangements(session)}
    in_memory = {
        a.key: a.to_dict() for a in builder.project_dataset(read_dataset_file(FULL_DATASET))
    }
    # Ids differ (documents get store ids); the picture itself must not.
    keys = (
        "status",
        "disputed",
        "capacity",
        "people_transferred",
        "source_count",
        "pending_claims",
    )
    assert {k: [v[f] for f in keys] for k, v in stored.items()} == {
        k: [v[f] for f in keys] for k, v in in_memory.items()
    }
