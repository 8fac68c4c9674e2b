//! The real server binary: killed with SIGKILL in the middle of a burst of writes, every write it
//! acknowledged is there after a restart, the database passes its integrity check, and neither
//! run wrote a password or its hash to its log; and its administrator's commands (the first
//! account, a backup, export and import to another data directory).

use std::path::Path;
use std::process::Stdio;
use std::sync::{Arc, Mutex};

use plantzette_server::backup;
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, BufReader};
use tokio::process::{Child, Command};
use tokio::task::JoinHandle;

use crate::helpers::notice;
use crate::staff_client::{DEMO_LOGIN, DEMO_PASSWORD};

/// A running server binary, its address, and its log as read so far (read all along, so that
/// a full pipe never stalls it).
pub(crate) struct Running {
    pub child: Child,
    pub address: String,
    log: JoinHandle<String>,
}

/// Starts the binary on `data_dir`, without the apps, and waits until it listens.
pub(crate) async fn start(data_dir: &Path) -> Running {
    start_serving(data_dir, Path::new("no-app-here")).await
}

/// Starts the binary on `data_dir`, serving the apps in `dist_dir`, and waits until it listens.
pub(crate) async fn start_serving(data_dir: &Path, dist_dir: &Path) -> Running {
    let mut child = Command::new(env!("CARGO_BIN_EXE_plantzette-server"))
        .args(["--demo", "--addr", "127.0.0.1:0", "--dist-dir"])
        .arg(dist_dir)
        .arg("--data-dir")
        .arg(data_dir)
        .env("RUST_LOG", "debug")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("the server binary starts");
    let mut stderr = child.stderr.take().unwrap();
    let log = tokio::spawn(async move {
        let mut log = String::new();
        let _ = stderr.read_to_string(&mut log).await;
        log
    });
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    while let Some(line) = lines.next_line().await.unwrap() {
        if let Some(address) = line.strip_prefix("Plantzette is serving on ") {
            return Running { child, address: address.trim_end_matches('/').to_string(), log };
        }
    }
    panic!("the server stopped before listening");
}

pub(crate) async fn log_in(client: &reqwest::Client, base: &str) -> (String, String) {
    let response =
        client.post(format!("{base}/api/v1/session")).json(&json!({ "login": DEMO_LOGIN, "password": DEMO_PASSWORD })).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let cookie = response.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
    let info: Value = response.json().await.unwrap();
    (cookie, info["csrf_token"].as_str().unwrap().to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_write_survives_a_kill_9_and_the_database_stays_sound() {
    let dir = tempfile::tempdir().unwrap();
    let Running { child: mut server, address: base, log } = start(dir.path()).await;
    let client = reqwest::Client::new();
    let (cookie, csrf) = log_in(&client, &base).await;

    let acknowledged = Arc::new(Mutex::new(Vec::<i64>::new()));
    let writers: Vec<_> = (0..8)
        .map(|writer| {
            let (client, base, cookie, csrf, acknowledged) = (client.clone(), base.clone(), cookie.clone(), csrf.clone(), acknowledged.clone());
            tokio::spawn(async move {
                for n in 0.. {
                    let notice = notice(&format!("Avis {writer}-{n}"));
                    let sent = client
                        .post(format!("{base}/api/v1/staff/announcements"))
                        .header("cookie", &cookie)
                        .header("x-csrf-token", &csrf)
                        .json(&notice)
                        .send()
                        .await;
                    // Once the server is killed, requests fail: that writer's burst is over.
                    let Ok(response) = sent else { return None };
                    if response.status() != 201 {
                        return Some(format!("{}: {}", response.status(), response.text().await.unwrap_or_default()));
                    }
                    let Ok(item) = response.json::<Value>().await else { return None };
                    acknowledged.lock().unwrap().push(item["id"].as_i64().unwrap());
                }
                None
            })
        })
        .collect();
    while acknowledged.lock().unwrap().len() < 150 && !writers.iter().all(|w| w.is_finished()) {
        tokio::task::yield_now().await;
    }
    server.start_kill().unwrap();
    server.wait().await.unwrap();
    for writer in writers {
        assert_eq!(writer.await.unwrap(), None, "a write refused before the kill");
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    let first_log = log.await.unwrap();

    let database = dir.path().join("plantzette.sqlite3");
    backup::verify(&database).await.expect("the database passes its integrity check after the kill");
    let restarted = start(dir.path()).await;
    let base = restarted.address.clone();
    let (cookie, _) = log_in(&client, &base).await;
    let stored: Value =
        client.get(format!("{base}/api/v1/staff/announcements")).header("cookie", &cookie).send().await.unwrap().json().await.unwrap();
    let stored: Vec<i64> = stored.as_array().unwrap().iter().map(|item| item["id"].as_i64().unwrap()).collect();
    let lost: Vec<_> = acknowledged.iter().filter(|id| !stored.contains(id)).collect();
    assert!(lost.is_empty(), "{} of {} acknowledged writes lost: {lost:?}", lost.len(), acknowledged.len());

    drop(restarted.child);
    for log in [first_log, restarted.log.await.unwrap()] {
        assert!(log.contains("logged in"), "the log is captured: {log}");
        assert!(!log.contains("argon2") && !log.contains(DEMO_PASSWORD), "a password or its hash in the log");
    }
}

/// Runs one of the binary's administrator commands on `data_dir`, with `input` on its standard input.
pub(crate) async fn command(data_dir: &Path, args: &[&str], input: &str) -> std::process::Output {
    use tokio::io::AsyncWriteExt;
    let mut child = Command::new(env!("CARGO_BIN_EXE_plantzette-server"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).await.unwrap();
    child.wait_with_output().await.unwrap()
}

#[tokio::test]
async fn the_first_administrator_backups_and_a_move_are_server_commands() {
    let dir = tempfile::tempdir().unwrap();
    // Pointed at a data directory without a database (a mistyped --data-dir), every command
    // says so, and makes none.
    let without: [&[&str]; 4] =
        [&["user", "add", "anna.rey", "--name", "Anna Rey", "--admin"], &["backup", "copy.sqlite3"], &["export"], &["import", "export.json"]];
    for args in without {
        let refused = command(dir.path(), args, "direction-2026\n").await;
        assert!(!refused.status.success(), "{args:?}: {refused:?}");
        assert!(String::from_utf8_lossy(&refused.stderr).contains("no database at"), "{args:?}: {refused:?}");
    }
    assert!(!dir.path().join("plantzette.sqlite3").exists(), "no database made by a command");
    // The service's first start makes it; the first administrator is added after.
    drop(start(dir.path()).await.child);
    let short = command(dir.path(), &["user", "add", "anna.rey", "--name", "Anna Rey", "--admin"], "court\n").await;
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("password: Too short: at least 12 characters."), "{short:?}");
    let added = command(dir.path(), &["user", "add", "anna.rey", "--name", "Anna Rey", "--admin"], "direction-2026\n").await;
    assert!(added.status.success(), "{added:?}");
    assert_eq!(String::from_utf8_lossy(&added.stdout).trim(), "added anna.rey (admin)");

    // The new administrator logs in to a server on that data (with the demo content to move).
    let server = start(dir.path()).await;
    let client = reqwest::Client::new();
    let response = client
        .post(format!("{}/api/v1/session", server.address))
        .json(&json!({ "login": "anna.rey", "password": "direction-2026" }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    drop(server.child);

    let backup = dir.path().join("copy.sqlite3");
    let backed_up = command(dir.path(), &["backup", backup.to_str().unwrap()], "").await;
    assert!(backed_up.status.success() && String::from_utf8_lossy(&backed_up.stdout).contains("checked"), "{backed_up:?}");
    assert_eq!(mode(&backup) & 0o077, 0, "a backup holds personal data: its owner's only");
    let export = command(dir.path(), &["export"], "").await;
    let exported: Value = serde_json::from_slice(&export.stdout).expect("standard output is the export alone, logs aside");
    assert_eq!(exported["format"], "plantzette-export/1");

    let elsewhere = tempfile::tempdir().unwrap();
    let file = elsewhere.path().join("plantzette.json");
    std::fs::write(&file, &export.stdout).unwrap();
    // The new server's service has started once (its database made), then stopped.
    drop(start(elsewhere.path()).await.child);
    let imported = command(elsewhere.path(), &["import", file.to_str().unwrap()], "").await;
    assert!(imported.status.success(), "{imported:?}");
    let before_import = std::fs::read_dir(elsewhere.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .find(|path| path.file_name().unwrap().to_string_lossy().starts_with("before-import-"));
    assert_eq!(mode(&before_import.expect("the content before the import, kept")) & 0o077, 0, "its owner's only");
    let again = command(elsewhere.path(), &["export"], "").await;
    let again: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(again["activities"], exported["activities"]);
    assert_eq!(again["menus"], exported["menus"]);
}

/// A file's permission bits.
fn mode(file: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(file).unwrap().permissions().mode()
}

/// The same for sign-ups from the public: every sign-up answered 201 is there after a kill -9,
/// its private link working.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_sign_up_survives_a_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let Running { child: mut server, address: base, .. } = start(dir.path()).await;
    let programmes: Value = reqwest::get(format!("{base}/api/v1/programmes")).await.unwrap().json().await.unwrap();
    let soon = (plantzette_content::schedule::residence_now() + chrono::Duration::hours(1)).format("%Y-%m-%dT%H:%M").to_string();
    let (id, starts) = programmes["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| {
            let with_places = p["sessions"].as_array().unwrap().iter().filter(|s| s["places"].is_object());
            with_places.map(move |s| (p["id"].as_i64().unwrap(), s["starts_at"].as_str().unwrap()[..16].to_string()))
        })
        .filter(|(_, starts)| *starts > soon)
        .min_by(|a, b| a.1.cmp(&b.1))
        .unwrap();
    let url = format!("{base}/api/v1/sign-ups/programmes/{id}/{starts}");

    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    // Each writer from an address of its own (the whole of 127.0.0.0/8 is this machine).
    let writers: Vec<_> = (0..8)
        .map(|writer| {
            let (client, url, acknowledged) = (crate::staff_client::client_from(&format!("127.0.0.{}", writer + 2)), url.clone(), acknowledged.clone());
            tokio::spawn(async move {
                for n in 0..30 {
                    let form = json!({ "name": format!("Personne {writer}-{n}"), "phone": format!("027 455 {writer:02} {n:02}"), "people": 1, "lang": "fr" });
                    let Ok(response) = client.post(&url).json(&form).send().await else { return None };
                    if response.status() != 201 {
                        return Some(format!("{}: {}", response.status(), response.text().await.unwrap_or_default()));
                    }
                    let Ok(answer) = response.json::<Value>().await else { return None };
                    acknowledged.lock().unwrap().push(answer["token"].as_str().unwrap().to_string());
                }
                None
            })
        })
        .collect();
    while acknowledged.lock().unwrap().len() < 100 && !writers.iter().all(|w| w.is_finished()) {
        tokio::task::yield_now().await;
    }
    server.start_kill().unwrap();
    server.wait().await.unwrap();
    for writer in writers {
        assert_eq!(writer.await.unwrap(), None, "a sign-up refused before the kill");
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() >= 100, "the burst was under way");

    let restarted = start(dir.path()).await;
    let mut lost = 0;
    for token in &acknowledged {
        let found = reqwest::get(format!("{}/api/v1/sign-up/{token}", restarted.address)).await.unwrap();
        lost += usize::from(found.status() != 200);
    }
    assert_eq!(lost, 0, "{lost} of {} acknowledged sign-ups lost", acknowledged.len());
}

/// The same for short-stay requests: every request answered 201 is there after a kill -9.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_acknowledged_short_stay_request_survives_a_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let Running { child: mut server, address: base, .. } = start(dir.path()).await;
    let url = format!("{base}/api/v1/short-stay-requests");
    let from = plantzette_content::schedule::residence_now().date() + chrono::Duration::days(3);
    let acknowledged = Arc::new(Mutex::new(Vec::<i64>::new()));
    // Each writer from an address of its own, within the day's bound for one address.
    let writers: Vec<_> = (0..8)
        .map(|writer| {
            let (client, url, acknowledged) =
                (crate::staff_client::client_from(&format!("127.0.0.{}", writer + 2)), url.clone(), acknowledged.clone());
            tokio::spawn(async move {
                for n in 0..10 {
                    let form = json!({ "asker": "relative", "name": format!("Proche {writer}-{n}"), "phone": "027 455 00 00",
                        "from": from, "to": from + chrono::Duration::days(14), "reason": "carers_rest", "lang": "de" });
                    let Ok(response) = client.post(&url).json(&form).send().await else { return None };
                    if response.status() != 201 {
                        return Some(format!("{}: {}", response.status(), response.text().await.unwrap_or_default()));
                    }
                    let Ok(answer) = response.json::<Value>().await else { return None };
                    acknowledged.lock().unwrap().push(answer["reference"].as_i64().unwrap());
                }
                None
            })
        })
        .collect();
    while acknowledged.lock().unwrap().len() < 40 && !writers.iter().all(|w| w.is_finished()) {
        tokio::task::yield_now().await;
    }
    server.start_kill().unwrap();
    server.wait().await.unwrap();
    for writer in writers {
        assert_eq!(writer.await.unwrap(), None, "a request refused before the kill");
    }
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(acknowledged.len() >= 40, "the burst was under way");

    let restarted = start(dir.path()).await;
    let client = reqwest::Client::new();
    let (cookie, csrf) = log_in(&client, &restarted.address).await;
    let requests: Value = client
        .get(format!("{}/api/v1/staff/short-stay-requests", restarted.address))
        .header("cookie", cookie)
        .header("x-csrf-token", csrf)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let kept: Vec<i64> = requests.as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect();
    let lost = acknowledged.iter().filter(|id| !kept.contains(id)).count();
    assert_eq!(lost, 0, "{lost} of {} acknowledged requests lost", acknowledged.len());
}

/// The peak resident memory of process `pid` (VmHWM), in bytes.
fn peak_memory(pid: u32) -> u64 {
    memory_figure(pid, "VmHWM:")
}

/// The resident memory of process `pid` now (VmRSS), in bytes.
fn resident_memory(pid: u32) -> u64 {
    memory_figure(pid, "VmRSS:")
}

fn memory_figure(pid: u32, name: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kb: u64 = status.lines().find_map(|line| line.strip_prefix(name)).unwrap().trim().trim_end_matches(" kB").trim().parse().unwrap();
    kb * 1024
}

/// A burst of 100 parallel wrong logins: at most the caps' worth are hashed, two at a time, so
/// the server's memory stays small (each Argon2 hash holds 19 MiB); and a login made to look
/// like a log line is written escaped, on the line of its own event.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_login_burst_keeps_memory_small_and_cannot_forge_log_lines() {
    let dir = tempfile::tempdir().unwrap();
    let Running { child: mut server, address: base, log } = start(dir.path()).await;
    let pid = server.id().unwrap();
    let at_rest = resident_memory(pid);
    let forged = "eve\n2026-12-01T10:00:00.000000Z  INFO plantzette_server::api::session: logged in login=\"direction\"";
    let client = reqwest::Client::new();
    let burst: Vec<_> = (0..100)
        .map(|n| {
            let (client, base) = (client.clone(), base.clone());
            let login = if n % 2 == 0 { forged.to_string() } else { format!("guess-{n}") };
            tokio::spawn(async move {
                let response = client
                    .post(format!("{base}/api/v1/session"))
                    .json(&json!({ "login": login, "password": "wrong password 123" }))
                    .send()
                    .await
                    .unwrap();
                response.status().as_u16()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for request in burst {
        statuses.push(request.await.unwrap());
    }
    assert!(statuses.iter().all(|status| [401, 429, 503].contains(status)), "{statuses:?}");
    assert!(statuses.iter().filter(|&&status| status == 401).count() <= 20, "more wrong logins checked than the address's cap");
    let peak = peak_memory(pid);
    assert!(peak < 150 * 1024 * 1024, "peak resident memory {} MB", peak / 1024 / 1024);
    // Each hash's 19 MiB went back to the system after it (kept, one hash alone would be more).
    let grown = resident_memory(pid).saturating_sub(at_rest);
    assert!(grown < 12 * 1024 * 1024, "resident memory grew by {} MB over the burst, from {} MB", grown / 1024 / 1024, at_rest / 1024 / 1024);

    server.start_kill().unwrap();
    server.wait().await.unwrap();
    let log = log.await.unwrap();
    assert!(log.contains(r#"login="eve\n2026-12-01"#), "the forged login, escaped: {log}");
    let forged_lines = log.lines().filter(|line| line.starts_with("2026-12-01T10:00:00")).count();
    assert_eq!(forged_lines, 0, "a login wrote a line of its own into the log");
}
