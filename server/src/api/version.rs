//! `GET /api/v1/version`: which release the server is, and which build of the app it serves.
//! Screens compare the build with their own (the event stream tells them too, on connecting).

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

use crate::AppState;

/// The server's version, as in its `Cargo.toml`.
pub const SERVER: &str = env!("CARGO_PKG_VERSION");
/// The commit it was built from (`build.rs`).
pub const COMMIT: &str = env!("PLANTZETTE_COMMIT");

pub fn router() -> Router<AppState> {
    Router::new().route("/version", get(show))
}

#[derive(Serialize)]
pub struct Version {
    pub server: &'static str,
    pub commit: &'static str,
    /// The content hash of the app's wasm file; none while no app is built.
    pub app_build: Option<String>,
}

async fn show(State(state): State<AppState>) -> Json<Version> {
    Json(Version { server: SERVER, commit: COMMIT, app_build: state.site.build() })
}
