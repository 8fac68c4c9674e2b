//! Staff accounts in the database. The password hash never leaves this module.

use chrono::Utc;
use plantzette_content::staff::{NewUser, Role, StaffUser};
use plantzette_content::{ContentError, ErrorCode};
use sqlx::{SqliteConnection, SqlitePool};

use super::password::{Busy, Hasher};
use crate::audit::{self, Change};
use crate::error::ApiError;
use crate::store::StoreError;

/// Why an account could not be read, made or checked.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// A field of the new account (a short password, a login taken).
    #[error(transparent)]
    Invalid(#[from] ContentError),
    /// Every password thread is busy: try again in a moment.
    #[error(transparent)]
    Busy(#[from] Busy),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A stored role this server does not know.
    #[error("unknown role {role:?} for user {id}")]
    UnknownRole { id: i64, role: String },
}

impl From<AccountError> for ApiError {
    fn from(error: AccountError) -> Self {
        match error {
            AccountError::Invalid(invalid) => ApiError::Invalid(invalid),
            AccountError::Busy(busy) => busy.into(),
            AccountError::Store(error) => error.into(),
            unknown @ AccountError::UnknownRole { .. } => ApiError::Internal(unknown.into()),
        }
    }
}

impl From<sqlx::Error> for AccountError {
    fn from(error: sqlx::Error) -> Self {
        AccountError::Store(StoreError::Database(error))
    }
}

type UserRow = (i64, String, String, String);

pub(crate) fn user((id, login, name, role): UserRow) -> Result<StaffUser, AccountError> {
    let role = Role::parse(&role).ok_or(AccountError::UnknownRole { id, role })?;
    Ok(StaffUser { id, login, name, role })
}

/// An account ready to be stored: valid, its password hashed (slowly, so before any
/// transaction begins).
pub struct NewAccount {
    login: String,
    name: String,
    role: Role,
    hash: String,
}

pub async fn prepare(hasher: &Hasher, new: NewUser) -> Result<NewAccount, AccountError> {
    new.validate()?;
    let hash = hasher.hash(new.password).await?;
    Ok(NewAccount { login: new.login.trim().into(), name: new.name.trim().into(), role: new.role, hash })
}

/// Stores an account with its audit entry, in one transaction; `by` is the administrator who
/// created it (`None`: the command line, or the demo).
pub async fn create(pool: &SqlitePool, account: NewAccount, by: Option<&StaffUser>) -> Result<StaffUser, AccountError> {
    let mut tx = pool.begin().await?;
    let user = insert(&mut tx, account).await?;
    let change = Change {
        action: "user_create",
        collection: Some("users"),
        item_id: Some(user.id),
        version: None,
        body: Some(format!("{} ({})", user.login, user.role.as_str())),
    };
    audit::record(&mut tx, by, change).await?;
    tx.commit().await?;
    Ok(user)
}

/// A login already taken is a field error.
async fn insert(db: &mut SqliteConnection, account: NewAccount) -> Result<StaffUser, AccountError> {
    let result = sqlx::query("INSERT INTO users (login, name, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(&account.login)
        .bind(&account.name)
        .bind(account.role.as_str())
        .bind(&account.hash)
        .bind(Utc::now().to_rfc3339())
        .execute(db)
        .await
        .map_err(|error| match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => AccountError::Invalid(ContentError::single("login", ErrorCode::Duplicate)),
            _ => error.into(),
        })?;
    Ok(StaffUser { id: result.last_insert_rowid(), login: account.login, name: account.name, role: account.role })
}

pub async fn list(pool: &SqlitePool) -> Result<Vec<StaffUser>, AccountError> {
    let rows: Vec<UserRow> = sqlx::query_as("SELECT id, login, name, role FROM users ORDER BY login").fetch_all(pool).await?;
    rows.into_iter().map(user).collect()
}

pub async fn any(pool: &SqlitePool) -> Result<bool, AccountError> {
    Ok(sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM users)").fetch_one(pool).await?)
}

/// Checks a login and password. `Ok(None)`: wrong login or password, and neither the caller
/// nor anyone else can tell which (an unknown login is checked against a stand-in hash).
pub async fn authenticate(pool: &SqlitePool, hasher: &Hasher, login: &str, given: String) -> Result<Option<StaffUser>, AccountError> {
    let row: Option<(i64, String, String, String, String)> =
        sqlx::query_as("SELECT id, login, name, role, password_hash FROM users WHERE login = ?1").bind(login.trim()).fetch_optional(pool).await?;
    let matches = hasher.verify(given, row.as_ref().map(|r| r.4.clone())).await?;
    match row {
        Some((id, login, name, role, _)) if matches => Ok(Some(user((id, login, name, role))?)),
        _ => Ok(None),
    }
}
