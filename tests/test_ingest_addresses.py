"""The address guard as a pure function of resolved addresses: no traffic at all."""

from ipaddress import IPv4Address, IPv4Network, IPv6Address, ip_address

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thirdcountry.domain.errors import BadInput, FetchRefused
from thirdcountry.ingest.addresses import AddressPolicy, parse_networks, refusal

REFUSED = {
    "127.0.0.1": "a loopback address",
    "127.53.0.9": "a loopback address",
    "::1": "a loopback address",
    "10.4.5.6": "a private address",
    "172.16.0.1": "a private address",
    "172.31.255.254": "a private address",
    "192.168.1.20": "a private address",
    "fd12:3456::1": "a private address",
    "169.254.169.254": "a link-local address",  # cloud metadata endpoints live here
    "fe80::1": "a link-local address",
    "224.0.0.251": "a multicast address",
    "ff02::1": "a multicast address",
    "0.0.0.0": "an unspecified address",
    "::": "an unspecified address",
    "100.64.12.1": "a shared (carrier-grade NAT) address",
    "fec0::1": "a site-local address",
    "240.0.0.1": "a private address",  # reserved for future use; Python files it as private
    "192.0.2.10": "a private address",  # documentation range
    "::ffff:127.0.0.1": "a loopback address",  # IPv4-mapped IPv6
    "::ffff:10.0.0.8": "a private address",
    "::ffff:169.254.169.254": "a link-local address",
    "2002:7f00:1::5": "a loopback address",  # 6to4 carrying 127.0.0.1
    "2002:c0a8:101::1": "a private address",  # 6to4 carrying 192.168.1.1
    "64:ff9b::a00:1": "a private address",  # NAT64 carrying 10.0.0.1
    "::127.0.0.1": "a reserved address",  # deprecated IPv4-compatible form
}

PUBLIC = [
    "93.184.215.14",
    "8.8.8.8",
    "151.101.1.69",
    "2606:4700:4700::1111",
    "2a00:1450:4001:81c::200e",
    "::ffff:8.8.4.4",  # mapped public IPv4 reaches exactly that host
    "64:ff9b::808:808",  # NAT64 of a public host
]


@pytest.mark.parametrize(("address", "reason"), sorted(REFUSED.items()))
def test_non_public_addresses_are_refused_with_their_reason(address: str, reason: str) -> None:
    assert refusal(ip_address(address)) == reason


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address: str) -> None:
    assert refusal(ip_address(address)) is None


def test_one_refused_address_refuses_the_whole_host() -> None:
    addresses = [ip_address("93.184.215.14"), ip_address("10.0.0.1")]
    with pytest.raises(FetchRefused, match=r"news\.test \(10\.0\.0\.1\): a private address"):
        AddressPolicy().vet("news.test", addresses)


def test_loopback_is_refused_with_a_hint_at_the_flag() -> None:
    with pytest.raises(FetchRefused, match="loopback address; use --allow-private"):
        AddressPolicy().vet("127.0.0.1", [ip_address("127.0.0.1")])


def test_a_host_without_addresses_is_refused() -> None:
    with pytest.raises(FetchRefused, match="resolves to no address"):
        AddressPolicy().vet("nowhere.test", [])


def test_allow_private_lets_local_addresses_through() -> None:
    policy = AddressPolicy(allow_private=True)
    local = [ip_address(a) for a in ("127.0.0.1", "10.1.1.1", "::1", "fe80::2", "100.64.0.1")]
    assert policy.vet("local.test", local) == local


@pytest.mark.parametrize("address", ["0.0.0.0", "::", "224.0.0.1", "ff05::2"])
def test_unspecified_and_multicast_are_refused_even_when_private_is_allowed(
    address: str,
) -> None:
    with pytest.raises(FetchRefused, match=r"unspecified|multicast"):
        AddressPolicy(allow_private=True).vet("x.test", [ip_address(address)])


def test_allowed_networks_open_exactly_those_networks() -> None:
    policy = AddressPolicy(allow_networks=parse_networks("10.2.0.0/16, fd00:1::/32"))
    assert policy.reason_to_refuse(ip_address("10.2.9.9")) is None
    assert policy.reason_to_refuse(ip_address("fd00:1::5")) is None
    assert policy.reason_to_refuse(ip_address("10.3.0.1")) == "a private address"
    assert policy.reason_to_refuse(ip_address("127.0.0.1")) == "a loopback address"


def test_bad_network_settings_are_named() -> None:
    with pytest.raises(BadInput, match=r"'10\.0\.0\.300/8' is not a network"):
        parse_networks("10.0.0.0/8,10.0.0.300/8")


PRIVATE_V4 = [IPv4Network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")]


@given(st.sampled_from(PRIVATE_V4), st.integers(min_value=0, max_value=2**24 - 1))
def test_every_private_ipv4_address_is_refused_also_when_mapped_to_ipv6(
    network: IPv4Network, offset: int
) -> None:
    address = IPv4Address(int(network.network_address) + offset % network.num_addresses)
    mapped = IPv6Address(f"::ffff:{address}")
    assert refusal(address) == "a private address"
    assert refusal(mapped) == "a private address"


@given(st.integers(min_value=0, max_value=2**24 - 1))
def test_every_loopback_address_is_refused_in_every_spelling(offset: int) -> None:
    address = IPv4Address(int(IPv4Address("127.0.0.0")) + offset)
    nat64 = IPv6Address(int(IPv6Address("64:ff9b::")) + int(address))
    for spelled in (address, IPv6Address(f"::ffff:{address}"), nat64):
        assert refusal(spelled) == "a loopback address"
