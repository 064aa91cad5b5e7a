"""CLI tables fit the terminal: columns chosen by width, words and ids never broken."""

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from thirdcountry.cli import cli, output
from thirdcountry.data import bundled_dataset
from thirdcountry.store import open_store
from thirdcountry.store.claims import ClaimFilter, list_claims


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("tables") / "full.sqlite3")
    assert CliRunner().invoke(cli, ["init", "--db", path]).exit_code == 0
    assert bundled_dataset().name == "dataset.yaml"
    return path


@pytest.fixture(params=[80, 200])
def width(request: pytest.FixtureRequest) -> Iterator[int]:
    saved = output.console.width
    output.console.width = request.param
    yield request.param
    output.console.width = saved


def _table_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("│")]


def _cells(text: str) -> list[list[str]]:
    return [[cell.strip() for cell in line.strip("│").split("│")] for line in _table_lines(text)]


def test_arrangements_fit_and_never_break_a_word(db: str, width: int) -> None:
    result = CliRunner().invoke(cli, ["arrangements", "--db", db])
    assert result.exit_code == 0
    assert max(len(line) for line in result.output.splitlines()) <= width
    words = {w for row in _cells(result.output) for cell in row for w in cell.split()}
    # A broken word leaves a fragment such as "receiv" or "implem" on its own line.
    assert not words & {"receiv", "er", "implem", "ented", "negoti", "ating"}
    assert "Implemented" in words and "implemented" not in words  # labels, not codes
    if width == 200:
        assert "left out for width" not in result.output
        assert "updated" in result.output and "roles" in result.output
    else:
        assert "left out for width:" in result.output


def test_claim_ids_are_short_and_never_wrapped(db: str, width: int) -> None:
    result = CliRunner().invoke(cli, ["country", "XK", "--db", db])
    assert result.exit_code == 0
    claims_part = result.output.split("accepted claims", 1)[1].split("sources", 1)[0]
    rows = _cells(claims_part)
    # A wrapped row continues on lines whose id cell is empty; an id is never split.
    ids = [row[0] for row in rows if row[0]]
    assert ids and all(re.fullmatch(r"[0-9a-f]{8}", short) for short in ids)
    assert len(ids) == len(set(ids))
    assert "arrangement_status" not in result.output and "Status" in result.output


def test_every_command_takes_a_short_id(db: str, tmp_path: Path) -> None:
    store = open_store(db)
    with store.read() as session:
        pending = list_claims(session, ClaimFilter(state=None), limit=2000)
    store.dispose()
    claim = next(c for c in pending if c.review_state.value == "pending")
    short = claim.id[-8:]
    listed = CliRunner().invoke(cli, ["claims", "--document", claim.document_id[-8:], "--db", db])
    assert listed.exit_code == 0 and short in listed.output
    decided = CliRunner().invoke(
        cli, ["review", short, "--reject", "--note", "test", "--db", db, "-f", "json"]
    )
    assert decided.exit_code == 0, decided.output
    assert f'"id": "{claim.id}"' in decided.output
    wrong = CliRunner().invoke(cli, ["review", "zz-not-an-id", "--accept", "--db", db])
    assert wrong.exit_code == 1
    assert "no claim with id 'zz-not-an-id'" in wrong.output
