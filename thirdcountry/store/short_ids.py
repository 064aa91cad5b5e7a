"""Short ids: the tail of a claim's or a document's id, as people type and read it.

Ids are UUIDv7, whose leading digits are a timestamp: claims loaded together share them,
so a prefix tells nothing apart. The last group is random; its last eight digits are shown
in tables and accepted wherever a full id is.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from thirdcountry.domain.errors import BadInput, NotFound
from thirdcountry.store.tables import ClaimRow, DocumentRow

SHORT_LENGTH = 8
_SHORT = re.compile(r"[0-9a-f]{6,12}")


def short_id(full: str | None) -> str:
    """The id as tables show it (never wrapped): its last eight digits."""
    return (full or "")[-SHORT_LENGTH:]


def _resolve(session: Session, column: InstrumentedAttribute[str], text: str, what: str) -> str:
    given = text.strip().lower()
    if session.scalar(select(column).where(column == given)) is not None:
        return given
    if not _SHORT.fullmatch(given):
        raise NotFound(f"no {what} with id {text!r} (give a full id or its last 6-12 digits)")
    found = list(session.scalars(select(column).where(column.like(f"%{given}")).limit(3)))
    if not found:
        raise NotFound(f"no {what} with an id ending in {given!r}")
    if len(found) > 1:
        raise BadInput(f"{given!r} ends more than one {what} id: give more digits")
    return found[0]


def resolve_claim_id(session: Session, text: str) -> str:
    """The full claim id that ``text`` (full, or its last digits) names."""
    return _resolve(session, ClaimRow.id, text, "claim")


def resolve_document_id(session: Session, text: str) -> str:
    """The full document id that ``text`` (full, or its last digits) names."""
    return _resolve(session, DocumentRow.id, text, "document")
