"""Stable identifiers: UUIDv7, time-ordered so ids sort by creation."""

from __future__ import annotations

import hashlib

from uuid6 import uuid7


def new_id() -> str:
    return str(uuid7())


def content_hash(text: str) -> str:
    """The SHA-256 of a text, hex; used for exact-duplicate detection of documents."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
