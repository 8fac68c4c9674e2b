//! The administrator's commands, run beside (or instead of) a serving server on the same data
//! directory: SQLite's WAL lets them work while it serves. Each works on a database that is
//! there, never a new one (but `restore`, whose point it is to make one).

use std::path::Path;

use anyhow::Context;
use plantzette_content::staff::{NewUser, Role};

use crate::auth::password::Hasher;
use crate::auth::users;
use crate::site::Site;
use crate::version::{COMMIT, SERVER};
use crate::{backup, db, transfer, Config};

/// "plantzette-server 0.1.0 (commit 0123456789ab), apps built in, app build 0123456789abcdef".
pub fn version(config: &Config) -> String {
    let site = Site::load(config.dist_dir.as_deref());
    let build = site.build().unwrap_or_else(|| "none".to_string());
    format!("plantzette-server {SERVER} (commit {COMMIT}), {}, app build {build}", site.describe())
}

pub async fn add_user(data_dir: &Path, login: String, name: String, admin: bool, password: String) -> anyhow::Result<String> {
    let pool = db::open_existing(data_dir).await?;
    let role = if admin { Role::Admin } else { Role::Editor };
    let account = users::prepare(&Hasher::default(), NewUser { login, name, role, password }).await?;
    let user = users::create(&pool, account, None).await?;
    Ok(format!("added {} ({})", user.login, user.role.as_str()))
}

pub async fn backup(data_dir: &Path, file: &Path) -> anyhow::Result<String> {
    let pool = db::open_existing(data_dir).await?;
    let verified = backup::backup(&pool, file).await?;
    Ok(format!("backup written to {} and checked: {} items, {} audit entries", file.display(), verified.items, verified.audit_entries))
}

pub async fn restore(data_dir: &Path, file: &Path) -> anyhow::Result<String> {
    let verified = backup::restore(file, data_dir).await?;
    // A backup made by an earlier release is brought up to this one's schema now.
    db::open(data_dir).await?;
    Ok(format!(
        "restored {} into {}: {} items, {} audit entries; start the server on this data directory",
        file.display(),
        data_dir.display(),
        verified.items,
        verified.audit_entries
    ))
}

pub async fn export(data_dir: &Path) -> anyhow::Result<String> {
    let pool = db::open_existing(data_dir).await?;
    let export = transfer::export(&pool).await?;
    Ok(serde_json::to_string_pretty(&export)?)
}

pub async fn import(data_dir: &Path, file: &Path) -> anyhow::Result<String> {
    let pool = db::open_existing(data_dir).await?;
    let json = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let export = transfer::parse(&json)?;
    let imported = transfer::import(&pool, data_dir, &export, None).await?;
    Ok(format!("imported {} items; the previous content is in {}", imported.items, data_dir.join(imported.backup).display()))
}
