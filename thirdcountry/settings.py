"""Settings as data: one table of name, default, environment variable and help.

Values come, weakest first, from the defaults below, a TOML settings file
(``THIRDCOUNTRY_SETTINGS`` or ``--settings``), the environment, then the command line.
``docs/settings.md`` is generated from this table and a test keeps the two in step.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thirdcountry.domain.errors import BadInput
from thirdcountry.domain.projection import ProjectionRules


def default_home() -> Path:
    """Where the embedded database and archives live unless told otherwise."""
    explicit = os.environ.get("THIRDCOUNTRY_HOME")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return base / "thirdcountry"


def default_db_url() -> str:
    return f"sqlite:///{default_home() / 'thirdcountry.sqlite3'}"


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Callable[[], Any] | Any
    env: str
    help: str
    parse: Callable[[str], Any] = str
    # Never shown by `thirdcountry settings` (a key, a password).
    secret: bool = False

    def default_value(self) -> Any:
        return self.default() if callable(self.default) else self.default


def _bool(raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"not a boolean: {raw!r}")


def _choice(*allowed: str) -> Callable[[str], str]:
    def parse(raw: str) -> str:
        value = raw.strip().lower()
        if value not in allowed:
            raise ValueError(f"{raw!r} is not one of: {', '.join(allowed)}")
        return value

    return parse


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "db",
        default_db_url,
        "THIRDCOUNTRY_DB",
        "Database URL (SQLAlchemy form) or a path to a SQLite file. Default: "
        "thirdcountry.sqlite3 in the data folder ($THIRDCOUNTRY_HOME, else "
        "$XDG_DATA_HOME/thirdcountry, else ~/.local/share/thirdcountry).",
    ),
    Setting(
        "home",
        lambda: str(default_home()),
        "THIRDCOUNTRY_HOME",
        "Data folder for the embedded database and archived source copies.",
    ),
    Setting(
        "dispute_window_days",
        62,
        "THIRDCOUNTRY_DISPUTE_WINDOW_DAYS",
        "A denial dated at most this many days before a claim of talks or an agreement "
        "still disputes it.",
        int,
    ),
    Setting(
        "same_event_slack_days",
        3,
        "THIRDCOUNTRY_SAME_EVENT_SLACK_DAYS",
        "Transfer reports whose dates differ by at most this many days may be one event.",
        int,
    ),
    Setting(
        "same_event_window_days",
        62,
        "THIRDCOUNTRY_SAME_EVENT_WINDOW_DAYS",
        "Reports with the same count and facility within this many days are one event "
        "with a date conflict.",
        int,
    ),
    Setting(
        "near_duplicate_threshold",
        0.8,
        "THIRDCOUNTRY_NEAR_DUPLICATE_THRESHOLD",
        "Jaccard similarity of two texts' five-word shingles at or above which the later "
        "one is stored as a copy of the earlier (0.5 to 1; candidates found by MinHash/LSH).",
        float,
    ),
    Setting(
        "near_duplicate_containment",
        0.9,
        "THIRDCOUNTRY_NEAR_DUPLICATE_CONTAINMENT",
        "Share of the shorter text's shingles found in a stored text at or above which it is "
        "a copy too, whatever the Jaccard similarity: a syndicated story cut short (0.5 to 1).",
        float,
    ),
    Setting(
        "allow_private",
        False,
        "THIRDCOUNTRY_ALLOW_PRIVATE",
        "Let the fetcher reach loopback and private addresses (local use and tests only).",
        _bool,
    ),
    Setting(
        "scan_split_mb",
        64,
        "THIRDCOUNTRY_SCAN_SPLIT_MB",
        "`scan` cuts gzipped WARC files larger than this many MB into ranges of this size, "
        "so several workers can read one file; 0 keeps every file whole.",
        int,
    ),
    Setting(
        "scan_cc_base",
        "https://data.commoncrawl.org/",
        "THIRDCOUNTRY_SCAN_CC_BASE",
        "Where `scan` finds Common Crawl: `--cc-news` reads its listings here, and relative "
        "lines of any listing (`crawl-data/…`) are read from here.",
    ),
    Setting(
        "scan_s3_endpoint",
        "",
        "THIRDCOUNTRY_SCAN_S3_ENDPOINT",
        "An S3-compatible server `scan` reads `s3://` archives from instead of AWS (a mirror); "
        "empty: AWS. Reads are anonymous either way.",
    ),
    Setting(
        "scan_retries",
        6,
        "THIRDCOUNTRY_SCAN_RETRIES",
        "Attempts `scan` makes at each read of a remote archive before it records the file "
        "as failed and goes on (a 404 or 403 is not tried again).",
        int,
    ),
    Setting(
        "scan_retry_backoff",
        1.0,
        "THIRDCOUNTRY_SCAN_RETRY_BACKOFF",
        "Seconds `scan` waits after a failed remote read before the next attempt; the wait "
        "doubles with each failure (at most 30 s).",
        float,
    ),
    Setting(
        "user_agent",
        "thirdcountry/0.1 (+https://github.com/thirdcountry/thirdcountry)",
        "THIRDCOUNTRY_USER_AGENT",
        "User-Agent sent with every fetch.",
    ),
    Setting(
        "fetch_allow_networks",
        "",
        "THIRDCOUNTRY_FETCH_ALLOW_NETWORKS",
        "Comma-separated networks (CIDR) the fetcher may reach even without allow_private, "
        "e.g. an internal mirror at 10.2.0.0/16.",
    ),
    Setting(
        "fetch_timeout",
        10.0,
        "THIRDCOUNTRY_FETCH_TIMEOUT",
        "Seconds to wait for a connection and for each read from it.",
        float,
    ),
    Setting(
        "fetch_total_timeout",
        60.0,
        "THIRDCOUNTRY_FETCH_TOTAL_TIMEOUT",
        "Seconds one fetch may take in all, redirects and robots.txt included.",
        float,
    ),
    Setting(
        "fetch_max_bytes",
        10_000_000,
        "THIRDCOUNTRY_FETCH_MAX_BYTES",
        "Largest response body accepted, in bytes (checked while it streams in).",
        int,
    ),
    Setting(
        "fetch_max_redirects",
        5,
        "THIRDCOUNTRY_FETCH_MAX_REDIRECTS",
        "Redirects followed before a fetch fails.",
        int,
    ),
    Setting(
        "respect_robots",
        True,
        "THIRDCOUNTRY_RESPECT_ROBOTS",
        "Obey robots.txt when fetching (the fetcher's product token is `thirdcountry`).",
        _bool,
    ),
    Setting(
        "session_hours",
        12,
        "THIRDCOUNTRY_SESSION_HOURS",
        "A login to the review pages lasts this many hours.",
        float,
    ),
    Setting(
        "login_max_failures",
        5,
        "THIRDCOUNTRY_LOGIN_MAX_FAILURES",
        "Failed logins for one user name within the login window before further attempts "
        "are refused (four times as many for one address).",
        int,
    ),
    Setting(
        "login_window_minutes",
        15,
        "THIRDCOUNTRY_LOGIN_WINDOW_MINUTES",
        "The window, in minutes, over which failed logins are counted.",
        float,
    ),
    Setting(
        "cookie_secure",
        "auto",
        "THIRDCOUNTRY_COOKIE_SECURE",
        "Mark session cookies Secure: `auto` (when the request came over HTTPS), `always` "
        "or `never`.",
        _choice("auto", "always", "never"),
    ),
    Setting(
        "trust_forwarded",
        False,
        "THIRDCOUNTRY_TRUST_FORWARDED",
        "Behind a reverse proxy: take the scheme and client address from "
        "X-Forwarded-Proto and X-Forwarded-For, but only on connections from "
        "`trusted_proxies` (never enable without such a proxy).",
        _bool,
    ),
    Setting(
        "trusted_proxies",
        "127.0.0.1,::1",
        "THIRDCOUNTRY_TRUSTED_PROXIES",
        "Comma-separated addresses or networks (CIDR) of the reverse proxies whose "
        "X-Forwarded-* headers are believed when `trust_forwarded` is on; from any other "
        "peer they are ignored.",
    ),
    Setting(
        "audit_key",
        "",
        "THIRDCOUNTRY_AUDIT_KEY",
        "Secret key (at least 16 characters) for the audit log's MACs and checkpoints. Keep "
        "it outside the database (environment or settings file) and the same for every "
        "process that writes or verifies the log; without it the log is hash-chained only "
        '(docs/review.md, "The audit trail").',
        secret=True,
    ),
    Setting(
        "upload_max_bytes",
        10_000_000,
        "THIRDCOUNTRY_UPLOAD_MAX_BYTES",
        "Largest source file a contributor may upload.",
        int,
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def setting(name: str) -> Setting:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise BadInput(f"unknown setting {name!r}") from None


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    settings_file: str | Path | None = None,
) -> dict[str, Any]:
    """Resolve every setting: default < settings file < environment < overrides."""
    environ = os.environ if environ is None else environ
    values = {s.name: s.default_value() for s in SETTINGS}
    path = settings_file or environ.get("THIRDCOUNTRY_SETTINGS")
    if path:
        values.update(_read_file(Path(path)))
    for s in SETTINGS:
        raw = environ.get(s.env)
        if raw is not None and raw != "":
            try:
                values[s.name] = s.parse(raw)
            except ValueError as exc:
                raise BadInput(f"environment variable {s.env}: {exc}") from None
    for name, value in (overrides or {}).items():
        if value is not None:
            values[setting(name).name] = value
    return values


def _read_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BadInput(f"settings file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise BadInput(f"settings file {path}: not valid TOML ({exc})") from None
    unknown = set(data) - set(_BY_NAME)
    if unknown:
        raise BadInput(f"settings file {path}: unknown setting(s) {', '.join(sorted(unknown))}")
    return data


def settings_markdown() -> str:
    """The settings reference, generated from the table (docs/settings.md)."""
    lines = [
        "# Settings",
        "",
        "Generated from `thirdcountry/settings.py`; do not edit by hand "
        "(`thirdcountry settings --markdown > docs/settings.md`).",
        "",
        "Weakest first: default, settings file (TOML, `THIRDCOUNTRY_SETTINGS`), "
        "environment variable, command-line option.",
        "",
        "| name | environment variable | default | meaning |",
        "| --- | --- | --- | --- |",
    ]
    for s in SETTINGS:
        default = "(see meaning)" if callable(s.default) else f"`{s.default}`"
        lines.append(f"| `{s.name}` | `{s.env}` | {default} | {s.help} |")
    return "\n".join(lines) + "\n"


AUDIT_KEY_MIN_LENGTH = 16


def audit_key(values: Mapping[str, Any] | None = None) -> bytes | None:
    """The configured audit key as bytes, None when none is set; too short is an error."""
    values = load_settings() if values is None else values
    raw = str(values.get("audit_key") or "")
    if not raw:
        return None
    if len(raw) < AUDIT_KEY_MIN_LENGTH:
        raise BadInput(
            f"setting audit_key: at least {AUDIT_KEY_MIN_LENGTH} characters are needed "
            f"(it has {len(raw)}); make one with "
            "python3 -c 'import secrets; print(secrets.token_urlsafe(32))'"
        )
    return raw.encode("utf-8")


def projection_rules(values: Mapping[str, Any] | None = None) -> ProjectionRules:
    """The projection's tunable rules, from resolved settings (or the environment's)."""
    values = load_settings() if values is None else values
    return ProjectionRules(
        dispute_window_days=int(values["dispute_window_days"]),
        same_event_slack_days=int(values["same_event_slack_days"]),
        same_event_window_days=int(values["same_event_window_days"]),
    )
