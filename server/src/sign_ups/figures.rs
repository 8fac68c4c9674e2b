//! Each programme's figures for the canton's yearly report: counts, never names. A drop-in
//! programme's sign-ups count per session; a course's enrolments count once, and who came to
//! each session from its roster.

use chrono::NaiveDateTime;
use plantzette_content::sign_up::{EventRef, ProgrammeFigures, SessionPresent};
use plantzette_content::{DateRange, Item, Programme};
use sqlx::SqlitePool;

use crate::store::{self, StoreError};

/// What the sign-ups of one event came to.
#[derive(sqlx::FromRow)]
struct EventRow {
    sign_ups: i64,
    taken: i64,
    present: i64,
    ticked: i64,
    waited: i64,
}

const EVENT_FIGURES: &str = "SELECT count(*) FILTER (WHERE status <> 'cancelled') AS sign_ups,
     coalesce(sum(people) FILTER (WHERE status = 'confirmed'), 0) AS taken,
     coalesce(sum(people) FILTER (WHERE attendance = 'present'), 0) AS present,
     coalesce(sum(people) FILTER (WHERE attendance IS NOT NULL), 0) AS ticked,
     coalesce(sum(people) FILTER (WHERE waited), 0) AS waited
     FROM sign_ups WHERE event = ?1";

/// Each programme's figures over `range`: its sessions with sign-ups that began in it and ended
/// before `now`, and what their sign-ups (a course's enrolments) came to.
pub async fn figures(pool: &SqlitePool, range: DateRange, now: NaiveDateTime) -> Result<Vec<ProgrammeFigures>, StoreError> {
    let mut all = Vec::new();
    for programme in store::list::<Programme>(pool, Some(range)).await? {
        let held: Vec<NaiveDateTime> = programme
            .content
            .held_sessions()
            .into_iter()
            .filter(|s| (s.places.is_some() || programme.content.enrolment.is_course()) && range.contains(s.starts_at.date()) && s.ends_at <= now)
            .map(|s| s.starts_at)
            .collect();
        let figures =
            if programme.content.enrolment.is_course() { course(pool, &programme, &held).await? } else { drop_in(pool, &programme, &held).await? };
        all.push(figures);
    }
    Ok(all)
}

fn empty(programme: &Item<Programme>, held: &[NaiveDateTime]) -> ProgrammeFigures {
    ProgrammeFigures {
        programme_id: programme.id,
        title: programme.content.title.clone(),
        sessions_held: held.len() as u32,
        sign_ups: 0,
        places_taken: 0,
        present: 0,
        ticked: 0,
        most_waiting: 0,
        present_by_session: Vec::new(),
    }
}

async fn drop_in(pool: &SqlitePool, programme: &Item<Programme>, held: &[NaiveDateTime]) -> Result<ProgrammeFigures, StoreError> {
    let mut figures = empty(programme, held);
    for starts_at in held {
        let key = EventRef::Session { programme_id: programme.id, starts_at: *starts_at }.key();
        let row: EventRow = sqlx::query_as(EVENT_FIGURES).bind(&key).fetch_one(pool).await?;
        figures.sign_ups += row.sign_ups as u32;
        figures.places_taken += row.taken as u32;
        figures.present += row.present as u32;
        figures.ticked += row.ticked as u32;
        figures.most_waiting = figures.most_waiting.max(row.waited as u32);
        figures.present_by_session.push(SessionPresent { starts_at: *starts_at, present: row.present as u32 });
    }
    Ok(figures)
}

async fn course(pool: &SqlitePool, programme: &Item<Programme>, held: &[NaiveDateTime]) -> Result<ProgrammeFigures, StoreError> {
    let mut figures = empty(programme, held);
    if held.is_empty() {
        return Ok(figures);
    }
    let key = EventRef::Course { programme_id: programme.id }.key();
    let row: EventRow = sqlx::query_as(EVENT_FIGURES).bind(&key).fetch_one(pool).await?;
    (figures.sign_ups, figures.places_taken, figures.most_waiting) = (row.sign_ups as u32, row.taken as u32, row.waited as u32);
    for starts_at in held {
        let (present, ticked): (i64, i64) = sqlx::query_as(
            "SELECT coalesce(sum(s.people) FILTER (WHERE a.attendance = 'present'), 0), coalesce(sum(s.people), 0)
             FROM course_attendance a JOIN sign_ups s ON s.id = a.sign_up_id WHERE s.event = ?1 AND a.session_starts_at = ?2",
        )
        .bind(&key)
        .bind(starts_at)
        .fetch_one(pool)
        .await?;
        figures.present += present as u32;
        figures.ticked += ticked as u32;
        figures.present_by_session.push(SessionPresent { starts_at: *starts_at, present: present as u32 });
    }
    Ok(figures)
}
