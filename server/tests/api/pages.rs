//! The families' pages as the server renders them: HTML with the content in it, in the reader's
//! language (chosen on the site, else the browser's), tagged for a 304, following the clock of
//! the request; an unknown address or item is the not-found page; the language switch and the
//! forms are plain HTML forms that the server answers.

use chrono::Duration;
use plantzette_content::schedule::residence_now;
use plantzette_content::Today;
use reqwest::header::{CONTENT_TYPE, COOKIE, IF_NONE_MATCH, LOCATION};
use reqwest::redirect::Policy;
use serde_json::json;

use crate::helpers::{spawn_app, TestApp};
use crate::sign_ups::coming_session;

async fn page(app: &TestApp, path: &str, headers: &[(&str, &str)]) -> (u16, reqwest::header::HeaderMap, String) {
    let mut request = app.client.get(app.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = request.send().await.unwrap();
    let (status, headers) = (response.status().as_u16(), response.headers().clone());
    (status, headers, response.text().await.unwrap())
}

#[tokio::test]
async fn the_today_page_arrives_with_the_days_content_in_the_readers_language() {
    let app = spawn_app().await;
    let today: Today = app.get_json("/api/v1/today").await;
    let first = &today.activities[0];
    let main_dish = &today.menu.as_ref().expect("the demo's menu").content.meals[0].main.name;

    // A first visit: the browser's first language that the site speaks.
    let (status, headers, html) = page(&app, "/", &[("accept-language", "it-CH, de;q=0.8, fr;q=0.5")]).await;
    assert_eq!(status, 200);
    assert_eq!(headers[CONTENT_TYPE], "text/html; charset=utf-8");
    assert_eq!(headers["content-language"], "de");
    assert!(headers["vary"].to_str().unwrap().contains("cookie"));
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"de\">"));
    assert!(html.contains(first.info.title.de.as_deref().unwrap_or(&first.info.title.fr)), "today's first activity, in German");
    assert!(html.contains(main_dish.de.as_deref().unwrap_or(&main_dish.fr)), "today's main dish");
    assert!(html.contains("Aktivitäten heute"));

    // Chosen on the site: the choice wins over the browser's.
    let (_, headers, html) = page(&app, "/", &[("accept-language", "de"), ("cookie", "plantzette_lang=fr")]).await;
    assert_eq!(headers["content-language"], "fr");
    assert!(html.contains(&first.info.title.fr) && html.contains("Activités du jour"));
    // Nothing we speak: French.
    let (_, headers, _) = page(&app, "/", &[("accept-language", "it, es")]).await;
    assert_eq!(headers["content-language"], "fr");
}

#[tokio::test]
async fn a_page_asked_again_unchanged_is_a_304() {
    let app = spawn_app().await;
    let (_, headers, _) = page(&app, "/menus", &[]).await;
    let tag = headers["etag"].to_str().unwrap().to_string();
    assert_eq!(headers["cache-control"], "no-cache");
    let again = app.client.get(app.url("/menus")).header(IF_NONE_MATCH, &tag).send().await.unwrap();
    assert_eq!(again.status(), 304);
    // Another language is another page.
    let german = app.client.get(app.url("/menus")).header(IF_NONE_MATCH, &tag).header(COOKIE, "plantzette_lang=de").send().await.unwrap();
    assert_eq!(german.status(), 200);
}

#[tokio::test]
async fn a_page_shows_the_notices_of_the_minute_it_is_asked_at() {
    let app = spawn_app().await;
    let staff = app.admin().await;
    let now = residence_now();
    let at = |minutes: i64| (now + Duration::minutes(minutes)).format("%Y-%m-%dT%H:%M:00").to_string();
    for (text, from, until) in [("Coupure d'eau maintenant", -10, 30), ("Coupure d'eau plus tard", 20, 40), ("Coupure d'eau passée", -30, -5)] {
        let notice = json!({ "text": { "fr": text }, "priority": "urgent", "shown_from": at(from), "shown_until": at(until) });
        assert_eq!(staff.post("/api/v1/staff/announcements", &notice).await.status(), 201);
    }
    let (_, _, html) = page(&app, "/info", &[]).await;
    assert!(html.contains("Coupure d'eau maintenant"), "shown from ten minutes ago: on every page's banner");
    assert!(!html.contains("plus tard") && !html.contains("passée"), "not before its time, nor after");
}

#[tokio::test]
async fn an_unknown_address_or_item_is_the_not_found_page_and_a_missing_file_a_plain_404() {
    let app = spawn_app().await;
    for path in ["/nowhere/at/all", "/programmes/999999", "/activities/1/not-a-date", "/info/nothing", "/sign-up/no-such-token"] {
        let (status, headers, html) = page(&app, path, &[("accept-language", "de")]).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(headers[CONTENT_TYPE], "text/html; charset=utf-8", "{path}");
        assert!(html.contains("Seite nicht gefunden"), "{path}: the page says so, in the reader's language");
    }
    let (status, headers, _) = page(&app, "/nowhere.js", &[]).await;
    assert_eq!(status, 404);
    assert_ne!(headers.get(CONTENT_TYPE).map(|t| t.to_str().unwrap()), Some("text/html; charset=utf-8"), "a file is no page");
    // The kiosk's addresses are its single-page app's.
    let (status, _, html) = page(&app, "/kiosk/menus", &[]).await;
    assert_eq!(status, 200);
    assert!(html.contains("<script type=\"module\">"), "the kiosk's shell");
}

#[tokio::test]
async fn the_language_switch_remembers_the_choice_and_goes_back_to_the_page_of_this_site() {
    let app = spawn_app().await;
    let client = reqwest::Client::builder().redirect(Policy::none()).build().unwrap();
    let switch = |next: &str| client.post(app.url("/language")).form(&[("lang", "de"), ("next", next)]).send();
    let answer = switch("/menus?week=2026-12-07").await.unwrap();
    assert_eq!(answer.status(), 303);
    assert_eq!(answer.headers()[LOCATION], "/menus?week=2026-12-07");
    let cookie = answer.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("plantzette_lang=de;") && cookie.contains("Max-Age=31536000"), "{cookie}");
    assert_eq!(switch("https://elsewhere.example/").await.unwrap().headers()[LOCATION], "/");
    let refused = client.post(app.url("/language")).form(&[("lang", "xx")]).send().await.unwrap();
    assert_eq!(refused.status(), 400);
}

#[tokio::test]
async fn the_sign_up_form_comes_back_with_its_errors_in_the_readers_language_then_signs_up() {
    let app = spawn_app().await;
    let (key, _, _) = coming_session(&app).await;
    let form =
        |fields: &[(&str, &str)]| app.client.post(app.url(&format!("/sign-ups/{key}"))).header(COOKIE, "plantzette_lang=de").form(fields).send();
    // No mail relay here: an address alone reaches no one, the residence confirms by phone.
    let refused = form(&[("name", "Anna Imboden"), ("email", "anna@example.ch"), ("note", &"x".repeat(201))]).await.unwrap();
    assert_eq!(refused.status(), 422);
    assert_eq!(refused.headers()["cache-control"], "no-store", "what was typed is one person's");
    let html = refused.text().await.unwrap();
    assert!(html.contains("value=\"Anna Imboden\""), "what was typed comes back");
    assert!(html.contains("id=\"phone-error\"") && html.contains("id=\"note-error\""), "each field says what is wrong");
    assert!(html.contains("Das Heim bestätigt telefonisch"), "why a number, in German");
    assert!(!html.contains("id=\"email\""), "no e-mail field where no e-mail is sent");
    assert!(html.contains("aria-invalid=\"true\""));

    let signed_up = form(&[("name", "Anna Imboden"), ("phone", "027 455 12 34"), ("people", "2")]).await.unwrap();
    assert_eq!(signed_up.status(), 201);
    let html = signed_up.text().await.unwrap();
    let link = html.split("href=\"").find_map(|rest| rest.split('"').next().filter(|href| href.contains("/sign-up/"))).expect("the private link");
    let figures: serde_json::Value = app.get_json(&format!("/api/v1/sign-ups/{key}")).await;
    assert_eq!(figures["taken"].as_u64().unwrap() + figures["waiting"].as_u64().unwrap(), 2, "two people");

    // The private link's page, kept by no cache; cancelled by its form.
    let path = link;
    let (status, headers, html) = page(&app, path, &[]).await;
    assert_eq!((status, &headers["cache-control"]), (200, &"no-store".parse().unwrap()));
    assert!(html.contains("Anna Imboden"));
    let cancelled = app.client.post(app.url(path)).form(&[("action", "cancel")]).send().await.unwrap();
    assert_eq!(cancelled.status(), 200);
    let figures: serde_json::Value = app.get_json(&format!("/api/v1/sign-ups/{key}")).await;
    assert_eq!(figures["taken"].as_u64().unwrap() + figures["waiting"].as_u64().unwrap(), 0);
}

#[tokio::test]
async fn the_short_stay_request_form_comes_back_with_its_errors_then_gives_its_number() {
    let app = spawn_app().await;
    let today = residence_now().date();
    let send = |fields: Vec<(&'static str, String)>| app.client.post(app.url("/short-stay-requests")).form(&fields).send();
    let refused = send(vec![("asker", "relative".into()), ("name", "Pierre Salamin".into()), ("from", "demain".into())]).await.unwrap();
    assert_eq!(refused.status(), 422);
    let html = refused.text().await.unwrap();
    assert!(html.contains("id=\"from-error\"") && html.contains("id=\"to-error\"") && html.contains("id=\"phone-error\""));
    assert!(html.contains("value=\"demain\""), "what was typed comes back, even not a date");

    let fields = vec![
        ("asker", "hospital".to_string()),
        ("name", "Pierre Salamin".to_string()),
        ("organisation", "Hôpital de Sion".to_string()),
        ("phone", "027 603 40 00".to_string()),
        ("from", (today + Duration::days(10)).to_string()),
        ("to", (today + Duration::days(24)).to_string()),
        ("flexibility", "days".to_string()),
        ("reason", "after_hospital".to_string()),
    ];
    let received = send(fields).await.unwrap();
    assert_eq!(received.status(), 201);
    assert!(received.text().await.unwrap().contains("id=\"answer\""));
}

#[tokio::test]
async fn a_body_that_is_no_form_gets_the_form_again_in_the_readers_language_not_the_frameworks_english() {
    let app = spawn_app().await;
    let (key, _, _) = coming_session(&app).await;
    for path in ["/short-stay-requests".to_string(), format!("/sign-ups/{key}")] {
        let post = || app.client.post(app.url(&path)).header("accept-language", "de-CH");
        let not_a_form = post().header("content-type", "text/plain").body("name=Rey").send().await.unwrap();
        let twice = post().header("content-type", "application/x-www-form-urlencoded").body("name=Rey&name=Favre").send().await.unwrap();
        for (response, status) in [(not_a_form, 415), (twice, 422)] {
            assert_eq!(response.status(), status, "{path}");
            assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"), "{path}");
            let html = response.text().await.unwrap();
            assert!(html.contains("<html lang=\"de\"") && html.contains("<form"), "{path}: the form again, in German: {html:.200}");
        }
    }
}

#[tokio::test]
async fn the_sign_up_addresses_of_before_move_for_good_with_their_method_and_query() {
    // Printed QR codes carry `/registrations/{event}`, e-mails already sent `/registration/{token}`.
    let app = spawn_app().await;
    let (key, _, _) = coming_session(&app).await;
    let client = reqwest::Client::builder().redirect(Policy::none()).build().unwrap();
    let form = client.get(app.url(&format!("/registrations/{key}"))).send().await.unwrap();
    assert_eq!(form.status(), 308);
    assert_eq!(form.headers()[LOCATION], format!("/sign-ups/{key}"));
    let cancel = client.post(app.url("/registration/abc?confirm=cancel")).form(&[("action", "cancel")]).send().await.unwrap();
    assert_eq!(cancel.status(), 308, "a form posted to the old address is posted again to the new one");
    assert_eq!(cancel.headers()[LOCATION], "/sign-up/abc?confirm=cancel");
    // Followed, the old address of the form is the form.
    let followed = app.get(&format!("/registrations/{key}")).await;
    assert_eq!(followed.status(), 200);
    assert!(followed.url().path().starts_with("/sign-ups/"));
}
