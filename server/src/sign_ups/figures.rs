//! Each programme's figures for the canton's yearly report: counts, never names.

use chrono::NaiveDateTime;
use plantzette_content::sign_up::{EventRef, ProgrammeFigures};
use plantzette_content::{DateRange, Programme};
use sqlx::SqlitePool;

use crate::store::{self, StoreError};

/// Each programme's figures over `range`: its sessions with places that began in it and ended
/// before `now`, and what their sign-ups came to.
pub async fn figures(pool: &SqlitePool, range: DateRange, now: NaiveDateTime) -> Result<Vec<ProgrammeFigures>, StoreError> {
    let mut all = Vec::new();
    for programme in store::list::<Programme>(pool, Some(range)).await? {
        let held: Vec<String> = programme
            .content
            .sessions
            .iter()
            .filter(|s| s.places.is_some() && range.contains(s.starts_at.date()) && s.ends_at <= now)
            .map(|s| EventRef::Session { programme_id: programme.id, starts_at: s.starts_at }.key())
            .collect();
        let mut figures = ProgrammeFigures {
            programme_id: programme.id,
            title: programme.content.title.clone(),
            sessions_held: held.len() as u32,
            sign_ups: 0,
            places_taken: 0,
            present: 0,
            ticked: 0,
            most_waiting: 0,
        };
        for event in &held {
            let (sign_ups, taken, present, ticked, waited): (i64, i64, i64, i64, i64) = sqlx::query_as(
                "SELECT count(*) FILTER (WHERE status <> 'cancelled'), coalesce(sum(people) FILTER (WHERE status = 'confirmed'), 0),
                 coalesce(sum(people) FILTER (WHERE attendance = 'present'), 0), coalesce(sum(people) FILTER (WHERE attendance IS NOT NULL), 0),
                 coalesce(sum(people) FILTER (WHERE waited), 0)
                 FROM sign_ups WHERE event = ?1",
            )
            .bind(event)
            .fetch_one(pool)
            .await?;
            figures.sign_ups += sign_ups as u32;
            figures.places_taken += taken as u32;
            figures.present += present as u32;
            figures.ticked += ticked as u32;
            figures.most_waiting = figures.most_waiting.max(waited as u32);
        }
        all.push(figures);
    }
    Ok(all)
}
