//! The photos as an export carries them, files and all, and their import: checked first, then
//! replacing every photo in the import's transaction.

use base64::Engine;
use chrono::Utc;
use plantzette_content::photo::{Owner, PhotoInfo};
use plantzette_content::{ErrorCode, FieldError};
use sqlx::{SqliteConnection, SqlitePool};

use super::{list, Viewer};
use crate::store::StoreError;

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
pub fn check(photos: &[Exported]) -> Vec<FieldError> {
    let mut errors = Vec::new();
    for (index, photo) in photos.iter().enumerate() {
        let place = |field: &str| format!("photos[{index}].{field}");
        if Owner::parse(&photo.owner).is_none() {
            errors.push(FieldError { field: place("owner"), code: ErrorCode::UnknownValue { value: photo.owner.clone() } });
        }
        if let Err(invalid) = photo.info.validate() {
            errors.extend(invalid.errors.into_iter().map(|e| FieldError { field: place(&e.field), ..e }));
        }
        for (n, file) in photo.files.iter().enumerate() {
            let readable = matches!(file.format.as_str(), "webp" | "jpeg") && base64::engine::general_purpose::STANDARD.decode(&file.base64).is_ok();
            if !readable {
                errors.push(FieldError { field: place(&format!("files[{n}]")), code: ErrorCode::NotAPhoto });
            }
        }
    }
    errors
}

/// Replaces every photo with an export's (checked first), in the caller's transaction.
pub async fn replace_all(db: &mut SqliteConnection, photos: &[Exported]) -> Result<(), StoreError> {
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
