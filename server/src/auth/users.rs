//! Staff accounts in the database. The password hash never leaves this module.

use chrono::Utc;
use plantzette_content::staff::{NewUser, Role, StaffUser};
use plantzette_content::{ContentError, ErrorCode};
use sqlx::SqlitePool;

use super::password;
use super::throttle::{ACCOUNT_FAILURES, ACCOUNT_LOCK};
use crate::error::ApiError;

type UserRow = (i64, String, String, String);

pub(crate) fn user((id, login, name, role): UserRow) -> Result<StaffUser, ApiError> {
    let role = Role::parse(&role).ok_or_else(|| anyhow::anyhow!("unknown role {role:?} for user {id}"))?;
    Ok(StaffUser { id, login, name, role })
}

/// Validates and creates an account; a login already taken is a field error.
pub async fn create(pool: &SqlitePool, new: NewUser) -> Result<StaffUser, ApiError> {
    new.validate()?;
    let hash = password::hash(new.password).await?;
    let result = sqlx::query("INSERT INTO users (login, name, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
        .bind(new.login.trim())
        .bind(new.name.trim())
        .bind(new.role.as_str())
        .bind(hash)
        .bind(Utc::now().to_rfc3339())
        .execute(pool)
        .await
        .map_err(|error| match &error {
            sqlx::Error::Database(db) if db.is_unique_violation() => ApiError::Invalid(ContentError::single("login", ErrorCode::Duplicate)),
            _ => error.into(),
        })?;
    Ok(StaffUser { id: result.last_insert_rowid(), login: new.login.trim().into(), name: new.name.trim().into(), role: new.role })
}

pub async fn list(pool: &SqlitePool) -> Result<Vec<StaffUser>, ApiError> {
    let rows: Vec<UserRow> = sqlx::query_as("SELECT id, login, name, role FROM users ORDER BY login").fetch_all(pool).await?;
    rows.into_iter().map(user).collect()
}

pub async fn any(pool: &SqlitePool) -> Result<bool, ApiError> {
    Ok(sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM users)").fetch_one(pool).await?)
}

/// Checks a login and password. `Ok(None)`: wrong login or password (the caller cannot tell
/// which, nor can anyone else); a locked account is refused even with the right password.
pub async fn authenticate(pool: &SqlitePool, login: &str, given: String) -> Result<Option<StaffUser>, ApiError> {
    let now = Utc::now().timestamp();
    let row: Option<(i64, String, String, String, String, Option<i64>)> =
        sqlx::query_as("SELECT id, login, name, role, password_hash, locked_until FROM users WHERE login = ?1")
            .bind(login.trim())
            .fetch_optional(pool)
            .await?;
    if let Some(locked_until) = row.as_ref().and_then(|r| r.5).filter(|until| *until > now) {
        return Err(ApiError::TooManyAttempts { retry_after_secs: (locked_until - now) as u64 });
    }
    let matches = password::verify(given, row.as_ref().map(|r| r.4.clone())).await;
    let Some((id, login, name, role, _, _)) = row else { return Ok(None) };
    if matches {
        sqlx::query("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ?1").bind(id).execute(pool).await?;
        return Ok(Some(user((id, login, name, role))?));
    }
    // The fifth failure in a row locks the account, and the count starts again after the lock.
    sqlx::query(
        "UPDATE users SET failed_logins = CASE WHEN failed_logins + 1 >= ?2 THEN 0 ELSE failed_logins + 1 END,
                          locked_until = CASE WHEN failed_logins + 1 >= ?2 THEN ?3 ELSE locked_until END
         WHERE id = ?1",
    )
    .bind(id)
    .bind(ACCOUNT_FAILURES)
    .bind(now + ACCOUNT_LOCK.as_secs() as i64)
    .execute(pool)
    .await?;
    Ok(None)
}
