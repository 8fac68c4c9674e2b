//! Which release runs, and which build of the app it serves: for the administrator and for the
//! screens, which switch to a new build when the server serves one.

use std::time::Duration;

use serde_json::Value;

use crate::helpers::{spawn_app, BUILD};

#[tokio::test]
async fn the_version_names_the_server_and_the_app_build_it_serves() {
    let app = spawn_app().await;
    let version: Value = app.get_json("/api/v1/version").await;
    assert_eq!(version["server"], env!("CARGO_PKG_VERSION"));
    assert!(version["commit"].as_str().is_some_and(|commit| !commit.is_empty()));
    assert_eq!(version["app_build"], BUILD);

    // A new build deployed under the running server is the one named.
    let index = app.dist().join("index.html");
    let rebuilt = std::fs::read_to_string(&index).unwrap().replace(BUILD, "fedcba9876543210");
    std::fs::write(&index, rebuilt).unwrap();
    // Written a moment later, as a deploy is: the server tells a new build by the file's time,
    // which a write within the same clock tick would not move.
    let later = std::time::SystemTime::now() + Duration::from_secs(1);
    std::fs::File::options().write(true).open(&index).unwrap().set_modified(later).unwrap();
    // Within the read cache's minute at most; the stream below says it at once.
    let mut stream = app.get("/api/v1/events").await;
    let chunk = tokio::time::timeout(Duration::from_secs(5), stream.chunk()).await.unwrap().unwrap().unwrap();
    let first = std::str::from_utf8(&chunk).unwrap();
    assert!(first.starts_with("event: build\ndata: fedcba9876543210\n"), "the stream names the build first: {first:?}");
}
