//! Who sent a request: the address of the connection's peer, to throttle logins and to share
//! event streams fairly.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

/// The client's address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        // Every connection the server accepts carries its peer (see `serve`); a request made
        // without one (a router called directly) counts as this machine.
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(peer)| peer.ip());
        Ok(ClientAddress(peer.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))))
    }
}
