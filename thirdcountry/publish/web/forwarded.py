"""Who is really asking: X-Forwarded-For and X-Forwarded-Proto, believed only on purpose.

A reverse proxy that terminates TLS tells the app the client's address and scheme in
these headers; anyone else can send them too. They are believed only when the
``trust_forwarded`` setting is on *and* the connection comes from one of the addresses
in ``trusted_proxies``. Then the request's client and scheme are rewritten in place
(``scope["client"]``, ``scope["scheme"]``), so the login rate limit, ``login_attempts``,
the server's access log and the ``Secure`` cookie flag all see the same address.

The server must not do this itself: ``serve`` runs uvicorn with ``proxy_headers=False``
(uvicorn's default believes these headers from loopback).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from thirdcountry.domain.errors import BadInput

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(raw: str, *, name: str = "trusted_proxies") -> tuple[Network, ...]:
    """Comma-separated addresses or CIDR networks; a clear error naming the bad one."""
    networks: list[Network] = []
    for part in raw.split(","):
        part = part.strip()
        if not part:
            continue
        try:
            networks.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise BadInput(f"setting {name}: {part!r} is not an address or network") from None
    return tuple(networks)


def _address(raw: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(raw.strip().strip("[]"))
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class ProxyTrust:
    """Which peers may speak for the client, and whether anyone may at all."""

    enabled: bool
    proxies: tuple[Network, ...]

    @classmethod
    def from_settings(cls, values: dict[str, Any]) -> ProxyTrust:
        raw = values["trusted_proxies"]
        # A settings file may give a TOML list; the environment gives a string.
        listed = ",".join(map(str, raw)) if isinstance(raw, list | tuple) else str(raw)
        return cls(enabled=bool(values["trust_forwarded"]), proxies=parse_networks(listed))

    def is_proxy(self, host: str | None) -> bool:
        found = _address(host) if host else None
        return found is not None and any(found in network for network in self.proxies)

    def client_from(self, peer: str, forwarded_for: Iterable[str]) -> str:
        """The nearest address in the X-Forwarded-For chain that is not a trusted proxy.

        Read from the right: every proxy appends the address it saw, so only the entries
        our own proxies added can be believed; anything to the left of the first
        untrusted hop may have been written by the client.
        """
        hops = [hop.strip() for header in forwarded_for for hop in header.split(",")]
        hops = [hop for hop in hops if hop]
        for hop in reversed(hops):
            if not self.is_proxy(hop):
                return hop if _address(hop) is not None else peer
        return hops[0] if hops else peer


class ForwardedHeaders:
    """ASGI middleware applying ``ProxyTrust`` to every HTTP and WebSocket request."""

    def __init__(self, app: Any, trust: ProxyTrust) -> None:
        self.app = app
        self.trust = trust

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] in ("http", "websocket") and self.trust.enabled:
            peer = scope.get("client")
            if peer and self.trust.is_proxy(peer[0]):
                self._rewrite(scope, peer)
        await self.app(scope, receive, send)

    def _rewrite(self, scope: dict[str, Any], peer: tuple[str, int]) -> None:
        forwarded_for: list[str] = []
        proto = ""
        for key, value in scope.get("headers", ()):
            if key == b"x-forwarded-for":
                forwarded_for.append(value.decode("latin-1"))
            elif key == b"x-forwarded-proto":
                proto = value.decode("latin-1")
        if forwarded_for:
            scope["client"] = (self.trust.client_from(peer[0], forwarded_for), 0)
        # The proxy nearest to us appends last; its word on the scheme is the one to take.
        scheme = proto.split(",")[-1].strip().lower()
        if scheme in ("http", "https"):
            websocket = scope["type"] == "websocket"
            scope["scheme"] = {"http": "ws", "https": "wss"}[scheme] if websocket else scheme
