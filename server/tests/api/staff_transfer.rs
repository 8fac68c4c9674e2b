//! Moving and keeping a residence: export, import into another server, verified backups.

use plantzette_server::backup;
use serde_json::{json, Value};

use crate::helpers::spawn_app;

fn without_time(mut export: Value) -> Value {
    export.as_object_mut().unwrap().remove("exported_at");
    export
}

#[tokio::test]
async fn an_export_imported_elsewhere_gives_the_same_residence_and_keeps_what_was_there() {
    let (from, to) = (spawn_app().await, spawn_app().await);
    let (source, target) = (from.admin().await, to.admin().await);
    let mut export: Value = source.get("/api/v1/staff/export").await.json().await.unwrap();
    export["activities"][0]["title"]["fr"] = json!("Tournoi de jass");
    let imported = target.post("/api/v1/staff/import", &export).await;
    assert_eq!(imported.status(), 200);
    let imported: Value = imported.json().await.unwrap();
    let backup_file = to.database().with_file_name(imported["backup"].as_str().unwrap());
    let kept = backup::verify(&backup_file).await.expect("the content from before is kept, and sound");
    assert!(kept.items > 0);

    let again: Value = target.get("/api/v1/staff/export").await.json().await.unwrap();
    assert_eq!(without_time(again), without_time(export));
    let week: Value = to.get_json("/api/v1/activities").await;
    assert!(week.to_string().contains("Tournoi de jass"));
}

#[tokio::test]
async fn an_import_with_bad_items_is_refused_whole_with_each_problem_named() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let before: Value = admin.get("/api/v1/staff/export").await.json().await.unwrap();
    let mut broken = before.clone();
    broken["activities"][0]["title"]["fr"] = json!("");
    broken["menus"][1]["meals"][0]["main"]["allergens"] = json!(["shellfish"]);
    let response = admin.post("/api/v1/staff/import", &broken).await;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    let fields: Vec<&str> = body["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["activities[0].title.fr", "menus[1].meals[0].main.allergens[0]"], "every problem, by its path");
    let after: Value = admin.get("/api/v1/staff/export").await.json().await.unwrap();
    assert_eq!(without_time(after), without_time(before), "nothing changed");
}

#[tokio::test]
async fn a_backup_is_a_checked_copy_and_never_overwrites_a_file() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let menu: Value = admin.get("/api/v1/staff/menus").await.json().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("plantzette-backup.sqlite3");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", app.database().display())).await.unwrap();
    let verified = backup::backup(&pool, &copy).await.unwrap();
    let stored: i64 = sqlx::query_scalar("SELECT count(*) FROM menus").fetch_one(&pool).await.unwrap();
    assert!(verified.items >= stored && stored == menu.as_array().unwrap().len() as i64);
    let error = backup::backup(&pool, &copy).await.unwrap_err();
    assert!(error.to_string().contains("exists already"), "{error}");
}

/// A residence's year can weigh more than axum's default 2 MB body limit: an import of 3 MB
/// goes through, and the week it fills (an answer of 1 to 4 MiB, too large to keep in memory)
/// is served whole, every time, rather than failing.
#[tokio::test]
async fn an_import_over_2_mb_is_taken_and_its_large_week_is_served_whole() {
    let app = spawn_app().await;
    let admin = app.admin().await;
    let mut export: Value = admin.get("/api/v1/staff/export").await.json().await.unwrap();
    let tomorrow = crate::helpers::today() + chrono::Duration::days(1);
    let description = "Un après-midi de jeux, de chants et de souvenirs partagés. ".repeat(8);
    let mut activity = export["activities"][0].clone();
    activity.as_object_mut().unwrap().remove("recurrence");
    activity["starts_at"] = json!(format!("{tomorrow}T14:00:00"));
    activity["ends_at"] = json!(format!("{tomorrow}T15:30:00"));
    activity["description"] = json!({ "fr": description, "de": description, "en": description });
    let activities = export["activities"].as_array_mut().unwrap();
    let first_new_id = activities.iter().map(|a| a["id"].as_i64().unwrap()).max().unwrap() + 1;
    for id in first_new_id..first_new_id + 1800 {
        let mut copy = activity.clone();
        copy["id"] = json!(id);
        activities.push(copy);
    }
    let body = serde_json::to_vec(&export).unwrap();
    assert!(body.len() > 3_000_000, "{} bytes", body.len());

    let imported =
        admin.request(reqwest::Method::POST, "/api/v1/staff/import").header("content-type", "application/json").body(body).send().await.unwrap();
    assert_eq!(imported.status(), 200, "{}", imported.text().await.unwrap());

    let path = format!("/api/v1/activities?from={tomorrow}&to={tomorrow}");
    for _ in 0..2 {
        let response = app.client.get(app.url(&path)).header("accept-encoding", "identity").send().await.unwrap();
        assert_eq!(response.status(), 200);
        let size = response.bytes().await.unwrap().len();
        assert!((1 << 20..4 << 20).contains(&size), "{size} bytes: between 1 and 4 MiB");
    }
}
