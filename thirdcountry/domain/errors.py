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
"""

from __future__ import annotations


class ThirdCountryError(Exception):
    exit_code = 1
    http_status = 500

    def __init__(self, message: str) -> None:
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
