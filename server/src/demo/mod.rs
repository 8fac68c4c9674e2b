//! The demo residence: a believable week of the Résidence Plantzette in Sierre, in French and
//! German, laid out relative to the current week so that it is never stale.
//!
//! It is seeded into an empty database, and laid out anew each week (the `demo_week` row of
//! `meta` says for which) for as long as no one changed content: the audit log tells.

mod activities;
mod announcements;
mod menus;
mod pages;
mod programmes;
mod residence;
mod short_stays;

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use plantzette_content::schedule::residence_now;
use plantzette_content::staff::{NewUser, Role};
use plantzette_content::{Content, Text, Valid, Week};
use sqlx::SqlitePool;

use crate::auth::password::Hasher;
use crate::auth::users::{self, AccountError};
use crate::store::{self, StoreError};

/// Seeds or refreshes the demo content for the current week; leaves real content alone.
pub async fn lay_out(pool: &SqlitePool) -> Result<(), StoreError> {
    let week = Week::containing(residence_now().date());
    let mut tx = pool.begin().await?;
    let laid_out_for: Option<String> = sqlx::query_scalar("SELECT value FROM meta WHERE key = 'demo_week'").fetch_optional(&mut *tx).await?;
    let empty: bool = sqlx::query_scalar("SELECT NOT EXISTS (SELECT 1 FROM residence)").fetch_one(&mut *tx).await?;
    // A staff edit or an import makes the content the residence's own: never laid over.
    let changed: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM audit_log WHERE action <> 'user_create')").fetch_one(&mut *tx).await?;
    let monday = week.monday().to_string();
    match laid_out_for {
        _ if changed => return Ok(()),
        Some(seeded) if seeded == monday => return Ok(()),
        None if !empty => return Ok(()),
        _ => {}
    }
    let plan = Plan { week };
    replace_all(&mut tx, &[residence::residence()]).await?;
    replace_all(&mut tx, &activities::activities(&plan)).await?;
    replace_all(&mut tx, &menus::menus(&plan)).await?;
    replace_all(&mut tx, &programmes::programmes(&plan)).await?;
    replace_all(&mut tx, &announcements::announcements(&plan)).await?;
    replace_all(&mut tx, &pages::pages()).await?;
    short_stays::lay_out(&mut tx, &plan).await?;
    sqlx::query("INSERT INTO meta (key, value) VALUES ('demo_week', ?1) ON CONFLICT (key) DO UPDATE SET value = ?1")
        .bind(&monday)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    tracing::info!(week = %monday, "demo content laid out");
    Ok(())
}

/// The demo's administrator, so that the staff editor can be tried at once.
pub const STAFF_LOGIN: &str = "direction";
pub const STAFF_PASSWORD: &str = "plantzette-demo";

pub async fn add_staff(pool: &SqlitePool, hasher: &Hasher) -> Result<(), AccountError> {
    let account = NewUser { login: STAFF_LOGIN.into(), name: "Direction (démo)".into(), role: Role::Admin, password: STAFF_PASSWORD.into() };
    users::create(pool, users::prepare(hasher, account).await?, None).await?;
    tracing::warn!(login = STAFF_LOGIN, "demo staff account added (its password is in the README): for trying the editor, never for real content");
    Ok(())
}

/// Lays the demo out again when a new week begins, for a server that runs for weeks.
pub async fn keep_current(pool: SqlitePool) {
    let mut hourly = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        hourly.tick().await;
        if let Err(error) = lay_out(&pool).await {
            tracing::error!(?error, "could not lay out the demo content for the new week");
        }
    }
}

async fn replace_all<T: Content>(tx: &mut sqlx::SqliteConnection, items: &[T]) -> Result<(), StoreError> {
    store::clear::<T>(&mut *tx).await?;
    for item in items {
        store::insert(&mut *tx, &Valid::new(item.clone())?).await?;
    }
    Ok(())
}

/// The week the demo is laid out in, and shorthands to write its content.
struct Plan {
    week: Week,
}

impl Plan {
    /// The day `offset` days after this week's Monday (0 = Monday, 6 = Sunday, 7 = next Monday).
    fn day(&self, offset: i64) -> NaiveDate {
        self.week.monday() + Duration::days(offset)
    }

    /// `at(1, "14:30")`: Tuesday of this week at 14:30, residence time.
    fn at(&self, offset: i64, time: &str) -> NaiveDateTime {
        self.day(offset).and_time(NaiveTime::parse_from_str(time, "%H:%M").expect("demo times are HH:MM"))
    }
}

fn fr_de(fr: &str, de: &str) -> Text {
    Text::fr_de(fr, de)
}

/// The demo is checked like any content: a mistake in it fails the tests, not the kiosk.
#[cfg(test)]
mod tests {
    use super::*;
    use plantzette_content::{Activity, Announcement, DayMenu, InfoPage, Programme};

    #[test]
    fn every_piece_of_demo_content_is_valid() {
        let plan = Plan { week: Week::containing(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()) };
        residence::residence().validate().unwrap();
        activities::activities(&plan).iter().try_for_each(Activity::validate).unwrap();
        menus::menus(&plan).iter().try_for_each(DayMenu::validate).unwrap();
        programmes::programmes(&plan).iter().try_for_each(Programme::validate).unwrap();
        announcements::announcements(&plan).iter().try_for_each(Announcement::validate).unwrap();
        pages::pages().iter().try_for_each(InfoPage::validate).unwrap();
    }

    #[test]
    fn demo_week_has_two_meals_every_day() {
        let plan = Plan { week: Week::containing(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()) };
        let menus = menus::menus(&plan);
        assert_eq!(menus.len(), 7);
        assert!(menus.iter().all(|menu| menu.meals.len() >= 2));
    }
}
