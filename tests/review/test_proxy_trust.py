"""Forged X-Forwarded-For and X-Forwarded-Proto from a loopback client, through the real
server configuration `serve` uses: believed only when `trust_forwarded` is on and the peer
is one of `trusted_proxies`."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import select

from thirdcountry.domain.errors import BadInput
from thirdcountry.publish.web import create_app
from thirdcountry.publish.web.forwarded import ProxyTrust, parse_networks
from thirdcountry.publish.web.testing import LocalServer
from thirdcountry.store.accounts_tables import LoginAttemptRow

from .conftest import PASSWORD, Seeded, csrf_from


class Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def access_log() -> Iterator[Lines]:
    """The server's access log; attach once the server runs (uvicorn resets its loggers)."""
    logger = logging.getLogger("uvicorn.access")
    handler, level = Lines(), logger.level
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


def attach(handler: Lines) -> None:
    logger = logging.getLogger("uvicorn.access")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def post_login(base_url: str, name: str, password: str, headers: dict[str, str]) -> httpx.Response:
    """A login as a fresh browser would: the form, then the post with its pre-session
    cookie (sent by hand: a browser on plain http would drop a cookie marked Secure)."""
    form = httpx.get(f"{base_url}/login", headers=headers)
    cookie = {"Cookie": f"tc_pre={form.cookies['tc_pre']}"}
    return httpx.post(
        f"{base_url}/login",
        data={"name": name, "password": password, "csrf_token": csrf_from(form.text)},
        headers={**headers, **cookie},
    )


def recorded_addresses(seeded: Seeded) -> set[str]:
    with seeded.store.read() as session:
        return set(session.scalars(select(LoginAttemptRow.address)))


def test_forged_headers_from_loopback_are_ignored_by_default(
    seeded: Seeded, monkeypatch: pytest.MonkeyPatch, access_log: Lines
) -> None:
    monkeypatch.setenv("THIRDCOUNTRY_LOGIN_MAX_FAILURES", "2")  # 8 per address
    with LocalServer(create_app(seeded.store)) as server:
        attach(access_log)
        statuses = [
            post_login(
                server.url, f"nobody{i}", "wrong", {"X-Forwarded-For": f"203.0.113.{i}"}
            ).status_code
            for i in range(10)
        ]
        forged_https = post_login(
            server.url,
            "reviewer",
            PASSWORD,
            {"X-Forwarded-For": "198.51.100.7", "X-Forwarded-Proto": "https"},
        )
    assert 429 not in statuses[:8], statuses
    assert statuses[8:] == [429, 429], "the per-address limit must hold whatever the header says"
    assert recorded_addresses(seeded) == {"127.0.0.1"}
    logged = " ".join(access_log.lines)
    assert "127.0.0.1" in logged and "203.0.113." not in logged and "198.51.100." not in logged
    # Still limited (same real address), so no session; and no cookie marked Secure.
    assert forged_https.status_code == 429
    cookies = forged_https.headers.get_list("set-cookie")
    assert all("secure" not in cookie.lower() for cookie in cookies)


def test_secure_cookie_does_not_follow_a_forged_proto(seeded: Seeded) -> None:
    with LocalServer(create_app(seeded.store)) as server:
        response = post_login(server.url, "reviewer", PASSWORD, {"X-Forwarded-Proto": "https"})
    session = [h for h in response.headers.get_list("set-cookie") if h.startswith("tc_session=")]
    assert response.status_code == 303 and session
    assert "secure" not in session[0].lower()


def test_headers_from_a_trusted_proxy_are_believed(
    seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THIRDCOUNTRY_TRUST_FORWARDED", "true")
    monkeypatch.setenv("THIRDCOUNTRY_TRUSTED_PROXIES", "127.0.0.0/8")
    headers = {"X-Forwarded-For": "198.51.100.7, 127.0.0.2", "X-Forwarded-Proto": "https"}
    with LocalServer(create_app(seeded.store)) as server:
        response = post_login(server.url, "reviewer", PASSWORD, headers)
    session = [h for h in response.headers.get_list("set-cookie") if h.startswith("tc_session=")]
    assert session and "secure" in session[0].lower()
    assert recorded_addresses(seeded) == {"198.51.100.7"}


def test_trust_forwarded_ignores_peers_that_are_not_listed(
    seeded: Seeded, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("THIRDCOUNTRY_TRUST_FORWARDED", "true")
    monkeypatch.setenv("THIRDCOUNTRY_TRUSTED_PROXIES", "192.0.2.10")
    with LocalServer(create_app(seeded.store)) as server:
        response = post_login(
            server.url,
            "reviewer",
            PASSWORD,
            {"X-Forwarded-For": "198.51.100.7", "X-Forwarded-Proto": "https"},
        )
    assert "secure" not in response.headers["set-cookie"].lower()
    assert recorded_addresses(seeded) == {"127.0.0.1"}


def test_the_client_is_the_nearest_untrusted_hop() -> None:
    trust = ProxyTrust(enabled=True, proxies=parse_networks("10.0.0.0/8, ::1"))
    # The leftmost entry is whatever the client wrote; our proxies appended the rest.
    assert trust.client_from("10.0.0.1", ["6.6.6.6, 198.51.100.7, 10.0.0.2"]) == "198.51.100.7"
    assert trust.client_from("10.0.0.1", ["not-an-address"]) == "10.0.0.1"
    assert trust.client_from("::1", []) == "::1"


def test_trusted_proxies_may_be_a_list_in_the_settings_file() -> None:
    trust = ProxyTrust.from_settings({"trust_forwarded": True, "trusted_proxies": ["10.0.0.1"]})
    assert trust.is_proxy("10.0.0.1") and not trust.is_proxy("127.0.0.1")


def test_a_bad_trusted_proxies_setting_is_named() -> None:
    with pytest.raises(BadInput, match=r"trusted_proxies: 'proxy\.example'"):
        parse_networks("127.0.0.1, proxy.example")
