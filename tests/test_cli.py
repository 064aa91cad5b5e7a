"""The CLI end to end through Click's runner: commands, formats, exit codes."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from thirdcountry.cli import cli
from thirdcountry.cli.output import counted
from thirdcountry.data import STARTER_DATASET


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite3")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def initialised(db: str) -> str:
    """A database holding the small starter dataset: these tests check the commands, not
    the bundled data (which `init` loads, and tests/test_dataset_*.py check)."""
    assert run("init", "--empty", "--db", db).exit_code == 0
    assert run("load", str(STARTER_DATASET), "--db", db).exit_code == 0
    return db


def test_init_loads_the_bundled_dataset_once(db: str) -> None:
    first = run("init", "--db", db, "--format", "json")
    second = run("init", "--db", db, "--format", "json")
    assert first.exit_code == second.exit_code == 0
    assert json.loads(first.output)["claims"]["added"] > 10
    assert json.loads(second.output)["claims"] == {
        "added": 0,
        "present": json.loads(first.output)["claims"]["added"],
        "decided": 0,
    }


def test_default_database_lives_in_the_data_folder(tmp_path: Path) -> None:
    assert run("init").exit_code == 0
    assert (tmp_path / "home" / "thirdcountry.sqlite3").exists()


def test_env_variable_names_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("THIRDCOUNTRY_DB", f"sqlite:///{target}")
    assert run("init", "--empty").exit_code == 0
    assert target.exists()


def test_arrangements_json_has_the_documented_fields(db: str) -> None:
    result = run("arrangements", "--db", initialised(db), "--format", "json")
    data = {f"{a['sender']}-{a['receiver']}": a for a in json.loads(result.output)}
    kosovo = data["US-XK"]
    assert (kosovo["status"], kosovo["capacity"], kosovo["disputed"]) == ("agreed", 50, False)
    assert kosovo["roles"] == ["temporary_stay_then_return"]
    assert data["US-SV"]["people_transferred"] == 238
    assert data["US-SV"]["transfers"][0]["facility"] == "CECOT"
    assert data["US-RW"]["status"] == "negotiating"


def test_arrangements_table_and_filters(db: str) -> None:
    result = run("arrangements", "--db", initialised(db), "--status", "negotiating")
    assert result.exit_code == 0
    assert "Rwanda" in result.output and "Kosovo" not in result.output


def test_country_shows_arrangements_claims_and_sources(db: str) -> None:
    result = run("country", "xk", "--db", initialised(db), "--format", "json")
    view = json.loads(result.output)
    assert view["name"] == {"en": "Kosovo", "es": "Kosovo"}
    assert {c["kind"] for c in view["claims"]} >= {"arrangement_status", "capacity", "role"}
    assert view["sources"][0]["outlet"] == "Mas Latino"


def test_unknown_country_is_a_one_line_error(db: str) -> None:
    result = run("country", "QQ", "--db", initialised(db))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "error: unknown country code 'QQ' (use ISO 3166-1 alpha-2, or XK for Kosovo)"
    ]


def test_review_accepts_then_refuses_a_second_decision(db: str, tmp_path: Path) -> None:
    data = tmp_path / "pending.yaml"
    data.write_text(
        "documents:\n  - {id: d, url: 'https://x.example/a', published: 2025-07-01}\n"
        "claims:\n  - {id: c1, document: d, kind: capacity, sender: US, receiver: SZ, count: 160}\n"
    )
    assert run("load", str(data), "--db", db).exit_code == 0
    pending = json.loads(run("claims", "--db", db, "--state", "pending", "-f", "json").output)
    assert [c["id"] for c in pending] == ["c1"]
    accepted = run("review", "c1", "--accept", "--note", "ok", "--reviewer", "ana", "--db", db)
    assert accepted.exit_code == 0, accepted.output
    again = run("review", "c1", "--reject", "--reviewer", "ben", "--db", db)
    assert again.exit_code == 1 and "already accepted by ana" in again.output
    assert run("audit", "verify", "--db", db).exit_code == 0


def test_load_says_what_it_added_then_that_all_was_present(db: str) -> None:
    assert run("init", "--empty", "--db", db).exit_code == 0
    first, second = (run("load", str(STARTER_DATASET), "--db", db) for _ in range(2))
    said = [" ".join(r.output.split()) for r in (first, second)]  # rich wraps long lines
    added = said[0].split("documents ")[1].split(" added")[0]
    assert int(added) > 0 and said[0].endswith("already present; 0 rejected")
    assert f"documents 0 added, {added} already present; claims 0 added," in said[1]


def test_load_of_a_broken_file_exits_1_with_one_line_per_problem(db: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "claims:\n  - {kind: capacity, sender: US, receiver: XX, count: 1}\n"
        "  - {kind: capacity, sender: US, receiver: XK, count: -1}\n"
    )
    result = run("load", str(bad), "--db", db)
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[0] == f"error: {bad}: 2 problems, nothing loaded"
    assert lines[1].endswith(
        "claim #1: receiver: unknown country code 'XX' (use ISO 3166-1 alpha-2, or XK for Kosovo)"
    )
    assert lines[2].endswith("claim #2: count must not be negative, got -1")


def test_bad_usage_exits_2(db: str) -> None:
    assert run("review", "c1", "--db", db).exit_code == 2
    assert run("claims", "--kind", "gossip", "--db", db).exit_code == 2
    assert run("no-such-command").exit_code == 2


def test_version_names_tool_and_dataset(db: str) -> None:
    result = run("version", "--db", initialised(db), "-f", "json")
    info = json.loads(result.output)
    assert info["thirdcountry"] and info["dataset"]


def test_short_and_long_version_flags_agree() -> None:
    short, long = run("-V"), run("--version")
    assert short.exit_code == long.exit_code == 0
    assert short.output == long.output and short.output.startswith("thirdcountry, version ")


def test_db_in_a_missing_folder_is_an_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such"
    result = CliRunner().invoke(cli, ["claims", "--db", str(missing / "x.sqlite3")])
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"error: database folder {missing} does not exist: create it, or name another --db"
    )
    assert not (tmp_path / "no").exists()  # nothing was created on the way


def test_the_default_database_folder_is_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home" / "thirdcountry"
    monkeypatch.setenv("THIRDCOUNTRY_HOME", str(home))
    monkeypatch.delenv("THIRDCOUNTRY_DB", raising=False)
    assert run("claims").exit_code == 0
    assert (home / "thirdcountry.sqlite3").is_file()


def test_every_command_has_help() -> None:
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help"
        assert run(name, "--help").exit_code == 0


@pytest.mark.parametrize(
    ("count", "one", "many", "expected"),
    [
        (0, "claim", "claims", "0 claims"),
        (1, "entry", "entries", "1 entry"),
        (2, "entry", "entries", "2 entries"),
        (5728, "source", "sources", "5,728 sources"),
    ],
)
def test_counts_are_said_in_the_right_number(
    count: int, one: str, many: str, expected: str
) -> None:
    assert counted(count, one, many) == expected


def test_a_listing_of_one_claim_says_one_claim(db: str) -> None:
    path = initialised(db)
    result = run("claims", "--limit", "1", "--db", path)
    assert result.exit_code == 0
    assert re.search(r"^\s*1 claim\s*$", result.output, re.M), result.output
