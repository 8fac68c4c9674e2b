//! `GET /api/v1/users` and `POST /api/v1/users`: staff accounts, for administrators only. An
//! account and its audit entry are written in one transaction.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use plantzette_content::staff::{NewUser, StaffUser};

use crate::auth::{users, Admin};
use crate::error::ApiError;
use crate::http::body::JsonBody;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/users", get(list).post(create))
}

async fn list(State(state): State<AppState>, _: Admin) -> Result<Json<Vec<StaffUser>>, ApiError> {
    Ok(Json(users::list(&state.pool).await?))
}

async fn create(
    State(state): State<AppState>,
    Admin(admin): Admin,
    JsonBody(new): JsonBody<NewUser>,
) -> Result<(StatusCode, Json<StaffUser>), ApiError> {
    let account = users::prepare(&state.auth.hasher, new).await?;
    Ok((StatusCode::CREATED, Json(users::create(&state.pool, account, Some(&admin.user)).await?)))
}
