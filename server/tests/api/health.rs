//! What the residence's monitoring asks: alive, and ready to serve.

use std::time::Duration;

use serde_json::{json, Value};
use sqlx::Connection;

use crate::helpers::{eventually, notice, spawn_app};
use crate::server_binary::{log_in, start_serving};

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

/// Probes that give up while another program holds the write lock must leave nothing behind:
/// once the lock ends the server is ready within a second, and staff saves made then are kept.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn probes_that_give_up_during_a_lock_leave_the_server_sound() {
    let dir = tempfile::tempdir().unwrap();
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(dist.join("gestion")).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html>").unwrap();
    std::fs::write(dist.join("gestion").join("index.html"), "<!doctype html>").unwrap();
    let data = dir.path().join("data");
    let server = start_serving(&data, &dist).await;
    let base = server.address.clone();
    let client = reqwest::Client::new();
    let (cookie, csrf) = log_in(&client, &base).await;

    // Another process takes the write lock for 4 s (less than the server's 5 s busy wait, so
    // each abandoned probe's BEGIN would still succeed after its caller has gone).
    let database = data.join("plantzette.sqlite3");
    let mut holder = std::process::Command::new("python3")
        // On the real clock under `scripts/test --at`: Python's sleep fails under libfaketime.
        .env_remove("LD_PRELOAD")
        .args(["-c", "import sqlite3, sys, time\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\nc.execute('BEGIN IMMEDIATE')\nprint('locked', flush=True)\ntime.sleep(4)\nc.execute('ROLLBACK')"])
        .arg(&database)
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(holder.stdout.as_mut().unwrap()), &mut line).unwrap();
    assert_eq!(line.trim(), "locked");
    let impatient = reqwest::Client::builder().timeout(Duration::from_secs(1)).build().unwrap();
    let probes: Vec<_> = (0..4).map(|_| tokio::spawn(impatient.get(format!("{base}/readyz")).send())).collect();
    for probe in probes {
        assert!(probe.await.unwrap().is_err(), "a probe gives up while the lock is held");
    }
    tokio::task::spawn_blocking(move || holder.wait().unwrap()).await.unwrap();

    eventually("ready again within a second of the lock's end", Duration::from_secs(1), || async {
        (client.get(format!("{base}/readyz")).send().await.unwrap().status() == 200).then_some(())
    })
    .await;
    let mut saved = Vec::new();
    for n in 0..5 {
        let notice = notice(&format!("Avis {n}"));
        let response = client
            .post(format!("{base}/api/v1/staff/announcements"))
            .header("cookie", &cookie)
            .header("x-csrf-token", &csrf)
            .json(&notice)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 201, "a save after the lock: {}", response.text().await.unwrap());
        saved.push(response.json::<Value>().await.unwrap()["id"].as_i64().unwrap());
    }

    drop(server.child);
    let restarted = start_serving(&data, &dist).await;
    let (cookie, _) = log_in(&client, &restarted.address).await;
    let stored: Value =
        client.get(format!("{}/api/v1/staff/announcements", restarted.address)).header("cookie", &cookie).send().await.unwrap().json().await.unwrap();
    let stored: Vec<i64> = stored.as_array().unwrap().iter().map(|item| item["id"].as_i64().unwrap()).collect();
    assert!(saved.iter().all(|id| stored.contains(id)), "saved {saved:?}, kept {stored:?}");
}
