//! Short-stay beds (`plantzette_content::short_stay`) as stored: the calendar staff keep, the
//! extra beds opened for a period, and the requests for a stay, every change audited. A request
//! is written with its message to the admissions office in one transaction, so that once it is
//! acknowledged neither is lost; its personal data is erased a set number of days after it is
//! closed. Past days' rows, and their notes, are deleted as they pass.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use plantzette_content::schedule::{residence_now, residence_time};
use plantzette_content::short_stay::{
    horizon, request_erased_by, waited_minutes, Asker, Bed, BedCalendar, BedDay, BedKind, Calendar, DayState, DaysChange, ExtraBeds, ExtraPeriod,
    Flexibility, Reason, RequestEntry, RequestStatus, StayRequest,
};
use plantzette_content::staff::StaffUser;
use plantzette_content::{Lang, Valid};
use sqlx::{SqliteConnection, SqlitePool};

use crate::audit::{self, Change};
use crate::mail::{self, Message};
use crate::store::StoreError;

const BEDS: &str = "short_stay_beds";
const REQUESTS: &str = "stay_requests";

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

fn audited(action: &'static str, collection: &'static str, id: i64, body: String) -> Change {
    Change { action, collection: Some(collection), item_id: Some(id), version: None, body: Some(body) }
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
    let days: Vec<BedDay> =
        stored.into_iter().map(|row| BedDay { date: row.day, state: DayState::parse(&row.state).unwrap_or(DayState::Closed), note: row.note }).collect();
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

/// Stores a request (already valid) received at `now`, and, when the residence gave an
/// admissions address, the message that tells the office, in one transaction. Returns its id.
pub async fn add_request(pool: &SqlitePool, request: &Valid<StayRequest>, now: DateTime<Utc>, tell: Option<&str>) -> Result<i64, StoreError> {
    let optional = |value: &str| Some(value.trim().to_string()).filter(|v| !v.is_empty());
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO stay_requests (asker, name, organisation, phone, email, from_day, to_day, flexibility, reason, lang, status, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'new', ?11) RETURNING id",
    )
    .bind(request.asker.as_str())
    .bind(request.name.trim())
    .bind(optional(&request.organisation))
    .bind(optional(&request.phone))
    .bind(optional(&request.email))
    .bind(request.from)
    .bind(request.to)
    .bind(request.flexibility.as_str())
    .bind(request.reason.as_str())
    .bind(request.lang.code())
    .bind(now.timestamp())
    .fetch_one(&mut *transaction)
    .await?;
    if let Some(admissions) = tell {
        mail::enqueue(&mut transaction, &admissions_message(admissions, id, request), now).await?;
    }
    transaction.commit().await?;
    Ok(id)
}

/// What the admissions office is told: that a request came, for which dates and why, and where
/// to read it. Who asked and how to reach them stay in the editor, behind its login.
fn admissions_message(to: &str, id: i64, request: &StayRequest) -> Message {
    let lang = Lang::Fr;
    let subject = format!("Demande de court séjour n° {id}, dès le {}", plantzette_content::format::date_in_words(request.from, lang));
    let body = format!(
        "La demande de court séjour n° {id} est arrivée.\n\n\
         Demandé par : {}\n\
         Dates souhaitées : du {} au {} ({})\n\
         Raison : {}\n\n\
         La demande et les coordonnées sont dans l'éditeur, sous « Court séjour : demandes ».\n\
         Ce message ne contient aucune donnée personnelle.\n",
        request.asker.label(lang),
        plantzette_content::format::date_in_words(request.from, lang),
        plantzette_content::format::date_in_words(request.to, lang),
        request.flexibility.label(lang).to_lowercase(),
        request.reason.label(lang),
    );
    Message { to: to.to_string(), subject, body, calendar: None }
}

type RequestRow = (
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    NaiveDate,
    NaiveDate,
    String,
    String,
    String,
    i64,
    Option<i64>,
);

fn local(timestamp: i64) -> NaiveDateTime {
    residence_time(DateTime::from_timestamp(timestamp, 0).unwrap_or_default())
}

/// Every request, open ones first (oldest first), then the closed ones (latest first), for
/// staff; the reading is audited.
pub async fn requests(pool: &SqlitePool, by: &StaffUser) -> Result<Vec<RequestEntry>, StoreError> {
    let now = residence_now();
    let mut transaction = pool.begin().await?;
    let rows: Vec<RequestRow> = sqlx::query_as(
        "SELECT id, status, asker, name, organisation, phone, email, from_day, to_day, flexibility, reason, lang, received_at, answered_at
         FROM stay_requests
         ORDER BY status IN ('accepted', 'declined'), CASE WHEN status IN ('accepted', 'declined') THEN -received_at ELSE received_at END",
    )
    .fetch_all(&mut *transaction)
    .await?;
    let entries = rows
        .into_iter()
        .map(|(id, status, asker, name, organisation, phone, email, from, to, flexibility, reason, lang, received_at, answered_at)| {
            let received_at = local(received_at);
            let answered_at = answered_at.map(local);
            RequestEntry {
                id,
                status: RequestStatus::parse(&status).unwrap_or(RequestStatus::New),
                asker: Asker::parse(&asker).unwrap_or(Asker::Person),
                name,
                organisation,
                phone,
                email,
                from,
                to,
                flexibility: Flexibility::parse(&flexibility).unwrap_or_default(),
                reason: Reason::parse(&reason).unwrap_or(Reason::Other),
                lang: Lang::from_code(&lang).unwrap_or_default(),
                received_at,
                answered_at,
                waited_minutes: waited_minutes(received_at, answered_at, now),
            }
        })
        .collect();
    audit::record(&mut transaction, Some(by), Change { action: "read", collection: Some(REQUESTS), item_id: None, version: None, body: None })
        .await?;
    transaction.commit().await?;
    Ok(entries)
}

/// Moves request `id` to `status` at `now`; the first move away from `new` is its answer, and
/// accepting or declining closes it. Audited. Says whether there is such a request.
pub async fn set_request_status(pool: &SqlitePool, id: i64, status: RequestStatus, now: DateTime<Utc>, by: &StaffUser) -> Result<bool, StoreError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let done = sqlx::query(
        "UPDATE stay_requests SET status = ?2,
             answered_at = CASE WHEN ?2 <> 'new' THEN coalesce(answered_at, ?3) END,
             closed_at = CASE WHEN ?2 IN ('accepted', 'declined') THEN coalesce(closed_at, ?3) END
         WHERE id = ?1",
    )
    .bind(id)
    .bind(status.as_str())
    .bind(now.timestamp())
    .execute(&mut *transaction)
    .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    audit::record(&mut transaction, Some(by), audited("status", REQUESTS, id, status.as_str().into())).await?;
    transaction.commit().await?;
    Ok(true)
}

/// The requests still open, and when the oldest of them came, for the metrics.
pub async fn open_requests(pool: &SqlitePool) -> Result<(u64, Option<DateTime<Utc>>), StoreError> {
    let (open, oldest): (i64, Option<i64>) =
        sqlx::query_as("SELECT count(*), min(received_at) FROM stay_requests WHERE status IN ('new', 'answered')").fetch_one(pool).await?;
    Ok((open as u64, oldest.and_then(|at| DateTime::from_timestamp(at, 0))))
}

/// Erases the personal data of every request closed `kept_days` days or more before `now`, and
/// deletes the calendar's rows of days before today (their notes with them). Returns how many
/// requests were erased.
pub async fn tidy(pool: &SqlitePool, now: DateTime<Utc>, kept_days: u32) -> Result<u64, StoreError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let today = residence_time(now).date();
    sqlx::query("DELETE FROM short_stay_days WHERE day < ?1").bind(today).execute(&mut *transaction).await?;
    sqlx::query("DELETE FROM short_stay_extra_beds WHERE to_day < ?1").bind(today).execute(&mut *transaction).await?;
    let due: Vec<(i64, i64)> = sqlx::query_as("SELECT id, closed_at FROM stay_requests WHERE erased_at IS NULL AND closed_at IS NOT NULL")
        .fetch_all(&mut *transaction)
        .await?;
    let due: Vec<i64> =
        due.into_iter().filter(|(_, closed_at)| request_erased_by(local(*closed_at), residence_time(now), kept_days)).map(|(id, _)| id).collect();
    for id in &due {
        erase_request(&mut transaction, *id, now).await?;
    }
    if !due.is_empty() {
        let change = Change { action: "erase due", collection: Some(REQUESTS), item_id: None, version: Some(due.len() as i64), body: None };
        audit::record(&mut transaction, None, change).await?;
    }
    transaction.commit().await?;
    Ok(due.len() as u64)
}

async fn erase_request(db: &mut SqliteConnection, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
    sqlx::query("UPDATE stay_requests SET name = NULL, organisation = NULL, phone = NULL, email = NULL, erased_at = ?2 WHERE id = ?1")
        .bind(id)
        .bind(now.timestamp())
        .execute(db)
        .await?;
    Ok(())
}

/// Tidies every hour, from the server's start on, for as long as it runs.
pub async fn keep_tidy(pool: SqlitePool, kept_days: u32) {
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        match tidy(&pool, Utc::now(), kept_days).await {
            Ok(0) => {}
            Ok(erased) => tracing::info!(erased, "personal data of closed short-stay requests erased"),
            Err(error) => tracing::error!(?error, "cannot erase the personal data of closed short-stay requests"),
        }
    }
}
