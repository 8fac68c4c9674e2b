//! Short-stay beds: the partners' feed (free beds by day and period, never a person, with its
//! ETag), the calendar staff keep (audited, errors field by field), a request acknowledged, kept
//! and announced to the admissions office through a real relay over STARTTLS, the metrics of
//! open requests, and the personal data erased after the days kept (the clock moved).

use chrono::{Duration, Utc};
use plantzette_content::schedule::residence_now;
use plantzette_content::short_stay::{HORIZON_DAYS, REQUESTS_KEPT_DAYS};
use plantzette_server::{Config, Server};
use serde_json::{json, Value};
use sqlx::sqlite::SqlitePoolOptions;
use sqlx::SqlitePool;

use crate::helpers::{config, eventually, spawn_app_at_public_url, spawn_app_with, TestApp};
use crate::mail_relay::Relay;
use crate::staff_client::client_from;

async fn app() -> TestApp {
    spawn_app_with(|config| Config { trusted_proxies: vec!["127.0.0.1".parse().unwrap()], ..config }).await
}

async fn pool(app: &TestApp) -> SqlitePool {
    SqlitePoolOptions::new().connect(&format!("sqlite://{}", app.database().display())).await.unwrap()
}

fn day(offset: i64) -> String {
    (residence_now().date() + Duration::days(offset)).to_string()
}

fn request_form() -> Value {
    json!({
        "asker": "hospital", "name": "Anne Zufferey", "organisation": "Hôpital du Valais, service de liaison",
        "phone": "027 603 40 00", "from": day(7), "to": day(28), "flexibility": "days", "reason": "after_hospital", "lang": "fr"
    })
}

async fn send_request(app: &TestApp, from: &str, form: &Value) -> reqwest::Response {
    app.client.post(app.url("/api/v1/short-stay-requests")).header("x-forwarded-for", from).json(form).send().await.unwrap()
}

#[tokio::test]
async fn the_feed_gives_free_beds_by_day_and_period_with_the_residence_never_a_note_and_its_etag() {
    let app = app().await;
    let response = app.get("/api/v1/short-stays").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "public, no-cache");
    let etag = response.headers()["etag"].clone();
    let text = response.text().await.unwrap();
    let feed: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(feed["provider"]["name"], "Résidence Plantzette");
    assert_eq!(feed["provider"]["time_zone"], "Europe/Zurich");
    assert_eq!(feed["as_of"], day(0));
    assert_eq!(feed["days"].as_array().unwrap().len() as i64, HORIZON_DAYS);
    assert_eq!(feed["beds"].as_array().unwrap().len(), 4, "the demo's four beds");
    assert!(feed["beds"].as_array().unwrap().iter().all(|bed| bed["kind"] == "single_room" || bed["kind"] == "shared_room"));
    for private in ["M.B.", "A.Z.", "Chambre"] {
        assert!(!text.contains(private), "no note and no room name in the feed: {private}");
    }
    let again = app.client.get(app.url("/api/v1/short-stays")).header("if-none-match", etag.clone()).send().await.unwrap();
    assert_eq!(again.status(), 304, "unchanged: a partner's next question costs nothing");

    // Every bed reserved over the whole calendar: nothing free, and the tag moves.
    let staff = app.admin().await;
    let calendar: Value = staff.get("/api/v1/staff/short-stays").await.json().await.unwrap();
    for bed in feed["beds"].as_array().unwrap() {
        // The demo's bookings, replaced knowingly (as the editor asks before).
        let days = calendar["beds"].as_array().unwrap().iter().find(|b| b["id"] == bed["id"]).unwrap()["days"].as_array().unwrap();
        let replacing: Vec<&Value> = days.iter().filter(|d| d["state"] == "reserved" && d["note"] != "X.Y.").map(|d| &d["date"]).collect();
        let change = json!({ "from": day(0), "to": day(HORIZON_DAYS - 1), "state": "reserved", "note": "X.Y.", "replacing": replacing });
        let set =
            staff.request(reqwest::Method::PUT, &format!("/api/v1/staff/short-stays/beds/{}/days", bed["id"])).json(&change).send().await.unwrap();
        assert_eq!(set.status(), 204);
    }
    let changed = app.client.get(app.url("/api/v1/short-stays")).header("if-none-match", etag).send().await.unwrap();
    assert_eq!(changed.status(), 200);
    let feed: Value = changed.json().await.unwrap();
    assert!(feed.get("next_free").is_none(), "no bed free: {feed}");
    assert!(feed["days"].as_array().unwrap().iter().all(|d| d["free"] == 0));
}

#[tokio::test]
async fn staff_keep_the_calendar_open_extra_beds_for_a_period_and_every_change_is_audited() {
    let app = app().await;
    assert_eq!(app.get("/api/v1/staff/short-stays").await.status(), 401, "staff only");
    let staff = app.admin().await;
    let added = staff.post("/api/v1/staff/short-stays/beds", &json!({ "name": "Chambre 30", "kind": "single_room" })).await;
    assert_eq!(added.status(), 201);
    let bed = added.json::<Value>().await.unwrap()["id"].clone();

    let set = |change: Value| {
        let request = staff.request(reqwest::Method::PUT, &format!("/api/v1/staff/short-stays/beds/{bed}/days")).json(&change);
        async move { request.send().await.unwrap() }
    };
    assert_eq!(set(json!({ "from": day(2), "to": day(9), "state": "reserved", "note": "H.B." })).await.status(), 204);
    // H.B.'s booking is replaced only where the change says staff agreed to (the editor asked).
    let unseen = set(json!({ "from": day(5), "to": day(5), "state": "free" })).await;
    assert_eq!(unseen.status(), 422);
    let refused: Value = unseen.json().await.unwrap();
    assert_eq!(refused["errors"][0]["code"], "replaces_booking", "{refused}");
    let short = |offset: i64| (residence_now().date() + Duration::days(offset)).format("%d.%m.").to_string();
    assert_eq!(refused["errors"][0]["bookings"], format!("H.B. {}", short(5)), "whose booking, and when");
    assert_eq!(set(json!({ "from": day(5), "to": day(5), "state": "free", "replacing": [day(5)] })).await.status(), 204);
    // Agreed for one day, but the range holds more of the booking: refused, nothing changed.
    let more = set(json!({ "from": day(8), "to": day(11), "state": "reserved", "note": "J.I.", "replacing": [day(8)] })).await;
    assert_eq!(more.status(), 422);
    // The same initials again replace nobody.
    assert_eq!(set(json!({ "from": day(6), "to": day(9), "state": "reserved", "note": "H.B." })).await.status(), 204);
    let wrong = set(json!({ "from": day(-1), "to": day(-3), "state": "closed" })).await;
    assert_eq!(wrong.status(), 422);
    let errors: Value = wrong.json().await.unwrap();
    let fields: Vec<(&str, &str)> =
        errors["errors"].as_array().unwrap().iter().map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap())).collect();
    assert_eq!(fields, [("from", "in_the_past"), ("to", "end_before_start")], "{errors}");

    let calendar: Value = staff.get("/api/v1/staff/short-stays").await.json().await.unwrap();
    let ours = calendar["beds"].as_array().unwrap().iter().find(|b| b["id"] == bed).unwrap();
    let states: Vec<&str> = ours["days"].as_array().unwrap()[..11].iter().map(|d| d["state"].as_str().unwrap()).collect();
    let reserved = ["free", "free", "reserved", "reserved", "reserved", "free", "reserved", "reserved", "reserved", "reserved", "free"];
    assert_eq!(states, reserved);
    assert_eq!(ours["days"][2]["note"], "H.B.", "staff see their note");

    let before: Value = app.get_json("/api/v1/short-stays").await;
    let free_on =
        |feed: &Value, offset: i64| feed["days"].as_array().unwrap().iter().find(|d| d["date"] == day(offset)).unwrap()["free"].as_u64().unwrap();
    let opened = staff.post("/api/v1/staff/short-stays/extra-beds", &json!({ "from": day(3), "to": day(10), "count": 2 })).await;
    assert_eq!(opened.status(), 201);
    let extra = opened.json::<Value>().await.unwrap()["id"].clone();
    let after: Value = app.get_json("/api/v1/short-stays").await;
    assert_eq!(free_on(&after, 4), free_on(&before, 4) + 2, "extra beds counted in their period");
    assert_eq!(free_on(&after, 11), free_on(&before, 11), "and not after it");
    assert_eq!(after["extra"], json!([{ "from": day(3), "to": day(10), "count": 2 }]), "the period stated");
    let closed = staff.request(reqwest::Method::DELETE, &format!("/api/v1/staff/short-stays/extra-beds/{extra}")).send().await.unwrap();
    assert_eq!(closed.status(), 204);

    let audited: Vec<(String, String, Option<String>)> =
        sqlx::query_as("SELECT action, collection, body FROM audit_log WHERE collection LIKE 'short_stay%' ORDER BY id")
            .fetch_all(&pool(&app).await)
            .await
            .unwrap();
    let actions: Vec<&str> = audited.iter().map(|(action, _, _)| action.as_str()).collect();
    assert_eq!(actions, ["create", "days", "days", "days", "create", "delete"], "the refused changes are not recorded");
    assert!(audited.iter().all(|(_, _, body)| !body.as_deref().unwrap_or_default().contains("H.B.")), "the note stays out of the log");
}

#[tokio::test]
async fn a_request_is_acknowledged_and_announced_to_admissions_over_starttls_without_personal_data() {
    let relay = Relay::start().await;
    let relay_config = relay.config(Some("admissions@plantzette.example.ch"));
    let app = spawn_app_at_public_url(|config| Config { trusted_proxies: vec!["127.0.0.1".parse().unwrap()], relay: relay_config, ..config }).await;

    let sent = send_request(&app, "10.1.0.1", &request_form()).await;
    assert_eq!(sent.status(), 201);
    assert_eq!(sent.headers()["cache-control"], "no-store");
    let reference = sent.json::<Value>().await.unwrap()["reference"].as_i64().unwrap();

    let received = relay.received(1).await;
    let message = &received[0];
    assert_eq!(message["tls"], true, "STARTTLS before anything");
    assert_eq!(message["authenticated"], true);
    assert_eq!(message["rcpt_tos"], json!(["admissions@plantzette.example.ch"]));
    assert_eq!(message["mail_from"], "noreply@plantzette.example.ch");
    let text = message["parts"][0]["text"].as_str().unwrap();
    assert!(text.contains(&format!("n° {reference}")), "{text}");
    assert!(text.contains("Le service de liaison d'un hôpital ou d'une clinique") && text.contains("Après un séjour à l'hôpital"), "{text}");
    assert!(
        text.contains(&format!("Kurzaufenthalt Nr. {reference}")) && text.contains("Der Sozial- oder Austrittsdienst eines Spitals"),
        "in German too: {text}"
    );
    for personal in ["Anne", "Zufferey", "603 40 00", "service de liaison\n"] {
        assert!(!text.contains(personal), "nothing personal in the message: {personal} in {text}");
    }
    // Deleted once the relay has answered the message's end, a moment after it kept it.
    let db = pool(&app).await;
    eventually("the address not kept once the relay took the message", std::time::Duration::from_secs(5), || async {
        let waiting: i64 = sqlx::query_scalar("SELECT count(*) FROM outbox").fetch_one(&db).await.unwrap();
        (waiting == 0).then_some(())
    })
    .await;

    let staff = app.admin().await;
    let requests: Value = staff.get("/api/v1/staff/short-stay-requests").await.json().await.unwrap();
    let ours = &requests[0];
    assert_eq!((ours["id"].as_i64(), ours["status"].as_str(), ours["name"].as_str()), (Some(reference), Some("new"), Some("Anne Zufferey")));
    assert!(ours["answered_at"].is_null() && ours["waited_minutes"].as_i64().unwrap() >= 0);
    let answer = |status: &str| {
        let request =
            staff.request(reqwest::Method::PUT, &format!("/api/v1/staff/short-stay-requests/{reference}/status")).json(&json!({ "status": status }));
        async move { request.send().await.unwrap().status() }
    };
    assert_eq!(answer("answered").await, 204);
    assert_eq!(answer("accepted").await, 204);
    let requests: Value = staff.get("/api/v1/staff/short-stay-requests").await.json().await.unwrap();
    assert_eq!(requests[0]["status"], "accepted");
    assert!(requests[0]["answered_at"].is_string(), "the first answer's time kept: {}", requests[0]);
    let reads: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE collection = 'stay_requests' AND action = 'read'")
        .fetch_one(&pool(&app).await)
        .await
        .unwrap();
    assert_eq!(reads, 2, "every reading of the requests audited");
}

#[tokio::test]
async fn without_a_relay_no_message_is_kept_and_the_request_still_counts() {
    let app = spawn_app_with(|config| {
        let relay =
            plantzette_server::mail::RelayConfig { admissions_email: Some("admissions@plantzette.example.ch".into()), ..config.relay.clone() };
        Config { trusted_proxies: vec!["127.0.0.1".parse().unwrap()], relay, ..config }
    })
    .await;
    assert_eq!(send_request(&app, "10.1.0.1", &request_form()).await.status(), 201);
    let pool = pool(&app).await;
    let waiting: i64 = sqlx::query_scalar("SELECT count(*) FROM outbox").fetch_one(&pool).await.unwrap();
    assert_eq!(waiting, 0, "no relay: nothing written for it");
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM stay_requests").fetch_one(&pool).await.unwrap();
    assert_eq!(stored, 1);
}

#[tokio::test]
async fn a_wrong_request_gets_its_errors_field_by_field_and_robots_and_floods_are_refused() {
    let app = app().await;
    let mut form = request_form();
    form["from"] = json!(day(-1));
    form["to"] = json!(day(-2));
    form["phone"] = json!("");
    let refused = send_request(&app, "10.1.0.1", &form).await;
    assert_eq!(refused.status(), 422);
    let errors: Value = refused.json().await.unwrap();
    let fields: Vec<&str> = errors["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["phone", "email", "from", "to"], "{errors}");

    let mut robot = request_form();
    robot["website"] = json!("http://spam.example");
    assert_eq!(send_request(&app, "10.1.0.2", &robot).await.status(), 400);

    for n in 0..10 {
        assert_eq!(send_request(&app, "10.1.0.3", &request_form()).await.status(), 201, "request {n}");
    }
    assert_eq!(send_request(&app, "10.1.0.3", &request_form()).await.status(), 429, "the 11th from one address in a day");
    assert_eq!(send_request(&app, "10.1.0.4", &request_form()).await.status(), 201, "another address is not held back");
    let broken =
        app.client.post(app.url("/api/v1/short-stay-requests")).header("content-type", "application/json").body("{\"asker\":").send().await.unwrap();
    assert_eq!(broken.status(), 422);
    assert_eq!(broken.json::<Value>().await.unwrap()["errors"][0]["code"], "malformed");
}

#[tokio::test]
async fn a_closed_requests_personal_data_is_erased_after_the_days_kept_and_past_days_go() {
    let app = app().await;
    let terms: Value = app.get_json("/api/v1/short-stay-requests").await;
    assert_eq!(terms, json!({ "kept_days": REQUESTS_KEPT_DAYS }), "the form says how long the data is kept");
    let reference = send_request(&app, "10.1.0.1", &request_form()).await.json::<Value>().await.unwrap()["reference"].clone();
    let staff = app.admin().await;
    let close =
        staff.request(reqwest::Method::PUT, &format!("/api/v1/staff/short-stay-requests/{reference}/status")).json(&json!({ "status": "declined" }));
    assert_eq!(close.send().await.unwrap().status(), 204);
    let pool = pool(&app).await;
    let closed_at: i64 = sqlx::query_scalar("SELECT closed_at FROM stay_requests").fetch_one(&pool).await.unwrap();
    let closed_at = chrono::DateTime::from_timestamp(closed_at, 0).unwrap();

    // The clock moved to just before the day it is due, then to it: days of the residence's
    // calendar, so across a change of the clocks the instant is an hour off 30 x 24 hours (found
    // at 01:58 on the last Sundays of March and October, scripts/test-instants).
    let due = plantzette_content::schedule::residence_instant(
        plantzette_content::schedule::residence_time(closed_at) + Duration::days(REQUESTS_KEPT_DAYS.into()),
    );
    let erased = plantzette_server::short_stays::tidy(&pool, due - Duration::minutes(1), REQUESTS_KEPT_DAYS).await.unwrap();
    assert_eq!(erased, 0, "kept until then");
    let erased = plantzette_server::short_stays::tidy(&pool, due, REQUESTS_KEPT_DAYS).await.unwrap();
    assert_eq!(erased, 1);
    let row: (Option<String>, Option<String>, Option<String>, String) =
        sqlx::query_as("SELECT name, organisation, phone, status FROM stay_requests").fetch_one(&pool).await.unwrap();
    assert_eq!(row, (None, None, None, "declined".into()), "the request stays for the counts, nothing personal");
    let requests: Value = staff.get("/api/v1/staff/short-stay-requests").await.json().await.unwrap();
    assert!(requests[0]["name"].is_null());

    // The demo's days before the moved clock's today, and their notes, are gone.
    let past: i64 = sqlx::query_scalar("SELECT count(*) FROM short_stay_days WHERE day < ?1")
        .bind(plantzette_content::schedule::residence_time(due).date())
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(past, 0);
}

#[tokio::test]
async fn the_metrics_count_open_requests_and_the_oldest_ones_wait() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("dist")).unwrap();
    let config = Config { metrics_addr: Some("127.0.0.1:0".parse().unwrap()), ..config(&dir) };
    let server = Server::build(&config).await.unwrap();
    let metrics = format!("http://{}/metrics", server.metrics_addr().unwrap());
    let address = server.local_addr();
    tokio::spawn(server.run());
    let app = TestApp::at(address, dir);
    let scrape = || async { client_from("127.0.0.1").get(&metrics).send().await.unwrap().text().await.unwrap() };
    assert!(scrape().await.contains("plantzette_short_stay_requests_open 0\n"));

    assert_eq!(app.client.post(app.url("/api/v1/short-stay-requests")).json(&request_form()).send().await.unwrap().status(), 201);
    // Received an hour ago, as the clock of a request left waiting would say.
    let pool = pool(&app).await;
    sqlx::query("UPDATE stay_requests SET received_at = ?1").bind((Utc::now() - Duration::hours(1)).timestamp()).execute(&pool).await.unwrap();
    let text = scrape().await;
    assert!(text.contains("plantzette_short_stay_requests_open 1\n"), "{text}");
    let oldest: i64 = text
        .lines()
        .find_map(|line| line.strip_prefix("plantzette_short_stay_request_oldest_open_seconds "))
        .expect("the oldest request's wait")
        .parse()
        .unwrap();
    assert!((3600..3700).contains(&oldest), "{oldest}");
    assert!(text.contains("plantzette_mail_waiting 0\n"), "{text}");
}

#[tokio::test]
async fn the_openapi_document_describes_the_feed_and_the_request_form() {
    let app = app().await;
    let document: Value = app.get_json("/api/v1/openapi.json").await;
    assert_eq!(document["openapi"], "3.1.0");
    assert_eq!(document["servers"][0]["url"], "/api/v1");
    assert_eq!(
        document["paths"]["/short-stays"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Feed"
    );
    assert!(document["paths"]["/short-stay-requests"]["post"]["requestBody"].is_object());
    assert!(document["paths"]["/sign-ups/{event}"]["post"].is_object(), "the wildcard written as a plain parameter");
    assert!(document["paths"].as_object().unwrap().keys().all(|path| !path.starts_with("/staff")), "staff's API is not the partners'");
    let starts_at = &document["components"]["schemas"]["Session"]["properties"]["starts_at"];
    assert_eq!(starts_at["$ref"], "#/components/schemas/LocalDateTime", "a residence time, no offset: {starts_at}");
}
