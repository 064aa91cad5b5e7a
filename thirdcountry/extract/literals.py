"""The words a regular expression cannot match without: a cheap test before running it.

The engine runs large case-insensitive alternations (every cue of a language) over every
sentence and clause. Python's ``re`` tries each of them at every position of the text, so
matching was most of the cost of extraction, although most sentences contain none of the
words a pattern is built around. ``required_literals`` reads a pattern's syntax tree and
returns sets of strings — one set per mandatory part, every match contains a string of each
set; ``LiteralIndex`` finds, in one Aho-Corasick pass over a sentence, which of those
strings occur in it, and a pattern with a set none of whose strings occur is not run. The
test only ever skips a pattern that cannot match, so what the engine finds does not change.

Strings are compared after *folding*: each character is mapped to one representative of
the characters ``re`` treats as equal to it when ignoring case (``K`` and ``k``, but also
the long ``ſ`` and ``s``). A case-sensitive match is also a match after folding, so one
folded index serves patterns with and without ``re.IGNORECASE``.
"""

from __future__ import annotations

import _sre
import importlib
import re
import sys
from collections.abc import Iterable
from functools import cache
from operator import itemgetter
from re._casefix import _EXTRA_CASES
from typing import Any

import ahocorasick

# CPython's own regex parser and opcodes (private, untyped): the parser that compiled the
# patterns, so its syntax tree says exactly what they can match.
_parser: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")

# Shorter strings occur in almost every sentence: a pattern that needs only those is run.
_MIN_CHARS = 3
_MAX_SETS = 3  # sets kept per pattern, the most selective ones
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


@cache
def _fold_table() -> dict[int, int]:
    """``str.translate`` table: each character to its representative under ``re``'s
    case-insensitive equality (the simple lower case, joined with the extra pairs such as
    ``ſ``/``s`` that ``re`` also treats as equal)."""
    lower = _sre.unicode_tolower
    representative = {low: min((low, *others)) for low, others in _EXTRA_CASES.items()}
    return {
        code: folded
        for code in range(sys.maxunicode + 1)
        if (folded := representative.get(lower(code), lower(code))) != code
    }


def fold(text: str) -> str:
    return text.translate(_fold_table())


Requirement = tuple[frozenset[str], ...]
"""Sets of folded strings: every match contains one string of each set."""


def required_literals(pattern: re.Pattern[str]) -> Requirement:
    """What every match of ``pattern`` contains; an empty tuple when nothing is known."""
    return _required(_parser.parse(pattern.pattern, pattern.flags))


def _selective(strings: frozenset[str]) -> tuple[int, int, list[str]]:
    """Longer shortest string first, then fewer strings (then any fixed order)."""
    return min(map(len, strings)), -len(strings), sorted(strings)


def _required(items: Any) -> Requirement:
    """The most selective sets a sequence requires: each of its mandatory parts gives one."""
    table = _fold_table()
    sets: list[frozenset[str]] = []
    run: list[str] = []  # consecutive literal characters, folded
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(table.get(av, av)))
            continue
        if run:
            word = "".join(run)
            sets.append(frozenset({word}))
            # "fl(?:own|ew|ights?)": the run and how the group starts, "flown", "flew"…
            leads = _leading([(op, av)])
            if leads:
                sets.append(frozenset(word + lead for lead in leads))
            run = []
        sets.extend(_part(op, av))
    if run:
        sets.append(frozenset({"".join(run)}))
    usable = sorted(
        {s for s in sets if min(map(len, s)) >= _MIN_CHARS}, key=_selective, reverse=True
    )
    return tuple(usable[:_MAX_SETS])


def _part(op: Any, av: Any) -> Requirement:
    """What one non-literal element of a sequence requires."""
    if op is sre.SUBPATTERN:
        return _required(av[-1])
    if op is sre.ATOMIC_GROUP:
        return _required(av)
    if op in _REPEATS:
        low, _high, body = av
        return _required(body) if low >= 1 else ()
    if op is sre.BRANCH:
        # One of the alternatives matches: the union of what each requires most.
        found: frozenset[str] = frozenset()
        for branch in av[1]:
            needs = _required(branch)
            if not needs:
                return ()
            found |= needs[0]
        return (found,)
    # Classes, anchors, look-arounds, back-references: no literal that must be consumed.
    return ()


def _leading(items: Any) -> frozenset[str] | None:
    """Folded strings one of which every match of the sequence starts with, if known."""
    table = _fold_table()
    run: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(table.get(av, av)))
            continue
        if run:
            break
        if op is sre.SUBPATTERN:
            return _leading(av[-1])
        if op is sre.BRANCH:
            found: set[str] = set()
            for branch in av[1]:
                leads = _leading(branch)
                if not leads:
                    return None
                found |= leads
            return frozenset(found)
        return None
    return frozenset({"".join(run)}) if run else None


class LiteralIndex:
    """The required strings of a set of patterns, found in a text in one pass."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        # Keyed by id: hashing a compiled pattern hashes its whole program, every time.
        # The index keeps the patterns, so their ids stay theirs.
        self.patterns = tuple(patterns)
        self._needs: dict[int, Requirement] = {}  # patterns with a requirement
        self._automaton = ahocorasick.Automaton()
        for pattern in self.patterns:
            needs = required_literals(pattern)
            if not needs:
                continue
            self._needs[id(pattern)] = needs
            for word in frozenset().union(*needs):
                self._automaton.add_word(word, word)
        if len(self._automaton):
            self._automaton.make_automaton()

    def present(self, text: str) -> frozenset[str]:
        """The required strings that occur in ``text``."""
        if not len(self._automaton):
            return frozenset()
        return frozenset(map(itemgetter(1), self._automaton.iter(fold(text))))

    def may_match(self, pattern: re.Pattern[str], present: frozenset[str]) -> bool:
        """False only when ``pattern`` cannot match a text whose strings are ``present``
        (patterns the index was not built with may always match)."""
        needs = self._needs.get(id(pattern))
        if needs is not None:
            for strings in needs:  # a plain loop: this runs for every pattern and clause
                if strings.isdisjoint(present):
                    return False
        return True

    def search(
        self, pattern: re.Pattern[str], part: str, present: frozenset[str]
    ) -> re.Match[str] | None:
        """``pattern.search(part)``, where ``part`` is a piece of the text whose strings
        are ``present``: a match in the piece would be a match in the text."""
        return pattern.search(part) if self.may_match(pattern, present) else None

    def match(
        self, pattern: re.Pattern[str], part: str, present: frozenset[str]
    ) -> re.Match[str] | None:
        """``pattern.match(part)``, on the same terms as ``search``."""
        return pattern.match(part) if self.may_match(pattern, present) else None
