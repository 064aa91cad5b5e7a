"""Fuzzing what stores: YAML and JSON dataset files into ``load``, and web sources through
the whole ingest pipeline, on SQLite and PostgreSQL. Each input is stored whole or not at
all: a refused dataset leaves the store as it was, a failed source is recorded with a
one-line reason and nothing of it is kept. (Budget and property: ``tests/fuzzing.py``.)"""

from __future__ import annotations

import itertools
import json
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from tests.fuzzing import FUZZ, assert_one_line
from tests.test_fuzz_readers import HTML_BODIES, encoded_bodies, mutated
from thirdcountry.domain.dataset import DatasetError
from thirdcountry.domain.errors import MAX_LINE, ThirdCountryError
from thirdcountry.ingest.fetch import HTTPStatusFailure, decode_body
from thirdcountry.ingest.model import Capture, CaptureKind, Payload, SourceStatus
from thirdcountry.ingest.pipeline import Outcome, Pipeline, load_extractor
from thirdcountry.store import Store
from thirdcountry.store import ingest as repo
from thirdcountry.store.ingest_tables import IngestCaptureRow, IngestSourceRow
from thirdcountry.store.load import load_dataset, read_dataset_file
from thirdcountry.store.tables import AuditRow, ClaimRow, DocumentRow

# The store fixture is made once per test and shared by its examples, on purpose: each
# example checks what it changed against what was there before it.
SHARED_STORE = settings(
    FUZZ, suppress_health_check=[*FUZZ.suppress_health_check, HealthCheck.function_scoped_fixture]
)
TABLES = (DocumentRow, ClaimRow, AuditRow, IngestSourceRow, IngestCaptureRow)


def counts(store: Store) -> dict[str, int]:
    with store.read() as session:
        return {
            t.__tablename__: session.scalar(select(func.count()).select_from(t)) or 0
            for t in TABLES
        }


# -- dataset files --------------------------------------------------------------------------

ODD = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=25),
    st.lists(st.text(max_size=5), max_size=3),
)
LIKELY = st.sampled_from(
    ["US", "XK", "SV", "us", "ZZ", "2025", "2025-06", "2025-06-12", "2025-02-30", "d1", "d2",
     "en", "es", "news", "transfer", "capacity", "arrangement_status", "role", "agreed",
     "detention", "accepted", "pending", "rejected", "CECOT", "USD", "https://example.org/a",
     "x\x00y", "\ud800"]
)  # fmt: skip
VALUE = st.one_of(LIKELY, ODD)
DOCUMENT = st.fixed_dictionaries(
    {"id": st.sampled_from(["d1", "d2", "d3"])},
    optional=dict.fromkeys(
        ("url", "outlet", "published", "language", "title", "kind", "copy_of", "text"), VALUE
    ),
)
CLAIM = st.fixed_dictionaries(
    {"kind": VALUE},
    optional=dict.fromkeys(
        (
            "document",
            "sender",
            "receiver",
            "value",
            "count",
            "date",
            "review_state",
            "facility",
            "amount",
            "currency",
            "quote",
            "id",
            "nationalities",
            "confidence",
        ),
        VALUE,
    ),
)
DATASETS = st.fixed_dictionaries(
    {
        "dataset": st.fixed_dictionaries(
            {"name": st.text(min_size=1, max_size=10), "version": VALUE}
        )
    },
    optional={"documents": st.lists(DOCUMENT, max_size=3), "claims": st.lists(CLAIM, max_size=4)},
)


def _dumped(data: dict[str, Any], as_json: bool) -> bytes:
    if as_json:
        return json.dumps(data, ensure_ascii=False, default=str).encode("utf-8", "surrogatepass")
    return yaml.safe_dump(data, allow_unicode=True).encode("utf-8", "surrogatepass")


@st.composite
def dataset_files(draw: st.DrawFn) -> tuple[str, bytes]:
    as_json = draw(st.booleans())
    text = draw(
        st.one_of(
            st.builds(_dumped, DATASETS, st.just(as_json)),
            mutated(st.builds(_dumped, DATASETS, st.just(as_json))),
            st.binary(max_size=300),
        )
    )
    return ("fuzz.json" if as_json else "fuzz.yaml"), text


def assert_dataset_error(error: DatasetError) -> None:
    lines = error.message.split("\n")
    assert all(len(line) <= MAX_LINE for line in lines)
    if len(error.problems) == 1:
        assert_one_line(error.message)


@SHARED_STORE
@given(dataset_files())
def test_dataset_files(store: Store, named: tuple[str, bytes]) -> None:
    name, content = named
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        try:
            dataset = read_dataset_file(path)
        except DatasetError as error:
            assert_dataset_error(error)
            event("dataset file refused")
            return
    before = counts(store)
    try:
        load_dataset(store, dataset)
    except ThirdCountryError as error:
        assert_one_line(error.message)
        assert counts(store) == before  # refused whole: nothing half-loaded
        event("dataset refused by the store")
    else:
        event("dataset loaded")


# -- web sources through the pipeline ---------------------------------------------------------

_numbers = itertools.count()
MEDIA_TYPES = st.sampled_from(
    [None, "text/html", "text/plain", "application/pdf", "application/rss+xml", "application/xml"]
)


@st.composite
def web_sources(draw: st.DrawFn) -> tuple[bytes, str, str | None, str | None]:
    body, encoding = draw(st.one_of(encoded_bodies(), st.tuples(HTML_BODIES, st.just("identity"))))
    charset = draw(st.sampled_from([None, "utf-8", "iso-8859-1", "bogus"]))
    return body, encoding, draw(MEDIA_TYPES), charset


def fetcher_for(url: str, body: bytes, encoding: str, media_type: str | None, charset: str | None):  # type: ignore[no-untyped-def]
    """A fetcher that answers ``url`` with the body as a server would send it; 404 else."""

    def fetch(asked: str, *, headers: object = None) -> Payload:
        if asked != url:
            raise HTTPStatusFailure(404, "Not Found")
        content = decode_body(body, encoding, 200_000)
        capture = Capture(
            kind=CaptureKind.RESPONSE,
            target=url,
            requested=url,
            fetched_at=datetime.now(UTC),
            body=body,
            status=200,
            reason="OK",
            headers=(("Content-Type", media_type or ""), ("Content-Encoding", encoding)),
            media_type=media_type,
        )
        return Payload(url, content, capture, url=url, media_type=media_type, charset=charset)

    return fetch


EXTRACT = load_extractor()


@SHARED_STORE
@given(web_sources())
def test_web_sources_through_the_pipeline(
    store: Store, source: tuple[bytes, str, str | None, str | None]
) -> None:
    url = f"https://fuzz.example.org/{next(_numbers)}"
    pipeline = Pipeline(store, fetch=fetcher_for(url, *source), extract=EXTRACT)
    report = pipeline.run([url])
    for result in report.results:
        event(f"source {result.outcome.value}")
        if result.outcome is Outcome.FAILED:
            assert_one_line(result.reason or "")
            assert not (result.reason or "").startswith("unexpected error"), result.reason
    with store.read() as session:
        record = repo.get_source(session, url)
        assert record is not None
        if record.status is SourceStatus.FAILED:
            assert record.document_id is None
            return
        if record.status is SourceStatus.FEED:
            return
        document = session.get(DocumentRow, record.document_id)
        assert document is not None and (document.text or "").strip()
        captures = session.scalar(
            select(func.count()).where(IngestCaptureRow.document_id == document.id)
        )
        assert captures == 1
        for claim in session.scalars(select(ClaimRow).where(ClaimRow.document_id == document.id)):
            assert claim.review_state == "pending"
            assert (
                0
                <= (claim.evidence_start or 0)
                < (claim.evidence_end or 0)
                <= len(document.text or "")
            )


def refusal(tmp_path: Path, text: str) -> DatasetError:
    path = tmp_path / "found.yaml"
    path.write_text("dataset: {name: t, version: '1'}\n" + text)
    try:
        read_dataset_file(path)
    except DatasetError as error:
        assert_dataset_error(error)
        return error
    raise AssertionError(f"accepted: {text!r}")


def test_a_dataset_claim_without_a_kind_is_a_named_problem(tmp_path: Path) -> None:
    # Found by test_dataset_files: a claim with `kind: null` raised a TypeError.
    error = refusal(tmp_path, "claims:\n  - {kind: null, receiver: XK}\n")
    assert "a claim needs a kind" in error.message


def test_a_dataset_document_whose_text_is_no_string_is_a_named_problem(tmp_path: Path) -> None:
    # Found by test_dataset_files (make fuzz): `text: false` raised an AttributeError.
    error = refusal(tmp_path, "documents:\n  - {id: d1, text: false}\n")
    assert "text must be a string, got bool" in error.message
