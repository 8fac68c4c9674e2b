//! The requests for a stay as stored: written with the message that tells the admissions office
//! in one transaction, so that once acknowledged neither is lost; read by staff (each reading
//! audited) and moved from new to answered, accepted or declined.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use plantzette_content::schedule::{residence_now, residence_time};
use plantzette_content::short_stay::{admissions_letter, waited_minutes, Asker, Flexibility, Reason, RequestEntry, RequestStatus, StayRequest};
use plantzette_content::staff::StaffUser;
use plantzette_content::{Lang, Valid};
use sqlx::SqlitePool;

use super::{audited, REQUESTS};
use crate::audit::{self, Change};
use crate::mail::{self, Message};
use crate::store::StoreError;

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
        let letter = admissions_letter(id, request);
        let message = Message { to: admissions.to_string(), subject: letter.subject, body: letter.body, calendar: None };
        mail::enqueue(&mut transaction, &message, now).await?;
    }
    transaction.commit().await?;
    Ok(id)
}

/// A request as stored; its personal fields are `NULL` once erased.
#[derive(sqlx::FromRow)]
struct RequestRow {
    id: i64,
    status: String,
    asker: String,
    name: Option<String>,
    organisation: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    from_day: NaiveDate,
    to_day: NaiveDate,
    flexibility: String,
    reason: String,
    lang: String,
    received_at: i64,
    answered_at: Option<i64>,
}

impl RequestRow {
    fn entry(self, now: NaiveDateTime) -> RequestEntry {
        let received_at = local(self.received_at);
        let answered_at = self.answered_at.map(local);
        RequestEntry {
            id: self.id,
            status: RequestStatus::parse(&self.status).unwrap_or(RequestStatus::New),
            asker: Asker::parse(&self.asker).unwrap_or(Asker::Person),
            name: self.name,
            organisation: self.organisation,
            phone: self.phone,
            email: self.email,
            from: self.from_day,
            to: self.to_day,
            flexibility: Flexibility::parse(&self.flexibility).unwrap_or_default(),
            reason: Reason::parse(&self.reason).unwrap_or(Reason::Other),
            lang: Lang::from_code(&self.lang).unwrap_or_default(),
            received_at,
            answered_at,
            waited_minutes: waited_minutes(received_at, answered_at, now),
        }
    }
}

pub(super) fn local(timestamp: i64) -> NaiveDateTime {
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
    let entries = rows.into_iter().map(|row| row.entry(now)).collect();
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
