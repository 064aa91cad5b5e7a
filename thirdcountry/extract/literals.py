"""The words a regular expression cannot match without: a cheap test before running it.

The engine runs large case-insensitive alternations (every cue of a language) over every
sentence and clause. Python's ``re`` tries each of them at every position of the text, so
matching was most of the cost of extraction, although most sentences contain none of the
words a pattern is built around. ``required_literals`` reads a pattern's syntax tree and
returns strings of which every match must contain at least one; ``LiteralIndex`` finds, in
one Aho-Corasick pass over a sentence, which of those strings occur in it, and a pattern
none of whose strings occur is not run. The test only ever skips a pattern that cannot
match, so what the engine finds does not change.

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
from re._casefix import _EXTRA_CASES
from typing import Any

import ahocorasick

# CPython's own regex parser and opcodes (private, untyped): the parser that compiled the
# patterns, so its syntax tree says exactly what they can match.
_parser: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")

# Shorter strings occur in almost every sentence: a pattern that needs only those is run.
_MIN_CHARS = 3
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


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Folded strings of which every match of ``pattern`` contains one; None if unknown."""
    return _required(_parser.parse(pattern.pattern, pattern.flags))


def _required(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """The most selective requirement of a sequence: any one of its mandatory parts."""
    table = _fold_table()
    options: list[frozenset[str]] = []
    run: list[str] = []  # consecutive literal characters, folded
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(table.get(av, av)))
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        found = _part(op, av)
        if found is not None:
            options.append(found)
    if run:
        options.append(frozenset({"".join(run)}))
    usable = [o for o in options if min(map(len, o)) >= _MIN_CHARS]
    if not usable:
        return None
    return max(usable, key=lambda o: (min(map(len, o)), -len(o)))


def _part(op: Any, av: Any) -> frozenset[str] | None:
    """What one non-literal element of a sequence requires (None: nothing known)."""
    if op is sre.SUBPATTERN:
        return _required(av[-1])
    if op is sre.ATOMIC_GROUP:
        return _required(av)
    if op in _REPEATS:
        low, _high, body = av
        return _required(body) if low >= 1 else None
    if op is sre.BRANCH:
        alternatives = [_required(branch) for branch in av[1]]
        found: frozenset[str] = frozenset()
        for alternative in alternatives:
            if alternative is None:
                return None
            found |= alternative
        return found
    # Classes, anchors, look-arounds, back-references: no literal that must be consumed.
    return None


class LiteralIndex:
    """The required strings of a set of patterns, found in a text in one pass."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        # Keyed by id: hashing a compiled pattern hashes its whole program, every time.
        # The index keeps the patterns, so their ids stay theirs.
        self.patterns = tuple(patterns)
        self._needs: dict[int, frozenset[str]] = {}  # patterns with a requirement
        self._automaton = ahocorasick.Automaton()
        for pattern in self.patterns:
            needs = required_literals(pattern)
            if needs is None:
                continue
            self._needs[id(pattern)] = needs
            for word in needs:
                self._automaton.add_word(word, word)
        if len(self._automaton):
            self._automaton.make_automaton()

    def present(self, text: str) -> frozenset[str]:
        """The required strings that occur in ``text``."""
        if not len(self._automaton):
            return frozenset()
        return frozenset(word for _end, word in self._automaton.iter(fold(text)))

    def may_match(self, pattern: re.Pattern[str], present: frozenset[str]) -> bool:
        """False only when ``pattern`` cannot match a text whose strings are ``present``
        (patterns the index was not built with may always match)."""
        needs = self._needs.get(id(pattern))
        return needs is None or not needs.isdisjoint(present)

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
