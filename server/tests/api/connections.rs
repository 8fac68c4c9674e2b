//! Connections that never finish their request: a server on a residence's network must not be
//! held by a few hundred half-open, drip-fed or idle connections, nor by too many event streams.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

use crate::helpers::{config, eventually, start};
use crate::staff_client::client_from;

/// A server whose connections must send their headers within a second.
async fn strict_server(dir: &tempfile::TempDir) -> SocketAddr {
    start(plantzette_server::Config { header_timeout_secs: 1, max_connections_per_address: 128, max_event_streams_per_address: 2, ..config(dir) })
        .await
}

async fn connect_from(from: &str, to: SocketAddr) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket.bind(format!("{from}:0").parse().unwrap()).unwrap();
    socket.connect(to).await.unwrap()
}

/// Whether the server has closed `stream` (read gives end of file or a reset) within `wait`.
async fn closed_within(stream: &mut TcpStream, wait: Duration) -> bool {
    let mut buffer = [0u8; 4096];
    let deadline = Instant::now() + wait;
    loop {
        match tokio::time::timeout_at(deadline.into(), stream.read(&mut buffer)).await {
            Err(_) => return false,
            Ok(Ok(0) | Err(_)) => return true,
            // A response (a 408, say) before the close: keep reading.
            Ok(Ok(_)) => continue,
        }
    }
}

#[tokio::test]
async fn drip_fed_connections_are_closed_and_others_are_served_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let address = strict_server(&dir).await;
    let mut slow = Vec::new();
    for _ in 0..200 {
        let mut stream = connect_from("127.0.0.2", address).await;
        let _ = stream.write_all(b"GET /api/v1/today HTTP/1.1\r\nHost: plantzette\r\n").await;
        slow.push(stream);
    }
    // One more header byte every 200 ms: never the blank line that ends the headers.
    let started = Instant::now();
    let drip = tokio::spawn(async move {
        let mut open = slow;
        while started.elapsed() < Duration::from_secs(4) {
            for stream in &mut open {
                let _ = stream.write_all(b"X").await;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        open
    });

    let visitor = client_from("127.0.0.3");
    let answered = Instant::now();
    let response = visitor.get(format!("http://{address}/api/v1/today")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(answered.elapsed() < Duration::from_secs(1), "a visitor waited {:?} behind the slow connections", answered.elapsed());

    let mut slow = drip.await.unwrap();
    let mut still_open = 0;
    for stream in &mut slow {
        if !closed_within(stream, Duration::from_millis(100)).await {
            still_open += 1;
        }
    }
    assert_eq!(still_open, 0, "drip-fed connections still open after 4 s with a 1 s header timeout");
}

#[tokio::test]
async fn an_idle_connection_is_closed_after_the_header_timeout() {
    let dir = tempfile::tempdir().unwrap();
    let address = strict_server(&dir).await;
    let mut silent = connect_from("127.0.0.2", address).await;
    assert!(closed_within(&mut silent, Duration::from_secs(3)).await, "a connection that never sent a byte");

    let mut kept_alive = connect_from("127.0.0.2", address).await;
    kept_alive.write_all(b"GET /api/v1/residence HTTP/1.1\r\nHost: plantzette\r\n\r\n").await.unwrap();
    let mut first = [0u8; 12];
    kept_alive.read_exact(&mut first).await.unwrap();
    assert_eq!(&first, b"HTTP/1.1 200");
    assert!(closed_within(&mut kept_alive, Duration::from_secs(3)).await, "an idle keep-alive connection");
}

#[tokio::test]
async fn event_streams_beyond_an_address_s_share_are_told_to_come_back_later() {
    let dir = tempfile::tempdir().unwrap();
    let address = strict_server(&dir).await;
    let screen = client_from("127.0.0.2");
    let url = format!("http://{address}/api/v1/events");
    let mut held = Vec::new();
    for _ in 0..2 {
        let stream = screen.get(&url).send().await.unwrap();
        assert_eq!(stream.status(), 200);
        held.push(stream);
    }
    let refused = screen.get(&url).send().await.unwrap();
    assert_eq!(refused.status(), 503);
    assert!(refused.headers()["retry-after"].to_str().unwrap().parse::<u64>().unwrap() > 0);
    assert_eq!(refused.headers()["content-type"], "application/json");

    let other_screen = client_from("127.0.0.3");
    assert_eq!(other_screen.get(&url).send().await.unwrap().status(), 200, "another address has its own share");
    drop(held);
    eventually("a closed stream gives its slot back", Duration::from_secs(2), || async {
        let answer = screen.get(&url).send().await.unwrap();
        (answer.status() == 200).then_some(answer)
    })
    .await;
}
