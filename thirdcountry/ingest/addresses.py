"""The address guard: which resolved addresses the fetcher may connect to.

A fetch that runs on a server must not become a way into that server's network. Every
host name is resolved by us, every resolved address is judged here, and the connection
is then made to an address that passed (see ``fetch.GuardedBackend``), so what was
checked is what is connected to. The checks are pure functions of the addresses, so they
are tested without any traffic.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from ipaddress import (
    IPv4Address,
    IPv4Network,
    IPv6Address,
    IPv6Network,
    ip_address,
    ip_network,
)

from thirdcountry.domain.errors import BadInput, FetchRefused

IPAddress = IPv4Address | IPv6Address
IPNetwork = IPv4Network | IPv6Network
Resolver = Callable[[str, int], Sequence[IPAddress]]

# Ranges whose addresses carry an IPv4 address inside them; such an address reaches that
# IPv4 host (through a translator), so it is judged by the IPv4 address it carries.
_NAT64 = (ip_network("64:ff9b::/96"), ip_network("64:ff9b:1::/48"))
_SHARED = ip_network("100.64.0.0/10")  # carrier-grade NAT, RFC 6598

# Never reachable over HTTP whatever the flags: there is no web server "at" them.
_NEVER = frozenset({"an unspecified address", "a multicast address"})


def _embedded_ipv4(address: IPv6Address) -> IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if any(address in network for network in _NAT64):
        return IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def refusal(address: IPAddress) -> str | None:
    """Why the fetcher must not connect to ``address`` (a phrase), or None if it is public."""
    if isinstance(address, IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            inner = refusal(embedded)
            if inner is not None:
                return inner
            if address.ipv4_mapped is not None or any(address in n for n in _NAT64):
                return None  # these reach exactly the (public) IPv4 host they carry
    if address.is_unspecified:
        return "an unspecified address"
    if address.is_loopback:
        return "a loopback address"
    if address.is_link_local:
        return "a link-local address"
    if address.is_multicast:
        return "a multicast address"
    if isinstance(address, IPv6Address) and address.is_site_local:
        return "a site-local address"
    if isinstance(address, IPv4Address) and address in _SHARED:
        return "a shared (carrier-grade NAT) address"
    if address.is_private:
        return "a private address"
    if address.is_reserved:
        return "a reserved address"
    if not address.is_global:
        return "not a public address"
    return None


def parse_networks(raw: str | Iterable[str]) -> tuple[IPNetwork, ...]:
    """Networks from a comma-separated setting (``10.2.0.0/16, fd00::/8``)."""
    items = raw.split(",") if isinstance(raw, str) else list(raw)
    networks = []
    for item in (i.strip() for i in items):
        if not item:
            continue
        try:
            networks.append(ip_network(item, strict=False))
        except ValueError:
            raise BadInput(f"fetch_allow_networks: {item!r} is not a network (CIDR)") from None
    return tuple(networks)


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Which addresses a fetch may connect to.

    Public addresses always; loopback, private, link-local, shared and reserved ones only
    with ``allow_private`` or when inside one of ``allow_networks``. Unspecified and
    multicast addresses never.
    """

    allow_private: bool = False
    allow_networks: tuple[IPNetwork, ...] = ()

    def reason_to_refuse(self, address: IPAddress) -> str | None:
        why = refusal(address)
        if why is None or why in _NEVER:
            return why
        if self.allow_private:
            return None
        if any(address.version == n.version and address in n for n in self.allow_networks):
            return None
        return why

    def vet(self, host: str, addresses: Sequence[IPAddress]) -> list[IPAddress]:
        """The addresses to connect to, or FetchRefused when any of them is refused.

        One refused address refuses the host: a name that resolves to both a public and a
        private address is either misconfigured or an attempt to slip past the guard.
        """
        if not addresses:
            raise FetchRefused(f"{host} resolves to no address")
        for address in addresses:
            why = self.reason_to_refuse(address)
            if why is not None:
                shown = host if host == str(address) else f"{host} ({address})"
                hint = "" if why in _NEVER else "; use --allow-private for local sources"
                raise FetchRefused(f"refused to connect to {shown}: {why}{hint}")
        return list(addresses)


def system_resolver(host: str, port: int) -> list[IPAddress]:
    """Every address the system resolver gives for ``host``, in its order, without repeats.

    Raises OSError (socket.gaierror) when the name does not resolve.
    """
    found: list[IPAddress] = []
    for _family, _type, _proto, _canon, sockaddr in socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM
    ):
        address = ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in found:
            found.append(address)
    return found
