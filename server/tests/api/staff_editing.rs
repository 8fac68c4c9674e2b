//! Changing content as staff: created, replaced only from the version it was read at, deleted
//! and restored, each change validated and in the audit log, and shown on the public API.

use serde_json::{json, Value};

use crate::helpers::{spawn_app, this_week};

/// The first stored item of a kind, as the editor lists it.
async fn first(staff: &crate::staff_client::StaffClient<'_>, kind: &str) -> Value {
    let items: Value = staff.get(&format!("/api/v1/staff/{kind}")).await.json().await.unwrap();
    items[0].clone()
}

/// A stored item's content alone, as the editor sends it back.
fn content(item: &Value) -> Value {
    let mut content = item.clone();
    for key in ["id", "version", "updated_at", "deleted_at"] {
        content.as_object_mut().unwrap().remove(key);
    }
    content
}

#[tokio::test]
async fn a_weekly_activity_is_created_then_edited_from_its_version_and_both_are_in_the_audit_log() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let sunday = this_week().monday() + chrono::Duration::days(6);
    let mass = json!({
        "title": { "fr": "Messe du dimanche", "de": "Sonntagsmesse" },
        "place": { "fr": "Chapelle" },
        "category": "worship",
        "registration_required": false,
        "wheelchair_accessible": true,
        "starts_at": format!("{sunday}T10:00:00"),
        "ends_at": format!("{sunday}T11:00:00"),
        "recurrence": { "weekdays": ["Sun"], "until": format!("{}", sunday + chrono::Duration::weeks(20)), "except": [] },
        "cancelled": false
    });
    let created = admin.post("/api/v1/staff/activities", &mass).await;
    assert_eq!(created.status(), 201);
    let created: Value = created.json().await.unwrap();
    assert_eq!(created["version"], 1);
    let id = created["id"].as_i64().unwrap();
    let week: Value = app.get_json("/api/v1/activities").await;
    assert!(week.to_string().contains("Messe du dimanche"), "the public week shows it");

    let mut renamed = mass.clone();
    renamed["title"]["fr"] = json!("Messe dominicale");
    let path = format!("/api/v1/staff/activities/{id}");
    let updated = admin.put(&path, 1, &renamed).await;
    assert_eq!(updated.status(), 200);
    assert_eq!(updated.json::<Value>().await.unwrap()["version"], 2);

    // A second editor who read version 1 saves over it: refused, with what is there now.
    let mut late = mass.clone();
    late["place"]["fr"] = json!("Salle polyvalente");
    let stale = admin.put(&path, 1, &late).await;
    assert_eq!(stale.status(), 412);
    let body: Value = stale.json().await.unwrap();
    assert_eq!(body["current"]["version"], 2);
    assert_eq!(body["current"]["title"]["fr"], "Messe dominicale");

    let unversioned = admin.request(reqwest::Method::PUT, &path).json(&late).send().await.unwrap();
    assert_eq!(unversioned.status(), 428);

    let log: Value = admin.get("/api/v1/staff/audit").await.json().await.unwrap();
    let actions: Vec<(String, String, i64)> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|entry| entry["item_id"] == id)
        .map(|entry| (entry["action"].as_str().unwrap().into(), entry["login"].as_str().unwrap().into(), entry["version"].as_i64().unwrap()))
        .collect();
    assert_eq!(actions, [("update".into(), "direction".into(), 2), ("create".into(), "direction".into(), 1)]);
}

#[tokio::test]
async fn invalid_content_is_refused_field_by_field_and_nothing_is_stored() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let activity = first(&admin, "activities").await;
    let mut wrong = content(&activity);
    wrong["title"]["fr"] = json!("");
    wrong["place"]["fr"] = json!("x".repeat(500));
    wrong["ends_at"] = wrong["starts_at"].clone();
    let response = admin.put(&format!("/api/v1/staff/activities/{}", activity["id"]), activity["version"].as_i64().unwrap(), &wrong).await;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    let fields: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert!(fields.contains(&"title.fr") && fields.contains(&"place.fr") && fields.contains(&"ends_at"), "{fields:?}");

    let malformed = admin
        .request(reqwest::Method::POST, "/api/v1/staff/activities")
        .header("content-type", "application/json")
        .body("{\"title\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(malformed.status(), 422);
    assert_eq!(malformed.json::<Value>().await.unwrap()["errors"][0]["code"], "malformed");
    assert_eq!(first(&admin, "activities").await, activity, "unchanged");
}

#[tokio::test]
async fn a_line_break_in_a_title_a_mailto_trick_and_a_far_end_date_are_field_errors() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let activity = first(&admin, "activities").await;
    let mut forged = content(&activity);
    forged["title"]["fr"] = json!("Loto\r\nX-Forged: yes");
    let response = admin.put(&format!("/api/v1/staff/activities/{}", activity["id"]), activity["version"].as_i64().unwrap(), &forged).await;
    assert_eq!(response.status(), 422);
    assert_eq!(response.json::<Value>().await.unwrap()["errors"][0], json!({ "field": "title.fr", "code": "line_break" }));

    let programme = first(&admin, "programmes").await;
    let mut tricked = content(&programme);
    tricked["contact"]["email"] = json!("prevention@cms.example?subject=x&body=javascript:alert(1)");
    let response = admin.put(&format!("/api/v1/staff/programmes/{}", programme["id"]), programme["version"].as_i64().unwrap(), &tricked).await;
    assert_eq!(response.status(), 422);
    assert_eq!(response.json::<Value>().await.unwrap()["errors"][0], json!({ "field": "contact.email", "code": "invalid_email" }));

    let announcement = first(&admin, "announcements").await;
    let mut forever = content(&announcement);
    forever["shown_until"] = json!("2999-12-31T23:00:00");
    let response =
        admin.put(&format!("/api/v1/staff/announcements/{}", announcement["id"]), announcement["version"].as_i64().unwrap(), &forever).await;
    assert_eq!(response.status(), 422);
    assert_eq!(response.json::<Value>().await.unwrap()["errors"][0]["field"], "shown_until");
}

#[tokio::test]
async fn a_deleted_item_leaves_the_public_api_and_comes_back_when_restored() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let page = first(&admin, "pages").await;
    let slug = page["slug"].as_str().unwrap();
    let path = format!("/api/v1/staff/pages/{}", page["id"]);
    let deleted = admin.delete(&path, page["version"].as_i64().unwrap()).await;
    assert_eq!(deleted.status(), 200);
    assert_eq!(app.get(&format!("/api/v1/pages/{slug}")).await.status(), 404);
    let listed = first(&admin, "pages").await;
    let stored: Value = admin.get("/api/v1/staff/pages").await.json().await.unwrap();
    let gone = stored.as_array().unwrap().iter().find(|p| p["id"] == page["id"]).unwrap();
    assert!(gone["deleted_at"].is_string(), "listed as deleted, to restore: {listed}");

    let restored = admin.request(reqwest::Method::POST, &format!("{path}/restore")).send().await.unwrap();
    assert_eq!(restored.status(), 200);
    assert_eq!(app.get(&format!("/api/v1/pages/{slug}")).await.status(), 200);
}

#[tokio::test]
async fn a_second_menu_for_a_day_is_a_field_error_on_its_date() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let menu = first(&admin, "menus").await;
    let again = admin.post("/api/v1/staff/menus", &content(&menu)).await;
    assert_eq!(again.status(), 422);
    assert_eq!(again.json::<Value>().await.unwrap()["errors"][0], json!({ "field": "date", "code": "duplicate" }));
}

#[tokio::test]
async fn the_residence_is_edited_not_created_and_a_staff_edit_ends_the_demo_reset() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let residence = first(&admin, "residence").await;
    let mut closed = content(&residence);
    closed["visits"]["state"] = json!("suspended");
    let response = admin.put("/api/v1/staff/residence/1", residence["version"].as_i64().unwrap(), &closed).await;
    assert_eq!(response.status(), 200, "{}", response.text().await.unwrap());
    let public: Value = app.get_json("/api/v1/residence").await;
    assert_eq!(public["visits"]["state"], "suspended");
    assert_eq!(admin.post("/api/v1/staff/residence", &closed).await.status(), 409, "created once, on a new install: then edited");

    // A new week begins: the demo would be laid out again, but a staff member changed content.
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", app.database().display())).await.unwrap();
    sqlx::query("UPDATE meta SET value = '2020-01-06' WHERE key = 'demo_week'").execute(&db).await.unwrap();
    plantzette_server::demo::lay_out(&db).await.unwrap();
    let public: Value = app.get_json("/api/v1/residence").await;
    assert_eq!(public["visits"]["state"], "suspended", "the demo is not laid out over a staff change");
}

#[tokio::test]
async fn new_content_dated_in_the_past_is_refused_at_its_date() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let mut menu = content(&first(&admin, "menus").await);
    menu["date"] = json!("2024-03-05");
    let response = admin.post("/api/v1/staff/menus", &menu).await;
    assert_eq!(response.status(), 422);
    assert_eq!(response.json::<Value>().await.unwrap()["errors"][0], json!({ "field": "date", "code": "in_the_past" }));
}
