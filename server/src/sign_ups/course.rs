//! A course's enrolments beyond what any sign-up has: its roster's columns and who came to each
//! session, and what follows the content (the course's end as sessions are added or called
//! off, so that personal data is erased after the last one; the people told once of a session
//! called off, by e-mail or on the list staff phone).

use chrono::{NaiveDateTime, Utc};
use plantzette_content::sign_up::message::Notice;
use plantzette_content::sign_up::{Attendance, Entry, EventOff, EventRef, RosterSession};
use plantzette_content::staff::StaffUser;
use plantzette_content::Programme;
use sqlx::{SqliteConnection, SqlitePool};

use super::messages::{self, Subject};
use super::{entries, event, published, Event, Ticking, COLLECTION};
use crate::audit::{self, Change};
use crate::mail::Outbox;
use crate::store::StoreError;

/// A course's sessions, every one in order (called off too): its roster's columns.
pub(super) fn roster_sessions(event: &Event) -> Vec<RosterSession> {
    let Some(programme) = event.course() else { return Vec::new() };
    let sessions = programme.sessions_in_order();
    sessions.into_iter().map(|s| RosterSession { starts_at: s.starts_at, ends_at: s.ends_at, called_off: s.called_off }).collect()
}

/// Fills each entry's attendance at each of `sessions`.
pub(super) async fn fill_attendance(db: &mut SqliteConnection, sessions: &[RosterSession], entries: &mut [Entry]) -> Result<(), StoreError> {
    for entry in entries.iter_mut() {
        let ticked: Vec<(NaiveDateTime, String)> =
            sqlx::query_as("SELECT session_starts_at, attendance FROM course_attendance WHERE sign_up_id = ?1")
                .bind(entry.id)
                .fetch_all(&mut *db)
                .await?;
        entry.attended = sessions
            .iter()
            .map(|session| ticked.iter().find(|(at, _)| *at == session.starts_at).and_then(|(_, attendance)| Attendance::parse(attendance)))
            .collect();
    }
    Ok(())
}

/// Ticks whether enrolment `id` came to the session of its course that began at `session`, from
/// that session's day; audited.
pub async fn set_session_attendance(
    pool: &SqlitePool,
    id: i64,
    session: NaiveDateTime,
    attendance: Attendance,
    now: NaiveDateTime,
    by: &StaffUser,
) -> Result<Ticking, StoreError> {
    let key: Option<String> =
        sqlx::query_scalar("SELECT event FROM sign_ups WHERE id = ?1 AND status = 'confirmed'").bind(id).fetch_optional(pool).await?;
    let Some(EventRef::Course { programme_id }) = key.as_deref().and_then(EventRef::parse) else { return Ok(Ticking::NoSuchSignUp) };
    let in_course = published::<Programme>(pool, programme_id).await?.is_some_and(|p| p.content.sessions.iter().any(|s| s.starts_at == session));
    if !in_course {
        return Ok(Ticking::NoSuchSignUp);
    }
    if session.date() > now.date() {
        return Ok(Ticking::NotYet);
    }
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query(
        "INSERT INTO course_attendance (sign_up_id, session_starts_at, attendance, changed_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (sign_up_id, session_starts_at) DO UPDATE SET attendance = excluded.attendance, changed_at = excluded.changed_at",
    )
    .bind(id)
    .bind(session)
    .bind(attendance.as_str())
    .bind(Utc::now().timestamp())
    .execute(&mut *transaction)
    .await?;
    let body = format!("{} {}", session.format("%Y-%m-%dT%H:%M"), attendance.as_str());
    audit::record(
        &mut transaction,
        Some(by),
        Change { action: "attendance", collection: Some(COLLECTION), item_id: Some(id), version: None, body: Some(body) },
    )
    .await?;
    transaction.commit().await?;
    Ok(Ticking::Ticked)
}

/// The courses with enrolments not erased: their keys.
async fn courses_enrolled(pool: &SqlitePool) -> Result<Vec<(String, EventRef)>, StoreError> {
    let keys: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT event FROM sign_ups WHERE erased_at IS NULL AND event NOT LIKE '%/%/%'").fetch_all(pool).await?;
    Ok(keys.into_iter().filter_map(|key| EventRef::parse(&key).filter(|e| matches!(e, EventRef::Course { .. })).map(|e| (key, e))).collect())
}

/// Follows each course as its content changes: the end of its enrolments (erased so many days
/// after the last session held), and each session called off since, told once to every person
/// enrolled (by e-mail; staff phone the others, `to_call_for_sessions_called_off`); audited.
/// Returns how many sessions called off were told.
pub async fn follow_courses(pool: &SqlitePool, outbox: &Outbox, now: NaiveDateTime) -> Result<u64, StoreError> {
    let mut told = 0;
    for (key, course) in courses_enrolled(pool).await? {
        let Some(event) = event(pool, course).await? else { continue };
        let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query("UPDATE sign_ups SET event_ends_at = ?2 WHERE event = ?1 AND erased_at IS NULL AND event_ends_at <> ?2")
            .bind(&key)
            .bind(event.ends_at)
            .execute(&mut *transaction)
            .await?;
        let called_off = roster_sessions(&event).into_iter().filter(|s| s.called_off && s.ends_at > now);
        for session in called_off {
            let new = sqlx::query(
                "INSERT INTO course_sessions_called_off (event, session_starts_at, session_ends_at, told_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
            )
            .bind(&key)
            .bind(session.starts_at)
            .bind(session.ends_at)
            .bind(Utc::now().timestamp())
            .execute(&mut *transaction)
            .await?;
            if new.rows_affected() == 0 {
                continue;
            }
            let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM sign_ups WHERE event = ?1 AND status <> 'cancelled' AND erased_at IS NULL")
                .bind(&key)
                .fetch_all(&mut *transaction)
                .await?;
            for id in ids {
                messages::tell(&mut transaction, outbox, id, Notice::SessionCalledOff(session.starts_at, session.ends_at), Subject::Live(&event))
                    .await?;
            }
            let body = format!("{key} {}", session.starts_at.format("%Y-%m-%dT%H:%M"));
            audit::record(
                &mut transaction,
                None,
                Change { action: "session off", collection: Some(COLLECTION), item_id: None, version: None, body: Some(body) },
            )
            .await?;
            told += 1;
        }
        transaction.commit().await?;
        outbox.wake();
    }
    Ok(told)
}

/// The people enrolled in a course whom no e-mail told that a session still to come is called
/// off: staff phone them. The reading is audited, each course's.
pub async fn to_call_for_sessions_called_off(
    pool: &SqlitePool,
    outbox: &Outbox,
    now: NaiveDateTime,
    by: &StaffUser,
) -> Result<Vec<EventOff>, StoreError> {
    let called_off: Vec<(String, NaiveDateTime)> =
        sqlx::query_as("SELECT event, session_starts_at FROM course_sessions_called_off WHERE session_ends_at > ?1 ORDER BY session_starts_at")
            .bind(now)
            .fetch_all(pool)
            .await?;
    let mut off = Vec::new();
    for (key, session) in called_off {
        let Some(course) = EventRef::parse(&key) else { continue };
        let Some(event) = event(pool, course).await? else { continue };
        let mut transaction = pool.begin().await?;
        let to_call: Vec<Entry> = entries(&mut transaction, outbox, &key)
            .await?
            .into_iter()
            .filter(|e| e.to_phone && e.status != plantzette_content::sign_up::Status::Cancelled)
            .collect();
        if to_call.is_empty() {
            continue;
        }
        let read = Change { action: "read", collection: Some(COLLECTION), item_id: None, version: None, body: Some(key.clone()) };
        audit::record(&mut transaction, Some(by), read).await?;
        transaction.commit().await?;
        off.push(EventOff { event: key, title: Some(event.title.clone()), session: Some(session), to_call });
    }
    Ok(off)
}
