"""Repository functions for accounts: users, sessions, API tokens and login attempts.

Secrets never reach this module in the clear: passwords arrive as argon2 hashes, session
and API tokens as SHA-256 digests (``review.accounts`` does the hashing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from thirdcountry.domain.errors import Conflict, NotFound
from thirdcountry.store.accounts_tables import (
    ApiTokenRow,
    LoginAttemptRow,
    SessionRow,
    UserRow,
)


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything here is stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class User:
    id: int
    name: str
    role: str
    active: bool
    created_at: datetime
    created_by: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "role": self.role,
            "active": self.active,
            "created_at": self.created_at.isoformat(),
            "created_by": self.created_by,
        }


@dataclass(frozen=True, slots=True)
class TokenInfo:
    id: int
    user: str
    label: str | None
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked: bool


def _user(row: UserRow) -> User:
    return User(
        id=row.id,
        name=row.name,
        role=row.role,
        active=row.active,
        created_at=utc(row.created_at),
        created_by=row.created_by,
    )


# -- users ------------------------------------------------------------------------------


def add_user(
    session: Session, name: str, role: str, password_hash: str, created_by: str | None
) -> User:
    if session.scalars(select(UserRow.id).where(UserRow.name == name)).first() is not None:
        raise Conflict(f"a user named {name!r} already exists")
    row = UserRow(
        name=name,
        role=role,
        password_hash=password_hash,
        active=True,
        created_at=datetime.now(UTC),
        created_by=created_by,
    )
    session.add(row)
    session.flush()
    return _user(row)


def find_user(session: Session, name: str) -> User | None:
    row = session.scalars(select(UserRow).where(UserRow.name == name)).first()
    return _user(row) if row else None


def get_user(session: Session, name: str) -> User:
    user = find_user(session, name)
    if user is None:
        raise NotFound(f"no user named {name!r}")
    return user


def credentials(session: Session, name: str) -> tuple[User, str] | None:
    """The user and their password hash, for checking a login."""
    row = session.scalars(select(UserRow).where(UserRow.name == name)).first()
    return (_user(row), row.password_hash) if row else None


def set_password_hash(session: Session, user_id: int, password_hash: str) -> None:
    session.execute(
        update(UserRow).where(UserRow.id == user_id).values(password_hash=password_hash)
    )


def list_users(session: Session) -> list[User]:
    return [_user(row) for row in session.scalars(select(UserRow).order_by(UserRow.name))]


def update_user(
    session: Session, name: str, *, role: str | None = None, active: bool | None = None
) -> tuple[User, User]:
    """Change a user's role or whether they may log in; returns (before, after)."""
    row = session.scalars(select(UserRow).where(UserRow.name == name)).first()
    if row is None:
        raise NotFound(f"no user named {name!r}")
    before = _user(row)
    if role is not None:
        row.role = role
    if active is not None:
        row.active = active
    session.flush()
    return before, _user(row)


def count_active(session: Session, role: str) -> int:
    query = select(func.count()).select_from(UserRow).where(UserRow.role == role, UserRow.active)
    return session.scalar(query) or 0


# -- sessions ---------------------------------------------------------------------------


def add_session(
    session: Session,
    digest: str,
    user_id: int,
    *,
    now: datetime,
    expires_at: datetime,
    address: str | None,
) -> None:
    session.add(
        SessionRow(
            id=digest,
            user_id=user_id,
            created_at=now,
            expires_at=expires_at,
            last_seen_at=now,
            address=(address or "")[:64] or None,
        )
    )
    session.flush()


def session_user(session: Session, digest: str, now: datetime) -> tuple[User, datetime] | None:
    """The active user of an unexpired session, and when the session was last seen."""
    found = session.execute(
        select(UserRow, SessionRow.last_seen_at)
        .join(SessionRow, SessionRow.user_id == UserRow.id)
        .where(SessionRow.id == digest, SessionRow.expires_at > now, UserRow.active)
    ).first()
    if found is None:
        return None
    return _user(found[0]), utc(found[1])


def touch_session(session: Session, digest: str, now: datetime) -> None:
    session.execute(update(SessionRow).where(SessionRow.id == digest).values(last_seen_at=now))


def delete_session(session: Session, digest: str) -> None:
    session.execute(delete(SessionRow).where(SessionRow.id == digest))


def delete_user_sessions(session: Session, user_id: int) -> None:
    session.execute(delete(SessionRow).where(SessionRow.user_id == user_id))


def prune_sessions(session: Session, now: datetime) -> None:
    session.execute(delete(SessionRow).where(SessionRow.expires_at <= now))


# -- API tokens -------------------------------------------------------------------------


def add_token(session: Session, user_id: int, label: str | None, digest: str, prefix: str) -> None:
    session.add(
        ApiTokenRow(
            user_id=user_id,
            label=label,
            token_hash=digest,
            prefix=prefix,
            created_at=datetime.now(UTC),
        )
    )
    session.flush()


def token_user(session: Session, digest: str) -> tuple[User, int, datetime | None] | None:
    """The active user owning an unrevoked token, the token's id and when it was last used."""
    found = session.execute(
        select(UserRow, ApiTokenRow.id, ApiTokenRow.last_used_at)
        .join(ApiTokenRow, ApiTokenRow.user_id == UserRow.id)
        .where(ApiTokenRow.token_hash == digest, ApiTokenRow.revoked_at.is_(None), UserRow.active)
    ).first()
    if found is None:
        return None
    return _user(found[0]), found[1], utc(found[2]) if found[2] is not None else None


def touch_token(session: Session, token_id: int, now: datetime) -> None:
    session.execute(update(ApiTokenRow).where(ApiTokenRow.id == token_id).values(last_used_at=now))


def list_tokens(session: Session, name: str | None = None) -> list[TokenInfo]:
    query = (
        select(ApiTokenRow, UserRow.name)
        .join(UserRow, ApiTokenRow.user_id == UserRow.id)
        .order_by(ApiTokenRow.id)
    )
    if name is not None:
        query = query.where(UserRow.name == name)
    return [
        TokenInfo(
            id=row.id,
            user=user,
            label=row.label,
            prefix=row.prefix,
            created_at=utc(row.created_at),
            last_used_at=utc(row.last_used_at) if row.last_used_at else None,
            revoked=row.revoked_at is not None,
        )
        for row, user in session.execute(query)
    ]


def revoke_token(session: Session, token_id: int) -> str:
    """Revoke a token; returns the name of its owner."""
    row = session.get(ApiTokenRow, token_id)
    if row is None:
        raise NotFound(f"no API token {token_id}")
    if row.revoked_at is None:
        row.revoked_at = datetime.now(UTC)
    owner = session.get(UserRow, row.user_id)
    session.flush()
    return owner.name if owner else "?"


# -- login attempts ---------------------------------------------------------------------


def record_attempt(session: Session, name: str, address: str, success: bool, at: datetime) -> None:
    session.add(LoginAttemptRow(name=name[:64], address=address[:64], at=at, success=success))
    session.flush()


def _attempt_filter(name: str | None, address: str | None) -> list[Any]:
    conditions: list[Any] = []
    if name is not None:
        conditions.append(LoginAttemptRow.name == name[:64])
    if address is not None:
        conditions.append(LoginAttemptRow.address == address[:64])
    return conditions


def failures_since(
    session: Session, since: datetime, *, name: str | None = None, address: str | None = None
) -> tuple[int, datetime | None]:
    """Failed logins after ``since`` and after the last success, for a name or an address;
    and when the oldest of them happened (the lock lifts a window after it)."""
    conditions = _attempt_filter(name, address)
    last_success = session.scalar(
        select(func.max(LoginAttemptRow.at)).where(LoginAttemptRow.success, *conditions)
    )
    start = max(since, utc(last_success)) if last_success is not None else since
    count, oldest = session.execute(
        select(func.count(), func.min(LoginAttemptRow.at)).where(
            LoginAttemptRow.at > start, LoginAttemptRow.success.is_(False), *conditions
        )
    ).one()
    return int(count or 0), utc(oldest) if oldest is not None else None


def prune_attempts(session: Session, before: datetime) -> None:
    session.execute(delete(LoginAttemptRow).where(LoginAttemptRow.at < before))
