//! Who sent a request: the address of the connection's peer or, when the peer is a trusted proxy
//! (the TLS proxy in front of the server), the client the proxy says it forwards. Logins are
//! throttled and event streams shared by this address, so believing any peer's
//! `X-Forwarded-For` would let anyone pick an address, and believing none would put every
//! client behind the proxy under one.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;

/// Where a trusted proxy named its client in a form that is no address.
const UNKNOWN_CLIENT: IpAddr = IpAddr::V4(Ipv4Addr::UNSPECIFIED);

/// The client's address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

/// The network a client address stands for in per-address shares: itself for IPv4, its /64
/// for IPv6 (a home or phone is given a whole /64 and picks addresses in it at will).
pub fn network_of(address: IpAddr) -> IpAddr {
    match address.to_canonical() {
        IpAddr::V6(v6) => IpAddr::V6(Ipv6Addr::from_bits(v6.to_bits() & !((1u128 << 64) - 1))),
        v4 => v4,
    }
}

/// The proxies whose forwarding headers are believed.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Arc<Vec<IpAddr>>);

impl TrustedProxies {
    pub fn new(addresses: Vec<IpAddr>) -> TrustedProxies {
        TrustedProxies(Arc::new(addresses.into_iter().map(|address| address.to_canonical()).collect()))
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.0.contains(&address.to_canonical())
    }

    pub fn addresses(&self) -> Vec<IpAddr> {
        self.0.to_vec()
    }

    /// The client of a request from `peer`: the peer itself, unless it is a trusted proxy; then
    /// the last address of `X-Forwarded-For` that is not a trusted proxy (each proxy appends the
    /// address it heard from: what comes before that was written by the client, and is not
    /// believed). An entry that is no address ends the walk: what stands before it cannot be
    /// told from what a client wrote, so such clients share one unnamed address (never the
    /// proxy's, whose share is the whole).
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = peer.to_canonical();
        if !self.trusts(peer) {
            return peer;
        }
        let forwarded = headers.get_all("x-forwarded-for").iter().map(|value| value.to_str().unwrap_or("")).flat_map(|value| value.split(','));
        let chain: Vec<&str> = forwarded.collect();
        for entry in chain.into_iter().rev() {
            match entry.trim().parse::<IpAddr>() {
                Ok(address) if self.trusts(address) => continue,
                Ok(address) => return address.to_canonical(),
                Err(_) => return UNKNOWN_CLIENT,
            }
        }
        peer
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        // Every connection the server accepts tells its client (see `serve`); a request made
        // without one (a router called directly) counts as its peer, or this machine.
        if let Some(client) = parts.extensions.get::<ClientAddress>() {
            return Ok(*client);
        }
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(peer)| peer.ip());
        Ok(ClientAddress(peer.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forwarded(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", value.parse().unwrap());
        headers
    }

    #[test]
    fn only_a_trusted_proxy_is_believed_and_only_for_what_it_appended() {
        let proxies = TrustedProxies::new(vec!["127.0.0.1".parse().unwrap()]);
        let proxy: IpAddr = "127.0.0.1".parse().unwrap();
        let stranger: IpAddr = "192.0.2.7".parse().unwrap();
        assert_eq!(proxies.client(proxy, &forwarded("198.51.100.4")), "198.51.100.4".parse::<IpAddr>().unwrap());
        // A client that writes its own header: the proxy appended the real address last.
        assert_eq!(proxies.client(proxy, &forwarded("10.9.9.9, 198.51.100.4")), "198.51.100.4".parse::<IpAddr>().unwrap());
        assert_eq!(proxies.client(stranger, &forwarded("10.9.9.9")), stranger, "not from a trusted proxy");
        assert_eq!(proxies.client(proxy, &HeaderMap::new()), proxy, "the proxy itself");
    }

    #[test]
    fn an_entry_that_is_no_address_ends_the_walk() {
        let proxies = TrustedProxies::new(vec!["127.0.0.1".parse().unwrap()]);
        let proxy: IpAddr = "127.0.0.1".parse().unwrap();
        // The client wrote 203.0.113.9; the proxy appended something unreadable after it.
        assert_eq!(proxies.client(proxy, &forwarded("203.0.113.9, unknown")), UNKNOWN_CLIENT);
        assert_eq!(proxies.client(proxy, &forwarded("203.0.113.9, 198.51.100.4:5555")), UNKNOWN_CLIENT);
    }

    #[test]
    fn ipv6_addresses_of_one_64_are_one_network() {
        let a: IpAddr = "2001:db8:1:2::10".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:ffff::1".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::10".parse().unwrap();
        assert_eq!(network_of(a), network_of(b));
        assert_ne!(network_of(a), network_of(other));
        assert_eq!(network_of("198.51.100.4".parse().unwrap()), "198.51.100.4".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn a_mapped_ipv4_address_is_the_same_address() {
        let proxies = TrustedProxies::new(vec!["127.0.0.1".parse().unwrap()]);
        let mapped: IpAddr = "::ffff:127.0.0.1".parse().unwrap();
        assert_eq!(proxies.client(mapped, &forwarded("198.51.100.4")), "198.51.100.4".parse::<IpAddr>().unwrap());
        assert_eq!(proxies.client(mapped, &forwarded("::ffff:198.51.100.4")), "198.51.100.4".parse::<IpAddr>().unwrap());
    }
}
