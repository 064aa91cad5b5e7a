"""The literal test in front of the lexicon's patterns must never skip a pattern that matches."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thirdcountry.extract.lexicon import Lexicon
from thirdcountry.extract.literals import (
    DIGIT,
    LiteralIndex,
    Requirement,
    fold,
    required_literals,
)
from thirdcountry.extract.rules import registered


def needs(pattern: str, flags: int = re.IGNORECASE) -> Requirement:
    return required_literals(re.compile(pattern, flags))


def test_an_alternation_needs_one_of_its_words() -> None:
    found = needs(r"\b(?:agree[sd]?|agreeing)\s+to\b|sign(?:ed)?\s+(?:a\s+)?deal")
    # Each alternative gives its most selective word: re's parser shares "agree" between
    # the first two; "sign" and "deal" tie, and the tie is broken the same way every time.
    # Then each gives its next word: "agree" again (it has no other), "deal".
    assert found == ({"agree", "sign"}, {"agree", "deal"})


def test_an_alternation_of_counts_needs_a_number() -> None:
    found = needs(r"up\s+to\s+\d+|\d+\s+(?:beds|cells)|(?:five|six)\s+places")
    # "up to" is too short: a digit, or "places"; a digit, or "five" or "six". (A digit,
    # "beds", "cells" or "places" says no more than the first.)
    assert found == ({DIGIT, "places"}, {DIGIT, "five", "six"})


def test_short_strings_are_for_pieces() -> None:
    pattern = re.compile(r"\b(?:if|unless)\b|\?|¿", re.IGNORECASE)
    assert required_literals(pattern) == ()
    assert required_literals(pattern, short=True) == ({"if", "unless", "?", "¿"},)
    index = LiteralIndex([pattern])
    assert not index.may_match_short(pattern, fold("They agreed."))
    assert index.may_match_short(pattern, fold("Did they agree?"))


def test_every_mandatory_word_is_required_fewest_strings_first() -> None:
    assert needs(r"to\s+(?:the\s+)?third\s+countr(?:y|ies)") == (
        {"third"},
        {"countr"},
        {"country", "countries"},  # the word and how the group after it starts
    )


def test_a_word_is_completed_by_the_group_that_follows_it() -> None:
    assert needs(r"fl(?:own|ew|ights?)\b") == ({"flown", "flew", "flight"},)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\d+\s+people", ({"people"}, {DIGIT})),
        (r"[0-9]{4}", ({DIGIT},)),  # any digit folds to DIGIT
        (r"[^0-9]{4}", ()),
        (r"(?:deported)?\s*to", ()),  # an optional word is not required; "to" is too short
        (r"(?:deported){0,2}\s+home", ({"home"},)),
        (r"(?:deported){1,2}\s+to", ({"deported"},)),
        (r"go(?:ing)?", ()),  # an optional ending does not complete a word
        (r"[A-Z]\w+", ()),
        (r"(?=deport)\w+", ()),  # a look-ahead consumes nothing
        (r"(?:x|yes)+", ()),  # one alternative has no usable word, so the branch has none
        (r"(?P<w>held)\s+(?P=w)", ({"held"},)),
    ],
)
def test_what_is_not_mandatory_is_not_required(
    pattern: str, expected: tuple[set[str], ...]
) -> None:
    assert needs(pattern) == expected


def test_digits_fold_as_re_reads_digits() -> None:
    # What \\d matches in a str (CPython: str.isdecimal) is what folds to DIGIT; a Python
    # whose re reads digits otherwise fails here rather than skipping patterns that match.
    digits = [chr(c) for c in range(sys.maxunicode + 1) if re.match(r"\d", chr(c))]
    assert fold("".join(digits)) == DIGIT * len(digits)
    assert len(fold("Mañana, 12 \u0663")) == len("Mañana, 12 \u0663")  # offsets are kept
    assert fold("Mañana, 12 \u0663") == "mañana, 00 0"


@pytest.mark.parametrize(
    ("text", "word"),
    [("\u212aILL", "kill"), ("LONG \u017fENTENCE", "sentence"), ("\u0130S", "is")],
)
def test_case_is_folded_as_re_folds_it(text: str, word: str) -> None:
    # Kelvin sign, long s, dotted capital I: re matches them case-insensitively.
    assert re.search(word, text, re.IGNORECASE)
    assert fold(word) in fold(text)


def test_the_index_skips_only_what_cannot_match() -> None:
    deal = re.compile(r"\b(?:signed|reached)\s+(?:a|the)\s+deal\b", re.IGNORECASE)
    loose = re.compile(r"\w+", re.IGNORECASE)
    index = LiteralIndex([deal, loose])
    quiet = index.present("The minister spoke to reporters.")
    assert not index.may_match(deal, quiet)
    assert index.may_match(loose, quiet)
    assert index.may_match(deal, index.present("They SIGNED a deal."))
    assert index.may_match(re.compile("unindexed"), quiet)


def _lexicon_patterns(lexicon: Lexicon) -> tuple[re.Pattern[str], ...]:
    return lexicon.literals.patterns  # the patterns the engine gates


LEXICONS = [rules.lexicon for rules in registered().values()]
WORDS = sorted(
    {
        word
        for lexicon in LEXICONS
        for pattern in _lexicon_patterns(lexicon)
        for short in (False, True)
        for strings in required_literals(pattern, short=short)
        for word in strings
    }
)
TOKENS = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(["the", "de", "el", "a", "to", "from", "not", "US", "Ghana", "300"]),
    st.sampled_from([",", ".", "?", ";", "—", "\n"]),
    st.text(alphabet="aeiouknstrAEKSİſ\u212a -'’?¿0\n", max_size=8),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(TOKENS, min_size=1, max_size=14), st.sampled_from(LEXICONS), st.data())
def test_no_pattern_that_matches_is_skipped(
    tokens: list[str], lexicon: Lexicon, data: st.DataObject
) -> None:
    text = " ".join(tokens)
    index = lexicon.literals
    present = index.present(text)
    covered = index.covered(present)
    # A piece of the text, as the engine tests the words around a mention.
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    piece, folded_piece = text[start:end], fold(text)[start:end]
    for pattern in _lexicon_patterns(lexicon):
        mask = index.masks.get(id(pattern), 0)
        if pattern.search(text):
            assert index.may_match(pattern, present), pattern.pattern[:80]
            assert covered & mask == mask, pattern.pattern[:80]
            assert index.may_match_short(pattern, fold(text)), pattern.pattern[:80]
        if pattern.search(piece):
            assert index.may_match_in(pattern, present, folded_piece), pattern.pattern[:80]
            assert index.may_match_short(pattern, folded_piece), pattern.pattern[:80]
