//! Bad requests get a 400 with a JSON message; a port in use or an unusable data directory stops
//! the server with a sentence, not a panic; content survives a restart.

use plantzette_content::{Item, Residence};
use plantzette_server::Server;
use sqlx::{Connection, SqliteConnection};

use crate::helpers::{config, spawn_app, start};

#[tokio::test]
async fn malformed_dates_are_a_400_that_names_the_field() {
    let app = spawn_app().await;
    let message = app.get_error("/api/v1/activities?from=2026-13-01", 400).await;
    assert!(message.contains("from"), "{message}");
    let message = app.get_error("/api/v1/menus?from=2026-11-01&to=tomorrow", 400).await;
    assert!(message.contains("to"), "{message}");
    app.get_error("/api/v1/today?date=24.11.2026", 400).await;
}

#[tokio::test]
async fn a_reversed_range_is_a_400() {
    let app = spawn_app().await;
    let message = app.get_error("/api/v1/announcements?from=2026-12-10&to=2026-12-01", 400).await;
    assert!(message.contains("comes after"), "{message}");
}

#[tokio::test]
async fn a_range_of_years_is_refused() {
    let app = spawn_app().await;
    app.get_error("/api/v1/activities?from=2020-01-01&to=2026-01-01", 400).await;
}

#[tokio::test]
async fn an_unknown_endpoint_is_a_json_404() {
    let app = spawn_app().await;
    app.get_error("/api/v1/residents", 404).await;
}

#[tokio::test]
async fn a_port_in_use_is_reported_with_what_to_do() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().unwrap();
    let mut taken = config(&dir);
    taken.addr = app.address;
    let error = Server::build(&taken).await.err().expect("the port is taken");
    let message = format!("{error:#}");
    assert!(message.contains(&app.address.to_string()) && message.contains("--addr"), "{message}");
}

#[tokio::test]
async fn an_unusable_data_directory_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let mut config = config(&dir);
    // A file where the directory should be: root may write anywhere, but not into a file.
    std::fs::write(dir.path().join("blocked"), "not a directory").unwrap();
    config.data_dir = dir.path().join("blocked");
    let error = Server::build(&config).await.err().expect("the data directory is unusable");
    assert!(format!("{error:#}").contains("data directory"), "{error:#}");
}

#[tokio::test]
async fn content_lives_in_the_data_directory_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let first = start(config(&dir)).await;
    let url = |address| format!("http://{address}/api/v1/residence");
    let before: Item<Residence> = reqwest::get(url(first)).await.unwrap().json().await.unwrap();
    let database = dir.path().join("data/plantzette.sqlite3");
    let mut connection = SqliteConnection::connect(&format!("sqlite://{}", database.display())).await.unwrap();
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&mut connection).await.unwrap();
    assert_eq!(journal, "wal", "the database is written ahead, so a crash loses no committed write");

    let mut without_demo = config(&dir);
    without_demo.demo = false;
    let second = start(without_demo).await;
    let after: Item<Residence> = reqwest::get(url(second)).await.unwrap().json().await.unwrap();
    assert_eq!(before, after);
}
