//! Who may change content: sessions, their cookie, CSRF, throttling and roles, each refusal with
//! its status and nothing changed.

use futures_util::future::join_all;
use reqwest::Method;
use serde_json::{json, Value};

use crate::helpers::spawn_app;
use crate::staff_client::{client_from, session_cookie, DEMO_LOGIN, DEMO_PASSWORD};

#[tokio::test]
async fn logging_in_sets_an_http_only_secure_strict_private_cookie() {
    let app = spawn_app().await;
    let response = app.log_in(DEMO_LOGIN, DEMO_PASSWORD).await;
    assert_eq!(response.status(), 200);
    let set_cookie = response.headers()["set-cookie"].to_str().unwrap().to_string();
    for attribute in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"] {
        assert!(set_cookie.contains(attribute), "{attribute} missing from {set_cookie}");
    }
    assert_eq!(response.headers()["cache-control"], "private, no-store");
    let info: Value = app.admin().await.get("/api/v1/session").await.json().await.unwrap();
    assert_eq!(info["user"]["role"], "admin");
    assert!(!info.to_string().contains("argon2"), "no password hash in {info}");
}

#[tokio::test]
async fn logging_in_again_in_the_same_browser_ends_its_previous_session() {
    let app = spawn_app().await;
    let first = app.admin().await;
    assert_eq!(first.get("/api/v1/staff/activities").await.status(), 200);
    // The same browser logs in again: it sends the cookie it holds.
    let again = app
        .client
        .post(app.url("/api/v1/session"))
        .header("cookie", &first.cookie)
        .json(&json!({ "login": DEMO_LOGIN, "password": DEMO_PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 200);
    let second = session_cookie(&again).unwrap();
    assert_eq!(first.get("/api/v1/staff/activities").await.status(), 401, "the session from before the login is over");
    let with_second = app.client.get(app.url("/api/v1/staff/activities")).header("cookie", &second).send().await.unwrap();
    assert_eq!(with_second.status(), 200, "the new session works");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_login_get_the_same_401_and_no_cookie() {
    let app = spawn_app().await;
    let wrong = app.log_in(DEMO_LOGIN, "not the password at all").await;
    let unknown = app.log_in("nobody", "not the password at all").await;
    for response in [wrong, unknown] {
        assert_eq!(response.status(), 401);
        assert!(session_cookie(&response).is_none());
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["message"], "wrong login or password");
    }
}

#[tokio::test]
async fn a_guesser_holds_back_only_their_own_address_and_the_account_logs_in_from_elsewhere() {
    let app = spawn_app().await;
    let guesser = client_from("127.0.0.2");
    for _ in 0..5 {
        assert_eq!(app.log_in_with(&guesser, DEMO_LOGIN, "a wrong password here").await.status(), 401);
    }
    let held = app.log_in_with(&guesser, DEMO_LOGIN, DEMO_PASSWORD).await;
    assert_eq!(held.status(), 429, "from the guesser's address, even the right password waits");
    let retry_after: u64 = held.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=30).contains(&retry_after), "a short wait, growing with each failure, not {retry_after} s");
    let office = client_from("127.0.0.3");
    assert_eq!(app.log_in_with(&office, DEMO_LOGIN, DEMO_PASSWORD).await.status(), 200, "the staff member logs in from the office");
}

#[tokio::test]
async fn a_held_back_account_and_an_unknown_login_get_the_same_answer() {
    let app = spawn_app().await;
    let guesser = client_from("127.0.0.4");
    for login in [DEMO_LOGIN, "nobody.here"] {
        for _ in 0..5 {
            assert_eq!(app.log_in_with(&guesser, login, "a wrong password here").await.status(), 401);
        }
    }
    let mut answers = Vec::new();
    for login in [DEMO_LOGIN, "nobody.here"] {
        let response = app.log_in_with(&guesser, login, "a wrong password here").await;
        let retry_after = response.headers()["retry-after"].to_str().unwrap().parse::<u64>().unwrap();
        answers.push((response.status(), retry_after.div_ceil(10), response.text().await.unwrap()));
    }
    assert_eq!(answers[0], answers[1], "an existing account cannot be told from an unknown login");
}

#[tokio::test]
async fn a_burst_of_parallel_guesses_is_checked_only_within_the_limits() {
    let app = spawn_app().await;
    let guesser = client_from("127.0.0.5");
    let burst = (0..100).map(|_| app.log_in_with(&guesser, DEMO_LOGIN, "a wrong password here"));
    let statuses: Vec<u16> = join_all(burst).await.iter().map(|r| r.status().as_u16()).collect();
    let checked = statuses.iter().filter(|s| **s == 401).count();
    assert!(checked <= 5, "{checked} passwords checked for one address and login: {statuses:?}");
    assert!(statuses.iter().all(|s| [401, 429, 503].contains(s)), "{statuses:?}");

    let sprayer = client_from("127.0.0.6");
    let spray = (0..100).map(|n| {
        let sprayer = sprayer.clone();
        let app = &app;
        async move { app.log_in_with(&sprayer, &format!("guess{n}"), "a wrong password here").await }
    });
    let statuses: Vec<u16> = join_all(spray).await.iter().map(|r| r.status().as_u16()).collect();
    let checked = statuses.iter().filter(|s| **s == 401).count();
    assert!(checked <= 20, "{checked} passwords checked for one address: {statuses:?}");
}

#[tokio::test]
async fn without_a_session_every_change_is_refused_with_401() {
    let app = spawn_app().await;
    let activity = json!({ "title": { "fr": "Intrus" } });
    let anonymous = [
        app.client.get(app.url("/api/v1/staff/activities")).send().await.unwrap(),
        app.client.post(app.url("/api/v1/staff/activities")).json(&activity).send().await.unwrap(),
        app.client.put(app.url("/api/v1/staff/activities/1")).header("if-match", "\"1\"").json(&activity).send().await.unwrap(),
        app.client.delete(app.url("/api/v1/staff/activities/1")).header("if-match", "\"1\"").send().await.unwrap(),
        app.client.post(app.url("/api/v1/users")).json(&activity).send().await.unwrap(),
        app.client.get(app.url("/api/v1/staff/export")).send().await.unwrap(),
    ];
    for response in anonymous {
        assert_eq!(response.status(), 401, "{}", response.url());
    }
}

#[tokio::test]
async fn a_cross_site_request_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let before: Value = admin.get("/api/v1/staff/announcements").await.json().await.unwrap();
    let first = &before[0];
    let path = format!("/api/v1/staff/announcements/{}", first["id"]);
    let version = first["version"].as_i64().unwrap();
    let forged = [
        // The cookie alone, as a forged form would send it.
        app.client.delete(app.url(&path)).header("cookie", &admin.cookie).header("if-match", format!("\"{version}\"")).send().await.unwrap(),
        // A guessed token.
        app.client
            .delete(app.url(&path))
            .header("cookie", &admin.cookie)
            .header("x-csrf-token", "guessed")
            .header("if-match", format!("\"{version}\""))
            .send()
            .await
            .unwrap(),
        // The right token, from another site's page.
        admin
            .request(Method::DELETE, &path)
            .header("origin", "https://evil.example")
            .header("if-match", format!("\"{version}\""))
            .send()
            .await
            .unwrap(),
    ];
    for response in forged {
        assert_eq!(response.status(), 403);
    }
    let after: Value = admin.get("/api/v1/staff/announcements").await.json().await.unwrap();
    assert_eq!(before, after);
}

#[tokio::test]
async fn an_editor_may_edit_content_but_not_what_is_an_admins() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let editor = json!({ "login": "marie.favre", "name": "Marie Favre", "role": "editor", "password": "animation-2026" });
    let created = admin.post("/api/v1/users", &editor).await;
    assert_eq!(created.status(), 201);
    assert!(!created.text().await.unwrap().contains("argon2"));
    let marie = app.staff("marie.favre", "animation-2026").await;
    assert_eq!(marie.get("/api/v1/staff/activities").await.status(), 200);
    assert_eq!(marie.get("/api/v1/users").await.status(), 403);
    assert_eq!(marie.post("/api/v1/users", &json!({ "login": "x", "name": "x", "role": "admin", "password": "xxxxxxxxxxxxxx" })).await.status(), 403);
    assert_eq!(marie.get("/api/v1/staff/export").await.status(), 403);
    let users = admin.get("/api/v1/users").await.text().await.unwrap();
    assert!(users.contains("marie.favre") && !users.contains("argon2") && !users.contains("password"), "{users}");
}

#[tokio::test]
async fn a_short_password_or_a_taken_login_is_a_field_error() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let short = admin.post("/api/v1/users", &json!({ "login": "jean", "name": "Jean", "role": "editor", "password": "court" })).await;
    assert_eq!(short.status(), 422);
    let body: Value = short.json().await.unwrap();
    assert_eq!(body["errors"][0], json!({ "field": "password", "code": "too_short", "min": 12 }));
    let taken = admin.post("/api/v1/users", &json!({ "login": "DIRECTION", "name": "Autre", "role": "editor", "password": "un-mot-de-passe" })).await;
    assert_eq!(taken.status(), 422);
    let body: Value = taken.json().await.unwrap();
    assert_eq!(body["errors"][0]["field"], "login");
}

#[tokio::test]
async fn logging_out_or_a_long_pause_ends_the_session() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let response = admin.request(Method::DELETE, "/api/v1/session").send().await.unwrap();
    assert_eq!(response.status(), 204);
    assert_eq!(admin.get("/api/v1/session").await.json::<Value>().await.unwrap(), Value::Null, "no one is logged in");
    assert_eq!(admin.get("/api/v1/staff/activities").await.status(), 401);

    let idle = app.admin().await;
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", app.database().display())).await.unwrap();
    sqlx::query("UPDATE sessions SET last_seen_at = last_seen_at - 31 * 60").execute(&db).await.unwrap();
    let expired = idle.get("/api/v1/staff/activities").await;
    assert_eq!(expired.status(), 401);
    let body: Value = expired.json().await.unwrap();
    assert_eq!(body["message"], "the session has ended: log in again");
}

#[tokio::test]
async fn behind_https_the_cookie_takes_the_host_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let config = plantzette_server::Config { https: true, ..crate::helpers::config(&dir) };
    let address = crate::helpers::start(config).await;
    let response = reqwest::Client::new()
        .post(format!("http://{address}/api/v1/session"))
        .json(&json!({ "login": DEMO_LOGIN, "password": DEMO_PASSWORD }))
        .send()
        .await
        .unwrap();
    let cookie = session_cookie(&response).unwrap();
    assert!(cookie.starts_with("__Host-plantzette-session="), "{cookie}");
}

#[tokio::test]
async fn a_session_ends_after_a_working_day_however_busy() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", app.database().display())).await.unwrap();
    sqlx::query("UPDATE sessions SET created_at = created_at - 13 * 3600").execute(&db).await.unwrap();
    let response = admin.get("/api/v1/staff/activities").await;
    assert_eq!(response.status(), 401, "used a minute ago, but opened 13 hours ago");
    assert_eq!(response.json::<Value>().await.unwrap()["message"], "the session has ended: log in again");
}

#[tokio::test]
async fn an_account_is_created_with_its_audit_entry_or_not_at_all() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let audit = || async { admin.get("/api/v1/staff/audit").await.json::<Value>().await.unwrap() };
    let before = audit().await.as_array().unwrap().len();
    let taken = admin.post("/api/v1/users", &json!({ "login": "Direction", "name": "Autre", "role": "editor", "password": "un-mot-de-passe" })).await;
    assert_eq!(taken.status(), 422);
    assert_eq!(audit().await.as_array().unwrap().len(), before, "a refused account leaves no entry");
    let created =
        admin.post("/api/v1/users", &json!({ "login": "lea.roh", "name": "Léa Roh", "role": "editor", "password": "un-mot-de-passe" })).await;
    assert_eq!(created.status(), 201);
    let entries = audit().await;
    assert_eq!(entries[0]["action"], "user_create");
    assert_eq!(entries[0]["login"], DEMO_LOGIN);
}
