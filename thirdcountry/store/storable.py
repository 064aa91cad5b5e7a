"""The one place text is made safe for every backend: each value on its way to the database.

PostgreSQL refuses NUL in text columns, and no backend can encode a lone surrogate (what
broken input decoded with ``surrogateescape`` or half a UTF-16 pair leaves) as UTF-8.
SQLite would store the NUL and PostgreSQL would end the transaction, so a source that
stores on one backend would fail on the other. Every such character becomes U+FFFD, one
character for one, so offsets into a stored text (claims' evidence spans) stay true.

The rewrite happens on the engine, for every statement: inserts, updates and the values
of lookups alike, so a stored value and the value it is looked up by still match.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Engine, event

REPLACEMENT = "\ufffd"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> str:
    """``text`` with each character no backend can store replaced by U+FFFD."""
    return _UNSTORABLE.sub(REPLACEMENT, text)


def _value(value: Any) -> Any:
    return storable(value) if isinstance(value, str) else value


def _parameter_set(parameters: Any) -> Any:
    if isinstance(parameters, Mapping):
        return {name: _value(value) for name, value in parameters.items()}
    if isinstance(parameters, Sequence) and not isinstance(parameters, str | bytes):
        return type(parameters)(_value(value) for value in parameters)  # type: ignore[call-arg]
    return parameters


def install(engine: Engine) -> None:
    """Make every text parameter ``engine`` sends storable."""

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _storable_parameters(
        _connection: Any,
        _cursor: Any,
        statement: str,
        parameters: Any,
        _context: Any,
        executemany: bool,
    ) -> tuple[str, Any]:
        if executemany:
            return statement, [_parameter_set(one) for one in parameters]
        return statement, _parameter_set(parameters)
