"""Secrets the store makes on first use and keeps in ``meta`` (form and CSRF signing keys),
so every worker and every restart signs alike."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.exc import IntegrityError

from thirdcountry.store.database import Store
from thirdcountry.store.tables import MetaRow


def kept_secret(store: Store, key: str, make: Callable[[], str]) -> str:
    """The value kept under ``key``, made with ``make`` the first time.

    Many threads or processes may ask first at once: on PostgreSQL each then inserts and
    all but one fail on the primary key, so the losers read the winner's value.
    """
    with store.read() as session:
        row = session.get(MetaRow, key)
        if row is not None:
            return row.value
    try:
        with store.write() as session:
            row = session.get(MetaRow, key)
            if row is not None:
                return row.value
            value = make()
            session.add(MetaRow(key=key, value=value))
            return value
    except IntegrityError:
        with store.read() as session:
            kept = session.get(MetaRow, key)
            if kept is None:
                raise
            return kept.value
