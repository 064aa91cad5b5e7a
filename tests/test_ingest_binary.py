"""Binary data is never stored as a document: ingest refuses what extract refuses, by one
shared check of the bytes, whatever a file's name or a server's Content-Type says."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.ingest_server import Site
from thirdcountry.cli import cli
from thirdcountry.ingest.binary import binary_kind
from thirdcountry.ingest.fetch import FetchSettings, SafeFetcher
from thirdcountry.ingest.pipeline import Outcome, Pipeline
from thirdcountry.store import Store
from thirdcountry.store import documents as document_repo

ARTICLE = (
    "<html><body><h1>Kosovo agrees to host fifty people</h1><p>Pristina agreed on Thursday "
    "to host fifty people deported from the United States for one year.</p></body></html>"
)
RANDOM = random.Random(17).randbytes(4096)
BODIES = {
    "random.txt": RANDOM,
    "page.html.gz": gzip.compress(ARTICLE.encode()),
    "random.html": RANDOM,
}


@pytest.mark.parametrize("name", sorted(BODIES))
def test_ingest_and_extract_refuse_the_same_binary_files(
    name: str, tmp_path: Path, sqlite_store: Store
) -> None:
    path = tmp_path / name
    path.write_bytes(BODIES[name])
    pipeline = Pipeline(sqlite_store, fetch=lambda *_a, **_k: None, extract=None)  # type: ignore[arg-type,return-value]
    (result,) = pipeline.run([str(path)]).results
    kind = binary_kind(BODIES[name])
    assert kind is not None
    assert result.outcome is Outcome.FAILED
    assert result.reason == f"{kind}, not a web page, text, PDF or feed"
    extracted = CliRunner().invoke(cli, ["extract", str(path)])
    assert extracted.exit_code == 1
    assert f"looks like binary data ({kind})" in extracted.output
    with sqlite_store.read() as session:
        assert document_repo.list_documents(session) == []


def test_a_body_without_a_content_type_is_judged_by_its_bytes(sqlite_store: Store) -> None:
    settings = FetchSettings(user_agent="thirdcountry-tests", allow_private=True, timeout=2.0)
    with Site(untyped_body=RANDOM) as site, SafeFetcher(settings) as fetch:
        pipeline = Pipeline(sqlite_store, fetch=fetch, extract=None)
        (binary,) = pipeline.run([site.url("/untyped")]).results
        site.untyped_body = ARTICLE.encode()
        (page,) = pipeline.run([site.url("/untyped?page")]).results
    assert binary.outcome is Outcome.FAILED
    assert (binary.reason or "").startswith("binary data (")
    assert page.outcome is Outcome.NEW  # an untyped body that is a page is still a page


def test_text_with_a_stray_nul_is_text_but_utf16_and_images_are_not() -> None:
    text = ("Eswatini receives five men flown from the United States. " * 20).encode()
    assert binary_kind(text) is None
    assert binary_kind(text[:500] + b"\x00" + text[500:]) is None
    assert binary_kind("Kosovo agrees".encode("utf-16")) is not None
    assert binary_kind(b"\x89PNG\r\n\x1a\n" + b"0" * 64) == "a PNG image"
    assert binary_kind(b"") is None
