"""Secrets the store generates on first use (the report form's key, the CSRF key), asked for
by many threads of a cold server at once: every one gets the same key, none an error."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import delete

from thirdcountry.review.csrf import SECRET_META_KEY, signing_secret
from thirdcountry.store import Store
from thirdcountry.store.site_views import FORM_SECRET_KEY, form_secret
from thirdcountry.store.tables import MetaRow

ROUNDS = 5


def all_at_once(make: Callable[[], str], threads: int = 12) -> tuple[set[str], list[str]]:
    barrier = threading.Barrier(threads)
    found: list[str] = []
    failures: list[str] = []

    def ask() -> None:
        barrier.wait()
        try:
            found.append(make())
        except Exception as exc:  # the test reports what went wrong, whatever it was
            failures.append(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")

    workers = [threading.Thread(target=ask) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return set(found), failures


def first_use_rounds(store: Store, key: str, make: Callable[[], str]) -> None:
    for round_number in range(ROUNDS):
        with store.write() as session:
            session.execute(delete(MetaRow).where(MetaRow.key == key))
        keys, failures = all_at_once(make)
        assert failures == [], f"round {round_number}"
        assert len(keys) == 1, f"round {round_number}: {len(keys)} different keys"


def test_the_report_form_key_is_made_once_under_concurrent_first_use(store: Store) -> None:
    first_use_rounds(store, FORM_SECRET_KEY, lambda: form_secret(store))


def test_the_csrf_key_is_made_once_under_concurrent_first_use(store: Store) -> None:
    first_use_rounds(store, SECRET_META_KEY, lambda: signing_secret(store))
