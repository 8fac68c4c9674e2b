//! What the residence's monitoring asks: alive, and ready to serve.

use serde_json::{json, Value};
use sqlx::Connection;

use crate::helpers::spawn_app;

#[tokio::test]
async fn alive_and_ready_once_both_apps_are_there() {
    let app = spawn_app().await;
    assert_eq!(app.get("/healthz").await.status(), 200);

    // The fixture builds the kiosk app only: not ready, and the answer says why.
    let without_editor = app.get("/readyz").await;
    assert_eq!(without_editor.status(), 503);
    let body: Value = without_editor.json().await.unwrap();
    assert_eq!((&body["database_writable"], &body["migrations_applied"], &body["apps_present"]), (&json!(true), &json!(true), &json!(false)));

    std::fs::create_dir_all(app.dist().join("gestion")).unwrap();
    std::fs::write(app.dist().join("gestion").join("index.html"), "<!doctype html>").unwrap();
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status(), 200);
    assert_eq!(ready.json::<Value>().await.unwrap()["apps_present"], true);
}

#[tokio::test]
async fn a_database_that_takes_no_writes_is_not_ready() {
    let app = spawn_app().await;
    std::fs::create_dir_all(app.dist().join("gestion")).unwrap();
    std::fs::write(app.dist().join("gestion").join("index.html"), "<!doctype html>").unwrap();
    // Another program holds the write lock, as a stuck backup tool would.
    let mut other = sqlx::SqliteConnection::connect(&format!("sqlite://{}", app.database().display())).await.unwrap();
    sqlx::query("BEGIN EXCLUSIVE").execute(&mut other).await.unwrap();
    let response = app.get("/readyz").await;
    assert_eq!(response.status(), 503);
    assert_eq!(response.json::<Value>().await.unwrap()["database_writable"], false);
    sqlx::query("ROLLBACK").execute(&mut other).await.unwrap();
}
