"""Near-duplicate detection: shingles, exact Jaccard, and the LSH buckets that find candidates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ingest_server import page
from thirdcountry.domain.errors import BadInput
from thirdcountry.ingest.dedupe import (
    MIN_WORDS,
    Fingerprint,
    check_threshold,
    estimated_similarity,
    fingerprint,
    jaccard,
    shingles,
)
from thirdcountry.ingest.html import parse_html


def text_of(name: str) -> str:
    return parse_html(page(name, "https://news.test"), url="https://news.test/x").text


def fp(text: str) -> Fingerprint:
    found = fingerprint(text)
    assert found is not None
    return found


def lsh_buckets(text: str) -> tuple[str, ...]:
    found = fingerprint(text)
    return found.buckets if found else ()


def test_a_syndicated_copy_is_similar_and_shares_buckets_with_its_original() -> None:
    original, copy = text_of("kosovo-en.html"), text_of("kosovo-copy.html")
    exact = jaccard(shingles(original), shingles(copy))
    assert exact >= 0.8
    assert set(lsh_buckets(original)) & set(lsh_buckets(copy))
    estimate = estimated_similarity(fp(original).signature, fp(copy).signature)
    assert abs(estimate - exact) < 0.15  # the pre-filter's margin


def test_different_stories_are_neither_similar_nor_bucketed_together() -> None:
    kosovo, eswatini = text_of("kosovo-en.html"), text_of("eswatini-en.html")
    assert jaccard(shingles(kosovo), shingles(eswatini)) < 0.05
    assert not set(lsh_buckets(kosovo)) & set(lsh_buckets(eswatini))
    assert estimated_similarity(fp(kosovo).signature, fp(eswatini).signature) < 0.1


def test_the_same_story_in_another_language_is_not_a_copy() -> None:
    english, spanish = text_of("kosovo-en.html"), text_of("kosovo-es.html")
    assert jaccard(shingles(english), shingles(spanish)) < 0.05


def test_case_and_punctuation_do_not_matter() -> None:
    text = "Kosovo agreed to host fifty people deported from the United States. " * 3
    assert shingles(text) == shingles(text.upper().replace(".", " ;"))


def test_short_texts_are_left_to_exact_deduplication() -> None:
    assert lsh_buckets("word " * (MIN_WORDS - 1)) == ()
    assert len(lsh_buckets("word " * MIN_WORDS)) > 1


def test_the_threshold_must_lie_where_lsh_can_find_candidates() -> None:
    assert check_threshold(0.8) == 0.8
    with pytest.raises(BadInput, match=r"between 0\.5 and 1"):
        check_threshold(0.3)


VOCABULARY = ["the", "a", "of", "to", "in", "and", "deported", "kosovo", "fifty", "host"]
words = st.lists(st.sampled_from(VOCABULARY), min_size=50)


@settings(max_examples=30)
@given(words, words)
def test_jaccard_is_symmetric_and_bounded(a: list[str], b: list[str]) -> None:
    sa, sb = shingles(" ".join(a)), shingles(" ".join(b))
    assert jaccard(sa, sb) == jaccard(sb, sa)
    assert 0.0 <= jaccard(sa, sb) <= 1.0
    assert jaccard(sa, sa) == 1.0


@settings(max_examples=30)
@given(words)
def test_buckets_depend_on_the_text_alone(a: list[str]) -> None:
    text = " ".join(a)
    assert lsh_buckets(text) == lsh_buckets(" ".join(text.split()))


def _story(paragraphs: int) -> list[str]:
    return [
        f"Paragraph {n}: officials in the receiving country said the group of deportees "
        f"number {n} arrived on a charter flight and were taken to a guarded facility where "
        f"lawyers say access is limited, while the government insists conditions meet the "
        f"standards agreed with the sending state in talks held during month {n}."
        for n in range(paragraphs)
    ]


def _ingest_texts(tmp_path: Path, texts: dict[str, str], **options: float) -> dict[str, Any]:
    from sqlalchemy import select

    from thirdcountry.ingest.pipeline import IngestOptions, Pipeline
    from thirdcountry.store import open_store
    from thirdcountry.store.tables import DocumentRow

    folder = tmp_path / "texts"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    store = open_store(str(tmp_path / "dedupe.sqlite3"))

    def no_fetch(url: str, *, headers: object = None) -> object:
        raise AssertionError(url)

    pipeline = Pipeline(
        store,
        fetch=no_fetch,  # type: ignore[arg-type]
        extract=None,
        options=IngestOptions(jobs=1, **options),
    )
    for name in sorted(texts):  # in order: the original is stored first
        pipeline.run([str(folder / name)])
    with store.read() as session:
        rows = {r.url.rsplit("/", 1)[-1]: r for r in session.scalars(select(DocumentRow))}
    store.dispose()
    return rows


def test_a_copy_cut_short_is_still_a_copy(tmp_path: Path) -> None:
    story = _story(12)
    cut = [*story[:7], "This report first appeared on a wire service."]
    assert jaccard(shingles("\n\n".join(story)), shingles("\n\n".join(cut))) < 0.8
    rows = _ingest_texts(
        tmp_path, {"a-original.txt": "\n\n".join(story), "b-cut.txt": "\n\n".join(cut)}
    )
    assert rows["b-cut.txt"].source_id == rows["a-original.txt"].id


def test_containment_can_be_switched_off_by_setting_it_to_one(tmp_path: Path) -> None:
    story = _story(12)
    cut = [*story[:7], "This report first appeared on a wire service."]
    rows = _ingest_texts(
        tmp_path,
        {"a-original.txt": "\n\n".join(story), "b-cut.txt": "\n\n".join(cut)},
        near_duplicate_containment=1.0,
    )
    assert rows["b-cut.txt"].source_id is None


def test_a_story_quoting_one_paragraph_of_another_is_not_a_copy(tmp_path: Path) -> None:
    story = _story(12)
    other = [
        "An opposition deputy questioned the minister for an hour about the budget, the "
        f"roads programme and hospital waiting lists, sentence {n} of a long parliamentary "
        "report that has nothing to do with any transfer of people between countries."
        for n in range(10)
    ]
    rows = _ingest_texts(
        tmp_path,
        {"a-original.txt": "\n\n".join(story), "b-other.txt": "\n\n".join([*other, story[3]])},
    )
    assert rows["b-other.txt"].source_id is None


def test_containment_of_a_text_in_itself_and_in_nothing() -> None:
    from thirdcountry.ingest.dedupe import containment

    words = shingles("one two three four five six seven eight")
    assert containment(words, words) == 1.0
    assert containment(words, frozenset()) == 0.0
