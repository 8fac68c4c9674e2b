//! Photos, as stored: each row says what the photo belongs to, what it shows and who may see it
//! (`plantzette_content::photo`); its files are its sizes, made by `process` when it is added,
//! kept in the database so that backups, restores, exports and imports carry them. Every change
//! (added, consent narrowed, removed) is audited and bumps the content version, so that every
//! screen follows it within seconds.

pub mod process;

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

type Row = (i64, i64, String, String, String, String, u32, u32, chrono::NaiveDateTime);
const COLUMNS: &str = "id, version, owner, description, consent, hash, width, height, added_at";

async fn photo(
    db: &mut SqliteConnection,
    (id, version, owner, description, consent, hash, width, height, added_at): Row,
) -> Result<Photo, StoreError> {
    let widths: Vec<u32> = sqlx::query_scalar("SELECT width FROM photo_files WHERE photo_id = ?1 AND format = 'jpeg' ORDER BY width")
        .bind(id)
        .fetch_all(&mut *db)
        .await?;
    let description: Text = serde_json::from_str(&description)?;
    let consent = Consent::parse(&consent).unwrap_or_default();
    Ok(Photo { id, version, owner, info: PhotoInfo { description, consent }, width, height, hash, widths, added_at: added_at.and_utc() })
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
        let (owner, consent) = (Owner::parse(&row.2), Consent::parse(&row.4).unwrap_or_default());
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

/// Erases the photos in which residents are recognisable (any consent but `public`) added more
/// than `kept_days` before `now`, files and all, audited; the number erased.
pub async fn erase_due(pool: &SqlitePool, now: chrono::NaiveDateTime, kept_days: u32) -> Result<u64, StoreError> {
    let added_by = now - chrono::Duration::days(kept_days.into());
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let erased = sqlx::query("DELETE FROM photos WHERE consent <> 'public' AND added_at <= ?1")
        .bind(added_by)
        .execute(&mut *transaction)
        .await?
        .rows_affected();
    if erased > 0 {
        let change = Change { action: "erase due", collection: Some(COLLECTION), item_id: None, version: Some(erased as i64), body: None };
        audit::record(&mut transaction, None, change).await?;
    }
    transaction.commit().await?;
    Ok(erased)
}

/// Erases the photos due, every hour, for as long as the server runs.
pub async fn keep_erasing(pool: SqlitePool, kept_days: u32) {
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        match erase_due(&pool, Utc::now().naive_utc(), kept_days).await {
            Ok(0) => {}
            Ok(erased) => tracing::info!(erased, "photos of residents past their time erased"),
            Err(error) => tracing::error!(?error, "cannot erase the photos past their time"),
        }
    }
}

/// A photo as an export carries it: what is said of it and where it belongs, and its files (the
/// sizes made of it, as stored: base64), so that an import serves the same photos under the same
/// addresses.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Exported {
    pub id: i64,
    pub version: i64,
    pub owner: String,
    #[serde(flatten)]
    pub info: PhotoInfo,
    pub hash: String,
    pub width: u32,
    pub height: u32,
    /// Kept as it was, so that an import does not lengthen the time a photo is kept.
    pub added_at: chrono::DateTime<Utc>,
    pub files: Vec<ExportedFile>,
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct ExportedFile {
    pub width: u32,
    /// `webp` or `jpeg`.
    pub format: String,
    pub base64: String,
}

/// Every photo with its files, for an export.
pub async fn export(pool: &SqlitePool) -> Result<Vec<Exported>, StoreError> {
    use base64::Engine;
    let photos = list(pool, None, Viewer::InHouse).await?;
    let mut exported = Vec::with_capacity(photos.len());
    for photo in photos.into_iter().rev() {
        let files: Vec<(u32, String, Vec<u8>)> =
            sqlx::query_as("SELECT width, format, bytes FROM photo_files WHERE photo_id = ?1 ORDER BY width, format")
                .bind(photo.id)
                .fetch_all(pool)
                .await?;
        let files = files
            .into_iter()
            .map(|(width, format, bytes)| ExportedFile { width, format, base64: base64::engine::general_purpose::STANDARD.encode(bytes) })
            .collect();
        exported.push(Exported {
            id: photo.id,
            version: photo.version,
            owner: photo.owner,
            info: photo.info,
            hash: photo.hash,
            width: photo.width,
            height: photo.height,
            added_at: photo.added_at,
            files,
        });
    }
    Ok(exported)
}

/// The problems of an export's photos, each named by its place (`photos[1].files[0]`).
pub fn check(photos: &[Exported]) -> Vec<plantzette_content::FieldError> {
    use base64::Engine;
    let mut errors = Vec::new();
    for (index, photo) in photos.iter().enumerate() {
        let place = |field: &str| format!("photos[{index}].{field}");
        if Owner::parse(&photo.owner).is_none() {
            errors.push(plantzette_content::FieldError { field: place("owner"), code: ErrorCode::UnknownValue { value: photo.owner.clone() } });
        }
        if let Err(invalid) = photo.info.validate() {
            errors.extend(invalid.errors.into_iter().map(|e| plantzette_content::FieldError { field: place(&e.field), ..e }));
        }
        for (n, file) in photo.files.iter().enumerate() {
            let readable = matches!(file.format.as_str(), "webp" | "jpeg") && base64::engine::general_purpose::STANDARD.decode(&file.base64).is_ok();
            if !readable {
                errors.push(plantzette_content::FieldError { field: place(&format!("files[{n}]")), code: ErrorCode::NotAPhoto });
            }
        }
    }
    errors
}

/// Replaces every photo with an export's (checked first), in the caller's transaction.
pub async fn replace_all(db: &mut SqliteConnection, photos: &[Exported]) -> Result<(), StoreError> {
    use base64::Engine;
    sqlx::query("DELETE FROM photos").execute(&mut *db).await?;
    for photo in photos {
        sqlx::query("INSERT INTO photos (id, owner, description, consent, hash, width, height, added_at, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            .bind(photo.id)
            .bind(&photo.owner)
            .bind(serde_json::to_string(&photo.info.description)?)
            .bind(photo.info.consent.as_str())
            .bind(&photo.hash)
            .bind(photo.width)
            .bind(photo.height)
            .bind(photo.added_at.naive_utc())
            .bind(photo.version)
            .execute(&mut *db)
            .await?;
        for file in &photo.files {
            let bytes = base64::engine::general_purpose::STANDARD.decode(&file.base64).unwrap_or_default();
            sqlx::query("INSERT INTO photo_files (photo_id, width, format, bytes) VALUES (?1, ?2, ?3, ?4)")
                .bind(photo.id)
                .bind(file.width)
                .bind(&file.format)
                .bind(bytes)
                .execute(&mut *db)
                .await?;
        }
    }
    Ok(())
}
