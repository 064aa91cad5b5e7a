"""Dataset files: idempotent, all-or-nothing, one clear line per problem."""

from pathlib import Path

import pytest
from sqlalchemy import func, select

from thirdcountry.data import STARTER_DATASET
from thirdcountry.domain.dataset import DatasetError
from thirdcountry.domain.vocabulary import ReviewState
from thirdcountry.store import Store
from thirdcountry.store.claims import review_claim
from thirdcountry.store.load import dataset_meta, load_file
from thirdcountry.store.tables import AuditRow, ClaimRow, DocumentRow

GOOD = """
documents:
  - {id: d1, url: "https://news.example/kosovo", outlet: "CBS News", published: 2025-06-12,
     language: en, title: "Kosovo deal", kind: news}
  - {id: d2, url: "https://wire.example/copy", outlet: "AFP (via BSS)", published: 2025-06-12,
     language: en, copy_of: d1}
claims:
  - {document: d1, kind: transfer, sender: US, receiver: SV, count: 238, date: 2025-04,
     facility: CECOT, review_state: accepted}
  - {document: d2, kind: capacity, sender: US, receiver: XK, count: 50}
"""


def counts(store: Store) -> tuple[int, int, int]:
    with store.read() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(table)) or 0
            for table in (DocumentRow, ClaimRow, AuditRow)
        )


def write(tmp_path: Path, body: str, name: str = "data.yaml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_loading_twice_adds_nothing_the_second_time(store: Store, tmp_path: Path) -> None:
    path = write(tmp_path, GOOD)
    first = load_file(store, path)
    second = load_file(store, path)
    assert (first.documents_added, first.claims_added) == (2, 2)
    assert (second.documents_added, second.documents_present) == (0, 2)
    assert (second.claims_added, second.claims_present) == (0, 2)
    assert counts(store) == (2, 2, 1)  # one audit entry: the accepted claim


def test_copies_point_at_their_original(sqlite_store: Store, tmp_path: Path) -> None:
    load_file(sqlite_store, write(tmp_path, GOOD))
    with sqlite_store.read() as session:
        rows = {r.url: r for r in session.scalars(select(DocumentRow))}
    assert rows["https://wire.example/copy"].source_id == rows["https://news.example/kosovo"].id


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("documents: [\n  {id: d1", "data.yaml: not valid YAML"),
        (
            "claims:\n  - {document: d1, kind: role, sender: US, receiver: QQ, value: detention}\n"
            "documents:\n  - {id: d1, url: 'https://x.example/'}",
            "data.yaml: claim #1: receiver: unknown country code 'QQ'",
        ),
        (
            "documents:\n  - {id: d1, url: 'https://x.example/', published: 2025-13-01}",
            "data.yaml: document #1: published: date '2025-13-01' does not exist",
        ),
        (
            "documents:\n  - {id: d1, url: 'https://x.example/'}\n"
            "claims:\n  - {document: d9, kind: capacity, sender: US, receiver: XK, count: 5}",
            "data.yaml: claim #1: document 'd9' is not in this file",
        ),
        (
            "documents:\n  - {id: d1, url: 'https://x.example/', published: 2025-01-02}\n"
            "claims:\n  - {document: d1, kind: capacity, sender: US, receiver: XK, count: 5,"
            " date: 2025-06}",
            "data.yaml: claim #1: date 2025-06 is after its document's publication",
        ),
        ("- just\n- a list", "data.yaml: top level must be a mapping"),
    ],
)
def test_bad_files_load_nothing_and_name_the_problem(
    store: Store, tmp_path: Path, body: str, expected: str
) -> None:
    load_file(store, write(tmp_path, GOOD, "good.yaml"))
    before = counts(store)
    with pytest.raises(DatasetError) as caught:
        load_file(store, write(tmp_path, body))
    assert expected in str(caught.value)
    assert counts(store) == before


def test_every_problem_is_reported_on_its_own_line(sqlite_store: Store, tmp_path: Path) -> None:
    body = (
        "documents:\n  - {id: d1, url: 'https://x.example/'}\n"
        "claims:\n"
        "  - {document: d1, kind: capacity, sender: US, receiver: XK, count: -1}\n"
        "  - {document: d1, kind: capacity, sender: US, receiver: XK, count: 5}\n"
        "  - {document: d1, kind: role, sender: US, receiver: XK, value: jail}\n"
    )
    with pytest.raises(DatasetError) as caught:
        load_file(sqlite_store, write(tmp_path, body))
    assert [p.split(":")[0] for p in caught.value.problems] == ["claim #1", "claim #3"]
    assert counts(sqlite_store) == (0, 0, 0)


def test_a_claim_with_four_faults_gets_four_lines(sqlite_store: Store, tmp_path: Path) -> None:
    body = (
        "documents:\n  - {id: d1, url: 'https://x.example/', published: 2025-07-01}\n"
        "claims:\n"
        "  - {document: d1, kind: transfer, sender: ZZ, receiver: SZ, count: -5,\n"
        "     date: 2099-01-01, nationalities: [QQ]}\n"
        "  - {document: d1, kind: capacity, sender: US, receiver: XK, count: 5}\n"
    )
    with pytest.raises(DatasetError) as caught:
        load_file(sqlite_store, write(tmp_path, body))
    problems = caught.value.problems
    assert len(problems) == 4 and all(p.startswith("claim #1: ") for p in problems)
    text = "\n".join(problems)
    for fault in ("'ZZ'", "count must not be negative", "'QQ'", "2099-01-01 is in the future"):
        assert fault in text
    # The stand-in used to look past a faulty state is never reported or stored.
    assert "AQ" not in text and counts(sqlite_store) == (0, 0, 0)


def test_missing_file_and_json_errors_are_one_line(sqlite_store: Store, tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match=r"nope\.yaml: file does not exist"):
        load_file(sqlite_store, tmp_path / "nope.yaml")
    with pytest.raises(DatasetError, match="not valid JSON"):
        load_file(sqlite_store, write(tmp_path, "{", "data.json"))


def test_starter_dataset_loads_with_its_version(sqlite_store: Store) -> None:
    report = load_file(sqlite_store, STARTER_DATASET)
    assert report.documents_added == 1 and report.claims_added >= 12
    assert dataset_meta(sqlite_store)["name"] == "starter"


def test_documents_without_a_url_are_recognised_by_text_or_title(
    store: Store, tmp_path: Path
) -> None:
    body = (
        "documents:\n"
        "  - {id: t, text: 'Kosovo agreed to host fifty people.', published: 2025-06-11}\n"
        "  - {id: n, title: 'Notes from a ministry briefing', outlet: Ministry,"
        " published: 2025-06-12}\n"
        "claims:\n"
        "  - {document: t, kind: capacity, sender: US, receiver: XK, count: 50}\n"
        "  - {document: n, kind: capacity, sender: US, receiver: XK, count: 50}\n"
    )
    first = load_file(store, write(tmp_path, body))
    second = load_file(store, write(tmp_path, body, "again.yaml"))
    assert (first.documents_added, first.claims_added) == (2, 2)
    assert (second.documents_present, second.claims_present) == (2, 2)
    assert counts(store)[:2] == (2, 2)


def test_a_claim_repeated_in_one_file_is_stored_once(sqlite_store: Store, tmp_path: Path) -> None:
    body = (
        "documents:\n  - {id: d1, url: 'https://x.example/', published: 2025-06-11}\n"
        "claims:\n"
        "  - {id: c1, document: d1, kind: capacity, sender: US, receiver: XK, count: 50}\n"
        "  - {id: c1, document: d1, kind: capacity, sender: US, receiver: XK, count: 50}\n"
        "  - {document: d1, kind: role, sender: US, receiver: XK,"
        " value: temporary_stay_then_return, review_state: accepted}\n"
        "  - {document: d1, kind: role, sender: US, receiver: XK,"
        " value: temporary_stay_then_return, review_state: accepted}\n"
    )
    report = load_file(sqlite_store, write(tmp_path, body))
    assert (report.claims_added, report.claims_present) == (2, 2)
    assert counts(sqlite_store) == (1, 2, 1)


LATER_RELEASE = GOOD.replace(
    "receiver: XK, count: 50}",
    "receiver: XK, count: 50, review_state: accepted,\n     review_note: checked at curation}",
)


def test_a_later_release_decides_what_is_still_pending(store: Store, tmp_path: Path) -> None:
    """Accepting a fact at curation reaches a store loaded with the earlier release, through
    the review path (audit log); a decision already taken in the store stands."""
    load_file(store, write(tmp_path, GOOD))
    report = load_file(store, write(tmp_path, LATER_RELEASE, "later.yaml"), actor="dataset:v2")
    assert (report.claims_added, report.claims_present, report.claims_decided) == (0, 2, 1)
    with store.read() as session:
        capacity = session.scalars(select(ClaimRow).where(ClaimRow.kind == "capacity")).one()
        assert (capacity.review_state, capacity.reviewer) == ("accepted", "dataset:v2")
        assert capacity.review_note == "checked at curation"
        actions = [(a.actor, a.action) for a in session.scalars(select(AuditRow))]
    assert ("dataset:v2", "accept") in actions
    assert counts(store) == (2, 2, 2)
    again = load_file(store, write(tmp_path, LATER_RELEASE, "later.yaml"))
    assert again.claims_decided == 0  # decided once


def test_a_release_never_overrides_a_reviewer(store: Store, tmp_path: Path) -> None:
    load_file(store, write(tmp_path, GOOD))
    with store.write() as session:
        capacity = session.scalars(select(ClaimRow).where(ClaimRow.kind == "capacity")).one()
        review_claim(session, capacity.id, ReviewState.REJECTED, "ana", note="misread cap")
    report = load_file(store, write(tmp_path, LATER_RELEASE, "later.yaml"))
    assert report.claims_decided == 0
    with store.read() as session:
        capacity = session.scalars(select(ClaimRow).where(ClaimRow.kind == "capacity")).one()
        assert (capacity.review_state, capacity.reviewer) == ("rejected", "ana")
