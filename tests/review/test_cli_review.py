"""The review commands through Click's runner: users, interactive review, auto-accept,
audit export, and `audit verify` catching an edited or deleted entry."""

import json
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import text

from thirdcountry.cli import cli
from thirdcountry.review import accounts
from thirdcountry.store import audit, open_store
from thirdcountry.store.tables import AuditRow

from .conftest import PASSWORD, TEXT

SPAN = (TEXT.index("up to 50 people"), TEXT.index("up to 50 people") + len("up to 50 people"))
DATASET = f"""
documents:
  - {{id: d, url: "https://news.example/kosovo", published: 2025-06-12, kind: government,
     text: "{TEXT}"}}
claims:
  - {{id: c1, document: d, kind: capacity, sender: US, receiver: XK, count: 50,
     evidence_start: {SPAN[0]}, evidence_end: {SPAN[1]}, confidence: 0.95, extractor: rules-en/1}}
  - {{id: c2, document: d, kind: arrangement_status, sender: US, receiver: XK, value: agreed,
     confidence: 0.6, extractor: rules-en/1}}
  - {{id: c3, document: d, kind: role, sender: US, receiver: XK,
     value: temporary_stay_then_return, confidence: 0.99, extractor: rules-en/1}}
"""


def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, env=env, catch_exceptions=False)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "review.sqlite3"
    data = tmp_path / "pending.yaml"
    data.write_text(DATASET)
    assert run("load", str(data), "--db", str(path)).exit_code == 0
    return str(path)


def states(db: str) -> dict[str, str]:
    result = run("claims", "--db", db, "-f", "json")
    return {c["id"]: c["review_state"] for c in json.loads(result.output)}


def test_users_are_added_listed_changed_and_given_tokens(db: str) -> None:
    added = run(
        "user",
        "add",
        "maria",
        "--role",
        "admin",
        "--password-env",
        "PW",
        "--db",
        db,
        env={"PW": PASSWORD},
    )
    assert added.exit_code == 0 and "user maria added as admin" in added.output
    prompted = run(
        "user", "add", "bo", "--role", "reviewer", "--db", db, input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert prompted.exit_code == 0, prompted.output
    piped = run(
        "user",
        "add",
        "cy",
        "--role",
        "contributor",
        "--password-stdin",
        "--db",
        db,
        input=f"{PASSWORD}\n",
    )
    assert piped.exit_code == 0
    token = run("user", "token", "bo", "--label", "nightly", "--db", db).output.strip()
    assert token.startswith("tc_") and "\n" not in token
    store = open_store(db)
    assert accounts.token_account(store, token).name == "bo"  # type: ignore[union-attr]
    listed = json.loads(run("user", "list", "--db", db, "-f", "json").output)
    assert [(u["name"], u["role"], u["api_tokens"]) for u in listed] == [
        ("bo", "reviewer", 1),
        ("cy", "contributor", 0),
        ("maria", "admin", 0),
    ]
    assert run("user", "change", "bo", "--disable", "--db", db).exit_code == 0
    assert accounts.token_account(store, token) is None
    assert run("user", "change", "bo", "--enable", "--role", "admin", "--db", db).exit_code == 0
    tokens = json.loads(run("user", "tokens", "bo", "--db", db, "-f", "json").output)
    assert run("user", "revoke", str(tokens[0]["id"]), "--db", db).exit_code == 0
    assert accounts.token_account(store, token) is None
    assert (
        run(
            "user", "password", "cy", "--password-stdin", "--db", db, input="another long one\n"
        ).exit_code
        == 0
    )
    result = accounts.attempt_login(
        store, "cy", "another long one", "127.0.0.1", accounts.AccountPolicy()
    )
    assert result.error is None
    store.dispose()


def test_bad_user_input_is_one_line(db: str) -> None:
    short = run(
        "user", "add", "dan", "--role", "reviewer", "--password-stdin", "--db", db, input="short\n"
    )
    assert short.exit_code == 1
    assert short.output.strip() == "error: a password needs at least 10 characters"
    missing = run("user", "add", "dan", "--role", "reviewer", "--password-env", "NOPE", "--db", db)
    assert missing.output.strip() == "error: environment variable NOPE is unset or empty"
    assert run("user", "add", "dan", "--role", "boss", "--db", db).exit_code == 2
    assert (
        run("user", "token", "ghost", "--db", db).output.strip() == "error: no user named 'ghost'"
    )


def test_interactive_review_accepts_rejects_corrects_and_quits(db: str) -> None:
    # The most confident claims come first: c3 (0.99), c1 (0.95), c2 (0.6).
    keys = "c\nvalue=detention\n\nministry figure\na\nr\nnot what the source says\n"
    result = run("review", "--interactive", "--reviewer", "ana", "--db", db, input=keys + "q\n")
    assert result.exit_code == 0, result.output
    assert "up to 50 people" in " ".join(result.output.split()), "the evidence is shown"
    assert "done: 1 accepted, 1 corrected, 1 rejected" in result.output
    found = states(db)
    assert (found["c1"], found["c2"], found["c3"]) == ("accepted", "rejected", "rejected")
    corrected = [
        c for c in json.loads(run("claims", "--db", db, "-f", "json").output) if c.get("supersedes")
    ]
    assert (corrected[0]["supersedes"], corrected[0]["value"]) == ("c3", "detention")
    assert corrected[0]["review_state"] == "accepted"


def test_interactive_review_skips_and_reports_refusals(db: str) -> None:
    result = run("review", "-i", "--db", db, input="s\nr\n \nq\n")
    assert result.exit_code == 0
    assert "done: 1 refused, 1 skipped" in result.output
    assert "not saved: a rejection needs a note saying why" in result.output


def test_auto_accept_by_rules(db: str, tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - {name: gov, min_confidence: 0.9, source_kinds: [government]}\n")
    dry = run("review", "--auto-accept", str(rules), "--dry-run", "--db", db)
    assert "2 of 3 pending claims would accept" in dry.output
    assert set(states(db).values()) == {"pending"}
    done = json.loads(run("review", "--auto-accept", str(rules), "--db", db, "-f", "json").output)
    assert [a["claim"] for a in done["accepted"]] == ["c1", "c3"]
    history = json.loads(run("audit", "export", "--db", db).output.splitlines()[0])
    assert history["actor"] == "policy:gov" and history["note"].startswith("rule gov: confidence")


def test_review_modes_are_exclusive(db: str) -> None:
    assert run("review", "--db", db).exit_code == 2
    assert run("review", "c1", "--interactive", "--db", db).exit_code == 2


def test_audit_export_writes_json_lines_with_hashes(db: str, tmp_path: Path) -> None:
    run("review", "c1", "--accept", "--reviewer", "ana", "--db", db)
    run("review", "c2", "--reject", "--note", "unsure", "--reviewer", "ben", "--db", db)
    out = tmp_path / "audit.jsonl"
    result = run("audit", "export", "-o", str(out), "--db", db)
    assert result.exit_code == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(e["id"], e["actor"], e["action"]) for e in lines] == [
        (1, "ana", "accept"),
        (2, "ben", "rejected"),
    ]
    assert lines[1]["prev_hash"] == lines[0]["hash"]
    for line in lines:  # an exported copy can be re-verified on its own
        fields = {k: v for k, v in line.items() if k != "hash"}
        fields["at"] = datetime.fromisoformat(fields["at"])
        assert audit.entry_hash(AuditRow(**fields)) == line["hash"]
    since = run("audit", "export", "--since", "1", "--db", db).output.splitlines()
    assert [json.loads(line)["id"] for line in since] == [2]


def _tamper(db: str, statement: str) -> None:
    store = open_store(db)
    with store.write() as session:
        session.execute(text(statement))
    store.dispose()


@pytest.mark.parametrize(
    ("statement", "problem"),
    [
        (
            "UPDATE audit_log SET actor = 'mallory' WHERE id = 2",
            "entry 2 was changed after it was written",
        ),
        ("DELETE FROM audit_log WHERE id = 2", "entry 2 is missing"),
        ("DELETE FROM audit_log WHERE id = 3", "the newest entry is not the one last written"),
    ],
)
def test_audit_verify_detects_an_edited_or_deleted_entry(
    db: str, statement: str, problem: str
) -> None:
    for claim_id in ("c1", "c2", "c3"):
        run("review", claim_id, "--accept", "--reviewer", "ana", "--db", db)
    intact = run("audit", "verify", "--db", db).output.splitlines()
    assert intact[0] == "audit log intact: 3 entries"
    assert intact[1].startswith("note: hashes only"), "no audit_key: say what that leaves open"
    _tamper(db, statement)
    result = run("audit", "verify", "--db", db)
    assert result.exit_code == 1
    assert result.output.startswith("error: audit log broken") and problem in result.output
