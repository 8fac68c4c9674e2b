//! A real residence's first day: the server started without the demo holds nothing, and says so
//! (its pages in the reader's language, its API with a code an app tells apart), until its first
//! administrator fills the residence in, once.

use serde_json::{json, Value};

use crate::helpers::{spawn_app_with, TestApp};

const LOGIN: &str = "marie.favre";
const PASSWORD: &str = "premier-jour-2026";

async fn empty_install() -> TestApp {
    let app = spawn_app_with(|config| plantzette_server::Config { demo: false, ..config }).await;
    let data_dir = app.database().parent().unwrap().to_path_buf();
    plantzette_server::commands::add_user(&data_dir, LOGIN.into(), "Marie Favre".into(), true, PASSWORD.into()).await.unwrap();
    app
}

fn residence() -> Value {
    json!({
        "name": "EMS Les Vergers",
        "address": { "street": "Route de Sion 12", "postcode": "3960", "city": "Sierre" },
        "contact": { "name": "Réception", "phone": "027 455 00 00", "email": "reception@vergers.example.ch" },
        "visiting_hours": [],
        "visits": { "state": "open" },
        "time_zone": "Europe/Zurich",
    })
}

#[tokio::test]
async fn an_empty_install_says_it_is_not_set_up_on_its_pages_and_in_its_api() {
    let app = empty_install().await;
    for (language, heading) in [("fr-CH", "La résidence n'est pas encore en ligne"), ("de-CH,de;q=0.9", "Die Residenz ist noch nicht online")] {
        for path in ["/", "/activities", "/menus", "/programmes", "/info", "/nothing-here"] {
            let response = app.client.get(app.url(path)).header("accept-language", language).send().await.unwrap();
            assert_eq!(response.status(), 503, "{path}");
            assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/html"), "{path}: a page");
            assert_eq!(response.headers()["retry-after"], "60");
            let page = response.text().await.unwrap();
            assert!(page.contains(heading), "{path} in {language}: {page}");
        }
    }
    for path in ["/api/v1/residence", "/api/v1/today"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 503, "{path}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["code"], "not_set_up", "{path}: {body}");
    }
    // The lists are empty, not broken: the kiosk and the editor read them as they are.
    let activities: Value = app.get_json("/api/v1/activities").await;
    assert_eq!(activities["items"], json!([]));
}

#[tokio::test]
async fn the_first_administrator_fills_the_residence_in_once_and_the_pages_show_it() {
    let app = empty_install().await;
    let staff = app.staff(LOGIN, PASSWORD).await;
    let listed: Value = staff.get("/api/v1/staff/residence").await.json().await.unwrap();
    assert_eq!(listed, json!([]), "nothing to edit yet");
    let created = staff.post("/api/v1/staff/residence", &residence()).await;
    assert_eq!(created.status(), 201, "{}", created.text().await.unwrap());
    let again = staff.post("/api/v1/staff/residence", &residence()).await;
    assert_eq!(again.status(), 409, "one residence: the second is told to edit the first");

    let shown: Value = app.get_json("/api/v1/residence").await;
    assert_eq!(shown["name"], "EMS Les Vergers");
    let home = app.get("/").await;
    assert_eq!(home.status(), 200);
    assert!(home.text().await.unwrap().contains("Aujourd"));
}

#[tokio::test]
async fn only_an_administrator_sets_a_residence_up() {
    let app = empty_install().await;
    let data_dir = app.database().parent().unwrap().to_path_buf();
    plantzette_server::commands::add_user(&data_dir, "lea.animation".into(), "Léa".into(), false, "animation-2026-x".into()).await.unwrap();
    let editor = app.staff("lea.animation", "animation-2026-x").await;
    assert_eq!(editor.post("/api/v1/staff/residence", &residence()).await.status(), 403);
}
