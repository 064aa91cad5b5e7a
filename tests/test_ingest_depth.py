"""Pages nested past the HTML parser's depth limit lose no text without a word: they are
read flattened, and what could still not be read is counted in a recorded warning."""

from __future__ import annotations

from pathlib import Path

from thirdcountry.ingest.depth import PARSER_DEPTH_LIMIT, check_depth
from thirdcountry.ingest.html import parse_html
from thirdcountry.ingest.pipeline import Outcome, Pipeline
from thirdcountry.store import Store
from thirdcountry.store import documents as document_repo
from thirdcountry.store import ingest as repo

SENTENCE = "Kosovo agrees to host fifty people deported from the United States, officials said."


def sloppy_page(paragraphs: int) -> str:
    """A page that opens a <div> per paragraph and never closes one."""
    body = "".join(f'<div class="c"><p>{SENTENCE} ({n})</p>' for n in range(paragraphs))
    return f"<html><head><title>Deep</title></head><body><article>{body}</article></body></html>"


def test_a_page_within_the_limit_is_read_as_it_is() -> None:
    page = sloppy_page(PARSER_DEPTH_LIMIT - 20)
    assert check_depth(page).html == page and check_depth(page).warning is None


def test_text_past_the_depth_limit_is_kept_and_the_page_says_how_it_was_read() -> None:
    parsed = parse_html(sloppy_page(2000).encode())
    assert f"{SENTENCE} (1999)" in parsed.text  # the last paragraph, 2000 levels down
    assert parsed.text.count(SENTENCE) == 2000
    assert parsed.warning == (
        "the page nests deeper than the HTML parser's limit (255 levels): "
        "read with its containers flattened"
    )


def test_what_even_flattening_cannot_reach_is_counted_in_the_warning() -> None:
    # Elements no flattening removes (unknown ones), nested 1000 deep, one word each.
    body = "".join(f"<x-level>word{n} " for n in range(1000))
    checked = check_depth(f"<html><body><p>{SENTENCE}</p>{body}</body></html>")
    assert checked.warning is not None
    assert checked.warning.startswith("the page nests deeper than the HTML parser's limit")
    dropped, total = (int(w) for w in checked.warning.split("about ")[1].split()[:3:2])
    assert 0.6 * total < dropped < total  # about 750 of the 1000 words were past it


def test_the_warning_is_recorded_with_the_stored_source(
    tmp_path: Path, sqlite_store: Store
) -> None:
    deep = tmp_path / "deep.html"
    deep.write_text(sloppy_page(400))
    pipeline = Pipeline(sqlite_store, fetch=lambda *_a, **_k: None, extract=None)  # type: ignore[arg-type,return-value]
    (result,) = pipeline.run([str(deep)]).results
    assert result.outcome is Outcome.NEW
    assert "read with its containers flattened" in (result.note or "")
    with sqlite_store.read() as session:
        record = repo.get_source(session, str(deep))
        (document,) = document_repo.list_documents(session)
    assert record is not None and "containers flattened" in (record.reason or "")
    assert (document.text or "").count(SENTENCE) == 400
