"""Accounts: names, passwords, sessions, API tokens, rate limits, last-admin guard."""

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher, profiles
from sqlalchemy import select, text

from thirdcountry.domain.errors import BadInput, Conflict
from thirdcountry.review import accounts
from thirdcountry.review.accounts import AccountPolicy, BadCredentials, RateLimited
from thirdcountry.store import Store
from thirdcountry.store.accounts_tables import ApiTokenRow, SessionRow, UserRow

from .conftest import PASSWORD, add_user

POLICY = AccountPolicy(session_hours=1, max_failures=3, window_minutes=10)


def login(store: Store, name: str, password: str = PASSWORD, **kw: object) -> accounts.LoginResult:
    return accounts.attempt_login(store, name, password, "192.0.2.7", POLICY, **kw)  # type: ignore[arg-type]


def test_a_user_logs_in_and_the_password_is_stored_as_argon2(store: Store) -> None:
    add_user(store, "ana", "reviewer")
    user, token = login(store, "ana").raise_for_error()
    assert user.name == "ana" and user.role == "reviewer"
    with store.read() as session:
        stored = session.scalars(select(UserRow.password_hash)).one()
        session_ids = list(session.scalars(select(SessionRow.id)))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert session_ids == [accounts.digest(token)], "only the token's hash is kept"
    assert accounts.session_account(store, token) == user


@pytest.mark.parametrize(
    ("name", "password"),
    [("ana", "wrong password!"), ("nobody", PASSWORD), ("ana", "")],
)
def test_wrong_credentials_are_refused_alike(store: Store, name: str, password: str) -> None:
    add_user(store, "ana", "reviewer")
    result = login(store, name, password)
    assert isinstance(result.error, BadCredentials)
    assert result.error.message == "wrong user name or password"
    assert result.user is None and result.session_token is None


def test_failed_logins_lock_the_name_for_the_window_even_with_the_right_password(
    store: Store,
) -> None:
    add_user(store, "ana", "reviewer")
    start = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    for minute in range(3):
        assert isinstance(
            login(store, "ana", "guess-guess", now=start + timedelta(minutes=minute)).error,
            BadCredentials,
        )
    locked = login(store, "ana", now=start + timedelta(minutes=5))
    assert isinstance(locked.error, RateLimited) and locked.error.http_status == 429
    assert "try again in 6 minute(s)" in locked.error.message
    assert login(store, "ana", now=start + timedelta(minutes=11)).error is None


def test_a_success_resets_the_count_of_failures(store: Store) -> None:
    add_user(store, "ana", "reviewer")
    start = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    for minute in (0, 1):
        login(store, "ana", "guess-guess", now=start + timedelta(minutes=minute))
    assert login(store, "ana", now=start + timedelta(minutes=2)).error is None
    for minute in (3, 4):
        login(store, "ana", "guess-guess", now=start + timedelta(minutes=minute))
    assert login(store, "ana", now=start + timedelta(minutes=5)).error is None


def test_one_address_trying_many_names_is_limited(store: Store) -> None:
    start = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    for n in range(POLICY.max_failures_per_address):
        login(store, f"user{n}", "guess-guess", now=start)
    assert isinstance(login(store, "someone", now=start).error, RateLimited)


def test_sessions_expire_and_end_at_logout(store: Store) -> None:
    add_user(store, "ana", "reviewer")
    _, token = login(store, "ana").raise_for_error()
    later = datetime.now(UTC) + timedelta(hours=2)
    assert accounts.session_account(store, token, now=later) is None
    _, token = login(store, "ana").raise_for_error()
    accounts.logout(store, token)
    assert accounts.session_account(store, token) is None


def test_disabling_a_user_ends_their_sessions_and_refuses_logins(store: Store) -> None:
    add_user(store, "root", "admin")
    add_user(store, "ana", "reviewer")
    _, token = login(store, "ana").raise_for_error()
    with store.write() as session:
        accounts.change_user(session, "ana", "root", active=False)
    assert accounts.session_account(store, token) is None
    assert isinstance(login(store, "ana").error, BadCredentials)
    with store.read() as session:
        entries = session.execute(text("SELECT action FROM audit_log ORDER BY id")).scalars().all()
    assert entries == ["user_add", "user_add", "user_change"]


def test_the_last_active_admin_cannot_be_demoted_or_disabled(store: Store) -> None:
    add_user(store, "root", "admin")
    with pytest.raises(Conflict, match="last active admin"), store.write() as session:
        accounts.change_user(session, "root", "root", role="reviewer")
    add_user(store, "second", "admin")
    with store.write() as session:
        assert accounts.change_user(session, "root", "second", role="reviewer").role == "reviewer"


@pytest.mark.parametrize(
    ("name", "role", "password", "message"),
    [
        ("A", "reviewer", PASSWORD, "must be 2–40 characters"),
        ("ana smith", "reviewer", PASSWORD, "must be 2–40 characters"),
        ("policy:x", "reviewer", PASSWORD, "must be 2–40 characters"),
        ("ana", "boss", PASSWORD, "role 'boss' is not one of"),
        ("ana", "reviewer", "short", "at least 10 characters"),
    ],
)
def test_bad_accounts_are_refused(
    store: Store, name: str, role: str, password: str, message: str
) -> None:
    with pytest.raises(BadInput, match=message), store.write() as session:
        accounts.create_user(session, name, role, password, "test")


def test_a_name_is_taken_once(store: Store) -> None:
    add_user(store, "ana", "reviewer")
    with pytest.raises(Conflict, match="already exists"), store.write() as session:
        accounts.create_user(session, "ANA", "admin", PASSWORD, "test")


def test_api_tokens_are_stored_hashed_and_can_be_revoked(store: Store) -> None:
    add_user(store, "ana", "reviewer")
    with store.write() as session:
        token = accounts.issue_token(session, "ana", "test", "nightly import")
    with store.read() as session:
        row = session.scalars(select(ApiTokenRow)).one()
    assert token.startswith("tc_") and row.token_hash == accounts.digest(token)
    assert token not in (row.token_hash, row.prefix) and token.startswith(row.prefix)
    user = accounts.token_account(store, token)
    assert user is not None and user.name == "ana"
    assert accounts.token_account(store, token + "x") is None
    with store.write() as session:
        accounts.revoke_token(session, row.id, "test")
    assert accounts.token_account(store, token) is None


def test_hashes_made_with_older_parameters_are_upgraded_at_login(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_user(store, "ana", "reviewer")
    stronger = PasswordHasher.from_parameters(profiles.CHEAPEST)
    stronger = PasswordHasher(
        time_cost=stronger.time_cost + 1,
        memory_cost=stronger.memory_cost,
        parallelism=1,
        hash_len=stronger.hash_len,
        salt_len=stronger.salt_len,
    )
    monkeypatch.setattr(accounts, "HASHER", stronger)
    login(store, "ana").raise_for_error()
    with store.read() as session:
        stored = session.scalars(select(UserRow.password_hash)).one()
    assert not stronger.check_needs_rehash(stored)
    login(store, "ana").raise_for_error()
