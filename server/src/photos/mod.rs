//! Photos, as stored: each row says what the photo belongs to, what it shows and who may see it
//! (`plantzette_content::photo`); its files are its sizes, made by `process` when it is added,
//! kept in the database so that backups, restores, exports and imports carry them. Every change
//! (added, consent narrowed, removed) is audited and bumps the content version, so that every
//! screen follows it within seconds.

mod exported;
mod jobs;
pub mod process;

pub use exported::*;
pub use jobs::*;

use chrono::{Days, NaiveDate, Utc};
use plantzette_content::photo::{Consent, Format, Owner, Photo, PhotoInfo};
use plantzette_content::staff::StaffUser;
use plantzette_content::{Activity, ContentError, DateRange, ErrorCode, InfoPage, Programme, Text, Valid};
use sqlx::{SqliteConnection, SqlitePool};
use tokio::sync::Semaphore;

use crate::audit::{self, Change};
use crate::store::{self, StoreError};

const COLLECTION: &str = "photos";

/// Photos are made one at a time: a 12-megapixel photo takes a few hundred megabytes of memory
/// while it is decoded and scaled, and a second at once would double that.
static MAKING: Semaphore = Semaphore::const_new(1);

/// Why a photo was not added.
#[derive(Debug, thiserror::Error)]
pub enum PhotoError {
    /// The file is no photo we read, or too large: said on the field `file`.
    #[error("refused: {0:?}")]
    Refused(ErrorCode),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl PhotoError {
    /// The refusal as a form's error, on the file that was sent.
    pub fn field_error(code: ErrorCode) -> ContentError {
        Self::field_error_on("file", code)
    }

    pub fn field_error_on(field: &str, code: ErrorCode) -> ContentError {
        ContentError::single(field, code)
    }
}

/// A photo as stored, its sizes aside.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    version: i64,
    owner: String,
    description: String,
    consent: String,
    hash: String,
    width: u32,
    height: u32,
    added_at: chrono::NaiveDateTime,
}
const COLUMNS: &str = "id, version, owner, description, consent, hash, width, height, added_at";

async fn photo(db: &mut SqliteConnection, row: Row) -> Result<Photo, StoreError> {
    let widths: Vec<u32> = sqlx::query_scalar("SELECT width FROM photo_files WHERE photo_id = ?1 AND format = 'jpeg' ORDER BY width")
        .bind(row.id)
        .fetch_all(&mut *db)
        .await?;
    let description: Text = serde_json::from_str(&row.description)?;
    let consent = Consent::parse(&row.consent).unwrap_or_default();
    let info = PhotoInfo { description, consent };
    Ok(Photo {
        id: row.id,
        version: row.version,
        owner: row.owner,
        info,
        width: row.width,
        height: row.height,
        hash: row.hash,
        widths,
        added_at: row.added_at.and_utc(),
    })
}

/// Makes a photo of `bytes` and adds it to `owner`, with what staff said of it.
pub async fn add(pool: &SqlitePool, owner: Owner, info: &Valid<PhotoInfo>, bytes: Vec<u8>, by: &StaffUser) -> Result<Photo, PhotoError> {
    let processed = {
        let _one_at_a_time = MAKING.acquire().await.expect("the semaphore is never closed");
        tokio::task::spawn_blocking(move || process::process(&bytes)).await.expect("making a photo does not panic").map_err(PhotoError::Refused)?
    };
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await.map_err(StoreError::from)?;
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO photos (owner, description, consent, hash, width, height, added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
         ON CONFLICT (hash) DO NOTHING RETURNING id",
    )
    .bind(owner.key())
    .bind(serde_json::to_string(&info.description).map_err(StoreError::from)?)
    .bind(info.consent.as_str())
    .bind(&processed.hash)
    .bind(processed.width)
    .bind(processed.height)
    .bind(Utc::now().naive_utc())
    .fetch_optional(&mut *transaction)
    .await
    .map_err(StoreError::from)?;
    // The same photo twice (its sizes come out identical).
    let Some(id) = id else { return Err(PhotoError::Refused(ErrorCode::Duplicate)) };
    for file in &processed.files {
        sqlx::query("INSERT INTO photo_files (photo_id, width, format, bytes) VALUES (?1, ?2, ?3, ?4)")
            .bind(id)
            .bind(file.width)
            .bind(format_name(file.format))
            .bind(&file.bytes)
            .execute(&mut *transaction)
            .await
            .map_err(StoreError::from)?;
    }
    audit::record(&mut transaction, Some(by), change("add", id, 1, &owner.key(), info)).await?;
    let added = by_id(&mut transaction, id).await?.ok_or(StoreError::NotFound("photo"))?;
    transaction.commit().await.map_err(StoreError::from)?;
    Ok(added)
}

/// What the audit log keeps of a change: the owner, the consent and the description (staff's
/// words, no one's data).
fn change(action: &'static str, id: i64, version: i64, owner: &str, info: &PhotoInfo) -> Change {
    let body = serde_json::json!({ "owner": owner, "consent": info.consent, "description": info.description }).to_string();
    Change { action, collection: Some(COLLECTION), item_id: Some(id), version: Some(version), body: Some(body) }
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Webp => "webp",
        Format::Jpeg => "jpeg",
    }
}

async fn by_id(db: &mut SqliteConnection, id: i64) -> Result<Option<Photo>, StoreError> {
    let row: Option<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM photos WHERE id = ?1")).bind(id).fetch_optional(&mut *db).await?;
    match row {
        Some(row) => Ok(Some(photo(db, row).await?)),
        None => Ok(None),
    }
}

/// What a photo is of: its title, and its page on the families' site.
pub struct Subject {
    pub title: Text,
    pub page: String,
}

/// What `owner` is, if it is there (not deleted): a photo may be added to it, and the photos of
/// the week lead to its page (for an activity as a whole, its next day from `from`).
pub async fn subject(pool: &SqlitePool, owner: Owner, from: NaiveDate) -> Result<Option<Subject>, StoreError> {
    Ok(match owner {
        Owner::Activity { id, day } => found(store::get::<Activity>(pool, id).await)?.map(|item| {
            let from = day.unwrap_or(from);
            let next = item.occurrences(DateRange { from, to: from + Days::new(366) }).into_iter().next();
            let page = next.map_or_else(|| "/activities".to_string(), |o| format!("/activities/{id}/{}", o.starts_at.date()));
            Subject { title: item.content.info.title, page }
        }),
        Owner::Programme { id } => {
            found(store::get::<Programme>(pool, id).await)?.map(|item| Subject { title: item.content.title, page: format!("/programmes/{id}") })
        }
        Owner::Page { slug } => store::list::<InfoPage>(pool, None)
            .await?
            .into_iter()
            .find(|page| page.content.slug == slug)
            .map(|page| Subject { title: page.content.title, page: format!("/info/{}", slug.as_str()) }),
    })
}

/// An item, or `None` if it is not there.
fn found<T>(result: Result<T, StoreError>) -> Result<Option<T>, StoreError> {
    match result {
        Ok(item) => Ok(Some(item)),
        Err(StoreError::NotFound(_)) => Ok(None),
        Err(error) => Err(error),
    }
}

/// Who asks for photos: anyone (those on the web), or an adopted screen or staff (all).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Viewer {
    Public,
    InHouse,
}

impl Viewer {
    pub fn may_see(self, consent: Consent) -> bool {
        self == Viewer::InHouse || consent.on_the_web()
    }
}

/// The photos `viewer` may see, of `shown` (and of its series, for an activity's day) or of
/// every owner, the latest first.
pub async fn list(pool: &SqlitePool, shown: Option<Owner>, viewer: Viewer) -> Result<Vec<Photo>, StoreError> {
    let mut db = pool.acquire().await?;
    let rows: Vec<Row> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM photos ORDER BY id DESC")).fetch_all(&mut *db).await?;
    let mut photos = Vec::new();
    for row in rows {
        let (owner, consent) = (Owner::parse(&row.owner), Consent::parse(&row.consent).unwrap_or_default());
        let belongs = match (shown, owner) {
            (None, _) => true,
            (Some(shown), Some(owner)) => owner.belongs_to(&shown),
            (Some(_), None) => false,
        };
        if belongs && viewer.may_see(consent) {
            photos.push(photo(&mut db, row).await?);
        }
    }
    Ok(photos)
}

/// One of a photo's files, and who may see it.
pub async fn file(pool: &SqlitePool, hash: &str, width: u32, format: Format) -> Result<Option<(Consent, Vec<u8>)>, StoreError> {
    let row: Option<(String, Vec<u8>)> = sqlx::query_as(
        "SELECT photos.consent, photo_files.bytes FROM photos JOIN photo_files ON photo_files.photo_id = photos.id \
         WHERE photos.hash = ?1 AND photo_files.width = ?2 AND photo_files.format = ?3",
    )
    .bind(hash)
    .bind(width)
    .bind(format_name(format))
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|(consent, bytes)| (Consent::parse(&consent).unwrap_or_default(), bytes)))
}

/// Changes what staff said of photo `id` (its description, who may see it), if it is still at
/// `version`.
pub async fn update(pool: &SqlitePool, id: i64, version: i64, info: &Valid<PhotoInfo>, by: &StaffUser) -> Result<Photo, StoreError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let current = by_id(&mut transaction, id).await?.ok_or(StoreError::NotFound("photo"))?;
    if current.version != version {
        return Err(StoreError::Stale(serde_json::to_value(&current)?));
    }
    sqlx::query("UPDATE photos SET description = ?1, consent = ?2, version = version + 1 WHERE id = ?3")
        .bind(serde_json::to_string(&info.description)?)
        .bind(info.consent.as_str())
        .bind(id)
        .execute(&mut *transaction)
        .await?;
    audit::record(&mut transaction, Some(by), change("update", id, version + 1, &current.owner, info)).await?;
    let updated = by_id(&mut transaction, id).await?.ok_or(StoreError::NotFound("photo"))?;
    transaction.commit().await?;
    Ok(updated)
}

/// Removes photo `id` and its files, if it is still at `version`: from that moment no address
/// serves it.
pub async fn remove(pool: &SqlitePool, id: i64, version: i64, by: &StaffUser) -> Result<(), StoreError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let current = by_id(&mut transaction, id).await?.ok_or(StoreError::NotFound("photo"))?;
    if current.version != version {
        return Err(StoreError::Stale(serde_json::to_value(&current)?));
    }
    sqlx::query("DELETE FROM photos WHERE id = ?1").bind(id).execute(&mut *transaction).await?;
    audit::record(&mut transaction, Some(by), change("remove", id, version, &current.owner, &current.info)).await?;
    transaction.commit().await?;
    Ok(())
}
