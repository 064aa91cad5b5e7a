"""A pattern behind the test of its first characters must match exactly as before."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thirdcountry.extract.lexicon import Lexicon
from thirdcountry.extract.rules import registered
from thirdcountry.extract.starts import guarded

from .test_extract_literals import LEXICONS, TOKENS  # texts of the lexicon's words


@pytest.mark.parametrize(
    ("pattern", "guard"),
    [
        (r"\b(?:agreed|signed)\s+to", "(?=[as])"),
        (r"(?:up\s+to\s+)?\d+\s+beds", r"(?=[u\d])"),
        (r"(?<=\s)(?:the\s+)?(?-i:[A-Z])\w+", "(?=[tA-Z])"),  # wider, never narrower
        (r";|\s[—–]\s", r"(?=[\;\s])"),
    ],
)
def test_the_guard_is_the_first_characters(pattern: str, guard: str) -> None:
    assert guarded(re.compile(pattern, re.IGNORECASE)).pattern == f"{guard}(?:{pattern})"


@pytest.mark.parametrize(
    "pattern",
    [r"\w+ed", r"[^,]+,", r".x", r"(?:a)?", r"(?i:a)b", r"(\w)\1", "(?x) a # b"],
)
def test_what_may_start_anywhere_is_left_alone(pattern: str) -> None:
    compiled = re.compile(pattern, 0)
    assert guarded(compiled) is compiled


def test_the_lexicon_is_guarded() -> None:
    # If CPython's parser changes its tree, this fails rather than the speed quietly going.
    for rules in registered().values():
        lexicon = rules.lexicon
        for pattern in (*lexicon.status.values(), lexicon.migration, lexicon.count_pattern):
            assert pattern.pattern.startswith("(?=["), rules.code


@settings(max_examples=200, deadline=None)
@given(st.lists(TOKENS, min_size=1, max_size=14), st.sampled_from(LEXICONS))
def test_no_match_changes(tokens: list[str], lexicon: Lexicon) -> None:
    text = " ".join(tokens)
    for pattern in lexicon.literals.patterns:
        if not pattern.pattern.startswith("(?=["):
            continue
        plain = re.compile(pattern.pattern.split(")(?:", 1)[1][:-1], pattern.flags)
        found = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in plain.finditer(text)], pattern.pattern
