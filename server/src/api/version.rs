//! `GET /api/v1/version`: which release the server is, and which build of the app it serves.
//! Screens compare the build with their own (the event stream tells them too, on connecting).

use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::version::{COMMIT, SERVER};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(show))
}

#[derive(Serialize, ToSchema)]
pub struct Version {
    pub server: &'static str,
    pub commit: &'static str,
    /// The content hash of the app's wasm file; none while no app is built.
    pub app_build: Option<String>,
}

/// Which release the server is, and which build of the app it serves.
#[utoipa::path(get, operation_id = "getVersion", path = "/version", tag = "version", responses((status = 200, body = Version)))]
async fn show(State(state): State<AppState>) -> Json<Version> {
    Json(Version { server: SERVER, commit: COMMIT, app_build: state.site.build() })
}
