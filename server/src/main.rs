//! `plantzette-server`: serves, or runs one of the administrator's commands; errors end it with a
//! sentence, not a panic.

use std::io::BufRead;

use anyhow::Context;
use clap::Parser;
use plantzette_server::config::{Cli, Command, UserCommand};
use plantzette_server::{commands, Server};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    plantzette_server::auth::password::return_hash_memory();
    // Logs go to standard error: standard output carries what a command prints (an export).
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn"));
    // Colours for a person at a terminal; plain text for the journal or a log file.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(ansi).init();
    let Cli { version, config, command } = Cli::parse();
    if version {
        println!("{}", commands::version(&config));
        return Ok(());
    }
    let data_dir = &config.data_dir;
    let report = match command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let server = Server::build(&config).await?;
            println!("Plantzette is serving on http://{}/", server.local_addr());
            return server.run().await;
        }
        Command::User(UserCommand::Add { login, name, admin }) => commands::add_user(data_dir, login, name, admin, read_password()?).await?,
        Command::Backup { file } => commands::backup(data_dir, &file).await?,
        Command::Export { file: None } => commands::export(data_dir).await?,
        Command::Export { file: Some(file) } => {
            std::fs::write(&file, commands::export(data_dir).await?).with_context(|| format!("cannot write {}", file.display()))?;
            format!("exported to {}", file.display())
        }
        Command::Import { file } => commands::import(data_dir, &file).await?,
        Command::Restore { backup } => commands::restore(data_dir, &backup).await?,
    };
    println!("{report}");
    Ok(())
}

/// The new account's password: the first line of standard input (typed, or piped by a script).
fn read_password() -> anyhow::Result<String> {
    eprintln!("Password (12 characters at least), then Enter:");
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).context("cannot read the password")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}
