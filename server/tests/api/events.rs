//! Open screens hear of every content change through Server-Sent Events.

use std::time::Duration;

use sqlx::{Connection, SqliteConnection};

use crate::helpers::{spawn_app, TestApp};

/// Reads the event stream until an event carries a version other than `not`; returns it.
pub(crate) async fn next_version(response: &mut reqwest::Response, not: Option<i64>) -> i64 {
    let mut buffer = String::new();
    loop {
        let chunk = tokio::time::timeout(Duration::from_secs(5), response.chunk())
            .await
            .expect("an event within 5 s")
            .unwrap()
            .expect("the stream stays open");
        buffer.push_str(std::str::from_utf8(&chunk).unwrap());
        let versions: Vec<i64> = buffer
            .split("\n\n")
            .filter(|event| event.contains("event: content"))
            .filter_map(|event| event.lines().find_map(|line| line.strip_prefix("data: ")).and_then(|v| v.parse().ok()))
            .collect();
        if let Some(version) = versions.into_iter().find(|v| Some(*v) != not) {
            return version;
        }
    }
}

pub(crate) async fn open_stream(app: &TestApp) -> reqwest::Response {
    let response = app.get("/api/v1/events").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "text/event-stream");
    response
}

#[tokio::test]
async fn a_write_by_any_program_is_announced_within_seconds() {
    let app = spawn_app().await;
    let mut stream = open_stream(&app).await;
    let before = next_version(&mut stream, None).await;

    let mut db = SqliteConnection::connect(&format!("sqlite://{}", app.database().display())).await.unwrap();
    sqlx::query("UPDATE activities SET body = json_set(body, '$.title.fr', 'Loto géant') WHERE id = 1").execute(&mut db).await.unwrap();

    let after = next_version(&mut stream, Some(before)).await;
    assert!(after > before, "{after} follows {before}");
}

#[tokio::test]
async fn the_stream_is_not_buffered_for_an_etag_or_compressed() {
    let app = spawn_app().await;
    let response = app.client.get(app.url("/api/v1/events")).header("accept-encoding", "br, gzip").send().await.unwrap();
    assert!(response.headers().get("etag").is_none());
    assert!(response.headers().get("content-encoding").is_none(), "compression would hold events back");
    let mut response = response;
    next_version(&mut response, None).await;
}
