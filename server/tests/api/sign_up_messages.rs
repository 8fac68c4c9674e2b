//! What a person who signed up is told by e-mail, through a real relay on loopback
//! (`mail_relay.rs`): the confirmation or the waiting list in their language with the event for
//! their calendar and a private link that works, the place that came free, the event cancelled;
//! and without a relay, that the residence calls.

use plantzette_content::{Item, Programme};
use plantzette_server::Config;
use serde_json::{json, Value};
use sqlx::sqlite::SqlitePoolOptions;

use crate::helpers::{spawn_app_at_public_url, spawn_app_with, TestApp};
use crate::mail_relay::Relay;
use crate::sign_ups::coming_session;

async fn app_with(relay: &Relay) -> TestApp {
    let relay = relay.config(None);
    spawn_app_at_public_url(|config| Config { trusted_proxies: vec!["127.0.0.1".parse().unwrap()], relay, ..config }).await
}

fn person(name: &str, email: &str, lang: &str) -> Value {
    json!({ "name": name, "phone": "027 455 12 34", "email": email, "people": 1, "lang": lang })
}

fn phoning(n: usize) -> Value {
    json!({ "name": format!("Personne {n}"), "phone": format!("027 455 00 {n:02}"), "people": 1, "lang": "fr" })
}

async fn sign_up(app: &TestApp, key: &str, from: &str, form: &Value) -> Value {
    let response = app.client.post(app.url(&format!("/api/v1/sign-ups/{key}"))).header("x-forwarded-for", from).json(form).send().await.unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    response.json().await.unwrap()
}

/// The messages received for `to`, in order.
fn to<'a>(received: &'a [Value], to: &str) -> Vec<&'a Value> {
    received.iter().filter(|m| m["rcpt_tos"] == json!([to])).collect()
}

fn text(message: &Value) -> &str {
    message["parts"][0]["text"].as_str().unwrap()
}

/// The token of the private link in a message, checked to be on the public address.
fn link_token(app: &TestApp, message: &Value) -> String {
    let prefix = format!("{}/sign-up/", app.url(""));
    let text = text(message);
    let start = text.find(&prefix).unwrap_or_else(|| panic!("a link to {prefix} in {text}")) + prefix.len();
    text[start..].split_whitespace().next().unwrap().to_string()
}

fn assert_nothing_personal(message: &Value) {
    let all = message["parts"].to_string();
    for personal in ["Anne", "Zufferey", "Hans", "Imboden", "455 12 34"] {
        assert!(!all.contains(personal), "nothing but the event and the link: {personal} in {all}");
    }
}

#[tokio::test]
async fn a_sign_up_is_told_in_its_language_with_the_event_for_the_calendar_and_a_link_that_works_and_a_place_come_free_too() {
    let relay = Relay::start().await;
    let app = app_with(&relay).await;
    let (key, _, capacity) = coming_session(&app).await;
    // Everyone else phoned: no address, no message.
    for n in 0..capacity as usize - 1 {
        sign_up(&app, &key, &format!("10.0.0.{n}"), &phoning(n)).await;
    }
    let anne = sign_up(&app, &key, "10.0.1.1", &person("Anne Zufferey", "anne@example.ch", "fr")).await;
    assert_eq!((anne["status"].as_str(), anne["emailed"].as_bool()), (Some("confirmed"), Some(true)));
    let hans = sign_up(&app, &key, "10.0.1.2", &person("Hans Imboden", "hans@example.ch", "de")).await;
    assert_eq!((hans["status"].as_str(), hans["position"].as_u64()), (Some("waiting"), Some(1)));

    let received = relay.received(2).await;
    assert_eq!(received.len(), 2, "only those who gave an address are written to");
    let confirmed = to(&received, "anne@example.ch")[0];
    let subject = confirmed["subject"].as_str().unwrap();
    assert!(subject.starts_with("Inscription confirmée : "), "{subject}");
    assert!(text(confirmed).starts_with("Votre place est confirmée."), "{}", text(confirmed));
    let token = link_token(&app, confirmed);
    assert_eq!(token, anne["token"].as_str().unwrap(), "the link of the answer");
    let mine: Value = app.get_json(&format!("/api/v1/sign-up/{token}")).await;
    assert_eq!(mine["status"], "confirmed", "the link works");
    let calendar = &confirmed["parts"][1];
    assert_eq!(calendar["type"], "text/calendar");
    assert!(calendar["filename"].as_str().unwrap().ends_with(".ics"));
    let ics = calendar["text"].as_str().unwrap();
    assert!(ics.contains("BEGIN:VEVENT") && ics.contains("TZID=Europe/Zurich"), "{ics}");
    assert!(ics.lines().any(|line| line.trim_end() == "METHOD:PUBLISH"), "the calendar says what its part's type says: {ics}");
    // A message no person wrote (no out-of-office replies), with an identifier of its own.
    assert_eq!(confirmed["auto_submitted"], "auto-generated");
    let id = confirmed["message_id"].as_str().expect("a Message-ID");
    assert!(id.starts_with('<') && id.ends_with("@plantzette.example.ch>"), "{id}");
    assert_ne!(to(&received, "hans@example.ch")[0]["message_id"], confirmed["message_id"], "each its own");
    assert_nothing_personal(confirmed);

    let waiting = to(&received, "hans@example.ch")[0];
    assert!(waiting["subject"].as_str().unwrap().starts_with("Warteliste: "));
    assert!(text(waiting).starts_with("Sie sind Nr. 1 auf der Warteliste."), "{}", text(waiting));
    let hans_link = link_token(&app, waiting);
    assert_eq!(hans_link, hans["token"].as_str().unwrap());
    assert_nothing_personal(waiting);

    // Anne cancels: Hans moves up and is told, with the same link as before.
    let cancelled = app.client.delete(app.url(&format!("/api/v1/sign-up/{token}"))).send().await.unwrap();
    assert_eq!(cancelled.status(), 204);
    let received = relay.received(3).await;
    let moved_up = to(&received, "hans@example.ch")[1];
    assert!(moved_up["subject"].as_str().unwrap().starts_with("Ein Platz für Sie: "));
    assert!(text(moved_up).starts_with("Ein Platz ist frei geworden: Ihre Anmeldung ist bestätigt."));
    assert_eq!(link_token(&app, moved_up), hans_link, "the same link, days later");
    assert_eq!(moved_up["parts"][1]["type"], "text/calendar");
    let mine: Value = app.get_json(&format!("/api/v1/sign-up/{hans_link}")).await;
    assert_eq!(mine["status"], "confirmed");
    assert_nothing_personal(moved_up);

    // Hans signs up again, his link lost: it comes again by e-mail, never in the answer (which
    // is a newcomer's, with a link of its own: `sign_ups.rs`).
    let again = sign_up(&app, &key, "10.0.1.3", &person("Hans Imboden", "Hans@Example.ch", "de")).await;
    assert_eq!(again["already"].as_bool(), Some(false));
    assert_ne!(again["token"].as_str(), Some(hans_link.as_str()));
    let received = relay.received(4).await;
    let given_again = to(&received, "hans@example.ch")[2];
    assert!(given_again["subject"].as_str().unwrap().starts_with("Anmeldung bestätigt: "));
    assert_eq!(link_token(&app, given_again), hans_link);
}

#[tokio::test]
async fn a_session_taken_out_of_its_programme_cancels_its_sign_ups_tells_each_one_and_lists_whom_staff_call() {
    let relay = Relay::start().await;
    let app = app_with(&relay).await;
    let (key, _, _) = coming_session(&app).await;
    let anne = sign_up(&app, &key, "10.0.1.1", &person("Anne Zufferey", "anne@example.ch", "fr")).await;
    sign_up(&app, &key, "10.0.1.2", &phoning(1)).await;
    relay.received(1).await;
    let staff = app.admin().await;
    let list: Value = staff.get(&format!("/api/v1/staff/sign-ups/{key}")).await.json().await.unwrap();
    let to_phone: Vec<_> = list["entries"].as_array().unwrap().iter().map(|e| e["to_phone"].as_bool()).collect();
    assert_eq!(to_phone, [Some(false), Some(true)], "with a relay, only the one without an address is phoned");

    let id: i64 = key.split('/').nth(1).unwrap().parse().unwrap();
    let programme: Item<Programme> = staff.get(&format!("/api/v1/staff/programmes/{id}")).await.json().await.unwrap();
    let mut content = programme.content.clone();
    let starts = key.rsplit('/').next().unwrap().to_string();
    content.sessions.retain(|s| s.starts_at.format("%Y-%m-%dT%H:%M").to_string() != starts);
    assert_eq!(content.sessions.len(), programme.content.sessions.len() - 1);
    let saved = staff.put(&format!("/api/v1/staff/programmes/{id}"), programme.version, &content).await;
    assert_eq!(saved.status(), 200);

    let received = relay.received(2).await;
    let told = to(&received, "anne@example.ch")[1];
    assert!(told["subject"].as_str().unwrap().starts_with("Annulé : "), "{}", told["subject"]);
    assert!(text(told).starts_with("Ce rendez-vous est annulé."));
    assert_eq!(told["parts"].as_array().unwrap().len(), 1, "no calendar entry for an event that is off");
    assert_eq!(link_token(&app, told), anne["token"].as_str().unwrap());
    assert_nothing_personal(told);

    let pool = SqlitePoolOptions::new().connect(&format!("sqlite://{}", app.database().display())).await.unwrap();
    let statuses: Vec<String> = sqlx::query_scalar("SELECT status FROM sign_ups ORDER BY id").fetch_all(&pool).await.unwrap();
    assert_eq!(statuses, ["cancelled", "cancelled"], "the one who phoned too; staff call them");
    let audited: i64 =
        sqlx::query_scalar("SELECT version FROM audit_log WHERE action = 'event off' AND body = ?1").bind(&key).fetch_one(&pool).await.unwrap();
    assert_eq!(audited, 2);

    // Anne was told by e-mail; the one who gave only a phone number is on staff's call list.
    let off: Value = staff.get("/api/v1/staff/sign-ups-off").await.json().await.unwrap();
    assert_eq!(off.as_array().unwrap().len(), 1, "{off}");
    assert_eq!(off[0]["event"], key.as_str());
    assert_eq!(off[0]["title"]["fr"], programme.content.title.fr.as_str(), "{off}");
    let to_call: Vec<_> = off[0]["to_call"].as_array().unwrap().iter().map(|e| e["phone"].as_str().unwrap().to_string()).collect();
    assert_eq!(to_call, [phoning(1)["phone"].as_str().unwrap()]);
    let read: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'read' AND body = ?1").bind(&key).fetch_one(&pool).await.unwrap();
    assert_eq!(read, 2, "each reading audited: the list above, and the call list");
    assert_eq!(app.client.get(app.url("/api/v1/staff/sign-ups-off")).send().await.unwrap().status(), 401, "staff only");
}

#[tokio::test]
async fn without_a_relay_the_answer_says_the_residence_calls_and_staff_see_whom_to_phone() {
    let app = spawn_app_with(|config| Config { trusted_proxies: vec!["127.0.0.1".parse().unwrap()], ..config }).await;
    let (key, _, _) = coming_session(&app).await;
    let anne = sign_up(&app, &key, "10.0.1.1", &person("Anne Zufferey", "anne@example.ch", "fr")).await;
    assert_eq!(anne["emailed"], false);
    let staff = app.admin().await;
    let list: Value = staff.get(&format!("/api/v1/staff/sign-ups/{key}")).await.json().await.unwrap();
    assert_eq!(list["entries"][0]["to_phone"], true, "no relay: even with an address, staff phone");
    let pool = SqlitePoolOptions::new().connect(&format!("sqlite://{}", app.database().display())).await.unwrap();
    let kept: i64 = sqlx::query_scalar("SELECT count(*) FROM outbox").fetch_one(&pool).await.unwrap();
    assert_eq!(kept, 0);
}
