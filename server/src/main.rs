//! `plantzette-server`: reads its configuration and serves; errors end it with a sentence, not a panic.

use clap::Parser;
use plantzette_server::{Config, Server};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt().with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"))).init();
    let config = Config::parse();
    let server = Server::build(&config).await?;
    println!("Plantzette is serving on http://{}/", server.local_addr());
    server.run().await
}
