"""Patterns anchored at the end of a text, run from the end: the same answer, far sooner.

The ``*_before`` patterns end with ``$``: they ask whether the words just before a mention
end with "deported from the ". ``search`` cannot know that: it tries every alternative of
the pattern at every position of the window, so a big alternation (every noun for people
moved, before "from") costs tens of microseconds for a few dozen characters. Reading the
window backwards turns the question around: the pattern written in reverse, on the reversed
text, has to match at its very start, where ``search`` fails at once everywhere else.

``backwards`` writes that pattern from the syntax tree of CPython's own parser (private;
loaded and checked by ``sre_internals``, and without it nothing is reversed): sequences
in reverse order, look-aheads as look-behinds and back,
``$`` as the start of the reversed text (or just after a final newline, which ``$`` also
accepts), ``^`` as its end. Whether *some* match exists does not depend on greedy or lazy
repeats, so a match of one in a text is a match of the other in the reversed text; what
could break that (atomic groups, back-references, multi-line anchors, repeats of what may
match nothing) is not reversed: ``backwards`` returns None and the pattern runs forwards.
"""

from __future__ import annotations

import re
from typing import Any

from thirdcountry.extract import sre_internals

sre: Any = sre_internals.constants  # (loaded and checked there; absent: nothing reversed)

# Where a match of the original may end with ``$``, seen from the reversed text's start.
_START = r"(?:\A|(?<=\A\n))"
_AT = {
    sre.AT_END: _START,
    sre.AT_END_STRING: r"\A",
    sre.AT_BEGINNING: r"\Z",
    sre.AT_BEGINNING_STRING: r"\Z",
    sre.AT_BOUNDARY: r"\b",
    sre.AT_NON_BOUNDARY: r"\B",
}
_CATEGORY = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_FLAGS = {re.IGNORECASE: "i", re.ASCII: "a", re.UNICODE: "u", re.DOTALL: "s"}


class _Unsupported(Exception):
    """The pattern uses something ``backwards`` does not reverse."""


def end_anchored(pattern: re.Pattern[str]) -> bool:
    """Whether every match of ``pattern`` ends at ``$`` (each alternative's last element);
    False when it cannot be told."""
    if not sre_internals.AVAILABLE:
        return False
    return _ends_at_end(sre_internals.parser.parse(pattern.pattern, pattern.flags))


def _ends_at_end(items: Any) -> bool:
    if not len(items):
        return False
    op, av = items[-1]
    if op is sre.AT:
        return bool(av is sre.AT_END)
    if op is sre.SUBPATTERN:
        return _ends_at_end(av[-1])
    if op is sre.BRANCH:
        return all(_ends_at_end(branch) for branch in av[1])
    return False


def backwards(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that matches somewhere in ``text[::-1]`` exactly when ``pattern`` matches
    somewhere in ``text`` (``search``), or None when it cannot be written."""
    if pattern.flags & (re.MULTILINE | re.VERBOSE) or not sre_internals.AVAILABLE:
        return None  # the parse below would need them; the lexicon uses neither
    try:
        source = _sequence(sre_internals.parser.parse(pattern.pattern, pattern.flags))
        return re.compile(source, pattern.flags)
    except (_Unsupported, re.error):  # re.error: a look-behind of no fixed width
        return None


def ends_with(backwards: re.Pattern[str], reversed_text: str) -> bool:
    """Whether an end-anchored pattern matches the text, given its ``backwards`` pattern
    and the text reversed. Each match of it starts where ``$`` matched: at the start of
    the reversed text, or just after a newline there; ``match`` tries only those places
    (the look-behind of ``_START`` still sees the newline before ``pos``)."""
    if backwards.match(reversed_text):
        return True
    return reversed_text[:1] == "\n" and backwards.match(reversed_text, 1) is not None


def _sequence(items: Any) -> str:
    return "".join(_item(op, av) for op, av in reversed(list(items)))


def _item(op: Any, av: Any) -> str:
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.NOT_LITERAL:
        return "[^" + _escape_in(av) + "]"
    if op is sre.ANY:
        return "."
    if op is sre.IN:
        return char_class(av)
    if op is sre.AT:
        if av not in _AT:
            raise _Unsupported(av)
        return _AT[av]
    if op is sre.BRANCH:
        return "(?:" + "|".join(_sequence(branch) for branch in av[1]) + ")"
    if op is sre.SUBPATTERN:
        _group, add, remove, items = av
        if add & re.MULTILINE or remove & re.MULTILINE or add & re.VERBOSE:
            raise _Unsupported(op)
        return (
            "(?"
            + _flags(add)
            + ("-" + _flags(remove) if remove else "")
            + ":"
            + _sequence(items)
            + ")"
        )
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, items = av
        if high > 1 and items.getwidth()[0] == 0:
            raise _Unsupported(op)  # ``re`` stops such a repeat early: not symmetric
        most = "" if high == sre.MAXREPEAT else str(high)
        return "(?:" + _sequence(items) + ")" + "{" + f"{low},{most}" + "}"
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        direction, items = av
        # Ahead in the text is behind in the reversed text, and the other way round.
        kind = ("?<" if direction == 1 else "?") + ("=" if op is sre.ASSERT else "!")
        return "(" + kind + _sequence(items) + ")"
    raise _Unsupported(op)  # back-references, atomic groups, conditionals …


def char_class(items: Any) -> str:
    """The source of a character class, from its items in the parser's tree."""
    parts: list[str] = []
    for op, av in items:
        if op is sre.NEGATE:
            parts.insert(0, "^")
        elif op is sre.LITERAL:
            parts.append(_escape_in(av))
        elif op is sre.RANGE:
            parts.append(_escape_in(av[0]) + "-" + _escape_in(av[1]))
        elif op is sre.CATEGORY and av in _CATEGORY:
            parts.append(_CATEGORY[av])
        else:
            raise _Unsupported(op)
    return "[" + "".join(parts) + "]"


def _escape_in(code: int) -> str:
    return re.escape(chr(code)) if chr(code).isalnum() else "\\" + chr(code)


def _flags(flags: int) -> str:
    return "".join(letter for flag, letter in _FLAGS.items() if flags & flag)
