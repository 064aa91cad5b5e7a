"""A pattern run backwards on the reversed text must answer as the pattern does forwards."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thirdcountry.extract.reverse import backwards, end_anchored, ends_with
from thirdcountry.extract.rules import registered

from .test_extract_literals import TOKENS  # texts of the lexicon's words


def test_the_lexicons_end_anchored_patterns_all_run_backwards() -> None:
    # If CPython's parser changes its tree, this fails rather than the speed quietly going.
    for rules in registered().values():
        index = rules.lexicon.literals
        anchored = [p for p in index.patterns if end_anchored(p)]
        assert len(anchored) >= 6, rules.code  # the *_before patterns, at least
        assert all(id(p) in index.backwards for p in anchored), rules.code


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        (
            r"(?:deported|sent)\s+(?:\w+\s+){0,2}?from\s+(?:the\s+)?$",
            "were deported from the ",
            True,
        ),
        (r"(?:deported|sent)\s+(?:\w+\s+){0,2}?from\s+(?:the\s+)?$", "deported from the US", False),
        (r"from\s+$", "from \n", True),  # "$" also before a final newline
        (r"from\s*$", "from\n\n", True),
        (r"from$", "from\nx", False),
        (r"from$", "from\n", True),  # matched backwards just after the newline
        (r"from$", "from\n\n", False),
        (r"(?<!not\s)\bfrom\s+$", "not from ", False),  # a look-behind becomes a look-ahead
        (r"(?<!not\s)\bfrom\s+$", "note from ", True),
        (r"^from\s+$", "from ", True),
        (r"^from\s+$", " from ", False),
        (r"(?!x)x$", "x", False),
        (r"\d+\s+(?-i:[A-Z])\w*\s+$", "300 Ghanaians ", True),
        (r"\d+\s+(?-i:[A-Z])\w*\s+$", "300 ghanaians ", False),
        (r"[^\W\d]+,\s+$", "Accra, ", True),
    ],
)
def test_backwards_answers_as_forwards(pattern: str, text: str, found: bool) -> None:
    compiled = re.compile(pattern, re.IGNORECASE)
    reversed_pattern = backwards(compiled)
    assert reversed_pattern is not None
    assert bool(compiled.search(text)) is found
    assert bool(reversed_pattern.search(text[::-1])) is found
    assert ends_with(reversed_pattern, text[::-1]) is found


def test_what_cannot_be_reversed_is_left_forwards() -> None:
    assert backwards(re.compile(r"(\w+) \1$")) is None  # a back-reference
    assert backwards(re.compile(r"(?>ab|a)c$")) is None  # an atomic group
    assert backwards(re.compile(r"(?:a?)*b$")) is None  # a repeat of what may match nothing
    assert backwards(re.compile(r"x(?=\w+)")) is None  # a look-ahead of no fixed width
    assert backwards(re.compile(r"^a$", re.MULTILINE)) is None
    assert not end_anchored(re.compile(r"a$|b"))
    assert end_anchored(re.compile(r"(?:a|b$)$"))


ANCHORED = [
    pattern
    for rules in registered().values()
    for pattern in rules.lexicon.literals.patterns
    if end_anchored(pattern)
]


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKENS, min_size=0, max_size=12), st.sampled_from(ANCHORED))
def test_no_answer_changes(tokens: list[str], pattern: re.Pattern[str]) -> None:
    text = " ".join(tokens) + " "
    reversed_pattern = backwards(pattern)
    assert reversed_pattern is not None
    for piece in (text, text[:-1], text.rstrip(" ")):
        found = bool(pattern.search(piece))
        assert found == bool(reversed_pattern.search(piece[::-1])), piece
        assert found == ends_with(reversed_pattern, piece[::-1]), piece
