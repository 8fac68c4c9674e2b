//! Which release this server is: its commit is also on the metrics, `--version` and the API.

/// The server's version, as in its `Cargo.toml`.
pub const SERVER: &str = env!("CARGO_PKG_VERSION");
/// The commit it was built from (`build.rs`).
pub const COMMIT: &str = env!("PLANTZETTE_COMMIT");
