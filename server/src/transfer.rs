//! Export and import of all of a residence's content, as one JSON document: for moving a
//! residence to another server, or restoring it. An import replaces everything in one
//! transaction, after checking every item, so that it lands whole or not at all.

use std::path::Path;

use chrono::Utc;
use plantzette_content::parse::{parse as parse_content, read};
use plantzette_content::staff::StaffUser;
use plantzette_content::{
    Activity, Announcement, Content, ContentError, DayMenu, ErrorCode, FieldError, InfoPage, Item, Programme, Residence, Valid,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sqlx::{SqliteConnection, SqlitePool};

use crate::audit::{self, Change};
use crate::store::{self, StoreError};
use crate::{backup, photos};

pub const FORMAT: &str = "plantzette-export/1";

/// How an export holds its items: as stored, as read from outside, or as checked for an import.
pub trait Holds {
    type Item<T: Content>;
}

/// As stored: what an export writes out.
pub enum AsStored {}

/// As read from outside: each item plain JSON until it is read as its kind, so that a problem
/// is named by its full path (`menus[1].meals[0].main.allergens[0]`).
pub enum AsRead {}

/// As checked: every item valid, ready to be stored.
pub enum AsChecked {}

impl Holds for AsStored {
    type Item<T: Content> = Item<T>;
}

impl Holds for AsRead {
    type Item<T: Content> = Value;
}

impl Holds for AsChecked {
    type Item<T: Content> = Item<Valid<T>>;
}

/// All of a residence's content, one list per kind.
#[derive(Debug, Serialize, Deserialize)]
#[serde(bound(
    serialize = "H::Item<Residence>: Serialize, H::Item<Activity>: Serialize, H::Item<DayMenu>: Serialize, \
                 H::Item<Programme>: Serialize, H::Item<Announcement>: Serialize, H::Item<InfoPage>: Serialize",
    deserialize = "H::Item<Residence>: Deserialize<'de>, H::Item<Activity>: Deserialize<'de>, H::Item<DayMenu>: Deserialize<'de>, \
                   H::Item<Programme>: Deserialize<'de>, H::Item<Announcement>: Deserialize<'de>, H::Item<InfoPage>: Deserialize<'de>"
))]
pub struct Export<H: Holds> {
    pub format: String,
    pub exported_at: String,
    pub residence: Vec<H::Item<Residence>>,
    pub activities: Vec<H::Item<Activity>>,
    pub menus: Vec<H::Item<DayMenu>>,
    pub programmes: Vec<H::Item<Programme>>,
    pub announcements: Vec<H::Item<Announcement>>,
    pub pages: Vec<H::Item<InfoPage>>,
    /// The photos, with their files (an export made before there were photos has none).
    #[serde(default)]
    pub photos: Vec<photos::Exported>,
}

impl<H: Holds> Export<H> {
    pub fn count(&self) -> usize {
        self.residence.len()
            + self.activities.len()
            + self.menus.len()
            + self.programmes.len()
            + self.announcements.len()
            + self.pages.len()
            + self.photos.len()
    }
}

/// Every live item (deleted ones stay behind).
pub async fn export(pool: &SqlitePool) -> Result<Export<AsStored>, StoreError> {
    Ok(Export {
        format: FORMAT.into(),
        exported_at: Utc::now().to_rfc3339(),
        residence: store::list(pool, None).await?,
        activities: store::list(pool, None).await?,
        menus: store::list(pool, None).await?,
        programmes: store::list(pool, None).await?,
        announcements: store::list(pool, None).await?,
        pages: store::list(pool, None).await?,
        photos: photos::export(pool).await?,
    })
}

/// Reads an export from JSON text (the command line's file).
pub fn parse(json: &str) -> Result<Export<AsChecked>, ContentError> {
    check(read::<Export<AsRead>>(json)?)
}

/// Reads every item of an export as its kind and checks it, reporting all problems at once.
pub fn check(raw: Export<AsRead>) -> Result<Export<AsChecked>, ContentError> {
    let mut errors = Vec::new();
    if raw.format != FORMAT {
        errors.push(FieldError { field: "format".into(), code: ErrorCode::UnknownValue { value: raw.format.clone() } });
    }
    if raw.residence.len() != 1 {
        errors.push(FieldError { field: "residence".into(), code: ErrorCode::Required });
    }
    let export = Export {
        format: raw.format,
        exported_at: raw.exported_at,
        residence: items(raw.residence, &mut errors),
        activities: items(raw.activities, &mut errors),
        menus: items(raw.menus, &mut errors),
        programmes: items(raw.programmes, &mut errors),
        announcements: items(raw.announcements, &mut errors),
        pages: items(raw.pages, &mut errors),
        photos: raw.photos,
    };
    errors.extend(photos::check(&export.photos));
    if errors.is_empty() {
        Ok(export)
    } else {
        Err(ContentError { errors })
    }
}

#[derive(Deserialize)]
struct Identity {
    id: i64,
    version: i64,
}

/// Each value read as an item of `T`; the problems of those that cannot be, prefixed with their
/// place in the export.
fn items<T: Content>(values: Vec<Value>, errors: &mut Vec<FieldError>) -> Vec<Item<Valid<T>>> {
    let mut read_items = Vec::new();
    for (index, value) in values.into_iter().enumerate() {
        let text = value.to_string();
        match (read::<Identity>(&text), parse_content::<T>(&text)) {
            (Ok(Identity { id, version }), Ok(content)) => read_items.push(Item { id, version, content }),
            (identity, content) => {
                let problems = identity.err().into_iter().chain(content.err()).flat_map(|e| e.errors);
                let place = |field: String| format!("{}[{index}].{field}", T::COLLECTION).trim_end_matches('.').to_string();
                errors.extend(problems.map(|e| FieldError { field: place(e.field), ..e }));
            }
        }
    }
    read_items
}

/// What an import did.
#[derive(Debug, Serialize)]
pub struct Imported {
    pub items: usize,
    /// The file in the data directory that holds the content as it was before.
    pub backup: String,
}

/// Why an import did not happen (nothing was changed).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the backup of the content before the import failed: {0:#}")]
    Backup(anyhow::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ImportError {
    fn from(error: sqlx::Error) -> Self {
        ImportError::Store(StoreError::Database(error))
    }
}

/// Replaces all content with a checked export's, in one transaction with its audit entry, after a
/// verified backup of what was there.
pub async fn import(pool: &SqlitePool, data_dir: &Path, export: &Export<AsChecked>, who: Option<&StaffUser>) -> Result<Imported, ImportError> {
    let backup = format!("before-import-{}.sqlite3", Utc::now().format("%Y%m%dT%H%M%S%.3fZ"));
    backup::backup(pool, &data_dir.join(&backup)).await.map_err(ImportError::Backup)?;
    let mut tx = pool.begin().await?;
    replace_all(&mut tx, export).await?;
    let body = format!("{} items; previous content in {backup}", export.count());
    audit::record(&mut tx, who, Change { action: "import", collection: None, item_id: None, version: None, body: Some(body) }).await?;
    tx.commit().await?;
    Ok(Imported { items: export.count(), backup })
}

/// Replaces all content with the export's, in the caller's transaction.
async fn replace_all(db: &mut SqliteConnection, export: &Export<AsChecked>) -> Result<(), StoreError> {
    replace(db, &export.residence).await?;
    replace(db, &export.activities).await?;
    replace(db, &export.menus).await?;
    replace(db, &export.programmes).await?;
    replace(db, &export.announcements).await?;
    replace(db, &export.pages).await?;
    photos::replace_all(db, &export.photos).await?;
    Ok(())
}

async fn replace<T: Content>(db: &mut SqliteConnection, items: &[Item<Valid<T>>]) -> Result<(), StoreError> {
    store::clear::<T>(&mut *db).await?;
    for item in items {
        store::insert_with_id(db, item).await?;
    }
    Ok(())
}
