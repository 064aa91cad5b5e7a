"""The audit log against someone who can write the database but does not hold the audit
key: a chain recomputed after an edit, entries cut from the end with the head moved back,
MACs stripped, a forged checkpoint. And stores from before the key keep verifying."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, select

from thirdcountry.cli import cli
from thirdcountry.domain.errors import BadInput
from thirdcountry.publish.exports import Links, get_exporter
from thirdcountry.review.trail import export_lines
from thirdcountry.settings import audit_key
from thirdcountry.store import Store, audit, open_store
from thirdcountry.store.public import build_public_data
from thirdcountry.store.tables import AuditRow, MetaRow

KEY = b"a key kept far from the database"
OTHER_KEY = b"some other key, also long enough"


def append(store: Store, count: int) -> None:
    for number in range(count):
        with store.write() as session:
            audit.append(session, actor="ana", action="accept", note=f"decision {number}")


def verify(store: Store, kept: audit.Checkpoint | None = None) -> audit.ChainReport:
    with store.read() as session:
        return audit.verify_against(session, kept) if kept else audit.verify_chain(session)


def head(store: Store) -> audit.Checkpoint:
    with store.read() as session:
        return audit.checkpoint(session)


def keyed(tmp_path: Path, key: bytes | None = KEY) -> Store:
    return open_store(str(tmp_path / "audit.sqlite3"), audit_key=key)


def rewrite_from(store: Store, first: int, *, strip_macs: bool = False) -> None:
    """What a database writer without the key can do: recompute every hash from ``first``
    on, and move the recorded head to match."""
    with store.write() as session:
        rows = list(session.scalars(select(AuditRow).order_by(AuditRow.id)))
        previous = rows[first - 2].hash if first > 1 else audit.GENESIS
        for row in rows[first - 1 :]:
            row.prev_hash = previous
            row.hash = audit.entry_hash(row)
            if strip_macs:
                row.mac = None
            previous = row.hash
        session.get(MetaRow, audit.HEAD_KEY).value = f"{rows[-1].id}:{previous}"  # type: ignore[union-attr]


def cut_back_to(store: Store, last: int) -> None:
    """Delete the newest entries and move ``meta.audit_head`` back: a valid shorter chain."""
    with store.write() as session:
        session.execute(delete(AuditRow).where(AuditRow.id > last))
        kept = session.get(AuditRow, last)
        session.get(MetaRow, audit.HEAD_KEY).value = f"{last}:{kept.hash}"  # type: ignore[union-attr]


def test_a_keyed_log_verifies_with_its_key(tmp_path: Path) -> None:
    store = keyed(tmp_path)
    append(store, 4)
    report = verify(store)
    assert report.ok and report.entries == 4 and report.limits == []


def test_a_chain_recomputed_after_an_edit_without_the_key_is_detected(tmp_path: Path) -> None:
    store = keyed(tmp_path)
    append(store, 5)
    attacker = keyed(tmp_path, key=None)
    with attacker.write() as session:
        session.get(AuditRow, 2).note = "never decided"  # type: ignore[union-attr]
    rewrite_from(attacker, 2)
    assert verify(attacker).ok, "without the key the recomputed chain looks intact"
    report = verify(store)
    assert report.problems == [
        "entries 2-5: MAC does not match (rewritten without the audit key, or audit_key is "
        "not the key they were written with)"
    ]


def test_stripping_the_macs_after_a_rewrite_is_detected(tmp_path: Path) -> None:
    store = keyed(tmp_path)
    append(store, 4)
    attacker = keyed(tmp_path, key=None)
    with attacker.write() as session:
        session.get(AuditRow, 3).actor = "mallory"  # type: ignore[union-attr]
    rewrite_from(attacker, 3, strip_macs=True)
    assert any("entries 3-4 have no MAC though entry 1" in p for p in verify(store).problems)


def test_entries_cut_from_the_end_are_detected_against_a_checkpoint(tmp_path: Path) -> None:
    store = keyed(tmp_path)
    append(store, 6)
    kept = head(store)
    cut_back_to(store, 4)
    assert verify(store).ok, "a shorter valid chain: nothing inside the database shows it"
    assert verify(store, kept).problems == [
        "entry 6 of the checkpoint is missing: the log ends at entry 4 (newest entries deleted)"
    ]


def test_a_rewrite_before_the_checkpoint_is_detected_without_the_key(tmp_path: Path) -> None:
    store = keyed(tmp_path, key=None)
    append(store, 5)
    kept = head(store)
    append(store, 2)
    with store.write() as session:
        session.get(AuditRow, 1).note = "edited"  # type: ignore[union-attr]
    rewrite_from(store, 1)
    assert verify(store).ok
    assert verify(store, kept).problems == [
        "entry 5 is not the one the checkpoint recorded: the log was rewritten at or before entry 5"
    ]


def test_a_checkpoint_carries_a_mac_that_a_forger_cannot_make(tmp_path: Path) -> None:
    store = keyed(tmp_path)
    append(store, 3)
    real = head(store)
    assert real.mac and audit.Checkpoint.parse(real.token()) == real
    assert verify(store, real).ok
    forged = audit.Checkpoint(real.entry, real.hash, "0" * 64)
    assert "not made with this audit key" in verify(store, forged).problems[0]


def test_the_wrong_key_is_one_problem_not_one_per_entry(tmp_path: Path) -> None:
    store = keyed(tmp_path)
    append(store, 30)
    report = verify(keyed(tmp_path, key=OTHER_KEY))
    assert len(report.problems) == 1 and report.problems[0].startswith("entries 1-30: MAC")


def test_a_store_from_before_the_key_keeps_verifying(tmp_path: Path) -> None:
    old = keyed(tmp_path, key=None)
    append(old, 3)
    report = verify(old)
    assert report.ok and "hashes only" in report.limits[0]
    store = keyed(tmp_path)
    append(store, 2)
    report = verify(store)
    assert report.ok and report.limits == ["entries 1-3 were written before the audit key"]
    with store.read() as session:
        macs = list(session.scalars(select(AuditRow.mac).order_by(AuditRow.id)))
    assert macs[:3] == [None, None, None] and all(macs[3:])


def test_a_bad_checkpoint_or_key_is_a_one_line_error() -> None:
    with pytest.raises(BadInput, match="is not ENTRY:HASH"):
        audit.Checkpoint.parse("12:" + "z" * 64)
    with pytest.raises(BadInput, match="audit_key: at least 16 characters"):
        audit_key({"audit_key": "short"})


def test_the_checkpoint_is_published_in_the_feed_and_the_data_package(tmp_path: Path) -> None:
    store = keyed(tmp_path)
    append(store, 2)
    token = head(store).token()
    with store.read() as session:
        data = build_public_data(session)
    assert data.audit_checkpoint == token
    files = {
        f.name: f.content
        for name in ("datapackage", "atom")
        for f in get_exporter(name).render(data, Links(site="https://t.example/"))
    }
    assert json.loads(files["datapackage.json"])["audit_checkpoint"] == token
    feed = ET.fromstring(files["feed.atom"])
    assert feed.findtext("{urn:thirdcountry:audit}checkpoint") == token


def test_the_cli_prints_a_checkpoint_and_verifies_against_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THIRDCOUNTRY_AUDIT_KEY", KEY.decode())
    db = str(tmp_path / "audit.sqlite3")
    append(open_store(db), 3)
    runner = CliRunner()
    token = runner.invoke(cli, ["audit", "checkpoint", "--db", db]).output.strip()
    assert token.startswith("3:") and token.count(":") == 2
    (tmp_path / "kept.txt").write_text(token + "\n", encoding="utf-8")
    intact = runner.invoke(cli, ["audit", "verify", "--db", db, "--against", token])
    assert intact.exit_code == 0, intact.output
    assert "entry 3 matches the checkpoint" in intact.output
    cut_back_to(open_store(db), 2)
    for against in (token, str(tmp_path / "kept.txt")):
        result = runner.invoke(cli, ["audit", "verify", "--db", db, "--against", against])
        assert result.exit_code == 1 and "entry 3 of the checkpoint is missing" in result.output
    shown = runner.invoke(cli, ["settings"]).output
    assert KEY.decode() not in shown and "(set)" in shown


def test_the_export_carries_each_entrys_mac(tmp_path: Path) -> None:
    old = keyed(tmp_path, key=None)
    append(old, 1)
    store = keyed(tmp_path)
    append(store, 1)
    with store.read() as session:
        lines = [json.loads(line) for line in export_lines(session)]
        macs = list(session.scalars(select(AuditRow.mac).order_by(AuditRow.id)))
    assert "mac" not in lines[0] and lines[1]["mac"] == macs[1]
    assert lines[1]["mac"] == audit.entry_mac(KEY, lines[1]["hash"])
