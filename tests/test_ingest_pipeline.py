"""The pipeline end to end against a local site: stored documents, copies, failures, feeds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import func, select

from tests.ingest_server import PLAIN_TEXT, Site, page
from thirdcountry.domain.claims import Claim
from thirdcountry.domain.documents import Document
from thirdcountry.domain.vocabulary import ClaimKind, ReviewState
from thirdcountry.ingest import pipeline as pipeline_module
from thirdcountry.ingest.fetch import FetchSettings, SafeFetcher
from thirdcountry.ingest.pipeline import (
    Extractor,
    IngestOptions,
    IngestReport,
    Outcome,
    Pipeline,
    RetryPolicy,
    load_extractor,
)
from thirdcountry.ingest.watch import watch
from thirdcountry.store import Store, open_store
from thirdcountry.store import claims as claim_repo
from thirdcountry.store import documents as document_repo
from thirdcountry.store import ingest as repo
from thirdcountry.store.ingest_tables import (
    IngestCaptureRow,
    IngestFeedItemRow,
    IngestLshBucketRow,
    IngestSourceRow,
)
from thirdcountry.store.tables import ClaimRow, DocumentRow

UA = "thirdcountry/0.1 (+https://example.org/thirdcountry-tests)"


def fetcher() -> SafeFetcher:
    return SafeFetcher(
        FetchSettings(
            user_agent=UA,
            allow_private=True,
            timeout=0.5,
            total_timeout=3.0,
            max_bytes=300_000,
        )
    )


def run(
    store: Store,
    sources: list[str],
    *,
    extract: Extractor | None = None,
    retry: RetryPolicy = RetryPolicy.NONE,
) -> IngestReport:
    with fetcher() as fetch:
        options = IngestOptions(jobs=3, retry=retry)
        return Pipeline(store, fetch=fetch, extract=extract, options=options).run(sources)


def documents(store: Store) -> dict[str, Document]:
    """Stored documents by URL path (or file name)."""
    with store.read() as session:
        docs = document_repo.list_documents(session)
    return {urlsplit(d.url or "").path or d.url or "": d for d in docs}


def row_counts(store: Store) -> dict[str, int]:
    tables = [
        DocumentRow,
        ClaimRow,
        IngestSourceRow,
        IngestCaptureRow,
        IngestLshBucketRow,
        IngestFeedItemRow,
    ]
    with store.read() as session:
        return {
            t.__tablename__: session.scalar(select(func.count()).select_from(t)) or 0
            for t in tables
        }


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    with Site() as running:
        yield running


@pytest.fixture(scope="module")
def ingested(
    site: Site, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Store, IngestReport]]:
    store = open_store(str(tmp_path_factory.mktemp("site") / "site.sqlite3"))
    sources = ["/feed.xml", "/statement.txt", "/statement.pdf", "/slow", "/huge", "/photo.png"]
    report = run(store, [site.url(p) for p in sources])
    yield store, report
    store.dispose()


def test_each_article_is_stored_once_with_its_metadata(
    ingested: tuple[Store, IngestReport],
) -> None:
    docs = documents(ingested[0])
    assert set(docs) == {
        "/news/kosovo-agrees",
        "/world/kosovo-deal",
        "/es/kosovo-acepta",
        "/news/eswatini-flight",
        "/es/cecot-venezolanos",
        "/mirror/kosovo-agrees",
        "/statement.txt",
        "/statement.pdf",
    }
    kosovo = docs["/news/kosovo-agrees"]
    assert (kosovo.title, kosovo.outlet, kosovo.author) == (
        "Kosovo to take in 50 deportees from the United States",
        "Balkan Wire",
        "Mira Hoxha",
    )
    assert (kosovo.published, kosovo.language) == (date(2025, 6, 12), "en")
    spanish = docs["/es/kosovo-acepta"]
    assert (spanish.outlet, spanish.published, spanish.language) == (
        "Diario del Istmo",
        date(2025, 6, 13),
        "es",
    )


def test_feed_entries_are_stored_under_their_canonical_address(
    ingested: tuple[Store, IngestReport], site: Site
) -> None:
    urls = {d.url for d in documents(ingested[0]).values()}
    assert site.url("/news/eswatini-flight") in urls  # no ?utm_source=rss
    assert not any("utm_" in (u or "") for u in urls)


def test_text_and_pdf_sources_get_text_and_metadata(ingested: tuple[Store, IngestReport]) -> None:
    docs = documents(ingested[0])
    text = docs["/statement.txt"]
    assert text.title == PLAIN_TEXT.splitlines()[0] and text.language == "en"
    pdf = docs["/statement.pdf"]
    assert (pdf.title, pdf.published) == ("Press statement", date(2025, 6, 11))
    assert "receive up to fifty" in (pdf.text or "")


def test_copies_are_linked_to_their_original(ingested: tuple[Store, IngestReport]) -> None:
    docs = documents(ingested[0])
    original = docs["/news/kosovo-agrees"]
    assert original.source_id is None
    assert docs["/world/kosovo-deal"].source_id == original.id  # near-duplicate, other outlet
    assert docs["/mirror/kosovo-agrees"].source_id == original.id  # identical text
    assert docs["/es/kosovo-acepta"].source_id is None  # same news, own reporting


def test_projection_counts_a_story_and_its_copies_as_one_source(
    ingested: tuple[Store, IngestReport],
) -> None:
    docs = documents(ingested[0])
    ids = [
        docs[p].id for p in ("/news/kosovo-agrees", "/world/kosovo-deal", "/mirror/kosovo-agrees")
    ]
    with ingested[0].read() as session:
        infos = document_repo.source_infos(session, ids)
    assert {info.source_key for info in infos.values()} == {docs["/news/kosovo-agrees"].id}


def test_the_report_names_each_outcome(ingested: tuple[Store, IngestReport], site: Site) -> None:
    outcomes = {urlsplit(r.locator).path: r for r in ingested[1].results}
    assert outcomes["/feed.xml"].outcome is Outcome.FEED and outcomes["/feed.xml"].entries == 8
    assert outcomes["/world/kosovo-deal"].outcome is Outcome.NEAR_DUPLICATE
    assert outcomes["/world/kosovo-deal"].similarity is not None
    assert outcomes["/world/kosovo-deal"].original_url == site.url("/news/kosovo-agrees")
    assert outcomes["/mirror/kosovo-agrees"].outcome is Outcome.DUPLICATE
    assert outcomes["/old/kosovo"].outcome is Outcome.ALREADY_STORED  # a redirect to a stored page
    assert ingested[1].counts()["new"] == 6


@pytest.mark.parametrize(
    ("path", "reason", "retryable"),
    [
        ("/broken", "HTTP 500 Internal Server Error", True),
        ("/slow", "timed out waiting for the server to send data (after 0.5 s)", True),
        ("/huge", "too big: 50000000 bytes announced, the limit is 300000", False),
        ("/photo.png", "unsupported content type image/png", False),
    ],
)
def test_failures_are_recorded_with_their_reason(
    ingested: tuple[Store, IngestReport], site: Site, path: str, reason: str, retryable: bool
) -> None:
    with ingested[0].read() as session:
        record = repo.get_source(session, site.url(path))
    assert record is not None
    assert (record.status.value, record.reason, record.retryable) == ("failed", reason, retryable)


def test_every_stored_document_has_its_capture_as_received(
    ingested: tuple[Store, IngestReport], site: Site
) -> None:
    store = ingested[0]
    docs = documents(store)
    with store.read() as session:
        captures = list(repo.iter_captures(session))
    assert sorted(c.document_id for c in captures) == sorted(d.id for d in docs.values())
    kosovo = next(c for c in captures if c.document_id == docs["/news/kosovo-agrees"].id)
    assert kosovo.capture.body == page("kosovo-en.html", site.base)
    assert kosovo.capture.status == 200 and kosovo.capture.fetched_at.tzinfo is not None


def test_running_the_same_ingest_again_adds_nothing(
    ingested: tuple[Store, IngestReport], site: Site
) -> None:
    store = ingested[0]
    before = row_counts(store)
    sources = ["/feed.xml", "/statement.txt", "/statement.pdf", "/slow", "/huge", "/photo.png"]
    again = run(store, [site.url(p) for p in sources])
    assert row_counts(store) == before
    counts = again.counts()
    assert (counts["new"], counts["duplicate"], counts["near_duplicate"], counts["failed"]) == (
        0,
        0,
        0,
        0,
    )
    assert counts["failed_before"] == 3 and counts["already_stored"] == 2
    feed = next(r for r in again.results if r.outcome is Outcome.FEED)
    assert feed.note == "not modified since last poll"  # the feed's ETag was remembered


def test_a_failure_is_retried_on_request_and_then_stored(site: Site, store: Store) -> None:
    site.flaky_failures = 1
    first = run(store, [site.url("/flaky")])
    assert first.results[0].outcome is Outcome.FAILED and first.results[0].retryable
    second = run(store, [site.url("/flaky")])
    assert second.results[0].outcome is Outcome.FAILED_BEFORE
    third = run(store, [], retry=RetryPolicy.ALL)
    assert [(r.locator, r.outcome) for r in third.results] == [(site.url("/flaky"), Outcome.NEW)]
    with store.read() as session:
        record = repo.get_source(session, site.url("/flaky"))
    assert record is not None and (record.status.value, record.attempts) == ("new", 2)


def test_a_source_named_twice_is_ingested_once(site: Site, sqlite_store: Store) -> None:
    url = site.url("/news/eswatini-flight")
    report = run(sqlite_store, [url, url + "?utm_source=x", site.url("/es/kosovo-acepta"), url])
    assert [(r.locator, r.outcome) for r in report.results] == [
        (url, Outcome.NEW),
        (site.url("/es/kosovo-acepta"), Outcome.NEW),
    ]
    with sqlite_store.read() as session:
        record = repo.get_source(session, url)
    assert record is not None and (record.status.value, record.attempts) == ("new", 1)


def test_a_url_stored_as_a_dataset_spells_it_is_not_fetched_again(
    site: Site, sqlite_store: Store
) -> None:
    spelled = site.url("/news/eswatini-flight") + "?utm_campaign=share"
    with sqlite_store.write() as session:
        document_repo.add_document(session, Document(url=spelled, title="from a dataset"))
    before = len(site.requests)
    report = run(sqlite_store, [spelled])
    assert [r.outcome for r in report.results] == [Outcome.ALREADY_STORED]
    assert len(site.requests) == before


def test_a_saved_copy_of_a_page_is_recognised_by_its_canonical_url(
    site: Site, sqlite_store: Store, tmp_path: Path
) -> None:
    run(sqlite_store, [site.url("/news/kosovo-agrees")])
    saved = tmp_path / "saved" / "kosovo.html"
    saved.parent.mkdir()
    saved.write_bytes(page("kosovo-en.html", site.base))
    report = run(sqlite_store, [str(saved.parent)])
    assert [r.outcome for r in report.results] == [Outcome.ALREADY_STORED]


def test_folders_with_html_text_pdf_and_a_feed_file(
    site: Site, sqlite_store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "inbox"
    (folder / "nested").mkdir(parents=True)
    (folder / "cecot.html").write_bytes(page("cecot-es.html", "https://elsewhere.test"))
    (folder / "nested" / "note.txt").write_text(PLAIN_TEXT, encoding="utf-8")
    (folder / ".hidden.txt").write_text("not for us", encoding="utf-8")
    (folder / "desk.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
        f"<item><link>{site.url('/news/eswatini-flight')}</link></item></channel></rss>",
        encoding="utf-8",
    )
    report = run(sqlite_store, [str(folder)])
    outcomes = sorted((Path(r.locator).name, r.outcome.value) for r in report.results)
    assert outcomes == [
        ("cecot.html", "new"),
        ("desk.rss", "feed"),
        ("eswatini-flight", "new"),
        ("note.txt", "new"),
    ]
    stored = {d.url for d in documents(sqlite_store).values()}
    assert str((folder / "nested" / "note.txt").resolve()) in stored  # a file cites its path


class FakeExtractor:
    """Claims a transfer wherever the text mentions Kosovo, with real evidence offsets."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.calls: list[tuple[date | None, str | None]] = []
        self.fail_on = fail_on

    def __call__(
        self, text: str, *, published: date | None = None, language: str | None = None
    ) -> list[Claim]:
        self.calls.append((published, language))
        if self.fail_on and self.fail_on in text:
            raise RuntimeError("rule set crashed")
        start = text.find("Kosovo")
        if start < 0:
            return []
        good = Claim(
            kind=ClaimKind.CAPACITY,
            sender="US",
            receiver="XK",
            count=50,
            evidence_start=start,
            evidence_end=start + 6,
            quote=text[start : start + 6],
            extractor="fake/1",
            confidence=0.9,
        )
        bad = replace(good, receiver="ZZ")  # an unknown country: refused, the rest kept
        return [good, bad, good]  # the repeat is stored once


def test_claims_are_stored_pending_and_pointing_into_the_stored_text(
    site: Site, store: Store
) -> None:
    extractor = FakeExtractor()
    paths = [
        "/news/kosovo-agrees",
        "/mirror/kosovo-agrees",
        "/world/kosovo-deal",
        "/es/cecot-venezolanos",
    ]
    report = run(store, [site.url(p) for p in paths], extract=extractor)
    assert report.extraction and [r.claims for r in report.results] == [1, 0, 1, 0]
    docs = documents(store)
    with store.read() as session:
        claims = claim_repo.list_claims(session)
    assert {c.document_id for c in claims} == {
        docs["/news/kosovo-agrees"].id,
        docs["/world/kosovo-deal"].id,
    }
    for claim in claims:
        assert claim.review_state is ReviewState.PENDING
        text = next(d.text for d in docs.values() if d.id == claim.document_id) or ""
        assert text[claim.evidence_start : claim.evidence_end] == "Kosovo"
    assert (date(2025, 6, 12), "en") in extractor.calls


def test_a_crashing_extractor_costs_claims_not_the_document(
    site: Site, sqlite_store: Store
) -> None:
    report = run(sqlite_store, [site.url("/news/kosovo-agrees")], extract=FakeExtractor("Kosovo"))
    result = report.results[0]
    assert result.outcome is Outcome.NEW and result.claims == 0
    assert result.note == "extraction failed: RuntimeError: rule set crashed"


def test_extraction_is_picked_up_once_the_extract_stage_provides_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import thirdcountry.extract as extract_stage

    fake = FakeExtractor()
    monkeypatch.setattr(extract_stage, "extract_claims", fake, raising=False)
    assert load_extractor() is fake
    monkeypatch.delattr(extract_stage, "extract_claims")
    assert pipeline_module.load_extractor() is None


def test_an_undated_page_takes_its_date_from_the_feed(sqlite_store: Store) -> None:
    with Site(feed_paths=["/statement.txt"]) as feed_site:
        run(sqlite_store, [feed_site.url("/feed.xml")])
    (statement,) = documents(sqlite_store).values()
    assert statement.published == date(2025, 6, 12)  # the entry's pubDate


def test_a_watched_feed_is_polled_conditionally_and_only_new_entries_are_ingested(
    sqlite_store: Store,
) -> None:
    with Site(feed_paths=["/news/kosovo-agrees", "/broken"]) as feed_site:
        with fetcher() as fetch:
            options = IngestOptions(jobs=2, retry=RetryPolicy.RETRYABLE, max_attempts=5)
            pipeline = Pipeline(sqlite_store, fetch=fetch, extract=None, options=options)
            reports: list[IngestReport] = []
            watch(
                pipeline, [feed_site.url("/feed.xml")], every=60, once=True, on_poll=reports.append
            )
            watch(
                pipeline, [feed_site.url("/feed.xml")], every=60, once=True, on_poll=reports.append
            )
            feed_site.feed_paths.append("/es/kosovo-acepta")
            watch(
                pipeline, [feed_site.url("/feed.xml")], every=60, once=True, on_poll=reports.append
            )
        requested = feed_site.paths_requested()
        conditional = [h.get("If-None-Match") for p, h in feed_site.requests if p == "/feed.xml"]
    first, second, third = (
        [(urlsplit(r.locator).path, r.outcome.value) for r in rep.results] for rep in reports
    )
    assert first == [("/feed.xml", "feed"), ("/news/kosovo-agrees", "new"), ("/broken", "failed")]
    # Second poll: the feed answers 304; the retryable failure is tried again.
    assert second == [("/feed.xml", "feed"), ("/broken", "failed")]
    assert third == [("/feed.xml", "feed"), ("/broken", "failed"), ("/es/kosovo-acepta", "new")]
    assert conditional == [None, '"feed-2"', '"feed-2"']
    assert requested.count("/news/kosovo-agrees") == 1
    with sqlite_store.read() as session:
        record = repo.get_source(session, feed_site.url("/broken"))
    assert record is not None and record.attempts == 3
