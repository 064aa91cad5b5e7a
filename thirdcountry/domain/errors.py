"""The project's exception tree.

    ThirdCountryError            base; exit code 1, HTTP 500
    ├── BadInput                 malformed or invalid input; exit 1, HTTP 400
    │   ├── ValidationError      a value breaks a domain rule (unknown country, bad date…)
    │   └── ArchiveUnreadable    one input of a scan cannot be read; the scan goes on
    ├── NotFound                 exit 1, HTTP 404
    ├── Forbidden                exit 1, HTTP 403
    ├── Conflict                 a concurrent or duplicate change; exit 1, HTTP 409
    └── FetchRefused             a URL the safe fetcher will not fetch; exit 1, HTTP 422

Exit code 2 is kept for bad command-line usage, which the CLI framework reports.
Each error knows how the CLI and the web app report it, so both render errors in one place.

Every message is bounded here, whoever raises it: a line longer than ``MAX_LINE``
characters is cut (saying how long it was), and a message of more than ``MAX_LINES``
lines (one per problem of a dataset file, say) keeps the first ones and says how many
more there were. An error quoting a hostile value can therefore never flood a terminal,
a log or a web page.
"""

from __future__ import annotations

MAX_LINE = 300
MAX_LINES = 100


def _bounded_line(line: str) -> str:
    if len(line) <= MAX_LINE:
        return line
    more = f"… ({len(line)} characters in all)"
    return line[: MAX_LINE - len(more)] + more


def bounded(message: str) -> str:
    """``message`` with each line at most ``MAX_LINE`` characters, at most ``MAX_LINES``
    lines (and a last one saying how many were left out)."""
    lines = message.split("\n", MAX_LINES)
    kept = [_bounded_line(line) for line in lines[:MAX_LINES]]
    if len(lines) > MAX_LINES:
        rest = lines[MAX_LINES].count("\n") + 1
        kept.append(f"… and {rest} more line{'s' if rest != 1 else ''}")
    return "\n".join(kept)


class ThirdCountryError(Exception):
    exit_code = 1
    http_status = 500

    def __init__(self, message: str) -> None:
        message = bounded(message)
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class BadInput(ThirdCountryError):
    http_status = 400


class ValidationError(BadInput):
    """A value breaks a rule of the domain; ``field`` names the offending field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class ArchiveUnreadable(BadInput):
    """One archive (or listing line) of a scan cannot be read: missing, 404, not a WARC…

    The message is the one line that reports it, naming the input; the scan records it and
    goes on with the other inputs.
    """


class NotFound(ThirdCountryError):
    http_status = 404


class Forbidden(ThirdCountryError):
    http_status = 403


class Conflict(ThirdCountryError):
    http_status = 409


class FetchRefused(ThirdCountryError):
    http_status = 422
