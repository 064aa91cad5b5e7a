"""Long lists on one page cut into numbered parts with stable links, none of it lost.

The United States' country page once carried its whole timeline and every source with its
quotes: 450 KB of HTML. Each list now shows one part; the part is a query parameter of the
page (``?timeline_page=2``), so a link to it stays valid while the data does not change.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar
from urllib.parse import urlencode

from thirdcountry.domain.errors import BadInput

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Part(Generic[T]):
    items: Sequence[T]
    number: int  # 1 for the first part
    parts: int
    total: int
    first_index: int  # position of items[0] in the whole list, from 1
    previous_href: str | None
    next_href: str | None

    @property
    def cut(self) -> bool:
        return self.parts > 1


def part_of(
    items: Sequence[T],
    params: Mapping[str, str],
    name: str,
    size: int,
    path: str,
    anchor: str,
) -> Part[T]:
    """The part of ``items`` that ``params[name]`` asks for (the first when absent)."""
    raw = params.get(name) or "1"
    if not raw.isdigit() or int(raw) < 1:
        raise BadInput(f"{name}: {raw!r} is not a part number (1, 2, …)")
    parts = max(1, -(-len(items) // size))
    number = int(raw)
    if number > parts:
        raise BadInput(f"{name}: there are {parts} parts, not {number}")
    start = (number - 1) * size

    def href(wanted: int) -> str:
        kept = {k: v for k, v in params.items() if k != name}
        if wanted > 1:
            kept[name] = str(wanted)
        query = f"?{urlencode(sorted(kept.items()))}" if kept else ""
        return f"{path}{query}#{anchor}"

    return Part(
        items=items[start : start + size],
        number=number,
        parts=parts,
        total=len(items),
        first_index=start + 1,
        previous_href=href(number - 1) if number > 1 else None,
        next_href=href(number + 1) if number < parts else None,
    )
