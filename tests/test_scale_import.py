"""Importing scan results: documents deduplicated, claims pending, idempotent, all or nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import func, select

from thirdcountry.domain.documents import Document
from thirdcountry.domain.errors import BadInput
from thirdcountry.domain.ids import content_hash
from thirdcountry.scale.importer import import_result
from thirdcountry.scale.pipeline import stable_uuid7
from thirdcountry.scale.results import ResultWriter
from thirdcountry.store import Store
from thirdcountry.store import documents as document_repo
from thirdcountry.store.tables import ClaimRow, DocumentRow

TEXT = (
    "Kosovo agrees to host 50 deportees\n\n"
    "Kosovo will take in 50 third-country nationals deported from the United States."
)
CAPTURED = datetime(2025, 6, 13, 8, 0, tzinfo=UTC)


def row(
    url: str, text: str = TEXT, *, claims: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    doc_id = stable_uuid7(CAPTURED, url)
    quote = "50 third-country nationals"
    start = text.find(quote)
    default = [
        {
            "id": stable_uuid7(CAPTURED, doc_id, "0"),
            "kind": "capacity",
            "sender": "US",
            "receiver": "XK",
            "count": 50,
            "document_id": doc_id,
            "evidence_start": start,
            "evidence_end": start + len(quote),
            "quote": quote,
            "extractor": "rules-en/1",
            "confidence": 0.9,
            "review_state": "pending",
        }
    ]
    return {
        "id": doc_id,
        "url": url,
        "title": "Kosovo agrees to host 50 deportees",
        "outlet": "Harbor Times",
        "published": date(2025, 6, 12),
        "language": "en",
        "content_hash": content_hash(text),
        "text": text,
        "relevance_terms": ["deported", "third country"],
        "warc_file": "news.warc.gz",
        "warc_offset": 0,
        "warc_record_id": "<urn:uuid:1>",
        "captured": CAPTURED,
        "claims": default if claims is None else claims,
    }


def result_file(path: Path, rows: list[dict[str, Any]]) -> Path:
    writer = ResultWriter(path)
    writer.write(rows)
    writer.close({})
    return path


def counts(store: Store) -> tuple[int, int]:
    with store.read() as session:
        return (
            session.scalar(select(func.count()).select_from(DocumentRow)) or 0,
            session.scalar(select(func.count()).select_from(ClaimRow)) or 0,
        )


def test_importing_twice_adds_nothing_the_second_time(store: Store, tmp_path: Path) -> None:
    path = result_file(
        tmp_path / "r.parquet",
        [row("https://a.example/1"), row("https://b.example/2", TEXT + " More.")],
    )
    first = import_result(store, path)
    second = import_result(store, path)
    assert (first.documents_added, first.claims_added) == (2, 2)
    assert (second.documents_present, second.claims_present) == (2, 2)
    assert (second.documents_added, second.claims_added) == (0, 0)
    assert counts(store) == (2, 2)


def test_claims_arrive_pending_and_point_at_their_document(
    sqlite_store: Store, tmp_path: Path
) -> None:
    imported = row("https://a.example/1")
    import_result(sqlite_store, result_file(tmp_path / "r.parquet", [imported]))
    with sqlite_store.read() as session:
        claim = session.scalars(select(ClaimRow)).one()
        document = document_repo.get_document(session, claim.document_id)
    assert claim.review_state == "pending"
    assert document.id == imported["id"]
    assert document.text[claim.evidence_start : claim.evidence_end] == claim.quote


def test_the_same_text_at_another_url_is_one_document(sqlite_store: Store, tmp_path: Path) -> None:
    path = result_file(
        tmp_path / "r.parquet", [row("https://a.example/1"), row("https://copy.example/9")]
    )
    report = import_result(sqlite_store, path)
    assert (report.documents_added, report.documents_present) == (1, 1)
    assert (report.claims_added, report.claims_present) == (1, 1)


def test_a_page_stored_earlier_with_other_text_gets_its_claims_re_anchored(
    sqlite_store: Store, tmp_path: Path
) -> None:
    url = "https://a.example/1"
    stored_text = "Earlier copy. Officials said 50 third-country nationals would come."
    with sqlite_store.write() as session:
        document_repo.add_document(
            session, Document(url=url, text=stored_text, content_hash=content_hash(stored_text))
        )
    mismatched = row(url, claims=None)
    mismatched["claims"].append(
        dict(
            mismatched["claims"][0],
            id=stable_uuid7(CAPTURED, "x"),
            quote="not in the stored text",
            evidence_start=0,
            evidence_end=22,
            count=7,
        )
    )
    report = import_result(sqlite_store, result_file(tmp_path / "r.parquet", [mismatched]))
    assert (report.documents_present, report.claims_added) == (1, 1)
    assert len(report.rejected) == 1 and "quote is not in the stored text" in report.rejected[0]
    with sqlite_store.read() as session:
        claim = session.scalars(select(ClaimRow)).one()
    assert stored_text[claim.evidence_start : claim.evidence_end] == "50 third-country nationals"


def test_a_bad_claim_loads_nothing_and_names_the_row(store: Store, tmp_path: Path) -> None:
    bad = row("https://b.example/2", claims=[dict(row("x")["claims"][0], receiver="QQ")])
    path = result_file(tmp_path / "r.parquet", [row("https://a.example/1"), bad])
    with pytest.raises(BadInput, match=r"row 2 \(https://b.example/2\).*receiver"):
        import_result(store, path)
    assert counts(store) == (0, 0)


def test_files_that_are_not_scan_results_are_refused(sqlite_store: Store, tmp_path: Path) -> None:
    text_file = tmp_path / "notes.parquet"
    text_file.write_text("hello")
    other = tmp_path / "other.parquet"
    pq.write_table(pa.table({"url": ["https://a.example/"]}), other)
    with pytest.raises(BadInput, match=r"notes\.parquet: not a Parquet file"):
        import_result(sqlite_store, text_file)
    with pytest.raises(BadInput, match=r"other.parquet: not a scan result \(missing columns: id,"):
        import_result(sqlite_store, other)
