//! An upgrade keeps the residence: a database made by an earlier release (kept as a SQL dump in
//! `tests/fixtures/`) is opened by this one, which applies its newer migrations, if any, and
//! serves the same content to the same staff. Each release that changes the schema adds its own
//! fixture beside the earlier ones.

use serde_json::Value;
use sqlx::{Connection, SqliteConnection};

use crate::helpers::{config, start, TestApp};
use crate::staff_client::{DEMO_LOGIN, DEMO_PASSWORD};

const RELEASES: [(&str, &str); 6] = [
    ("schema 0004", include_str!("../fixtures/schema-0004.sql")),
    ("schema 0005", include_str!("../fixtures/schema-0005.sql")),
    ("schema 0006", include_str!("../fixtures/schema-0006.sql")),
    ("schema 0007", include_str!("../fixtures/schema-0007.sql")),
    ("schema 0008", include_str!("../fixtures/schema-0008.sql")),
    ("schema 0011", include_str!("../fixtures/schema-0011.sql")),
];

#[tokio::test]
async fn a_database_of_each_earlier_release_is_migrated_and_served() {
    for (release, dump) in RELEASES {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir_all(&data).unwrap();
        let mut db = SqliteConnection::connect(&format!("sqlite://{}?mode=rwc", data.join("plantzette.sqlite3").display())).await.unwrap();
        // A dump lists tables by name: rows may come before the table they refer to.
        sqlx::query("PRAGMA foreign_keys = OFF").execute(&mut db).await.unwrap();
        sqlx::raw_sql(dump).execute(&mut db).await.unwrap();
        let counted: i64 =
            sqlx::query_scalar("SELECT (SELECT count(*) FROM activities) + (SELECT count(*) FROM menus) + (SELECT count(*) FROM programmes)")
                .fetch_one(&mut db)
                .await
                .unwrap();
        let has_screens: bool = sqlx::query_scalar("SELECT count(*) > 0 FROM sqlite_master WHERE name = 'screens'").fetch_one(&mut db).await.unwrap();
        let screens: i64 = if has_screens {
            sqlx::query_scalar("SELECT count(*) FROM screens WHERE adopted_at IS NOT NULL").fetch_one(&mut db).await.unwrap()
        } else {
            0
        };
        db.close().await.unwrap();

        let address = start(plantzette_server::Config { demo: false, ..config(&dir) }).await;
        let app = TestApp::at(address, dir);
        let admin = app.staff(DEMO_LOGIN, DEMO_PASSWORD).await;
        let export: Value = admin.get("/api/v1/staff/export").await.json().await.unwrap();
        let served = ["activities", "menus", "programmes"].map(|kind| export[kind].as_array().map_or(0, Vec::len) as i64).iter().sum::<i64>();
        assert_eq!(served, counted, "{release}: every item served after the upgrade");
        assert!(counted > 0, "{release}: the fixture holds content");
        let listed: Value = admin.get("/api/v1/staff/screens").await.json().await.unwrap();
        assert_eq!(listed["screens"].as_array().map_or(0, Vec::len) as i64, screens, "{release}: every adopted screen still known");
        assert!(listed["alarm"].is_null(), "{release}: an alarm ended stays ended");
        if release == "schema 0011" {
            sign_ups_for_one_session_stay(&app, &admin).await;
        }
    }
}

/// The sign-ups made for one session before programmes could be courses stay that session's:
/// counted, and on staff's list (their names, whatever the day the test runs, may be erased).
async fn sign_ups_for_one_session_stay(app: &TestApp, admin: &crate::staff_client::StaffClient<'_>) {
    for (session, taken) in [("programmes/1/2026-12-15T14:00", 2), ("programmes/1/2026-12-22T14:00", 1)] {
        let figures: Value = app.get_json(&format!("/api/v1/sign-ups/{session}")).await;
        assert_eq!(figures["taken"], taken, "{session}: {figures}");
        let list: Value = admin.get(&format!("/api/v1/staff/sign-ups/{session}")).await.json().await.unwrap();
        let statuses: Vec<&str> = list["entries"].as_array().unwrap().iter().map(|e| e["status"].as_str().unwrap()).collect();
        assert_eq!(statuses, vec!["confirmed"; taken], "{session}: {list}");
        assert!(list.get("sessions").is_none(), "a session's list, not a course's roster: {list}");
    }
    let programme: Value = app.get_json("/api/v1/programmes/1").await;
    assert!(programme["title"].is_object() && programme.get("enrolment").is_none(), "a programme of before stays drop-in: {programme}");
}
