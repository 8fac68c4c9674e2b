//! The beds' calendar as staff keep it: each bed's days free, reserved or closed, and the extra
//! beds opened for a period; every change audited (a day's note left out of the log).

use chrono::{Duration, NaiveDate};
use plantzette_content::short_stay::{horizon, Bed, BedCalendar, BedDay, BedKind, Calendar, DayState, DaysChange, ExtraBeds, ExtraPeriod};
use plantzette_content::staff::StaffUser;
use plantzette_content::Valid;
use sqlx::SqlitePool;

use super::{audited, BEDS};
use crate::audit::{self, Change};
use crate::store::StoreError;

/// The calendar from `today`, over the horizon: every bed, every day, and the extra beds open.
pub async fn calendar(pool: &SqlitePool, today: NaiveDate) -> Result<Calendar, StoreError> {
    let range = horizon(today);
    let mut db = pool.acquire().await?;
    let beds: Vec<(i64, String, String)> = sqlx::query_as("SELECT id, name, kind FROM short_stay_beds ORDER BY id").fetch_all(&mut *db).await?;
    let taken: Vec<(i64, NaiveDate, String, String)> =
        sqlx::query_as("SELECT bed_id, day, state, note FROM short_stay_days WHERE day BETWEEN ?1 AND ?2 ORDER BY bed_id, day")
            .bind(range.from)
            .bind(range.to)
            .fetch_all(&mut *db)
            .await?;
    let beds = beds
        .into_iter()
        .map(|(id, name, kind)| {
            let days = range
                .days()
                .map(|date| match taken.iter().find(|(bed, day, _, _)| *bed == id && *day == date) {
                    Some((_, _, state, note)) => BedDay { date, state: DayState::parse(state).unwrap_or(DayState::Closed), note: note.clone() },
                    None => BedDay { date, state: DayState::Free, note: String::new() },
                })
                .collect();
            BedCalendar { id, name, kind: BedKind::parse(&kind).unwrap_or(BedKind::SingleRoom), days }
        })
        .collect();
    let extra: Vec<(i64, NaiveDate, NaiveDate, i64)> =
        sqlx::query_as("SELECT id, from_day, to_day, count FROM short_stay_extra_beds WHERE to_day >= ?1 AND from_day <= ?2 ORDER BY from_day, id")
            .bind(range.from)
            .bind(range.to)
            .fetch_all(&mut *db)
            .await?;
    let extra = extra
        .into_iter()
        .map(|(id, from, to, count)| ExtraPeriod { id, from: from.max(range.from), to: to.min(range.to), count: count as u32 })
        .collect();
    Ok(Calendar { range, beds, extra })
}

/// Lists a new bed; audited. Returns its id.
pub async fn add_bed(pool: &SqlitePool, bed: &Valid<Bed>, by: &StaffUser) -> Result<i64, StoreError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let id: i64 = sqlx::query_scalar("INSERT INTO short_stay_beds (name, kind) VALUES (?1, ?2) RETURNING id")
        .bind(bed.name.trim())
        .bind(bed.kind.as_str())
        .fetch_one(&mut *transaction)
        .await?;
    audit::record(&mut transaction, Some(by), audited("create", BEDS, id, serde_json::to_string(bed)?)).await?;
    transaction.commit().await?;
    Ok(id)
}

/// Renames bed `id` or changes its kind; audited. Says whether there is such a bed.
pub async fn update_bed(pool: &SqlitePool, id: i64, bed: &Valid<Bed>, by: &StaffUser) -> Result<bool, StoreError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let done = sqlx::query("UPDATE short_stay_beds SET name = ?2, kind = ?3 WHERE id = ?1")
        .bind(id)
        .bind(bed.name.trim())
        .bind(bed.kind.as_str())
        .execute(&mut *transaction)
        .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    audit::record(&mut transaction, Some(by), audited("update", BEDS, id, serde_json::to_string(bed)?)).await?;
    transaction.commit().await?;
    Ok(true)
}

/// Takes bed `id` off the list, with its days; audited. Says whether there was such a bed.
pub async fn remove_bed(pool: &SqlitePool, id: i64, by: &StaffUser) -> Result<bool, StoreError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query("DELETE FROM short_stay_days WHERE bed_id = ?1").bind(id).execute(&mut *transaction).await?;
    let done = sqlx::query("DELETE FROM short_stay_beds WHERE id = ?1").bind(id).execute(&mut *transaction).await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    audit::record(&mut transaction, Some(by), Change { action: "delete", collection: Some(BEDS), item_id: Some(id), version: None, body: None })
        .await?;
    transaction.commit().await?;
    Ok(true)
}

/// A day of a bed as stored: only the days not free have a row.
#[derive(sqlx::FromRow)]
struct DayRow {
    day: NaiveDate,
    state: String,
    note: String,
}

/// Sets the days `change` covers of bed `id`, in one transaction; audited
/// without the note. Says whether there is such a bed. Refused (`ReplacesBooking`) where it
/// would replace a booking the change does not list in `replacing`.
pub async fn set_days(pool: &SqlitePool, id: i64, change: &Valid<DaysChange>, by: &StaffUser) -> Result<bool, StoreError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM short_stay_beds WHERE id = ?1").bind(id).fetch_optional(&mut *transaction).await?;
    if exists.is_none() {
        return Ok(false);
    }
    let stored: Vec<DayRow> = sqlx::query_as("SELECT day, state, note FROM short_stay_days WHERE bed_id = ?1 AND day BETWEEN ?2 AND ?3 ORDER BY day")
        .bind(id)
        .bind(change.from)
        .bind(change.to)
        .fetch_all(&mut *transaction)
        .await?;
    let days: Vec<BedDay> = stored
        .into_iter()
        .map(|row| BedDay { date: row.day, state: DayState::parse(&row.state).unwrap_or(DayState::Closed), note: row.note })
        .collect();
    change.check_replacing(&days)?;
    sqlx::query("DELETE FROM short_stay_days WHERE bed_id = ?1 AND day BETWEEN ?2 AND ?3")
        .bind(id)
        .bind(change.from)
        .bind(change.to)
        .execute(&mut *transaction)
        .await?;
    if change.state != DayState::Free {
        let mut day = change.from;
        while day <= change.to {
            sqlx::query("INSERT INTO short_stay_days (bed_id, day, state, note) VALUES (?1, ?2, ?3, ?4)")
                .bind(id)
                .bind(day)
                .bind(change.state.as_str())
                .bind(change.note.trim())
                .execute(&mut *transaction)
                .await?;
            day += Duration::days(1);
        }
    }
    let what = format!("{} {} – {}", change.state.as_str(), change.from, change.to);
    audit::record(&mut transaction, Some(by), audited("days", BEDS, id, what)).await?;
    transaction.commit().await?;
    Ok(true)
}

/// Opens extra beds for a period (already valid); audited. Returns the period's id.
pub async fn open_extra(pool: &SqlitePool, extra: &Valid<ExtraBeds>, by: &StaffUser) -> Result<i64, StoreError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let id: i64 = sqlx::query_scalar("INSERT INTO short_stay_extra_beds (from_day, to_day, count) VALUES (?1, ?2, ?3) RETURNING id")
        .bind(extra.from)
        .bind(extra.to)
        .bind(extra.count)
        .fetch_one(&mut *transaction)
        .await?;
    audit::record(&mut transaction, Some(by), audited("create", "short_stay_extra_beds", id, serde_json::to_string(extra)?)).await?;
    transaction.commit().await?;
    Ok(id)
}

/// Closes the extra beds of period `id`; audited. Says whether there was such a period.
pub async fn close_extra(pool: &SqlitePool, id: i64, by: &StaffUser) -> Result<bool, StoreError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let done = sqlx::query("DELETE FROM short_stay_extra_beds WHERE id = ?1").bind(id).execute(&mut *transaction).await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    let change = Change { action: "delete", collection: Some("short_stay_extra_beds"), item_id: Some(id), version: None, body: None };
    audit::record(&mut transaction, Some(by), change).await?;
    transaction.commit().await?;
    Ok(true)
}
