//! The residence's screens and the alarm, as stored: a kiosk asks for a pairing code and holds a
//! credential from then on (an HttpOnly cookie, known here by its SHA-256); an administrator
//! adopts it by its code; it reports every minute. `Hub` tells open event streams when a
//! screen's settings or the alarm changed, so that each screen follows within the second.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use plantzette_content::schedule::residence_time;
use plantzette_content::screen::{
    screen_state, Adoption, Alarm, DayHours, NewAlarm, ScreenReport, ScreenSettings, ScreenSetup, ScreenState, ScreenStatus, PAIRING_CODE_DIGITS,
};
use plantzette_content::staff::StaffUser;
use plantzette_content::{ContentError, ErrorCode, Valid};
use sqlx::SqlitePool;
use tokio::sync::watch;

use crate::audit::{self, Change};
use crate::store::StoreError;

/// Screens waiting for adoption longer than this have their code dropped (a kiosk asks again).
const PAIRING_LASTS_SECS: i64 = 24 * 3600;
/// At most this many screens wait at once: anyone may open `/kiosk`, nobody may fill the table.
const MAX_WAITING: i64 = 500;
/// At most this many of them from one network (a lobby PC restarted a few times without its
/// cookie); one more from there takes the place of its oldest. A stranger's burst then churns
/// its own few places, and the screens of every other network are paired as ever.
pub const MAX_WAITING_PER_NETWORK: i64 = 3;

/// What open event streams hear of screens: a count of settings changes (each screen then asks
/// for its own), and the alarm on, if any.
#[derive(Clone)]
pub struct Hub(Arc<HubInner>);

pub struct HubInner {
    settings: watch::Sender<u64>,
    alarm: watch::Sender<Option<Alarm>>,
    /// A screen not heard for longer is silent.
    pub silence: Duration,
}

impl std::ops::Deref for Hub {
    type Target = HubInner;

    fn deref(&self) -> &HubInner {
        &self.0
    }
}

impl Hub {
    pub async fn open(pool: &SqlitePool, silence: Duration) -> Result<Hub, StoreError> {
        let (settings, _) = watch::channel(0);
        let (alarm, _) = watch::channel(current_alarm(pool).await?);
        Ok(Hub(Arc::new(HubInner { settings, alarm, silence })))
    }

    pub fn settings_changes(&self) -> watch::Receiver<u64> {
        self.settings.subscribe()
    }

    pub fn alarms(&self) -> watch::Receiver<Option<Alarm>> {
        self.alarm.subscribe()
    }

    pub fn alarm(&self) -> Option<Alarm> {
        self.alarm.borrow().clone()
    }

    fn settings_changed(&self) {
        self.settings.send_modify(|count| *count += 1);
    }

    /// Screens report a few times within the silence threshold: one late report is no alarm.
    pub fn report_every(&self) -> Duration {
        (self.silence / 3).clamp(Duration::from_secs(1), Duration::from_secs(60))
    }
}

fn residence(seconds: i64) -> NaiveDateTime {
    residence_time(DateTime::from_timestamp(seconds, 0).unwrap_or_default())
}

/// A credential's screen: adopted (with its settings), or waiting with its pairing code.
pub enum Known {
    Adopted { id: i64, name: String, settings: ScreenSettings },
    Waiting { code: String },
}

pub async fn by_token(pool: &SqlitePool, token_hash: &str) -> Result<Option<Known>, StoreError> {
    type Row = (i64, Option<String>, Option<String>, Option<String>, i64);
    let row: Option<Row> = sqlx::query_as("SELECT id, name, settings, pairing_code, created_at FROM screens WHERE token_hash = ?1")
        .bind(token_hash)
        .fetch_optional(pool)
        .await?;
    Ok(match row {
        Some((id, Some(name), Some(settings), _, _)) => Some(Known::Adopted { id, name, settings: serde_json::from_str(&settings)? }),
        Some((_, _, _, Some(code), created_at)) if Utc::now().timestamp() - created_at < PAIRING_LASTS_SECS => Some(Known::Waiting { code }),
        _ => None,
    })
}

/// A new screen waiting for adoption under `token_hash`, asked for from `network`
/// (`client::network_of`), with a code of its own; `None` when too many wait already.
pub async fn wait_for_adoption(pool: &SqlitePool, token_hash: &str, network: IpAddr) -> Result<Option<String>, StoreError> {
    let now = Utc::now().timestamp();
    let network = network.to_string();
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query("DELETE FROM screens WHERE adopted_at IS NULL AND created_at < ?1").bind(now - PAIRING_LASTS_SECS).execute(&mut *transaction).await?;
    sqlx::query(
        "DELETE FROM screens WHERE id IN (SELECT id FROM screens WHERE adopted_at IS NULL AND asked_from = ?1
         ORDER BY created_at DESC, id DESC LIMIT -1 OFFSET ?2)",
    )
    .bind(&network)
    .bind(MAX_WAITING_PER_NETWORK - 1)
    .execute(&mut *transaction)
    .await?;
    let waiting: i64 = sqlx::query_scalar("SELECT count(*) FROM screens WHERE adopted_at IS NULL").fetch_one(&mut *transaction).await?;
    if waiting >= MAX_WAITING {
        return Ok(None);
    }
    loop {
        let code = random_code();
        let inserted = sqlx::query(
            "INSERT INTO screens (token_hash, pairing_code, created_at, asked_from) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (pairing_code) DO NOTHING",
        )
        .bind(token_hash)
        .bind(&code)
        .bind(now)
        .bind(&network)
        .execute(&mut *transaction)
        .await?;
        if inserted.rows_affected() == 1 {
            transaction.commit().await?;
            return Ok(Some(code));
        }
    }
}

fn random_code() -> String {
    let mut bytes = [0u8; 4];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    let number = u32::from_le_bytes(bytes) % 10u32.pow(PAIRING_CODE_DIGITS as u32);
    format!("{number:0width$}", width = PAIRING_CODE_DIGITS)
}

/// The day hours of adopted screen `id`, if there is one.
pub async fn hours(pool: &SqlitePool, id: i64) -> Result<Option<DayHours>, StoreError> {
    let settings: Option<String> =
        sqlx::query_scalar("SELECT settings FROM screens WHERE id = ?1 AND adopted_at IS NOT NULL").bind(id).fetch_optional(pool).await?;
    Ok(settings.map(|settings| serde_json::from_str::<ScreenSettings>(&settings)).transpose()?.map(|settings| settings.hours))
}

/// Records a screen's report; its errors, if any, become its last error.
pub async fn report(pool: &SqlitePool, id: i64, report: ScreenReport) -> Result<(), StoreError> {
    let now = Utc::now().timestamp();
    let last_error = report.errors.last().cloned();
    sqlx::query(
        "UPDATE screens SET last_report_at = ?1, last_report = ?2,
         last_error = coalesce(?3, last_error), last_error_at = CASE WHEN ?3 IS NULL THEN last_error_at ELSE ?1 END
         WHERE id = ?4",
    )
    .bind(now)
    .bind(serde_json::to_string(&report)?)
    .bind(last_error)
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

/// What the screens page shows of each adopted screen now, given the server's content version
/// and app build.
pub async fn list(pool: &SqlitePool, silence: Duration, content_version: i64, app_build: Option<&str>) -> Result<Vec<ScreenStatus>, StoreError> {
    type Row = (i64, i64, String, String, String, Option<i64>, Option<String>, Option<String>, Option<i64>);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, version, name, place, settings, last_report_at, last_report, last_error, last_error_at
         FROM screens WHERE adopted_at IS NOT NULL ORDER BY name COLLATE NOCASE, id",
    )
    .fetch_all(pool)
    .await?;
    let now = Utc::now();
    let silence = chrono::Duration::from_std(silence).unwrap_or(chrono::Duration::MAX);
    rows.into_iter()
        .map(|(id, version, name, place, settings, last_report_at, last_report, last_error, last_error_at)| {
            let settings: ScreenSettings = serde_json::from_str(&settings)?;
            let last_report: Option<ScreenReport> = last_report.map(|report| serde_json::from_str(&report)).transpose()?;
            let heard = last_report_at.and_then(|seconds| DateTime::from_timestamp(seconds, 0));
            Ok(ScreenStatus {
                id,
                version,
                name,
                place,
                state: screen_state(heard, now, silence, settings.hours),
                settings,
                last_report_at: heard.map(residence_time),
                old_content: last_report.as_ref().is_some_and(|report| report.content_version.is_some_and(|shown| shown < content_version)),
                old_build: last_report.as_ref().zip(app_build).is_some_and(|(report, served)| report.app_build != served),
                last_report,
                last_error,
                last_error_at: last_error_at.map(residence),
            })
        })
        .collect()
}

pub fn count_silent(screens: &[ScreenStatus]) -> usize {
    screens.iter().filter(|screen| screen.state == ScreenState::Silent).count()
}

/// The screen waiting with `adoption`'s code becomes a screen of the residence.
pub async fn adopt(pool: &SqlitePool, hub: &Hub, by: &StaffUser, adoption: Valid<Adoption>) -> Result<i64, StoreError> {
    let mut transaction = pool.begin().await?;
    let id: Option<i64> = sqlx::query_scalar(
        "UPDATE screens SET pairing_code = NULL, adopted_at = ?1, name = ?2, place = ?3, settings = ?4
         WHERE pairing_code = ?5 AND adopted_at IS NULL AND created_at >= ?6 RETURNING id",
    )
    .bind(Utc::now().timestamp())
    .bind(adoption.setup.name.trim())
    .bind(adoption.setup.place.trim())
    .bind(serde_json::to_string(&adoption.setup.settings)?)
    .bind(adoption.normalized_code())
    .bind(Utc::now().timestamp() - PAIRING_LASTS_SECS)
    .fetch_optional(&mut *transaction)
    .await?;
    let id = id.ok_or_else(|| ContentError::single("code", ErrorCode::UnknownValue { value: adoption.code.clone() }))?;
    let change = Change {
        action: "adopt",
        collection: Some("screens"),
        item_id: Some(id),
        version: None,
        body: Some(serde_json::to_string(&adoption.setup)?),
    };
    audit::record(&mut transaction, Some(by), change).await?;
    transaction.commit().await?;
    hub.settings_changed();
    Ok(id)
}

/// Sets the screen up anew, if its setup is still at `version` (else `Stale` with it as it is).
pub async fn set_up(pool: &SqlitePool, hub: &Hub, by: &StaffUser, id: i64, version: i64, setup: Valid<ScreenSetup>) -> Result<(), StoreError> {
    let mut transaction = pool.begin().await?;
    let changed = sqlx::query(
        "UPDATE screens SET name = ?1, place = ?2, settings = ?3, version = version + 1 WHERE id = ?4 AND version = ?5 AND adopted_at IS NOT NULL",
    )
    .bind(setup.name.trim())
    .bind(setup.place.trim())
    .bind(serde_json::to_string(&setup.settings)?)
    .bind(id)
    .bind(version)
    .execute(&mut *transaction)
    .await?;
    if changed.rows_affected() == 0 {
        drop(transaction);
        let current = list(pool, hub.silence, 0, None).await?.into_iter().find(|screen| screen.id == id);
        return Err(current.map_or(StoreError::NotFound("screen"), |current| StoreError::Stale(serde_json::to_value(current).unwrap_or_default())));
    }
    let change = Change {
        action: "update",
        collection: Some("screens"),
        item_id: Some(id),
        version: Some(version + 1),
        body: Some(serde_json::to_string(&setup)?),
    };
    audit::record(&mut transaction, Some(by), change).await?;
    transaction.commit().await?;
    hub.settings_changed();
    Ok(())
}

/// The screen's credential is refused from now on; the screen waits to be adopted again.
pub async fn revoke(pool: &SqlitePool, hub: &Hub, by: &StaffUser, id: i64) -> Result<(), StoreError> {
    let mut transaction = pool.begin().await?;
    let name: Option<String> = sqlx::query_scalar("DELETE FROM screens WHERE id = ?1 AND adopted_at IS NOT NULL RETURNING name")
        .bind(id)
        .fetch_optional(&mut *transaction)
        .await?;
    let name = name.ok_or(StoreError::NotFound("screen"))?;
    audit::record(
        &mut transaction,
        Some(by),
        Change { action: "revoke", collection: Some("screens"), item_id: Some(id), version: None, body: Some(name) },
    )
    .await?;
    transaction.commit().await?;
    hub.settings_changed();
    Ok(())
}

async fn current_alarm(pool: &SqlitePool) -> Result<Option<Alarm>, StoreError> {
    let row: Option<(i64, String, i64)> =
        sqlx::query_as("SELECT id, message, raised_at FROM alarms WHERE ended_at IS NULL").fetch_optional(pool).await?;
    row.map(|(id, message, raised_at)| Ok(Alarm { id, message: serde_json::from_str(&message)?, raised_at: residence(raised_at) })).transpose()
}

/// Raises the alarm on every screen; `None` if one is on already.
pub async fn raise_alarm(pool: &SqlitePool, hub: &Hub, by: &StaffUser, alarm: Valid<NewAlarm>) -> Result<Option<Alarm>, StoreError> {
    let message = serde_json::to_string(&alarm.message)?;
    let mut transaction = pool.begin().await?;
    let now = Utc::now().timestamp();
    let id: Option<i64> = sqlx::query_scalar("INSERT INTO alarms (message, raised_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING RETURNING id")
        .bind(&message)
        .bind(now)
        .fetch_optional(&mut *transaction)
        .await?;
    let Some(id) = id else { return Ok(None) };
    audit::record(
        &mut transaction,
        Some(by),
        Change { action: "raise", collection: Some("alarms"), item_id: Some(id), version: None, body: Some(message) },
    )
    .await?;
    transaction.commit().await?;
    let raised = Alarm { id, message: alarm.into_inner().message, raised_at: residence(now) };
    hub.alarm.send_replace(Some(raised.clone()));
    Ok(Some(raised))
}

/// Ends the alarm on; `false` if none was on.
pub async fn end_alarm(pool: &SqlitePool, hub: &Hub, by: &StaffUser) -> Result<bool, StoreError> {
    let mut transaction = pool.begin().await?;
    let id: Option<i64> = sqlx::query_scalar("UPDATE alarms SET ended_at = ?1 WHERE ended_at IS NULL RETURNING id")
        .bind(Utc::now().timestamp())
        .fetch_optional(&mut *transaction)
        .await?;
    let Some(id) = id else { return Ok(false) };
    audit::record(&mut transaction, Some(by), Change { action: "end", collection: Some("alarms"), item_id: Some(id), version: None, body: None })
        .await?;
    transaction.commit().await?;
    hub.alarm.send_replace(None);
    Ok(true)
}
