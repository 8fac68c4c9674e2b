//! A course is signed up for once (`programmes/{id}`): one place for all its sessions, one
//! waiting list, one private link that cancels it all; its roster has a column per session; a
//! session called off tells everyone enrolled, by a real relay on loopback; the canton's figures
//! count each enrolment once; and its personal data goes a set number of days after its last
//! session, with the clock moved.

use chrono::{Duration, NaiveDateTime};
use plantzette_content::schedule::residence_now;
use plantzette_content::sign_up::KEEP_DAYS;
use plantzette_content::{Item, Listing, Programme};
use plantzette_server::Config;
use serde_json::{json, Value};
use sqlx::sqlite::SqlitePoolOptions;
use sqlx::SqlitePool;

use crate::helpers::{eventually, spawn_app_at_public_url, TestApp};
use crate::mail_relay::Relay;
use crate::sign_ups::{fifty_at_once, person, post};

async fn app_with(relay: &Relay) -> TestApp {
    let relay = relay.config(None);
    spawn_app_at_public_url(|config| Config { trusted_proxies: vec!["127.0.0.1".parse().unwrap()], relay, ..config }).await
}

/// A demo course whose first session is more than an hour away (signing up is open): its
/// programme and key.
async fn coming_course(app: &TestApp) -> (Item<Programme>, String) {
    let programmes: Listing<Item<Programme>> = app.get_json("/api/v1/programmes").await;
    let soon = residence_now() + Duration::hours(1);
    let course = programmes
        .items
        .into_iter()
        .filter(|p| p.content.course_places().is_some() && p.content.course_span().is_some_and(|(starts, _)| starts > soon))
        .min_by_key(|p| p.content.course_span().unwrap().0)
        .expect("the demo has a course still to begin");
    let key = format!("programmes/{}", course.id);
    (course, key)
}

async fn pool(app: &TestApp) -> SqlitePool {
    SqlitePoolOptions::new().connect(&format!("sqlite://{}", app.database().display())).await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_at_once_for_a_courses_last_three_places_give_three_places_forty_seven_waiting_and_a_cancellation_moves_one_up() {
    let relay = Relay::start().await;
    let app = app_with(&relay).await;
    let (course, key) = coming_course(&app).await;
    let capacity = course.content.course_places().unwrap().capacity.unwrap() as usize;
    let mut first = None;
    for n in 0..capacity - 3 {
        let response = post(&app, &key, &format!("10.0.0.{n}"), &person(n)).await;
        assert_eq!(response.status(), 201);
        first.get_or_insert(response.json::<Value>().await.unwrap());
    }
    let (confirmed, positions) = fifty_at_once(&app, &key).await;
    assert_eq!(confirmed, 3, "never more places than the course has");
    assert_eq!(positions, (1..=47).collect::<Vec<_>>());
    let figures: Value = app.get_json(&format!("/api/v1/sign-ups/{key}")).await;
    assert_eq!((figures["taken"].as_u64(), figures["waiting"].as_u64()), (Some(capacity as u64), Some(47)));

    // No session of a course takes a sign-up of its own.
    let session = course.content.held_sessions()[0].starts_at.format("%Y-%m-%dT%H:%M").to_string();
    app.get_error(&format!("/api/v1/sign-ups/{key}/{session}"), 404).await;

    // One link cancels the whole course: the first one waiting moves up.
    let token = first.unwrap()["token"].as_str().unwrap().to_string();
    assert_eq!(app.client.delete(app.url(&format!("/api/v1/sign-up/{token}"))).send().await.unwrap().status(), 204);
    let figures: Value = app.get_json(&format!("/api/v1/sign-ups/{key}")).await;
    assert_eq!((figures["taken"].as_u64(), figures["waiting"].as_u64()), (Some(capacity as u64), Some(46)));
}

#[tokio::test]
async fn a_course_is_told_with_every_session_for_the_calendar_and_a_session_called_off_tells_everyone_and_keeps_the_enrolment() {
    let relay = Relay::start().await;
    let app = app_with(&relay).await;
    let (course, key) = coming_course(&app).await;
    let sessions = course.content.held_sessions().len();
    let anne = json!({ "name": "Anne Zufferey", "phone": "027 455 12 34", "email": "anne@example.ch", "people": 1, "lang": "fr" });
    let answer: Value = post(&app, &key, "10.0.0.1", &anne).await.json().await.unwrap();
    assert_eq!(answer["status"], "confirmed");
    assert_eq!(post(&app, &key, "10.0.0.2", &person(7)).await.status(), 201);

    let received = relay.received(1).await;
    let confirmed = &received[0];
    let subject = confirmed["subject"].as_str().unwrap();
    assert!(subject.starts_with("Inscription confirmée : ") && subject.contains(", dès le "), "{subject}");
    let text = confirmed["parts"][0]["text"].as_str().unwrap();
    assert!(text.contains(&format!("Les {sessions} séances du cours :")), "{text}");
    let ics = confirmed["parts"][1]["text"].as_str().unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), sessions, "one event per session: {ics}");

    // The nurse is ill: the second session is called off.
    let staff = app.admin().await;
    let mut content = course.content.clone();
    let mut order: Vec<usize> = (0..content.sessions.len()).collect();
    order.sort_by_key(|&i| content.sessions[i].starts_at);
    let off = &mut content.sessions[order[1]];
    off.called_off = true;
    let off_starts = off.starts_at;
    let saved = staff.put(&format!("/api/v1/staff/programmes/{}", course.id), course.version, &content).await;
    assert_eq!(saved.status(), 200);
    let received = relay.received(2).await;
    let told = &received[1];
    assert!(told["subject"].as_str().unwrap().starts_with("Séance annulée : "), "{}", told["subject"]);
    let text = told["parts"][0]["text"].as_str().unwrap();
    assert!(text.contains("est annulée") && text.contains("Votre inscription au cours reste valable."), "{text}");
    assert!(told["parts"][1]["text"].as_str().unwrap().contains("STATUS:CANCELLED"), "the calendar drops the session");
    let mine: Value = app.get_json(&format!("/api/v1/sign-up/{}", answer["token"].as_str().unwrap())).await;
    assert_eq!(mine["status"], "confirmed", "the enrolment stays");

    // Whoever gave only a phone number is on staff's list to call, with the session's date.
    let off: Value = staff.get("/api/v1/staff/sign-ups-off").await.json().await.unwrap();
    let called_off = off.as_array().unwrap().iter().find(|o| o["event"] == key.as_str()).unwrap_or_else(|| panic!("{off}"));
    assert_eq!(called_off["session"], off_starts.format("%Y-%m-%dT%H:%M:%S").to_string());
    let to_call: Vec<_> = called_off["to_call"].as_array().unwrap().iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(to_call, ["Personne 7"]);

    // Saved again (a session added at the end), nobody is told twice.
    let current: Item<Programme> = staff.get(&format!("/api/v1/staff/programmes/{}", course.id)).await.json().await.unwrap();
    let mut again = current.content.clone();
    let last = again.sessions.iter().max_by_key(|s| s.starts_at).unwrap().clone();
    let ends = last.ends_at + Duration::days(7);
    again.sessions.push(plantzette_content::Session { starts_at: last.starts_at + Duration::days(7), ends_at: ends, ..last });
    assert_eq!(staff.put(&format!("/api/v1/staff/programmes/{}", course.id), current.version, &again).await.status(), 200);
    let pool = pool(&app).await;
    eventually("the change followed, and every message sent", std::time::Duration::from_secs(10), || async {
        let followed: i64 = sqlx::query_scalar("SELECT count(*) FROM sign_ups WHERE event_ends_at = ?1").bind(ends).fetch_one(&pool).await.unwrap();
        let unsent: i64 = sqlx::query_scalar("SELECT count(*) FROM outbox").fetch_one(&pool).await.unwrap();
        (followed == 2 && unsent == 0).then_some(())
    })
    .await;
    assert_eq!(relay.received(2).await.len(), 2, "one confirmation, one session called off");
}

#[tokio::test]
async fn a_courses_roster_ticks_each_session_exports_a_column_each_and_the_figures_count_an_enrolment_once() {
    let relay = Relay::start().await;
    let app = app_with(&relay).await;
    let (course, key) = coming_course(&app).await;
    assert_eq!(post(&app, &key, "10.0.0.1", &person(1)).await.status(), 201);
    let staff = app.admin().await;
    let desk = json!({ "name": "Marcel Berclaz", "phone": "027 455 99 88", "people": 2, "lang": "fr" });
    assert_eq!(staff.post(&format!("/api/v1/staff/sign-ups/{key}"), &desk).await.status(), 201);

    // A first session today, at midnight: ticked today; the others only on their day.
    let mut content = course.content.clone();
    let today = residence_now().date().and_hms_opt(0, 0, 0).unwrap();
    let first_of = content.sessions.iter().min_by_key(|s| s.starts_at).unwrap().clone();
    content.sessions.push(plantzette_content::Session { starts_at: today, ends_at: today + Duration::minutes(1), ..first_of });
    assert_eq!(staff.put(&format!("/api/v1/staff/programmes/{}", course.id), course.version, &content).await.status(), 200);
    let course: Item<Programme> = app.get_json(&format!("/api/v1/programmes/{}", course.id)).await;

    let answer = staff.get(&format!("/api/v1/staff/sign-ups/{key}")).await;
    let status = answer.status();
    let list: Value = answer.json().await.unwrap();
    assert_eq!(status, 200, "the course's roster: {list}");
    let columns = list["sessions"].as_array().unwrap_or_else(|| panic!("a course's roster: {list}"));
    assert_eq!(columns.len(), course.content.sessions.len(), "a column per session: {list}");
    let marcel = list["entries"].as_array().unwrap().iter().find(|e| e["name"] == "Marcel Berclaz").unwrap().clone();
    let first: NaiveDateTime = serde_json::from_value(columns[0]["starts_at"].clone()).unwrap();
    let tick = |session: Value, attendance: &str| {
        staff
            .request(reqwest::Method::PUT, &format!("/api/v1/staff/sign-up/{}/attendance", marcel["id"]))
            .json(&json!({ "attendance": attendance, "session": session }))
            .send()
    };
    assert_eq!(tick(columns[0]["starts_at"].clone(), "present").await.unwrap().status(), 204);
    let last = columns.last().unwrap()["starts_at"].clone();
    let too_early = tick(last, "present").await.unwrap();
    assert_eq!(too_early.status(), 409, "a session of another day is ticked on its day");
    assert_eq!(too_early.json::<Value>().await.unwrap()["code"], "conflict");
    // The next session's day come (the in-process server reads the real clock): excused then.
    sqlx::query("INSERT INTO course_attendance (sign_up_id, session_starts_at, attendance, changed_at) VALUES (?1, ?2, 'excused', 0)")
        .bind(marcel["id"].as_i64().unwrap())
        .bind(serde_json::from_value::<NaiveDateTime>(columns[1]["starts_at"].clone()).unwrap())
        .execute(&pool(&app).await)
        .await
        .unwrap();
    assert_eq!(tick(json!("2020-01-01T10:00:00"), "present").await.unwrap().status(), 404, "a session of the course only");
    let without_session = staff
        .request(reqwest::Method::PUT, &format!("/api/v1/staff/sign-up/{}/attendance", marcel["id"]))
        .json(&json!({ "attendance": "present" }))
        .send()
        .await
        .unwrap();
    assert_eq!(without_session.status(), 404, "a course is ticked per session");

    let list: Value = staff.get(&format!("/api/v1/staff/sign-ups/{key}")).await.json().await.unwrap();
    let marcel = list["entries"].as_array().unwrap().iter().find(|e| e["name"] == "Marcel Berclaz").unwrap();
    assert_eq!(marcel["attended"][0], "present");
    assert_eq!(marcel["attended"][1], "excused");
    assert_eq!(marcel["attended"][2], Value::Null);

    let csv = staff.get(&format!("/api/v1/staff/sign-ups/{key}?format=csv")).await.text().await.unwrap();
    let header = csv.lines().next().unwrap();
    assert!(header.contains(&format!("\"Présence {}\"", first.format("%d.%m."))), "{header}");
    assert_eq!(header.matches("\"Présence ").count(), columns.len(), "{header}");
    assert!(csv.contains("\"Présent\";\"Excusé\";\"\""), "{csv}");

    let print = staff.get(&format!("/print/sign-up-list/{key}?lang=fr")).await.text().await.unwrap();
    assert_eq!(print.matches("<td class=\"session\"></td>").count(), 2 * columns.len(), "a box per person and session");

    // The figures once every session is over: two enrolments (three people), however many sessions.
    let pool = pool(&app).await;
    let (_, ends) = course.content.course_span().unwrap();
    let range = plantzette_content::DateRange { from: first.date(), to: ends.date() };
    let figures = plantzette_server::sign_ups::figures(&pool, range, ends + Duration::hours(1)).await.unwrap();
    let figures = figures.iter().find(|f| f.programme_id == course.id).unwrap();
    assert_eq!((figures.sign_ups, figures.places_taken), (2, 3));
    assert_eq!(figures.sessions_held as usize, course.content.held_sessions().len());
    assert_eq!((figures.present, figures.ticked), (2, 4), "people present, people ticked, over the sessions");
    assert_eq!(figures.present_by_session[0].present, 2);
}

#[tokio::test]
async fn a_courses_personal_data_is_erased_after_its_last_session_even_one_added_later() {
    let relay = Relay::start().await;
    let app = app_with(&relay).await;
    let (course, key) = coming_course(&app).await;
    let answer: Value = post(&app, &key, "10.0.0.1", &person(1)).await.json().await.unwrap();
    let token = answer["token"].as_str().unwrap();

    // A session added a week after the last: the course, and its data, last that much longer.
    let staff = app.admin().await;
    let mut content = course.content.clone();
    let last = content.sessions.iter().max_by_key(|s| s.starts_at).unwrap().clone();
    content.sessions.push(plantzette_content::Session {
        starts_at: last.starts_at + Duration::days(7),
        ends_at: last.ends_at + Duration::days(7),
        ..last
    });
    assert_eq!(staff.put(&format!("/api/v1/staff/programmes/{}", course.id), course.version, &content).await.status(), 200);
    let ends = last.ends_at + Duration::days(7);
    let pool = pool(&app).await;
    eventually("the enrolment follows the course's end", std::time::Duration::from_secs(10), || async {
        let stored: NaiveDateTime = sqlx::query_scalar("SELECT event_ends_at FROM sign_ups").fetch_one(&pool).await.unwrap();
        (stored == ends).then_some(())
    })
    .await;

    let due = ends + Duration::days(KEEP_DAYS.into());
    assert_eq!(plantzette_server::sign_ups::erase_due(&pool, due - Duration::days(7), KEEP_DAYS).await.unwrap(), 0, "kept after the old end");
    let _: Value = app.get_json(&format!("/api/v1/sign-up/{token}")).await;
    assert_eq!(plantzette_server::sign_ups::erase_due(&pool, due, KEEP_DAYS).await.unwrap(), 1);
    app.get_error(&format!("/api/v1/sign-up/{token}"), 404).await;
}

#[tokio::test]
async fn the_sixth_sign_up_of_a_day_for_one_contact_is_refused_with_a_code_any_language_reads() {
    let relay = Relay::start().await;
    let app = app_with(&relay).await;
    let (_, key) = coming_course(&app).await;
    // One contact's sixth sign-up of a day, from another phone each time: one too many. (A
    // course is one sign-up, however many sessions: six sessions are one.)
    for n in 0..5 {
        assert_eq!(post(&app, &key, &format!("10.0.0.{n}"), &person(1)).await.status(), 201);
    }
    let refused = post(&app, &key, "10.0.0.9", &person(1)).await;
    assert_eq!(refused.status(), 429);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["code"], "too_many_today", "{body}");
}

#[tokio::test]
async fn once_signing_up_for_a_course_has_closed_the_public_is_refused_and_staff_take_a_late_comer() {
    let relay = Relay::start().await;
    let app = app_with(&relay).await;
    let (course, key) = coming_course(&app).await;
    let staff = app.admin().await;
    let mut content = course.content.clone();
    let closed = plantzette_content::sign_up::Places { closes_at: Some(residence_now() - Duration::minutes(1)), ..content.course_places().unwrap() };
    content.enrolment = plantzette_content::Enrolment::Course { places: Some(closed) };
    assert_eq!(staff.put(&format!("/api/v1/staff/programmes/{}", course.id), course.version, &content).await.status(), 200);

    let refused = post(&app, &key, "10.0.0.1", &person(1)).await;
    assert_eq!(refused.status(), 409);
    assert_eq!(refused.json::<Value>().await.unwrap()["code"], "conflict");
    let late = staff.post(&format!("/api/v1/staff/sign-ups/{key}"), &person(2)).await;
    assert_eq!(late.status(), 201, "staff take a late-comer until the course ends");
    assert_eq!(late.json::<Value>().await.unwrap()["status"], "confirmed");
}

#[tokio::test]
async fn a_course_taken_out_cancels_its_enrolments_and_tells_each_one() {
    let relay = Relay::start().await;
    let app = app_with(&relay).await;
    let (course, key) = coming_course(&app).await;
    let anne = json!({ "name": "Anne Zufferey", "phone": "027 455 12 34", "email": "anne@example.ch", "people": 1, "lang": "de" });
    assert_eq!(post(&app, &key, "10.0.0.1", &anne).await.status(), 201);
    relay.received(1).await;
    let staff = app.admin().await;
    assert!(staff.delete(&format!("/api/v1/staff/programmes/{}", course.id), course.version).await.status().is_success());

    let received = relay.received(2).await;
    assert!(received[1]["subject"].as_str().unwrap().starts_with("Abgesagt: "), "{}", received[1]["subject"]);
    let pool = pool(&app).await;
    let status: String = sqlx::query_scalar("SELECT status FROM sign_ups WHERE event = ?1").bind(&key).fetch_one(&pool).await.unwrap();
    assert_eq!(status, "cancelled");
}
