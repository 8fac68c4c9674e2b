//! The server's configuration, from flags or environment variables (`--help` lists them).

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

#[derive(Clone, Debug, Parser)]
#[command(name = "plantzette-server", version, about = "The Résidence Plantzette's kiosk and family app, and its JSON API.")]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "PLANTZETTE_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// Directory holding the SQLite database (created if missing; must be writable).
    #[arg(long, env = "PLANTZETTE_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// Directory of the built app (Trunk's `dist`), served at `/`.
    #[arg(long, env = "PLANTZETTE_DIST_DIR", default_value = "dist")]
    pub dist_dir: PathBuf,

    /// Fill an empty database with the demo residence's content, and lay it out again each week
    /// for as long as the database holds only demo content.
    #[arg(long, env = "PLANTZETTE_DEMO")]
    pub demo: bool,
}
