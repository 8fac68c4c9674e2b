//! The metrics that the residence's monitoring scrapes: on their own address only, in the
//! Prometheus text format, counting what the server answered and how it is doing.

use plantzette_server::Server;

use crate::helpers::{config, eventually, TestApp};
use crate::staff_client::client_from;

#[tokio::test]
async fn metrics_count_answers_writes_streams_and_the_last_backup_on_their_own_address() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("dist")).unwrap();
    let server = Server::build(&plantzette_server::Config { metrics_addr: Some("127.0.0.1:0".parse().unwrap()), ..config(&dir) }).await.unwrap();
    let metrics = format!("http://{}/metrics", server.metrics_addr().unwrap());
    let address = server.local_addr();
    tokio::spawn(server.run());
    let app = TestApp::at(address, dir);

    // Not on the public address.
    assert_eq!(app.get("/metrics").await.status(), 404);

    app.get("/api/v1/today").await;
    app.get("/api/v1/activities/999999").await;
    let _stream = app.get("/api/v1/events").await;
    let staff = app.admin().await;
    let items: serde_json::Value = staff.get("/api/v1/staff/announcements").await.json().await.unwrap();
    let mut announcement = items[0].clone();
    let version = announcement["version"].as_i64().unwrap();
    for key in ["id", "version", "updated_at", "deleted_at"] {
        announcement.as_object_mut().unwrap().remove(key);
    }
    let saved = staff.put(&format!("/api/v1/staff/announcements/{}", items[0]["id"]), version, &announcement).await;
    assert_eq!(saved.status(), 200);

    // The backup taken at start.
    let text = eventually("the backup at start in the metrics", std::time::Duration::from_secs(5), || async {
        let response = client_from("127.0.0.1").get(&metrics).send().await.unwrap();
        assert_eq!(response.status(), 200);
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("application/openmetrics-text"));
        let text = response.text().await.unwrap();
        (!text.contains("plantzette_last_backup_timestamp_seconds 0\n")).then_some(text)
    })
    .await;
    let value = |name: &str| -> f64 {
        text.lines().find_map(|line| line.strip_prefix(name)?.strip_prefix(' ')?.parse().ok()).unwrap_or_else(|| panic!("{name} in {text}"))
    };
    assert!(value("plantzette_http_requests_total{status=\"2xx\"}") >= 3.0);
    assert!(value("plantzette_http_requests_total{status=\"4xx\"}") >= 1.0, "the 404s");
    assert_eq!(value("plantzette_staff_write_seconds_count"), 1.0, "the announcement saved");
    assert_eq!(value("plantzette_event_streams"), 1.0);
    let backup = value("plantzette_last_backup_timestamp_seconds");
    assert!((chrono::Utc::now().timestamp() as f64 - backup).abs() < 60.0, "the backup at start: {backup}");
    assert_eq!(value("plantzette_backup_failures"), 0.0);
    assert!(text.contains(&format!("plantzette_build_info{{server=\"{}\"", env!("CARGO_PKG_VERSION"))), "{text}");
}
