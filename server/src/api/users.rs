//! `GET /api/v1/users` and `POST /api/v1/users`: staff accounts, for administrators only.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use plantzette_content::staff::{NewUser, StaffUser};

use super::body::JsonBody;
use crate::audit::{self, Change};
use crate::auth::{users, Admin};
use crate::error::ApiError;
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
    let user = users::create(&state.pool, new).await?;
    let mut db = state.pool.acquire().await?;
    let change = Change {
        action: "user_create",
        collection: Some("users"),
        item_id: Some(user.id),
        version: None,
        body: Some(format!("{} ({})", user.login, user.role.as_str())),
    };
    audit::record(&mut db, Some(&admin.user), change).await?;
    Ok((StatusCode::CREATED, Json(user)))
}
