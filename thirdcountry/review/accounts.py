"""Accounts: users and roles, argon2 passwords, login sessions, API tokens, rate limits.

Passwords are hashed with argon2id; session cookies and API tokens are random values of
256 bits of which only the SHA-256 is stored (a fast hash is enough for values nobody can
guess, and it lets a request be checked with one indexed lookup). Every change to an
account is an audited decision; logins are kept in ``login_attempts`` for rate limiting.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from thirdcountry.domain.errors import BadInput, Conflict, Forbidden
from thirdcountry.review.permissions import Role
from thirdcountry.store import Store, audit
from thirdcountry.store import accounts as repo
from thirdcountry.store.accounts import TokenInfo, User

# argon2id with the library's defaults (RFC 9106, low-memory profile). Tests swap in a
# cheaper hasher; hashes made with other parameters are upgraded at the next login.
HASHER = PasswordHasher()

NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")
MIN_PASSWORD_LENGTH = 10
TOKEN_PREFIX = "tc_"
# Refreshing "last seen" on every request would make every page view a write.
TOUCH_INTERVAL = timedelta(minutes=5)


class BadCredentials(Forbidden):
    http_status = 401


class RateLimited(Forbidden):
    http_status = 429


@dataclass(frozen=True, slots=True)
class AccountPolicy:
    session_hours: float = 12
    max_failures: int = 5
    window_minutes: float = 15

    @property
    def window(self) -> timedelta:
        return timedelta(minutes=self.window_minutes)

    @property
    def max_failures_per_address(self) -> int:
        # One address may be a whole office behind NAT: allow it more than one account.
        return self.max_failures * 4

    @classmethod
    def from_settings(cls, values: dict[str, Any]) -> AccountPolicy:
        return cls(
            session_hours=float(values["session_hours"]),
            max_failures=int(values["login_max_failures"]),
            window_minutes=float(values["login_window_minutes"]),
        )


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def validate_name(name: str) -> str:
    cleaned = (name or "").strip().lower()
    if not NAME_PATTERN.match(cleaned):
        raise BadInput(
            f"user name {name!r} must be 2–40 characters: lowercase letters, digits, "
            "'.', '_' or '-', starting with a letter or digit"
        )
    return cleaned


def validate_role(role: str) -> Role:
    try:
        return Role(role)
    except ValueError:
        allowed = ", ".join(r.value for r in Role)
        raise BadInput(f"role {role!r} is not one of: {allowed}") from None


def hash_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise BadInput(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    return HASHER.hash(password)


# A hash to check wrong names against, so a login for a name that does not exist costs as
# much as one for a name that does (no telling the two apart by timing).
_DUMMY_HASH: dict[str, str] = {}


def _dummy_hash() -> str:
    key = repr(HASHER)
    if key not in _DUMMY_HASH:
        _DUMMY_HASH[key] = HASHER.hash(secrets.token_urlsafe(16))
    return _DUMMY_HASH[key]


# -- users ------------------------------------------------------------------------------


def create_user(session: Session, name: str, role: str, password: str, actor: str) -> User:
    user = repo.add_user(
        session, validate_name(name), validate_role(role).value, hash_password(password), actor
    )
    audit.append(
        session,
        actor=actor,
        action="user_add",
        after={"user": user.name, "role": user.role, "active": True},
    )
    return user


def change_user(
    session: Session,
    name: str,
    actor: str,
    *,
    role: str | None = None,
    active: bool | None = None,
) -> User:
    """Change a role or disable/enable an account; the last active admin stays."""
    new_role = validate_role(role).value if role is not None else None
    current = repo.get_user(session, validate_name(name))
    losing_admin = (
        current.role == Role.ADMIN
        and current.active
        and ((new_role is not None and new_role != Role.ADMIN) or active is False)
    )
    if losing_admin and repo.count_active(session, Role.ADMIN.value) <= 1:
        raise Conflict(f"{current.name} is the last active admin; make another admin first")
    before, after = repo.update_user(session, current.name, role=new_role, active=active)
    if before == after:
        return after
    if not after.active:
        repo.delete_user_sessions(session, after.id)
    audit.append(
        session,
        actor=actor,
        action="user_change",
        before={"user": before.name, "role": before.role, "active": before.active},
        after={"user": after.name, "role": after.role, "active": after.active},
    )
    return after


def set_password(session: Session, name: str, password: str, actor: str) -> None:
    user = repo.get_user(session, validate_name(name))
    repo.set_password_hash(session, user.id, hash_password(password))
    repo.delete_user_sessions(session, user.id)
    audit.append(session, actor=actor, action="user_password", after={"user": user.name})


# -- logging in -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LoginResult:
    user: User | None
    session_token: str | None
    error: Forbidden | None

    def raise_for_error(self) -> tuple[User, str]:
        if self.error is not None:
            raise self.error
        assert self.user is not None and self.session_token is not None
        return self.user, self.session_token


def _rate_limit(
    session: Session, name: str, address: str, policy: AccountPolicy, now: datetime
) -> RateLimited | None:
    since = now - policy.window
    for count, oldest, limit, what in (
        (*repo.failures_since(session, since, name=name), policy.max_failures, f"user {name}"),
        (
            *repo.failures_since(session, since, address=address),
            policy.max_failures_per_address,
            "this address",
        ),
    ):
        if count >= limit:
            wait = (oldest or now) + policy.window - now
            minutes = max(1, int(wait.total_seconds() // 60) + 1)
            return RateLimited(
                f"too many failed logins for {what}; try again in {minutes} minute(s)"
            )
    return None


def attempt_login(
    store: Store,
    name: str,
    password: str,
    address: str,
    policy: AccountPolicy,
    now: datetime | None = None,
) -> LoginResult:
    """Check a name and password; on success open a session.

    Runs its own transaction so a failed attempt is recorded even though it fails.
    """
    now = now or datetime.now(UTC)
    name = (name or "").strip().lower()[:64]
    address = (address or "unknown")[:64]
    with store.write() as session:
        limited = _rate_limit(session, name, address, policy, now)
        if limited is not None:
            return LoginResult(None, None, limited)
        found = repo.credentials(session, name)
        user, stored_hash = found if found else (None, _dummy_hash())
        try:
            HASHER.verify(stored_hash, password or "")
            verified = user is not None and user.active
        except (VerificationError, InvalidHashError):
            verified = False
        repo.record_attempt(session, name, address, verified, now)
        if not verified or user is None:
            return LoginResult(None, None, BadCredentials("wrong user name or password"))
        if HASHER.check_needs_rehash(stored_hash):
            repo.set_password_hash(session, user.id, HASHER.hash(password))
        token = secrets.token_urlsafe(32)
        repo.prune_sessions(session, now)
        repo.prune_attempts(session, now - timedelta(days=7))
        repo.add_session(
            session,
            digest(token),
            user.id,
            now=now,
            expires_at=now + timedelta(hours=policy.session_hours),
            address=address,
        )
        return LoginResult(user, token, None)


def session_account(store: Store, token: str, now: datetime | None = None) -> User | None:
    """The user logged in with this session cookie, or None."""
    now = now or datetime.now(UTC)
    key = digest(token)
    with store.read() as session:
        found = repo.session_user(session, key, now)
    if found is None:
        return None
    user, last_seen = found
    if now - last_seen > TOUCH_INTERVAL:
        with store.write() as session:
            repo.touch_session(session, key, now)
    return user


def logout(store: Store, token: str) -> None:
    with store.write() as session:
        repo.delete_session(session, digest(token))


# -- API tokens -------------------------------------------------------------------------


def issue_token(session: Session, name: str, actor: str, label: str | None = None) -> str:
    """A new API token for ``name``; the value is shown once and only its hash is kept."""
    user = repo.get_user(session, validate_name(name))
    if not user.active:
        raise Conflict(f"user {user.name} is disabled; enable the account first")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    label = (label or "").strip()[:200] or None
    repo.add_token(session, user.id, label, digest(raw), raw[:10])
    audit.append(
        session,
        actor=actor,
        action="token_issue",
        after={"user": user.name, "label": label, "prefix": raw[:10]},
    )
    return raw


def revoke_token(session: Session, token_id: int, actor: str) -> None:
    owner = repo.revoke_token(session, token_id)
    audit.append(
        session, actor=actor, action="token_revoke", after={"user": owner, "token": token_id}
    )


def token_account(store: Store, raw: str, now: datetime | None = None) -> User | None:
    if not raw.startswith(TOKEN_PREFIX):
        return None
    now = now or datetime.now(UTC)
    with store.read() as session:
        found = repo.token_user(session, digest(raw))
    if found is None:
        return None
    user, token_id, last_used = found
    if last_used is None or now - last_used > TOUCH_INTERVAL:
        with store.write() as session:
            repo.touch_token(session, token_id, now)
    return user


def tokens_of(session: Session, name: str | None = None) -> list[TokenInfo]:
    return repo.list_tokens(session, name)
