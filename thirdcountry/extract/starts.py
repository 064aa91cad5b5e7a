"""A first-character test in front of a pattern, so that ``search`` skips positions sooner.

``re`` scans quickly for where a match may start only when a pattern starts with a literal
or a class of characters that have no case. The lexicon's patterns ignore case and start
with words ("\\b(?:agreed|signed|…)"), so ``search`` enters the whole alternation at every
position of the text, trying alternative after alternative. ``guarded`` puts in front of
such a pattern a look-ahead for the characters a match can start with
(``(?=[adfrs…])``): one class test where most positions fail. It never changes what
matches, nor where: every match starts with one of those characters, and a look-ahead
consumes nothing and captures nothing.

The characters are read from the syntax tree of CPython's parser (private; loaded and
checked by ``sre_internals``, and without it no pattern is guarded): the first thing a
match consumes, past anchors and look-arounds, through
groups, alternatives and repeats. Where the answer is not a short list of letters, signs,
digits or spaces (a negated class, ``\\w``, any character, a pattern that may match
nothing), the pattern is left as it is.
"""

from __future__ import annotations

import re
from typing import Any

from thirdcountry.extract import sre_internals
from thirdcountry.extract.reverse import char_class

sre: Any = sre_internals.constants  # (loaded and checked there; absent: nothing guarded)

_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT)


class _Unknown(Exception):
    """Where a match starts cannot be told as a short class."""


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern``, or the same pattern behind a look-ahead for its first characters."""
    if pattern.flags & re.VERBOSE or not sre_internals.AVAILABLE:
        return pattern  # a trailing comment would swallow the closing parenthesis
    try:
        items, empty = _first(sre_internals.parser.parse(pattern.pattern, pattern.flags))
        if empty or not items:
            return pattern
        first = char_class(list(dict.fromkeys(items)))  # each item once
        return re.compile(f"(?={first})(?:{pattern.pattern})", pattern.flags)
    except (_Unknown, re.error):  # re.error: global flags that must open the pattern
        return pattern


def _first(items: Any) -> tuple[list[tuple[Any, Any]], bool]:
    """The class items one of which a match of the sequence starts with, and whether the
    sequence may match nothing (then what follows it may start the match too)."""
    found: list[tuple[Any, Any]] = []
    for op, av in items:
        if op is sre.AT or op in (sre.ASSERT, sre.ASSERT_NOT):
            continue  # consume nothing: the next element starts the match
        if op is sre.LITERAL:
            return [*found, (op, av)], False
        if op is sre.IN:
            if not all(_selective(item) for item in av):
                raise _Unknown(op)
            return [*found, *av], False
        if op is sre.SUBPATTERN:
            _group, add, remove, body = av
            if add or remove & ~re.IGNORECASE:
                # Ignoring case inside only: the class would miss the other case. (Not
                # ignoring it inside makes the class wider, which is still true.)
                raise _Unknown(op)
            first, empty = _first(body)
        elif op is sre.BRANCH:
            first, empty = [], False
            for branch in av[1]:
                more, maybe_empty = _first(branch)
                first += more
                empty = empty or maybe_empty
        elif op in _REPEATS:
            low, _high, body = av
            first, empty = _first(body)
            empty = empty or low == 0
        else:
            raise _Unknown(op)  # any character, negated literals, back-references …
        found += first
        if not empty:
            return found, False
    return found, True


def _selective(item: tuple[Any, Any]) -> bool:
    op, av = item
    # Word characters, or anything but a digit or a space, are nearly every position.
    return op in (sre.LITERAL, sre.RANGE) or (
        op is sre.CATEGORY and av in (sre.CATEGORY_DIGIT, sre.CATEGORY_SPACE)
    )
