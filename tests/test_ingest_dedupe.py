"""Near-duplicate detection: shingles, exact Jaccard, and the LSH buckets that find candidates."""

from __future__ import annotations

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
