"""Cursor pagination: opaque cursors that name the last item seen, not an offset.

A cursor encodes the sort key of the last item of a page; the next page starts after that
key. New items arriving between two requests therefore never shift or repeat what a
client already has, and a cursor stays valid across data versions.
"""

from __future__ import annotations

import base64
import binascii
import json
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from thirdcountry.domain.errors import BadInput

T = TypeVar("T")
Key = tuple[str, ...]

_PREFIX = "c1."


def encode_cursor(key: Key) -> str:
    blob = json.dumps(list(key), separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return _PREFIX + base64.urlsafe_b64encode(blob).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, width: int) -> Key:
    """The key inside ``cursor``, or BadInput when it is not one this API gave out."""
    problem = BadInput(f"cursor {cursor[:40]!r} is not valid here: use the next_cursor of a page")
    if not cursor.startswith(_PREFIX):
        raise problem
    raw = cursor[len(_PREFIX) :]
    try:
        decoded = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise problem from None
    if (
        not isinstance(decoded, list)
        or len(decoded) != width
        or not all(isinstance(part, str) for part in decoded)
    ):
        raise problem
    return tuple(decoded)


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    next_cursor: str | None


def paginate(
    items: Sequence[T],
    key: Callable[[T], Key],
    width: int,
    *,
    limit: int | None,
    cursor: str | None,
) -> Page[T]:
    """One page of ``items`` (already filtered and sorted by ``key``) after ``cursor``.

    ``width`` is the number of parts of a key, so a cursor of another list is refused.
    """
    start = 0
    if cursor is not None:
        after = decode_cursor(cursor, width)
        start = bisect_right([key(item) for item in items], after)
    end = len(items) if limit is None else start + limit
    chosen = list(items[start:end])
    more = end < len(items)
    return Page(chosen, len(items), encode_cursor(key(chosen[-1])) if more and chosen else None)
