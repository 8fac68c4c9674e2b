//! Who sent a request: the address of the connection's peer or, when the peer is a trusted proxy
//! (the TLS proxy in front of the server), the client the proxy says it forwards. Logins are
//! throttled and event streams shared by this address, so believing any peer's
//! `X-Forwarded-For` would let anyone pick an address, and believing none would put every
//! client behind the proxy under one.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::HeaderMap;

/// The client's address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

/// The proxies whose forwarding headers are believed.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Arc<Vec<IpAddr>>);

impl TrustedProxies {
    pub fn new(addresses: Vec<IpAddr>) -> TrustedProxies {
        TrustedProxies(Arc::new(addresses))
    }

    pub fn addresses(&self) -> Vec<IpAddr> {
        self.0.to_vec()
    }

    /// The client of a request from `peer`: the peer itself, unless it is a trusted proxy; then
    /// the last address of `X-Forwarded-For` that is not a trusted proxy (each proxy appends the
    /// address it heard from: what comes before that was written by the client, and is not
    /// believed).
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        if !self.0.contains(&peer) {
            return peer;
        }
        let forwarded = headers.get_all("x-forwarded-for").iter().filter_map(|value| value.to_str().ok()).flat_map(|value| value.split(','));
        let chain: Vec<IpAddr> = forwarded.filter_map(|address| address.trim().parse().ok()).collect();
        chain.into_iter().rev().find(|address| !self.0.contains(address)).unwrap_or(peer)
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
}
