//! The residence's screens: pairing by code, the screen's own credential, reports, what staff
//! see of each screen, the silence counted for monitoring, and the alarm on every stream.

use std::time::Duration;

use plantzette_content::screen::{Pairing, ScreenAnswer, ScreenState, Screens};
use reqwest::{Client, Method, RequestBuilder, Response, StatusCode};
use serde_json::{json, Value};

use crate::helpers::{eventually, spawn_app_with, TestApp};
use crate::staff_client::StaffClient;

/// A kiosk's browser: it keeps the credential cookie the server gives it.
#[derive(Default)]
struct Browser {
    client: Client,
    cookie: std::sync::Mutex<String>,
}

impl Browser {
    fn request(&self, method: Method, url: String) -> RequestBuilder {
        self.client.request(method, url).header("cookie", self.cookie.lock().unwrap().clone())
    }

    fn post(&self, url: String) -> RequestBuilder {
        self.request(Method::POST, url)
    }
}

fn screen_browser() -> Browser {
    Browser::default()
}

/// Introduces the screen; returns the code it is to show.
async fn ask_pairing(app: &TestApp, screen: &Browser) -> String {
    match introduce(app, screen).await {
        ScreenAnswer::Waiting(Pairing { code }) => code,
        adopted => panic!("waiting, not {adopted:?}"),
    }
}

async fn introduce(app: &TestApp, screen: &Browser) -> ScreenAnswer {
    let response = screen.post(app.url("/api/v1/screen")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    if let Some(set_cookie) = response.headers().get("set-cookie") {
        let set_cookie = set_cookie.to_str().unwrap();
        assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Strict") && set_cookie.contains("Max-Age="), "{set_cookie}");
        *screen.cookie.lock().unwrap() = set_cookie.split(';').next().unwrap().to_string();
    }
    assert_eq!(response.headers()["cache-control"], "private, no-store");
    response.json().await.unwrap()
}

fn setup(name: &str, hours: &str) -> Value {
    json!({ "name": name, "place": "Rez-de-chaussée", "settings": {
        "hours": hours, "idle_seconds": 90, "language": "de", "highlight_seconds": 12,
        "orientation": "portrait", "tiles": ["today", "menus"] } })
}

async fn adopt(staff: &StaffClient<'_>, code: &str, name: &str) -> Response {
    let mut adoption = setup(name, "00:00-00:00");
    adoption["code"] = json!(code);
    staff.post("/api/v1/staff/screens", &adoption).await
}

async fn report(app: &TestApp, screen: &Browser, alarm: Option<i64>) -> StatusCode {
    let body = json!({ "content_version": 1, "app_build": "0123456789abcdef", "language": "fr", "uptime_seconds": 61,
                       "errors": ["TypeError: x is undefined"], "alarm": alarm });
    screen.post(app.url("/api/v1/screen/report")).json(&body).send().await.unwrap().status()
}

async fn screens(staff: &StaffClient<'_>) -> Screens {
    let response = staff.get("/api/v1/staff/screens").await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

#[tokio::test]
async fn a_screen_adopted_by_its_code_reads_its_settings_and_reports() {
    let app = spawn_app_with(|config| config).await;
    let screen = screen_browser();
    let code = ask_pairing(&app, &screen).await;
    assert_eq!(code.len(), 6);
    // Asked again, the same code: a reload keeps what the screen shows.
    assert_eq!(ask_pairing(&app, &screen).await, code);
    assert_eq!(report(&app, &screen, None).await, StatusCode::UNAUTHORIZED, "a waiting screen cannot report");

    let staff = app.admin().await;
    let wrong = adopt(&staff, "000000", "Hall").await;
    assert_eq!(wrong.status(), 422, "an unknown code is refused at its field");
    assert_eq!(wrong.json::<Value>().await.unwrap()["errors"][0]["field"], "code");
    let spaced = format!("{} {}", &code[..3], &code[3..]);
    assert_eq!(adopt(&staff, &spaced, "Hall d'entrée").await.status(), 201);

    let ScreenAnswer::Adopted(this) = introduce(&app, &screen).await else { panic!("adopted") };
    assert_eq!(this.name, "Hall d'entrée");
    assert_eq!(this.settings.hours.to_string(), "00:00-00:00");
    assert_eq!(this.report_every_seconds, 60, "three reports within the default 3 minutes");

    assert_eq!(report(&app, &screen, None).await, StatusCode::NO_CONTENT);
    let listed = screens(&staff).await;
    let status = &listed.screens[0];
    assert_eq!(status.state, ScreenState::Online);
    assert_eq!(status.last_error.as_deref(), Some("TypeError: x is undefined"));
    assert!(status.old_content, "the demo's content moved past version 1");
    assert_eq!(status.last_report.as_ref().unwrap().uptime_seconds, 61);

    // Another browser, without the credential, is no screen; nor is a made-up credential.
    let forged = screen_browser();
    *forged.cookie.lock().unwrap() = "plantzette-screen=made-up".into();
    assert_eq!(report(&app, &forged, None).await, StatusCode::UNAUTHORIZED);
    assert_eq!(report(&app, &screen_browser(), None).await, StatusCode::UNAUTHORIZED);
    let audit: Value = staff.get("/api/v1/staff/audit").await.json().await.unwrap();
    assert_eq!(audit[0]["action"], "adopt");
}

/// A browser whose requests come from `address` (127.0.0.0/8 is all this machine's).
fn browser_at(address: &str) -> Browser {
    Browser { client: Client::builder().local_address(address.parse::<std::net::IpAddr>().unwrap()).build().unwrap(), ..Browser::default() }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stranger_s_thousand_requests_do_not_stop_a_lobby_screen_from_pairing() {
    let app = spawn_app_with(|config| config).await;
    let stranger = browser_at("127.0.0.2");
    let mut refused = 0;
    for _ in 0..1000 {
        // Each without a cookie: a new screen each time, as a script would ask.
        let response = stranger.client.post(app.url("/api/v1/screen")).send().await.unwrap();
        refused += usize::from(response.status() != 200);
    }
    assert_eq!(refused, 0, "the stranger churns its own places, it is not told why");
    let lobby = browser_at("127.0.0.3");
    let code = ask_pairing(&app, &lobby).await;
    let staff = app.admin().await;
    assert_eq!(adopt(&staff, &code, "Hall d'entrée").await.status(), 201);
    assert!(matches!(introduce(&app, &lobby).await, ScreenAnswer::Adopted(_)));
    let waiting: i64 = {
        use sqlx::Connection;
        let mut db = sqlx::SqliteConnection::connect(&format!("sqlite://{}", app.database().display())).await.unwrap();
        sqlx::query_scalar("SELECT count(*) FROM screens WHERE adopted_at IS NULL").fetch_one(&mut db).await.unwrap()
    };
    assert_eq!(waiting, 3, "the stranger's network holds its three places, no more");
}

#[tokio::test]
async fn a_screen_on_the_house_network_without_https_keeps_its_credential() {
    // Without --https, the credential is no `Secure` cookie: a browser at http://… keeps it.
    let app = spawn_app_with(|config| config).await;
    let response = Client::new().post(app.url("/api/v1/screen")).send().await.unwrap();
    let set_cookie = response.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(!set_cookie.contains("Secure"), "{set_cookie}");
    // Behind the TLS proxy, it is one, under the `__Host-` prefix.
    let app = spawn_app_with(|config| plantzette_server::Config { https: true, ..config }).await;
    let response = Client::new().post(app.url("/api/v1/screen")).send().await.unwrap();
    let set_cookie = response.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(set_cookie.starts_with("__Host-plantzette-screen=") && set_cookie.contains("Secure"), "{set_cookie}");
}

#[tokio::test]
async fn a_revoked_screen_is_refused_and_may_ask_for_a_new_code() {
    let app = spawn_app_with(|config| config).await;
    let screen = screen_browser();
    let code = ask_pairing(&app, &screen).await;
    let staff = app.admin().await;
    adopt(&staff, &code, "Étage 2").await;
    let id = screens(&staff).await.screens[0].id;
    assert_eq!(staff.request(reqwest::Method::DELETE, &format!("/api/v1/staff/screens/{id}")).send().await.unwrap().status(), 204);

    assert_eq!(report(&app, &screen, None).await, StatusCode::UNAUTHORIZED);
    assert!(screens(&staff).await.screens.is_empty());
    assert_ne!(ask_pairing(&app, &screen).await, code, "it waits to be adopted again, with a new code");
}

#[tokio::test]
async fn only_an_administrator_adopts_or_sets_up_a_screen_but_any_staff_raises_the_alarm() {
    let app = spawn_app_with(|config| config).await;
    let screen = screen_browser();
    let code = ask_pairing(&app, &screen).await;
    let admin = app.admin().await;
    let editor = json!({ "login": "marie.favre", "name": "Marie Favre", "role": "editor", "password": "animation-2026" });
    assert_eq!(admin.post("/api/v1/users", &editor).await.status(), 201);
    let editor = app.staff("marie.favre", "animation-2026").await;
    assert_eq!(adopt(&editor, &code, "Hall").await.status(), 403);
    assert_eq!(adopt(&admin, &code, "Hall").await.status(), 201);
    let id = screens(&editor).await.screens[0].id;

    let mut bad = setup("Hall", "21:00-7h");
    bad["settings"]["hours"] = json!("tôt");
    let refused = admin.put(&format!("/api/v1/staff/screens/{id}"), 1, &bad).await;
    assert_eq!(refused.status(), 422);
    let mut short = setup("Hall", "07:00-21:00");
    short["settings"]["idle_seconds"] = json!(5);
    let refused: Value = admin.put(&format!("/api/v1/staff/screens/{id}"), 1, &short).await.json().await.unwrap();
    assert_eq!(refused["errors"][0]["field"], "settings.idle_seconds");

    // The alarm cannot wait for an administrator.
    let alarm = json!({ "message": { "fr": "Visites suspendues dès maintenant." } });
    assert_eq!(editor.post("/api/v1/staff/alarm", &alarm).await.status(), 201);
    assert_eq!(editor.request(reqwest::Method::DELETE, "/api/v1/staff/alarm").send().await.unwrap().status(), 204);
    let empty = json!({ "message": { "fr": " " } });
    assert_eq!(editor.post("/api/v1/staff/alarm", &empty).await.status(), 422, "an alarm says what to do");
}

/// Reads the stream until an event named `name` arrives; returns its data.
async fn next_event(stream: &mut Response, buffer: &mut String, name: &str) -> String {
    loop {
        if let Some(end) = buffer.find("\n\n") {
            let event: String = buffer.drain(..end + 2).collect();
            if event.lines().any(|line| line == format!("event: {name}")) {
                return event.lines().find_map(|line| line.strip_prefix("data: ")).unwrap_or_default().to_string();
            }
            continue;
        }
        let chunk = tokio::time::timeout(Duration::from_secs(5), stream.chunk()).await.expect("an event within 5 s").unwrap().expect("open");
        buffer.push_str(std::str::from_utf8(&chunk).unwrap());
    }
}

#[tokio::test]
async fn the_alarm_reaches_every_stream_is_confirmed_by_screens_and_ends() {
    let app = spawn_app_with(|config| config).await;
    let screen = screen_browser();
    let code = ask_pairing(&app, &screen).await;
    let staff = app.admin().await;
    adopt(&staff, &code, "Hall").await;
    let mut stream = app.get("/api/v1/events").await;
    let mut buffer = String::new();
    assert_eq!(next_event(&mut stream, &mut buffer, "alarm").await, "null");
    // Asked for, as a screen without a stream does when it polls: none, and never kept.
    let asked = app.get("/api/v1/alarm").await;
    assert_eq!(asked.headers()["cache-control"], "no-store");
    assert_eq!(asked.json::<Value>().await.unwrap(), Value::Null);

    let alarm = json!({ "message": { "fr": "Évacuation : suivez les indications du personnel", "de": "Evakuierung: Folgen Sie den Anweisungen des Personals" } });
    let raised = staff.post("/api/v1/staff/alarm", &alarm).await;
    assert_eq!(raised.status(), 201);
    let id = raised.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
    let heard: Value = serde_json::from_str(&next_event(&mut stream, &mut buffer, "alarm").await).unwrap();
    assert_eq!(heard["message"]["de"], "Evakuierung: Folgen Sie den Anweisungen des Personals");
    assert_eq!(staff.post("/api/v1/staff/alarm", &alarm).await.status(), 409, "one alarm at a time");
    assert_eq!(app.get_json::<Value>("/api/v1/alarm").await["id"], id, "the same alarm to a screen that asks");

    // A stream opened later (a screen back online) hears it first thing.
    let mut late = app.get("/api/v1/events").await;
    let mut late_buffer = String::new();
    assert!(next_event(&mut late, &mut late_buffer, "alarm").await.contains("Évacuation"));

    assert_eq!(screens(&staff).await.not_showing_alarm().count(), 1);
    report(&app, &screen, Some(id)).await;
    let listed = screens(&staff).await;
    assert_eq!((listed.not_showing_alarm().count(), listed.screens.len()), (0, 1));

    assert_eq!(staff.request(reqwest::Method::DELETE, "/api/v1/staff/alarm").send().await.unwrap().status(), 204);
    assert_eq!(next_event(&mut stream, &mut buffer, "alarm").await, "null");
    assert_eq!(app.get_json::<Value>("/api/v1/alarm").await, Value::Null, "ended, at once: no cache kept it");
    let audit: Value = staff.get("/api/v1/staff/audit").await.json().await.unwrap();
    assert_eq!((audit[0]["action"].as_str(), audit[1]["action"].as_str()), (Some("end"), Some("raise")));
    assert_eq!(app.client.post(app.url("/api/v1/staff/alarm")).json(&alarm).send().await.unwrap().status(), 401, "not without a session");
}

#[tokio::test]
async fn a_setting_changed_in_the_editor_is_announced_on_the_stream_and_a_late_change_refused() {
    let app = spawn_app_with(|config| config).await;
    let screen = screen_browser();
    let code = ask_pairing(&app, &screen).await;
    let staff = app.admin().await;
    let mut stream = app.get("/api/v1/events").await;
    let mut buffer = String::new();
    next_event(&mut stream, &mut buffer, "content").await;
    adopt(&staff, &code, "Hall").await;
    next_event(&mut stream, &mut buffer, "screens").await;
    let id = screens(&staff).await.screens[0].id;
    let changed = staff.put(&format!("/api/v1/staff/screens/{id}"), 1, &setup("Hall", "06:30-22:00")).await;
    assert_eq!(changed.status(), 204);
    // A second administrator who opened the same setup: told, with the setup as it is now.
    let late = staff.put(&format!("/api/v1/staff/screens/{id}"), 1, &setup("Hall", "08:00-20:00")).await;
    assert_eq!(late.status(), 412);
    assert_eq!(late.json::<Value>().await.unwrap()["current"]["settings"]["hours"], "06:30-22:00");
    let without_version =
        staff.request(reqwest::Method::PUT, &format!("/api/v1/staff/screens/{id}")).json(&setup("Hall", "08:00-20:00")).send().await.unwrap();
    assert_eq!(without_version.status(), 428);
    next_event(&mut stream, &mut buffer, "screens").await;
    let ScreenAnswer::Adopted(this) = introduce(&app, &screen).await else { panic!() };
    assert_eq!(this.settings.hours.to_string(), "06:30-22:00");
}

#[tokio::test]
async fn a_screen_silent_beyond_the_threshold_within_its_hours_is_flagged_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("dist")).unwrap();
    let config =
        plantzette_server::Config { metrics_addr: Some("127.0.0.1:0".parse().unwrap()), screen_silence_secs: 3, ..crate::helpers::config(&dir) };
    let server = plantzette_server::Server::build(&config).await.unwrap();
    let metrics = format!("http://{}/metrics", server.metrics_addr().unwrap());
    let address = server.local_addr();
    tokio::spawn(server.run());
    let app = TestApp::at(address, dir);
    let staff = app.admin().await;
    let (quiet, busy) = (screen_browser(), screen_browser());
    for (screen, name) in [(&quiet, "Hall"), (&busy, "Étage 2")] {
        let code = ask_pairing(&app, screen).await;
        adopt(&staff, &code, name).await;
        report(&app, screen, None).await;
    }
    let ScreenAnswer::Adopted(this) = introduce(&app, &busy).await else { panic!() };
    assert_eq!(this.report_every_seconds, 1, "reports three times within the threshold");

    let silent_count = || async { app.client.get(&metrics).send().await.unwrap().text().await.unwrap() };
    assert!(silent_count().await.contains("plantzette_screens_silent 0\n"));
    // The busy screen keeps reporting while the quiet one passes the threshold of 3 s.
    let silent = [("Hall".to_string(), ScreenState::Silent), ("Étage 2".to_string(), ScreenState::Online)];
    eventually("the quiet screen silent, the busy one online", Duration::from_secs(8), || async {
        report(&app, &busy, None).await;
        let states: Vec<(String, ScreenState)> = screens(&staff).await.screens.into_iter().map(|s| (s.name, s.state)).collect();
        (states == silent).then_some(())
    })
    .await;
    assert!(silent_count().await.contains("plantzette_screens_silent 1\n"));
    report(&app, &quiet, None).await;
    assert!(silent_count().await.contains("plantzette_screens_silent 0\n"), "heard again: online");
}
