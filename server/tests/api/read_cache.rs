//! Public answers are kept in memory between changes: a change must still be read at once.

use std::time::Duration;

use serde_json::Value;
use sqlx::{Connection, SqliteConnection};

use crate::helpers::{eventually, spawn_app};

#[tokio::test]
async fn a_staff_change_is_in_the_very_next_public_read() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let stored: Value = admin.get("/api/v1/staff/pages").await.json().await.unwrap();
    let page = stored[0].clone();
    let public_path = format!("/api/v1/pages/{}", page["slug"].as_str().unwrap());
    let before: Value = app.get_json(&public_path).await;
    assert_eq!(before["title"], page["title"], "read once, and kept");

    let mut changed = page.clone();
    for key in ["id", "version", "updated_at", "deleted_at"] {
        changed.as_object_mut().unwrap().remove(key);
    }
    changed["title"]["fr"] = "Visites et horaires d'hiver".into();
    let saved = admin.put(&format!("/api/v1/staff/pages/{}", page["id"]), page["version"].as_i64().unwrap(), &changed).await;
    assert_eq!(saved.status(), 200);

    let after: Value = app.get_json(&public_path).await;
    assert_eq!(after["title"]["fr"], "Visites et horaires d'hiver");
}

#[tokio::test]
async fn a_change_written_beside_the_server_is_read_within_a_second() {
    let app = spawn_app().await;
    let before = app.get("/api/v1/activities").await.text().await.unwrap();
    assert!(!before.contains("Loto géant"));

    let mut db = SqliteConnection::connect(&format!("sqlite://{}", app.database().display())).await.unwrap();
    sqlx::query("UPDATE activities SET body = json_set(body, '$.title.fr', 'Loto géant') WHERE id = 1").execute(&mut db).await.unwrap();

    eventually("the change in the kept list", Duration::from_secs(1), || async {
        app.get("/api/v1/activities").await.text().await.unwrap().contains("Loto géant").then_some(())
    })
    .await;
}

#[tokio::test]
async fn staff_answers_are_never_kept() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let signed_in: Value = admin.get("/api/v1/session").await.json().await.unwrap();
    assert!(signed_in.is_object(), "{signed_in}");
    assert!(admin.request(reqwest::Method::DELETE, "/api/v1/session").send().await.unwrap().status().is_success());
    let signed_out: Value = admin.get("/api/v1/session").await.json().await.unwrap();
    assert!(signed_out.is_null(), "the session answer was kept: {signed_out}");
}

/// Only a committed write empties the kept answers: a refused request changes nothing, so it
/// must not make every screen's next read a computation (a cheap way to load the server).
#[tokio::test]
async fn a_refused_write_does_not_empty_the_kept_answers() {
    let app = spawn_app().await;
    let mut db = SqliteConnection::connect(&format!("sqlite://{}", app.database().display())).await.unwrap();
    // The kept answers last a minute at most: if one turns while the test runs, run it again.
    for _ in 0..3 {
        let minute = chrono::Utc::now().timestamp() / 60;
        let kept = app.get("/api/v1/activities").await.text().await.unwrap();
        // A change that leaves the content version alone, as no real write does: only a read
        // that bypasses the kept answer can see it.
        // The write lock first: a read-then-write transaction begun as a reader fails at once
        // ("database is locked") if the server commits in between (its backup, its tidying).
        let mut hidden = db.begin_with("BEGIN IMMEDIATE").await.unwrap();
        let version: String = sqlx::query_scalar("SELECT value FROM meta WHERE key = 'content_version'").fetch_one(&mut *hidden).await.unwrap();
        sqlx::query("UPDATE activities SET body = json_set(body, '$.title.fr', 'Loto caché') WHERE id = 1").execute(&mut *hidden).await.unwrap();
        sqlx::query("UPDATE meta SET value = ? WHERE key = 'content_version'").bind(version).execute(&mut *hidden).await.unwrap();
        hidden.commit().await.unwrap();

        let anonymous_write = app.client.post(app.url("/api/v1/staff/activities")).json(&serde_json::json!({})).send().await.unwrap();
        assert_eq!(anonymous_write.status(), 401);
        let unknown = app.client.delete(app.url("/api/v1/nothing")).send().await.unwrap();
        assert_eq!(unknown.status(), 404);
        let after = app.get("/api/v1/activities").await.text().await.unwrap();
        if chrono::Utc::now().timestamp() / 60 != minute {
            sqlx::query("UPDATE activities SET body = json_set(body, '$.title.fr', 'Loto') WHERE id = 1").execute(&mut db).await.unwrap();
            continue;
        }
        assert_eq!(after, kept, "a refused request emptied the kept answers");
        // And the hidden change is one the list shows, once the version moves.
        sqlx::query("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'content_version'").execute(&mut db).await.unwrap();
        eventually("the hidden change shown once the version moved", Duration::from_secs(2), || async {
            app.get("/api/v1/activities").await.text().await.unwrap().contains("Loto caché").then_some(())
        })
        .await;
        return;
    }
    panic!("the minute turned during each of three tries");
}
