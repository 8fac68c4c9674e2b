//! One content kind's staff routes, the same for every kind (`T::COLLECTION` names them):
//!
//! - `GET /staff/{kind}`: every item as stored, deleted ones too;
//! - `POST /staff/{kind}`: create (201);
//! - `GET|PUT|DELETE /staff/{kind}/{id}`: read, replace, delete, each change with `If-Match`;
//! - `POST /staff/{kind}/{id}/restore`: undo a delete.
//!
//! Each change is validated by the content crate, written with its audit entry in one
//! transaction, and read as the new content version as soon as it is committed.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use plantzette_content::schedule::residence_now;
use plantzette_content::staff::Stored;
use plantzette_content::{Content, Item};
use sqlx::SqliteConnection;

use crate::audit::{self, Change};
use crate::auth::{Admin, Staff};
use crate::error::ApiError;
use crate::http::body::{ContentBody, IfMatch};
use crate::{store, AppState};

/// Routes for a kind with many items.
pub fn collection<T: Content + Send + Sync + 'static>() -> Router<AppState> {
    let kind = format!("/staff/{}", T::COLLECTION);
    Router::new()
        .route(&kind, get(list::<T>).post(create::<T>))
        .route(&format!("{kind}/{{id}}"), get(show::<T>).put(update::<T>).delete(delete::<T>))
        .route(&format!("{kind}/{{id}}/restore"), post(restore::<T>))
}

/// Routes for a kind with one item that is only ever edited (the residence), once created: the
/// first administrator of a new install fills it in.
pub fn single<T: Content + Send + Sync + 'static>() -> Router<AppState> {
    let kind = format!("/staff/{}", T::COLLECTION);
    Router::new().route(&kind, get(list::<T>).post(create_first::<T>)).route(&format!("{kind}/{{id}}"), get(show::<T>).put(update::<T>))
}

fn id_of<T: Content>(id: &str) -> Result<i64, ApiError> {
    id.parse().map_err(|_| ApiError::NotFound(T::COLLECTION))
}

async fn list<T: Content>(State(state): State<AppState>, _: Staff) -> Result<Json<Vec<Stored<T>>>, ApiError> {
    Ok(Json(store::list_stored(&state.pool).await?))
}

async fn show<T: Content>(State(state): State<AppState>, _: Staff, Path(id): Path<String>) -> Result<Json<Item<T>>, ApiError> {
    Ok(Json(store::get(&state.pool, id_of::<T>(&id)?).await?))
}

async fn create<T: Content>(
    State(state): State<AppState>,
    staff: Staff,
    ContentBody(content): ContentBody<T>,
) -> Result<(StatusCode, Json<Item<T>>), ApiError> {
    content.check_new(residence_now().date())?;
    let mut tx = state.pool.begin().await?;
    let id = store::insert(&mut *tx, &content).await?;
    let item = Item { id, version: 1, content: content.into_inner() };
    record(&mut tx, &staff, "create", &item).await?;
    state.live.commit(tx).await?;
    Ok((StatusCode::CREATED, Json(item)))
}

/// Creates the one item of a single kind; refused once there is one (two administrators filling
/// in a new install at once: the second is told, and edits the first one's instead).
async fn create_first<T: Content>(
    State(state): State<AppState>,
    Admin(staff): Admin,
    ContentBody(content): ContentBody<T>,
) -> Result<(StatusCode, Json<Item<T>>), ApiError> {
    let mut tx = state.pool.begin_with("BEGIN IMMEDIATE").await?;
    if !store::list::<T>(&mut *tx, None).await?.is_empty() {
        return Err(ApiError::Conflict("it is there already: edit it"));
    }
    let id = store::insert(&mut *tx, &content).await?;
    let item = Item { id, version: 1, content: content.into_inner() };
    record(&mut tx, &staff, "create", &item).await?;
    state.live.commit(tx).await?;
    Ok((StatusCode::CREATED, Json(item)))
}

async fn update<T: Content>(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    IfMatch(version): IfMatch,
    ContentBody(content): ContentBody<T>,
) -> Result<Json<Item<T>>, ApiError> {
    let mut tx = state.pool.begin().await?;
    let item = store::update(&mut tx, id_of::<T>(&id)?, version, content).await?;
    record(&mut tx, &staff, "update", &item).await?;
    state.live.commit(tx).await?;
    Ok(Json(item))
}

async fn delete<T: Content>(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<String>,
    IfMatch(version): IfMatch,
) -> Result<Json<Item<T>>, ApiError> {
    let mut tx = state.pool.begin().await?;
    let item = store::delete(&mut tx, id_of::<T>(&id)?, version).await?;
    record(&mut tx, &staff, "delete", &item).await?;
    state.live.commit(tx).await?;
    Ok(Json(item))
}

async fn restore<T: Content>(State(state): State<AppState>, staff: Staff, Path(id): Path<String>) -> Result<Json<Item<T>>, ApiError> {
    let mut tx = state.pool.begin().await?;
    let item = store::restore(&mut tx, id_of::<T>(&id)?).await?;
    record(&mut tx, &staff, "restore", &item).await?;
    state.live.commit(tx).await?;
    Ok(Json(item))
}

/// The audit entry of a change.
async fn record<T: Content>(db: &mut SqliteConnection, staff: &Staff, action: &'static str, item: &Item<T>) -> Result<(), ApiError> {
    let change = Change {
        action,
        collection: Some(T::COLLECTION),
        item_id: Some(item.id),
        version: Some(item.version),
        body: Some(serde_json::to_string(&item.content)?),
    };
    Ok(audit::record(db, Some(&staff.user), change).await?)
}
