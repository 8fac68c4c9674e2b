//! The calendar files families add or subscribe to: RFC 5545 text in the residence's time zone.

use chrono::Weekday;
use plantzette_content::{Item, Listing, Occurrence, Programme};

use crate::helpers::{spawn_app, this_week, TestApp};

/// GETs an .ics path and returns its text, after checking it is a calendar.
async fn get_calendar(app: &TestApp, path: &str) -> (String, String) {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "GET {path}");
    assert_eq!(response.headers()["content-type"], "text/calendar; charset=utf-8");
    let disposition = response.headers()["content-disposition"].to_str().unwrap().to_string();
    let text = response.text().await.unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n") && text.ends_with("END:VCALENDAR\r\n"), "{text}");
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Zurich\r\n"), "the zone travels with the file");
    (text, disposition)
}

#[tokio::test]
async fn the_whole_calendar_holds_every_activity_series_and_every_session() {
    let app = spawn_app().await;
    let (text, disposition) = get_calendar(&app, "/api/v1/calendar.ics").await;
    assert!(disposition.starts_with("inline"), "a feed to subscribe to, not a download: {disposition}");
    let programmes: Listing<Item<Programme>> = app.get_json("/api/v1/programmes").await;
    let sessions: usize = programmes.items.iter().map(|p| p.content.sessions.len()).sum();
    assert_eq!(text.matches("UID:programme-").count(), sessions);
    assert!(text.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL="), "the gym series is one event that repeats");
    assert!(text.contains("SUMMARY:Gym douce\r\n"));
    assert!(text.contains("STATUS:CANCELLED"), "the cancelled workshop says so");
}

#[tokio::test]
async fn a_category_feed_holds_only_that_category_in_the_language_asked() {
    let app = spawn_app().await;
    let (text, _) = get_calendar(&app, "/api/v1/calendar/worship.ics?lang=de").await;
    assert!(text.contains("SUMMARY:Heilige Messe\r\n"));
    assert!(!text.contains("Gymnastik") && !text.contains("UID:programme-"));
    assert!(text.contains("DTSTART;TZID=Europe/Zurich:"));
    let (prevention, _) = get_calendar(&app, "/api/v1/calendar/prevention.ics").await;
    assert!(prevention.contains("UID:programme-") && !prevention.contains("UID:activity-"));
    assert_eq!(app.get("/api/v1/calendar/bingo.ics").await.status(), 404);
    assert_eq!(app.get("/api/v1/calendar/worship").await.status(), 404);
}

#[tokio::test]
async fn one_occurrence_is_a_download_at_its_local_time() {
    let app = spawn_app().await;
    let week: Listing<Occurrence> = app.get_json("/api/v1/activities").await;
    let gym = week.items.iter().find(|o| o.info.title.fr == "Gym douce" && o.starts_at.date() == this_week().day(Weekday::Wed)).unwrap();
    let date = gym.starts_at.date();
    let (text, disposition) = get_calendar(&app, &format!("/api/v1/calendar/activities/{}/{date}.ics", gym.activity_id)).await;
    assert_eq!(disposition, format!("attachment; filename=\"gym-douce-{date}.ics\""));
    assert!(text.contains(&format!("DTSTART;TZID=Europe/Zurich:{}T100000\r\n", date.format("%Y%m%d"))), "{text}");
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
    assert!(!text.contains("RRULE:FREQ=WEEKLY"), "one occurrence, not the series");

    let tuesday = this_week().day(Weekday::Tue);
    let missing = app.get(&format!("/api/v1/calendar/activities/{}/{tuesday}.ics", gym.activity_id)).await;
    assert_eq!(missing.status(), 404, "no gym on Tuesdays");
    assert_eq!(app.get(&format!("/api/v1/calendar/activities/{}/someday.ics", gym.activity_id)).await.status(), 400);
}

#[tokio::test]
async fn one_prevention_session_is_numbered_from_one() {
    let app = spawn_app().await;
    let programme: Item<Programme> = app.get_json("/api/v1/programmes/1").await;
    let second = &programme.content.sessions[1];
    let (text, _) = get_calendar(&app, "/api/v1/calendar/programmes/1/2.ics").await;
    assert!(text.contains(&format!("DTSTART;TZID=Europe/Zurich:{}\r\n", second.starts_at.format("%Y%m%dT%H%M%S"))));
    assert!(text.contains(&programme.content.contact.phone));
    assert_eq!(app.get("/api/v1/calendar/programmes/1/0.ics").await.status(), 404);
    let beyond = programme.content.sessions.len() + 1;
    assert_eq!(app.get(&format!("/api/v1/calendar/programmes/1/{beyond}.ics")).await.status(), 404);
}

#[tokio::test]
async fn an_unchanged_feed_revalidates_with_a_304() {
    let app = spawn_app().await;
    let first = app.get("/api/v1/calendar.ics").await;
    let tag = first.headers()["etag"].clone();
    let again = app.client.get(app.url("/api/v1/calendar.ics")).header("if-none-match", tag).send().await.unwrap();
    assert_eq!(again.status(), 304);
}
