//! The administrator's commands, run beside (or instead of) a serving server on the same data
//! directory: SQLite's WAL lets them work while it serves.

use std::path::Path;

use anyhow::Context;
use plantzette_content::staff::{NewUser, Role};

use crate::auth::password::Hasher;
use crate::auth::users;
use crate::{backup, db, transfer};

pub async fn add_user(data_dir: &Path, login: String, name: String, admin: bool, password: String) -> anyhow::Result<String> {
    let pool = db::open(data_dir).await?;
    let role = if admin { Role::Admin } else { Role::Editor };
    let account = users::prepare(&Hasher::default(), NewUser { login, name, role, password }).await?;
    let user = users::create(&pool, account, None).await?;
    Ok(format!("added {} ({})", user.login, user.role.as_str()))
}

pub async fn backup(data_dir: &Path, file: &Path) -> anyhow::Result<String> {
    let pool = db::open(data_dir).await?;
    let verified = backup::backup(&pool, file).await?;
    Ok(format!("backup written to {} and checked: {} items, {} audit entries", file.display(), verified.items, verified.audit_entries))
}

pub async fn export(data_dir: &Path) -> anyhow::Result<String> {
    let pool = db::open(data_dir).await?;
    let export = transfer::export(&pool).await?;
    Ok(serde_json::to_string_pretty(&export)?)
}

pub async fn import(data_dir: &Path, file: &Path) -> anyhow::Result<String> {
    let json = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let export = transfer::parse(&json)?;
    let pool = db::open(data_dir).await?;
    let imported = transfer::import(&pool, data_dir, &export, None).await?;
    Ok(format!("imported {} items; the previous content is in {}", imported.items, data_dir.join(imported.backup).display()))
}
