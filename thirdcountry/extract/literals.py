"""The words a regular expression cannot match without: a cheap test before running it.

The engine runs large case-insensitive alternations (every cue of a language) over every
sentence and clause. Python's ``re`` tries each of them at every position of the text, so
matching was most of the cost of extraction, although most sentences contain none of the
words a pattern is built around. ``required_literals`` reads a pattern's syntax tree and
returns sets of strings — one set per mandatory part, every match contains a string of each
set; ``LiteralIndex`` finds, in one Aho-Corasick pass over a sentence, which of those
strings occur in it, and a pattern with a set none of whose strings occur is not run. The
test only ever skips a pattern that cannot match, so what the engine finds does not change.
The syntax tree comes from CPython's private parser, loaded and checked by
``sre_internals``; where it is not usable, nothing is required and every pattern runs.

An alternation requires the union of one set of each alternative, for every such choice
(while they are few). Each set is a bit, so the test for a sentence is one ``&`` per
pattern (``covered``, ``masks``). A piece of a sentence (the words before a mention) must
hold the strings itself (``may_match_in``); a pattern with no set of strings of three
characters or more may still have one of short ones ("if", "?"), tested on pieces only
(``may_match_short``): too common for the index, cheaper than the regular expression.

Strings are compared after *folding*: each character is mapped to one representative of
the characters ``re`` treats as equal to it when ignoring case (``K`` and ``k``, but also
the long ``ſ`` and ``s``). A case-sensitive match is also a match after folding, so one
folded index serves patterns with and without ``re.IGNORECASE``. Folding also maps every
digit ``\\d`` matches to ``0``, so that ``\\d`` is a requirement like a word: ``DIGIT``, the
string ``"0"``. Counts, sums and capacities need a number, and most sentences have none.
"""

from __future__ import annotations

import itertools
import math
import re
import sys
from collections.abc import Iterable
from functools import cache
from operator import itemgetter
from typing import Any

import ahocorasick

from thirdcountry.extract import sre_internals
from thirdcountry.extract.reverse import backwards, end_anchored

# CPython's own regex parser and opcodes (private, untyped, loaded and checked by
# ``sre_internals``): the parser that compiled the patterns, so its syntax tree says exactly
# what they can match. Without them nothing is required and every pattern runs.
sre: Any = sre_internals.constants

# Shorter strings occur in almost every sentence: a pattern that needs only those is run.
_MIN_CHARS = 3
# What any digit folds to, and so what ``\d`` requires (short, but a third of sentences
# have no digit at all).
DIGIT = "0"
_MAX_SETS = 3  # sets kept per pattern, the most selective ones
_MAX_UNIONS = 64  # an alternation gives every union of its alternatives' sets up to this many
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


@cache
def _fold_table() -> dict[int, int]:
    """``str.translate`` table: each character to its representative under ``re``'s
    case-insensitive equality (the simple lower case, joined with the extra pairs such as
    ``ſ``/``s`` that ``re`` also treats as equal), and every decimal digit (what ``\\d``
    matches in a ``str``: ``str.isdecimal``) to ``DIGIT``."""
    if not sre_internals.AVAILABLE:
        # Nothing is required of any pattern then, so folding gates nothing; it keeps each
        # character one character long, as offsets into folded text need.
        table: dict[int, int] = {}
        for code in range(sys.maxunicode + 1):
            low = chr(code).lower()
            folded = ord(DIGIT) if chr(code).isdecimal() else ord(low) if len(low) == 1 else code
            if folded != code:
                table[code] = folded
        return table
    lower = sre_internals.unicode_tolower
    extra = sre_internals.extra_cases
    representative = {low: min((low, *others)) for low, others in extra.items()}
    digit = ord(DIGIT)
    return {
        code: folded
        for code in range(sys.maxunicode + 1)
        if (
            folded := digit
            if chr(code).isdecimal()
            else representative.get(lower(code), lower(code))
        )
        != code
    }


def fold(text: str) -> str:
    return text.translate(_fold_table())


Requirement = tuple[frozenset[str], ...]
"""Sets of folded strings: every match contains one string of each set."""


def required_literals(pattern: re.Pattern[str], *, short: bool = False) -> Requirement:
    """What every match of ``pattern`` contains; an empty tuple when nothing is known.
    With ``short``, strings of two characters and single signs count too ("if", "?"): too
    common for the index, but a cheap test on a piece of text."""
    if not sre_internals.AVAILABLE:
        return ()
    return _required(sre_internals.parser.parse(pattern.pattern, pattern.flags), short)


def _selective(strings: frozenset[str]) -> tuple[int, int, list[str]]:
    """Sets of strings of three characters or more first (shorter ones occur everywhere),
    then fewer strings (then any fixed order)."""
    return min(3, *map(len, strings)), -len(strings), sorted(strings)


def _required(items: Any, short: bool = False) -> Requirement:
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
        sets.extend(_part(op, av, short))
    if run:
        sets.append(frozenset({"".join(run)}))
    usable = {s for s in sets if _usable(s, short)}
    # A set holding another adds nothing: a match has a string of the smaller one.
    usable = {s for s in usable if not any(other < s for other in usable)}
    return tuple(sorted(usable, key=_selective, reverse=True)[:_MAX_SETS])


def _usable(strings: frozenset[str], short: bool) -> bool:
    if short:
        return all(len(s) >= 2 or s == DIGIT or not s.isalnum() for s in strings)
    return all(len(s) >= _MIN_CHARS or s == DIGIT for s in strings)


def _part(op: Any, av: Any, short: bool) -> Requirement:
    """What one non-literal element of a sequence requires."""
    if op is sre.SUBPATTERN:
        return _required(av[-1], short)
    if op is sre.ATOMIC_GROUP:
        return _required(av, short)
    if op in _REPEATS:
        low, _high, body = av
        return _required(body, short) if low >= 1 else ()
    if op is sre.BRANCH:
        # One of the alternatives matches: any union of one set each requires is required.
        # Every such union when there are few ("200 beds", "200 a year", "accept 200
        # people": "beds" or "year" or "accept"), else the most selective sets together,
        # then the next ones ("up to 200" or "200 beds": a number).
        options = [_required(branch, short) for branch in av[1]]
        if not all(options):
            return ()
        if math.prod(map(len, options)) <= _MAX_UNIONS:
            return tuple(frozenset().union(*sets) for sets in itertools.product(*options))
        depth = max(map(len, options))
        return tuple(
            frozenset().union(*(needs[min(i, len(needs) - 1)] for needs in options))
            for i in range(depth)
        )
    if op is sre.IN and all(_is_digit(item) for item in av):
        return (frozenset({DIGIT}),)  # \d, [0-9]: a digit, whichever
    # Other classes, anchors, look-arounds, back-references: no literal that must be consumed.
    return ()


def _is_digit(item: tuple[Any, Any]) -> bool:
    """Whether an item of a character class only ever matches a decimal digit."""
    op, av = item
    if op is sre.CATEGORY:
        return av is sre.CATEGORY_DIGIT
    if op is sre.RANGE:
        low, high = av
        return all(chr(code).isdecimal() for code in range(low, high + 1))
    return op is sre.LITERAL and chr(av).isdecimal()


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
        # The same as bits, so that one test answers for a pattern: each set of each
        # pattern is a bit; a string sets the bits of the sets it is in (``covered``), and
        # a pattern may match when all of its bits are set.
        self.masks: dict[int, int] = {}
        self._bits: dict[str, int] = {}
        self._automaton = ahocorasick.Automaton()
        self._last: tuple[frozenset[str] | None, int] = (None, 0)  # see ``covered``
        bit = 1
        for pattern in self.patterns:
            needs = required_literals(pattern)
            if not needs or id(pattern) in self._needs:
                continue
            self._needs[id(pattern)] = needs
            mask = 0
            for strings in needs:
                for word in strings:
                    self._bits[word] = self._bits.get(word, 0) | bit
                mask |= bit
                bit <<= 1
            self.masks[id(pattern)] = mask
        # Patterns the index cannot gate, with the short strings they cannot match without.
        self.short: dict[int, Requirement] = {}
        for pattern in self.patterns:
            if id(pattern) not in self._needs and (short := required_literals(pattern, short=True)):
                self.short[id(pattern)] = short
        # Patterns anchored at the end ("deported from the $"), written to run backwards on
        # the reversed text (``reverse.py``): the same answer without trying every position.
        self.backwards: dict[int, re.Pattern[str]] = {
            id(pattern): reversed_pattern
            for pattern in self.patterns
            if end_anchored(pattern) and (reversed_pattern := backwards(pattern)) is not None
        }
        for word in self._bits:
            self._automaton.add_word(word, word)
        if len(self._automaton):
            self._automaton.make_automaton()

    def present(self, text: str) -> frozenset[str]:
        """The required strings that occur in ``text``."""
        return self.found(fold(text))

    def found(self, folded: str) -> frozenset[str]:
        """The required strings that occur in a text already folded."""
        if not len(self._automaton):
            return frozenset()
        return frozenset(map(itemgetter(1), self._automaton.iter(folded)))

    def covered(self, present: frozenset[str]) -> int:
        """The bits of the sets that have a string ``present``: ``pattern`` may match when
        ``covered & masks[id(pattern)]`` is its whole mask (or it has none)."""
        # The engine asks twice of each sentence (its cue test, then its reader): the last
        # answer is kept, for that very set.
        last = self._last  # one read: the pair stays a pair
        if present is last[0]:
            return last[1]
        bits = self._bits
        covered = 0
        for word in present:
            covered |= bits[word]
        self._last = (present, covered)
        return covered

    def may_match(self, pattern: re.Pattern[str], present: frozenset[str]) -> bool:
        """False only when ``pattern`` cannot match a text whose strings are ``present``
        (patterns the index was not built with may always match)."""
        needs = self._needs.get(id(pattern))
        if needs is not None:
            for strings in needs:  # a plain loop: this runs for every pattern and clause
                if strings.isdisjoint(present):
                    return False
        return True

    def may_match_in(
        self, pattern: re.Pattern[str], present: frozenset[str], folded_piece: str
    ) -> bool:
        """``may_match`` for a piece of a text whose strings are ``present``, given the piece
        folded: a match in the piece has a string of each set in the piece itself. The words
        around a mention are a few dozen characters; a sentence holds far more strings."""
        needs = self._needs.get(id(pattern))
        if needs is not None:
            for strings in needs:
                # Only strings of the whole text can be in the piece: test those few.
                for string in strings.intersection(present):
                    if string in folded_piece:
                        break
                else:
                    return False
        return True

    def may_match_short(self, pattern: re.Pattern[str], folded_part: str) -> bool:
        """False when a piece of text (folded) lacks the short strings ``pattern`` cannot
        match without (patterns the index gates, or that need nothing, may always match)."""
        needs = self.short.get(id(pattern))
        if needs is not None:
            for strings in needs:
                for string in strings:
                    if string in folded_part:
                        break
                else:
                    return False
        return True
