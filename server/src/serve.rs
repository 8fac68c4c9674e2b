//! Accepting connections, with the limits a server on a residence's network needs and axum's own
//! `serve` does not set: a connection must send its request's headers within a few seconds
//! (idle keep-alive connections included), and connections are capped in all and per client
//! address, so that a few hundred half-open or drip-fed connections cannot hold the server.
//! Stops gracefully: requests under way finish, for at most `GRACE`.

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::http::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tower::ServiceExt;

use crate::client::{ClientAddress, TrustedProxies};
use crate::quota::Quota;

/// How long requests under way may take to finish once the server is asked to stop.
const GRACE: Duration = Duration::from_secs(10);

pub struct Limits {
    /// Connections held open at once, in all and per address (a trusted proxy's share is all).
    pub connections: Quota,
    /// The time a connection has to send a request's headers, and to start its next request.
    pub header_timeout: Duration,
    /// Whose `X-Forwarded-For` tells the client's address.
    pub proxies: TrustedProxies,
}

/// Serves `router` on `listener` until `stop` completes.
pub async fn serve(listener: TcpListener, router: Router, limits: Limits, stop: impl Future<Output = ()>) {
    let graceful = GracefulShutdown::new();
    let mut stop = std::pin::pin!(stop);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors, say: wait a little rather than spin.
                    tracing::warn!(%error, "could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let Some(slot) = limits.connections.admit(peer.ip()) else {
            tracing::debug!(%peer, "connection refused: too many open");
            continue;
        };
        let _ = stream.set_nodelay(true);
        let (router, proxies) = (router.clone(), limits.proxies.clone());
        let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
            // Handlers learn the peer as axum's `serve` would tell them, and the client.
            let client = ClientAddress(proxies.client(peer.ip(), request.headers()));
            request.extensions_mut().insert(client);
            request.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
            router.clone().oneshot(request)
        });
        let connection =
            http1::Builder::new().timer(TokioTimer::new()).header_read_timeout(limits.header_timeout).serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    if tokio::time::timeout(GRACE, graceful.shutdown()).await.is_err() {
        tracing::warn!("requests still under way after {GRACE:?}: stopping anyway");
    }
}
