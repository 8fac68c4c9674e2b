//! Backups without anyone remembering: the server takes one when it has none recent (then daily
//! at the set hour), checks it, keeps two weeks of days and two months of weeks, and says when
//! the last was taken; `restore` makes one the database of a new data directory, which then
//! serves the same content.

use std::time::Duration;

use chrono::{Duration as Days, Utc};
use plantzette_content::schedule::residence_time;
use plantzette_server::backup;
use serde_json::Value;

use crate::helpers::{eventually, spawn_app, spawn_app_with, TestApp};
use crate::server_binary::{command, start};

/// Waits until `/readyz` names a recent backup; returns the answer.
async fn readiness_with_a_backup(app: &TestApp) -> Value {
    eventually("a backup after the start", Duration::from_secs(5), || async {
        let readiness: Value = app.get("/readyz").await.json().await.unwrap();
        (readiness["backup_overdue"] == false).then_some(readiness)
    })
    .await
}

fn backups_in(folder: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder).unwrap().map(|entry| entry.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    names
}

#[tokio::test]
async fn a_server_without_a_recent_backup_takes_one_at_once_checked_and_says_so() {
    let app = spawn_app().await;
    let readiness = readiness_with_a_backup(&app).await;
    assert_eq!(readiness["backup_overdue"], false);
    assert!(readiness["last_backup_age_seconds"].as_i64().unwrap() < 10);

    let folder = app.database().with_file_name("backups");
    let names = backups_in(&folder);
    assert_eq!(names.len(), 1, "{names:?}");
    let today = residence_time(Utc::now()).format("plantzette-%Y-%m-%dT").to_string();
    assert!(names[0].starts_with(&today) && names[0].ends_with(".sqlite3"), "named by its residence time: {}", names[0]);
    let verified = backup::verify(&folder.join(&names[0])).await.unwrap();
    assert!(verified.items > 10, "the demo residence is in it: {} items", verified.items);
}

#[tokio::test]
async fn administrators_are_told_when_the_last_backup_was_taken() {
    let app = spawn_app().await;
    readiness_with_a_backup(&app).await;
    assert_eq!(app.get("/api/v1/backups").await.status(), 401, "not without a session");
    let status: Value = app.admin().await.get("/api/v1/backups").await.json().await.unwrap();
    assert_eq!(status["overdue"], false);
    let last = chrono::NaiveDateTime::parse_from_str(status["last"].as_str().unwrap(), "%Y-%m-%dT%H:%M:%S%.f").unwrap();
    assert!((residence_time(Utc::now()) - last).num_seconds().abs() < 60, "residence time: {last}");
}

#[tokio::test]
async fn old_backups_beyond_the_retention_are_deleted() {
    let folder = tempfile::tempdir().unwrap();
    // 120 days of backups, the last of them two days ago: overdue.
    let now = residence_time(Utc::now());
    for days in 2..122 {
        let name = (now - Days::days(days)).format("plantzette-%Y-%m-%dT%H%M%S.sqlite3").to_string();
        std::fs::write(folder.path().join(name), "an old backup").unwrap();
    }
    std::fs::write(folder.path().join("notes.txt"), "not a backup: left alone").unwrap();
    let backup_dir = folder.path().to_path_buf();
    let app = spawn_app_with(move |config| plantzette_server::Config { backup_dir: Some(backup_dir), ..config }).await;
    readiness_with_a_backup(&app).await;

    let names = backups_in(folder.path());
    assert!(names.contains(&"notes.txt".to_string()));
    assert!(names.iter().all(|name| !name.contains(".partial")), "a backup under way is not left: {names:?}");
    let backups: Vec<_> = names.iter().filter(|name| name.starts_with("plantzette-")).collect();
    // Today's, 13 more days, and the older weeks up to 8 in all.
    assert!((14..=21).contains(&backups.len()), "{} kept: {backups:?}", backups.len());
    let eight_weeks_ago = (now - Days::weeks(8)).format("plantzette-%Y-%m-%d").to_string();
    assert!(backups.iter().all(|name| name.as_str() > eight_weeks_ago.as_str()), "nothing older than 8 weeks: {backups:?}");
    let thirteen_days_ago = (now - Days::days(13)).format("plantzette-%Y-%m-%d").to_string();
    assert!(backups.iter().any(|name| name.starts_with(&thirteen_days_ago)), "the last 14 days are kept");
}

#[tokio::test]
async fn a_restored_backup_serves_the_same_content_and_no_database_is_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let server = start(dir.path()).await;
    let client = reqwest::Client::new();
    let before: Value = client.get(format!("{}/api/v1/activities", server.address)).send().await.unwrap().json().await.unwrap();
    drop(server.child);
    let file = dir.path().join("copy.sqlite3");
    let backed_up = command(dir.path(), &["backup", file.to_str().unwrap()], "").await;
    assert!(backed_up.status.success(), "{backed_up:?}");

    // Not over the data it came from.
    let refused = command(dir.path(), &["restore", file.to_str().unwrap()], "").await;
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("holds a database already"), "{refused:?}");
    // Nor from a file that is no backup.
    let fresh = tempfile::tempdir().unwrap();
    let not_a_backup = dir.path().join("notes.txt");
    std::fs::write(&not_a_backup, "not a database").unwrap();
    let refused = command(fresh.path(), &["restore", not_a_backup.to_str().unwrap()], "").await;
    assert!(!refused.status.success() && String::from_utf8_lossy(&refused.stderr).contains("not a backup that can be restored"), "{refused:?}");

    let restored = command(fresh.path(), &["restore", file.to_str().unwrap()], "").await;
    assert!(restored.status.success(), "{restored:?}");
    assert!(String::from_utf8_lossy(&restored.stdout).starts_with("restored "), "{restored:?}");
    let server = start(fresh.path()).await;
    let after: Value = client.get(format!("{}/api/v1/activities", server.address)).send().await.unwrap().json().await.unwrap();
    assert_eq!(after, before, "the same activities");
}

#[tokio::test]
async fn a_backup_folder_that_cannot_be_written_is_reported_and_the_server_serves_on() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the folder should be: as a backup disk that is not mounted, whatever the user.
    let not_a_folder = dir.path().join("backups");
    std::fs::write(&not_a_folder, "not a folder").unwrap();
    let app = spawn_app_with(move |config| plantzette_server::Config { backup_dir: Some(not_a_folder), ..config }).await;
    assert_eq!(app.get("/api/v1/today").await.status(), 200, "the kiosks are served");
    let readiness: Value = app.get("/readyz").await.json().await.unwrap();
    assert_eq!(readiness["backup_overdue"], true);
    assert!(readiness["last_backup"].is_null());
}
