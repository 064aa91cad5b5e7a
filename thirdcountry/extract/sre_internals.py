"""CPython's regular-expression internals, loaded once and checked, for speed-ups only.

Three modules make extraction faster, without changing what it finds, by reading patterns'
syntax trees from CPython's own parser (``re._parser``, ``re._constants``) and its case
folding (``_sre.unicode_tolower``, ``re._casefix``): ``literals.py`` (the words a pattern
cannot match without), ``starts.py`` (the characters a match starts with) and
``reverse.py`` (end-anchored patterns run backwards). None of that is a public API — it was
``sre_parse`` until Python 3.10 and may change in any release — so it is loaded here, once,
and checked against what the three modules rely on. When anything is missing or answers
differently, or the environment variable ``THIRDCOUNTRY_PLAIN_REGEX`` is set to anything
but ``0``, ``AVAILABLE`` is False and the speed-ups stand aside: every pattern runs as
written — slower, finding the same claims (``tests/test_extract_plain_regex.py``).
"""

from __future__ import annotations

import importlib
import os
from typing import Any

PLAIN_REGEX_VARIABLE = "THIRDCOUNTRY_PLAIN_REGEX"

# Every opcode and constant the three modules read.
_NAMES = [
    *("ANY", "ASSERT", "ASSERT_NOT", "AT", "ATOMIC_GROUP", "BRANCH", "CATEGORY", "IN"),
    *("LITERAL", "MAXREPEAT", "MAX_REPEAT", "MIN_REPEAT", "NEGATE", "NOT_LITERAL"),
    *("POSSESSIVE_REPEAT", "RANGE", "SUBPATTERN", "AT_BEGINNING", "AT_BEGINNING_STRING"),
    *("AT_BOUNDARY", "AT_END", "AT_END_STRING", "AT_NON_BOUNDARY", "CATEGORY_DIGIT"),
    *("CATEGORY_NOT_DIGIT", "CATEGORY_NOT_SPACE", "CATEGORY_NOT_WORD", "CATEGORY_SPACE"),
    "CATEGORY_WORD",
]


class _Absent:
    """Stands in for the constants when the internals are not used: each name is a value of
    its own, so module-level tables still build (and are never consulted)."""

    def __getattr__(self, name: str) -> object:
        value = object()
        setattr(self, name, value)
        return value


def _as_expected(parser: Any, constants: Any) -> bool:
    """Whether the parser's tree has the shape the three modules walk."""
    if not all(hasattr(constants, name) for name in _NAMES):
        return False
    items = list(parser.parse("a(bc|de)[d-f]*$", 0))
    ops = [op for op, _av in items]
    if ops != [constants.LITERAL, constants.SUBPATTERN, constants.MAX_REPEAT, constants.AT]:
        return False
    if items[0][1] != ord("a") or items[3][1] is not constants.AT_END:
        return False
    _group, _add, _remove, inner = items[1][1]
    low, high, repeated = items[2][1]
    return (
        next(iter(inner))[0] is constants.BRANCH
        and (low, high) == (0, constants.MAXREPEAT)
        and next(iter(repeated))[0] is constants.IN
    )


def _load() -> tuple[Any, Any, Any, dict[int, Any]] | None:
    if os.environ.get(PLAIN_REGEX_VARIABLE, "0").strip() not in ("", "0"):
        return None
    try:
        parser = importlib.import_module("re._parser")
        constants = importlib.import_module("re._constants")
        casefix = importlib.import_module("re._casefix")
        sre = importlib.import_module("_sre")
        tolower = sre.unicode_tolower
        extra_cases = dict(casefix._EXTRA_CASES)
        if tolower(ord("K")) != ord("k") or not _as_expected(parser, constants):
            return None
    except Exception:  # whatever a changed internal raises: run the patterns plain
        return None
    return parser, constants, tolower, extra_cases


_LOADED = _load()
AVAILABLE = _LOADED is not None
parser: Any = _LOADED[0] if _LOADED else None
constants: Any = _LOADED[1] if _LOADED else _Absent()
unicode_tolower: Any = _LOADED[2] if _LOADED else None
extra_cases: dict[int, Any] = _LOADED[3] if _LOADED else {}
