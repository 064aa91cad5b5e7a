"""`user`: accounts for the review pages and the scripted review API."""

from __future__ import annotations

import getpass
import os
import sys

import click

from thirdcountry.cli.options import OutputFormat, db_option, format_option, store_for
from thirdcountry.cli.output import console, counted, print_json, print_table
from thirdcountry.domain.errors import BadInput
from thirdcountry.review import accounts
from thirdcountry.review.permissions import Role
from thirdcountry.store import accounts as account_repo

ROLES = [r.value for r in Role]


def _actor() -> str:
    """Who runs the command, for the audit log: the local account name."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _password(password_env: str | None, password_stdin: bool) -> str:
    if password_env and password_stdin:
        raise click.UsageError("use --password-env or --password-stdin, not both")
    if password_env:
        value = os.environ.get(password_env)
        if not value:
            raise BadInput(f"environment variable {password_env} is unset or empty")
        return value
    if password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(click.prompt("password", hide_input=True, confirmation_prompt=True))


@click.group("user")
def user_group() -> None:
    """Accounts: contributors submit sources and propose claims, reviewers decide, admins
    manage users."""


@user_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True, help="What the user may do.")
@click.option(
    "--password-env",
    metavar="VAR",
    help="Read the password from this environment variable (for scripts).",
)
@click.option(
    "--password-stdin", is_flag=True, help="Read the password from the first line of stdin."
)
@db_option
@format_option
def user_add(
    name: str,
    role: str,
    password_env: str | None,
    password_stdin: bool,
    db: str | None,
    fmt: OutputFormat,
) -> None:
    """Add a user; the password is asked for unless given by --password-env/-stdin."""
    password = _password(password_env, password_stdin)
    with store_for(db).write() as session:
        user = accounts.create_user(session, name, role, password, _actor())
    if fmt is OutputFormat.json:
        print_json(user.to_dict())
    else:
        console.print(f"user {user.name} added as {user.role}")


@user_group.command("list")
@db_option
@format_option
def user_list(db: str | None, fmt: OutputFormat) -> None:
    """Every user with their role, whether they may log in, and their API tokens."""
    with store_for(db).read() as session:
        users = account_repo.list_users(session)
        tokens = accounts.tokens_of(session)
    live = {u.name: sum(1 for t in tokens if t.user == u.name and not t.revoked) for u in users}
    if fmt is OutputFormat.json:
        print_json([{**u.to_dict(), "api_tokens": live[u.name]} for u in users])
        return
    print_table(
        counted(len(users), "user", "users"),
        ["name", "role", "active", "created", "by", "api tokens"],
        (
            [
                u.name,
                u.role,
                "yes" if u.active else "no",
                u.created_at.date(),
                u.created_by,
                live[u.name],
            ]
            for u in users
        ),
    )


@user_group.command("token")
@click.argument("name")
@click.option("--label", help="What the token is for (shown in listings).")
@db_option
def user_token(name: str, label: str | None, db: str | None) -> None:
    """Issue an API token for NAME and print it (only its hash is kept: save it now)."""
    with store_for(db).write() as session:
        token = accounts.issue_token(session, name, _actor(), label)
    # Only the token on stdout, so scripts can capture it: TOKEN=$(thirdcountry user token …)
    click.echo(token)


@user_group.command("change")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), help="Give the user this role.")
@click.option("--disable", "active", flag_value=False, default=None, help="Refuse their logins.")
@click.option("--enable", "active", flag_value=True, help="Let a disabled user log in again.")
@db_option
def user_change(name: str, role: str | None, active: bool | None, db: str | None) -> None:
    """Change a user's role, or disable or enable the account."""
    if role is None and active is None:
        raise click.UsageError("say what to change: --role, --disable or --enable")
    with store_for(db).write() as session:
        user = accounts.change_user(session, name, _actor(), role=role, active=active)
    state = "active" if user.active else "disabled"
    console.print(f"user {user.name}: {user.role}, {state}")


@user_group.command("password")
@click.argument("name")
@click.option("--password-env", metavar="VAR", help="Read the password from this variable.")
@click.option("--password-stdin", is_flag=True, help="Read the password from stdin.")
@db_option
def user_password(
    name: str, password_env: str | None, password_stdin: bool, db: str | None
) -> None:
    """Set a new password for NAME (their open sessions end)."""
    password = _password(password_env, password_stdin)
    with store_for(db).write() as session:
        accounts.set_password(session, name, password, _actor())
    console.print(f"password of {name} changed")


@user_group.command("revoke")
@click.argument("token_id", type=int)
@db_option
def user_revoke(token_id: int, db: str | None) -> None:
    """Revoke an API token by its number (see `user tokens`)."""
    with store_for(db).write() as session:
        accounts.revoke_token(session, token_id, _actor())
    console.print(f"token {token_id} revoked")


@user_group.command("tokens")
@click.argument("name", required=False)
@db_option
@format_option
def user_tokens(name: str | None, db: str | None, fmt: OutputFormat) -> None:
    """API tokens (of NAME, or everyone's): number, label, first characters, last use."""
    with store_for(db).read() as session:
        found = accounts.tokens_of(session, name)
    rows = [
        {
            "id": t.id,
            "user": t.user,
            "label": t.label,
            "prefix": t.prefix,
            "created_at": t.created_at.isoformat(),
            "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
            "revoked": t.revoked,
        }
        for t in found
    ]
    if fmt is OutputFormat.json:
        print_json(rows)
        return
    print_table(
        f"{len(rows)} API tokens",
        ["id", "user", "label", "starts with", "created", "last used", "revoked"],
        (
            [
                r["id"],
                r["user"],
                r["label"],
                r["prefix"],
                r["created_at"],
                r["last_used_at"],
                r["revoked"],
            ]
            for r in rows
        ),
    )


def register(cli: click.Group) -> None:
    cli.add_command(user_group)
