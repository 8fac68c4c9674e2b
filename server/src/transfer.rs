//! Export and import of all of a residence's content, as one JSON document: for moving a
//! residence to another server, or restoring it. An import replaces everything in one
//! transaction, after checking every item, so that it lands whole or not at all.

use std::path::Path;

use chrono::Utc;
use plantzette_content::staff::StaffUser;
use plantzette_content::validate::read;
use plantzette_content::{Activity, Announcement, Content, ContentError, DayMenu, ErrorCode, FieldError, InfoPage, Item, Programme, Residence};
use serde::{Deserialize, Serialize};
use sqlx::{SqliteConnection, SqlitePool};

use crate::audit::{self, Change};
use crate::error::ApiError;
use crate::{backup, demo, store};

pub const FORMAT: &str = "plantzette-export/1";

#[derive(Debug, Serialize, Deserialize)]
pub struct Export {
    pub format: String,
    pub exported_at: String,
    pub residence: Vec<Item<Residence>>,
    pub activities: Vec<Item<Activity>>,
    pub menus: Vec<Item<DayMenu>>,
    pub programmes: Vec<Item<Programme>>,
    pub announcements: Vec<Item<Announcement>>,
    pub pages: Vec<Item<InfoPage>>,
}

impl Export {
    pub fn count(&self) -> usize {
        self.residence.len() + self.activities.len() + self.menus.len() + self.programmes.len() + self.announcements.len() + self.pages.len()
    }
}

/// Every live item (deleted ones stay behind).
pub async fn export(pool: &SqlitePool) -> Result<Export, ApiError> {
    Ok(Export {
        format: FORMAT.into(),
        exported_at: Utc::now().to_rfc3339(),
        residence: store::list(pool, None).await?,
        activities: store::list(pool, None).await?,
        menus: store::list(pool, None).await?,
        programmes: store::list(pool, None).await?,
        announcements: store::list(pool, None).await?,
        pages: store::list(pool, None).await?,
    })
}

/// Reads an export: its shape (with the path of the first problem), then `check`.
pub fn parse(json: &str) -> Result<Export, ApiError> {
    let export: Export = read(json)?;
    check(&export)?;
    Ok(export)
}

/// Checks an export's format and every item's content, all problems at once
/// (`activities[3].title.fr`).
pub fn check(export: &Export) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if export.format != FORMAT {
        errors.push(FieldError { field: "format".into(), code: ErrorCode::UnknownValue { value: export.format.clone() } });
    }
    if export.residence.len() != 1 {
        errors.push(FieldError { field: "residence".into(), code: ErrorCode::Required });
    }
    check_all(&export.residence, &mut errors);
    check_all(&export.activities, &mut errors);
    check_all(&export.menus, &mut errors);
    check_all(&export.programmes, &mut errors);
    check_all(&export.announcements, &mut errors);
    check_all(&export.pages, &mut errors);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ContentError { errors }.into())
    }
}

fn check_all<T: Content>(items: &[Item<T>], errors: &mut Vec<FieldError>) {
    for (index, item) in items.iter().enumerate() {
        if let Err(invalid) = item.content.validate() {
            let prefixed = invalid.errors.into_iter().map(|e| FieldError { field: format!("{}[{index}].{}", T::COLLECTION, e.field), ..e });
            errors.extend(prefixed);
        }
    }
}

/// What an import did.
#[derive(Debug, Serialize)]
pub struct Imported {
    pub items: usize,
    /// The file in the data directory that holds the content as it was before.
    pub backup: String,
}

/// Replaces all content with a checked export's, in one transaction with its audit entry, after a
/// verified backup of what was there.
pub async fn import(pool: &SqlitePool, data_dir: &Path, export: &Export, who: Option<&StaffUser>) -> Result<Imported, ApiError> {
    let backup = format!("before-import-{}.sqlite3", Utc::now().format("%Y%m%dT%H%M%S%.3fZ"));
    backup::backup(pool, &data_dir.join(&backup)).await?;
    let mut tx = pool.begin().await?;
    replace_all(&mut tx, export).await?;
    let body = format!("{} items; previous content in {backup}", export.count());
    audit::record(&mut tx, who, Change { action: "import", collection: None, item_id: None, version: None, body: Some(body) }).await?;
    demo::end(&mut tx).await?;
    tx.commit().await?;
    Ok(Imported { items: export.count(), backup })
}

/// Replaces all content with the export's, in the caller's transaction.
async fn replace_all(db: &mut SqliteConnection, export: &Export) -> Result<(), ApiError> {
    replace(db, &export.residence).await?;
    replace(db, &export.activities).await?;
    replace(db, &export.menus).await?;
    replace(db, &export.programmes).await?;
    replace(db, &export.announcements).await?;
    replace(db, &export.pages).await?;
    Ok(())
}

async fn replace<T: Content>(db: &mut SqliteConnection, items: &[Item<T>]) -> Result<(), ApiError> {
    store::clear::<T>(&mut *db).await?;
    for item in items {
        store::insert_with_id(db, item).await?;
    }
    Ok(())
}
