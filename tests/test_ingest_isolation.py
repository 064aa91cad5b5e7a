"""One bad source never stops a run: each is stored or recorded as failed on its own, and
text no backend can store (NUL, lone surrogates) is made safe at the store's boundary."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.exc import DataError

from thirdcountry.ingest import pipeline as pipeline_module
from thirdcountry.ingest.model import SourceStatus
from thirdcountry.ingest.pipeline import IngestOptions, Outcome, Pipeline
from thirdcountry.store import Store
from thirdcountry.store import documents as document_repo
from thirdcountry.store import ingest as repo
from thirdcountry.store.storable import storable

BODY = (
    "Kosovo agrees to host fifty people deported from the United States\n\n"
    "Pristina, 12 June 2025. The government said it would host the people for a year "
    "before they return to their countries of origin, officials told reporters.\n"
)


def _no_fetch(url: str, **_kwargs: object) -> object:
    raise AssertionError(f"nothing here is fetched, yet {url} was")


def ingest_files(store: Store, paths: list[Path]) -> pipeline_module.IngestReport:
    pipeline = Pipeline(store, fetch=_no_fetch, extract=None, options=IngestOptions(jobs=2))
    return pipeline.run([str(p) for p in paths])


def test_storable_replaces_what_no_backend_stores_one_character_for_one() -> None:
    raw = "a\x00b\ud800c"
    assert storable(raw) == "a\ufffdb\ufffdc"
    assert len(storable(raw)) == len(raw)  # evidence offsets into the text stay true
    assert storable("plain ñ text") == "plain ñ text"


def test_a_text_with_a_nul_byte_is_stored_and_the_run_goes_on(store: Store, tmp_path: Path) -> None:
    nul = tmp_path / "a-nul.txt"
    nul.write_bytes(BODY.replace("a year", "a\x00year").encode())
    fine = tmp_path / "b-fine.txt"
    fine.write_text("Eswatini receives five men flown from the United States on Tuesday.\n")
    report = ingest_files(store, [nul, fine])
    assert [r.outcome for r in report.results] == [Outcome.NEW, Outcome.NEW]
    with store.read() as session:
        stored = {d.url: d.text for d in document_repo.list_documents(session)}
    assert "for a\ufffdyear" in (stored[str(nul)] or "")
    assert str(fine) in stored


def test_every_text_column_takes_nul_and_surrogates_on_every_backend(store: Store) -> None:
    with store.write() as session:
        repo.record_source(
            session, "file:///odd", SourceStatus.FAILED, reason="bad\x00reason \udcff"
        )
    with store.read() as session:
        record = repo.get_source(session, "file:///odd")
    assert record is not None and record.reason == "bad\ufffdreason \ufffd"


def test_a_source_the_store_refuses_is_a_recorded_failure_and_the_run_goes_on(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(BODY)
    second.write_text("Rwanda says it is negotiating with the United Kingdom about a deal.\n")
    real_add = document_repo.add_document

    def refusing_add(session: object, doc: document_repo.Document) -> object:
        if doc.url == str(first):
            raise DataError("INSERT …", {"text": doc.text}, Exception("value too odd\nmore"))
        return real_add(session, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline_module.document_repo, "add_document", refusing_add)
    report = ingest_files(store, [first, second])
    failed, stored = report.results
    assert failed.outcome is Outcome.FAILED
    assert failed.reason == "cannot store: Exception: value too odd"
    assert stored.outcome is Outcome.NEW
    with store.read() as session:
        record = repo.get_source(session, str(first))
        docs = document_repo.list_documents(session)
    assert record is not None and record.status is SourceStatus.FAILED
    assert [d.url for d in docs] == [str(second)]  # nothing of the failed source is kept


def test_a_truncated_gzip_body_is_a_recorded_failure_not_a_document(sqlite_store: Store) -> None:
    from tests.ingest_server import Site
    from thirdcountry.ingest.fetch import FetchSettings, SafeFetcher

    settings = FetchSettings(user_agent="thirdcountry-tests", allow_private=True, timeout=2.0)
    with Site() as site, SafeFetcher(settings) as fetch:
        pipeline = Pipeline(sqlite_store, fetch=fetch, extract=None)
        (result,) = pipeline.run([site.url("/truncated-gzip")]).results
    assert result.outcome is Outcome.FAILED and result.retryable
    assert "the transfer was cut short" in (result.reason or "")
    with sqlite_store.read() as session:
        assert document_repo.list_documents(session) == []
        record = repo.get_source(session, site.url("/truncated-gzip"))
    assert record is not None and record.status is SourceStatus.FAILED


def test_a_reader_that_breaks_gives_a_one_line_reason(
    sqlite_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def breaking(*_args: object) -> object:
        raise RuntimeError("first line\n  Traceback-like second line\n  third")

    monkeypatch.setattr(pipeline_module, "parse_payload", breaking)
    source = tmp_path / "a.txt"
    source.write_text(BODY)
    (result,) = ingest_files(sqlite_store, [source]).results
    assert result.reason == "unexpected error: RuntimeError: first line"
