//! The server's command line: serving (the default) and the administrator's commands, with
//! their settings from flags or environment variables (`--help` lists them).

use std::net::SocketAddr;
use std::path::PathBuf;

use chrono::NaiveTime;
use clap::{Parser, Subcommand};

use crate::backup::retention::Retention;
use crate::backup::scheduled::Schedule;

#[derive(Debug, Parser)]
#[command(
    name = "plantzette-server",
    disable_version_flag = true,
    about = "The Résidence Plantzette's kiosk and family app, its JSON API and staff editor."
)]
pub struct Cli {
    /// Print the server's version and commit, and the build of the apps it serves.
    #[arg(long, short = 'V')]
    pub version: bool,
    #[command(flatten)]
    pub config: Config,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Clone, Debug, Parser)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "PLANTZETTE_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// Directory holding the SQLite database (created if missing; must be writable).
    #[arg(long, env = "PLANTZETTE_DATA_DIR", default_value = "data", global = true)]
    pub data_dir: PathBuf,

    /// Directory of the built apps (Trunk's `dist`), served at `/`. Without it, a release binary
    /// serves the apps built into it, a development build those in `./dist`.
    #[arg(long, env = "PLANTZETTE_DIST_DIR")]
    pub dist_dir: Option<PathBuf>,

    /// Fill an empty database with the demo residence's content and a demo staff account, and
    /// lay the content out again each week until staff change it.
    #[arg(long, env = "PLANTZETTE_DEMO")]
    pub demo: bool,

    /// Browsers reach the server over HTTPS (through a TLS proxy): the session cookie takes the
    /// `__Host-` prefix. Staff must log in over HTTPS, or from this machine.
    #[arg(long, env = "PLANTZETTE_HTTPS")]
    pub https: bool,

    /// The address browsers use, through the TLS proxy (`https://plantzette.example.ch`): staff
    /// changes must come from a page of it. An `https://` address also means `--https`.
    /// Without it, changes must come from the host the request names.
    #[arg(long, env = "PLANTZETTE_PUBLIC_URL", value_parser = public_origin)]
    pub public_url: Option<String>,

    /// A proxy whose `X-Forwarded-For` is believed (the TLS proxy: `127.0.0.1`); repeat it, or
    /// separate addresses by commas. A request from any other address is taken as it comes.
    #[arg(long = "trusted-proxy", env = "PLANTZETTE_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<std::net::IpAddr>,

    /// Folder of the daily backups (by default `backups` in the data directory; another disk is
    /// better).
    #[arg(long, env = "PLANTZETTE_BACKUP_DIR")]
    pub backup_dir: Option<PathBuf>,

    /// When the daily backup is taken, residence time.
    #[arg(long, env = "PLANTZETTE_BACKUP_AT", default_value = "03:00", value_parser = time_of_day)]
    pub backup_at: NaiveTime,

    /// Days for which the day's last backup is kept.
    #[arg(long, env = "PLANTZETTE_KEEP_DAILY", default_value_t = 14)]
    pub keep_daily: usize,

    /// Weeks for which the week's last backup is kept, beyond the days.
    #[arg(long, env = "PLANTZETTE_KEEP_WEEKLY", default_value_t = 8)]
    pub keep_weekly: usize,

    /// Address and port of the metrics (`/metrics`, Prometheus text format), as
    /// `127.0.0.1:9464`; not served without it. Keep it off the public address.
    #[arg(long, env = "PLANTZETTE_METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,

    /// Minutes without a request after which a staff session ends.
    #[arg(long, env = "PLANTZETTE_SESSION_IDLE_MINUTES", default_value_t = 30)]
    pub session_idle_minutes: u64,

    /// Hours after which a staff session ends however busy it is (a day's work, then log in).
    #[arg(long, env = "PLANTZETTE_SESSION_HOURS", default_value_t = 12)]
    pub session_hours: u64,

    /// Connections held open at once, in all.
    #[arg(long, env = "PLANTZETTE_MAX_CONNECTIONS", default_value_t = 1024)]
    pub max_connections: usize,

    /// Connections held open at once from one client address (a residence's guest Wi-Fi puts
    /// many phones behind one: each holds its live-update stream and a request or two).
    #[arg(long, env = "PLANTZETTE_MAX_CONNECTIONS_PER_ADDRESS", default_value_t = 256)]
    pub max_connections_per_address: usize,

    /// Seconds a connection has to send a request's headers, or to start its next request.
    #[arg(long, env = "PLANTZETTE_HEADER_TIMEOUT_SECS", default_value_t = 10)]
    pub header_timeout_secs: u64,

    /// Live-update streams open at once, in all; beyond, screens poll every few seconds instead.
    #[arg(long, env = "PLANTZETTE_MAX_EVENT_STREAMS", default_value_t = 512)]
    pub max_event_streams: usize,

    /// Live-update streams open at once from one client address: a Sunday's visitors' phones
    /// behind one guest Wi-Fi. Beyond it a page polls every 10 s, the alarm included.
    #[arg(long, env = "PLANTZETTE_MAX_EVENT_STREAMS_PER_ADDRESS", default_value_t = 64)]
    pub max_event_streams_per_address: usize,

    /// Seconds without a report after which a screen is silent (flagged within its day hours,
    /// and counted in the metrics' `screens_silent`). Screens report three times as often.
    #[arg(long, env = "PLANTZETTE_SCREEN_SILENCE_SECS", default_value_t = 180, value_parser = clap::value_parser!(u64).range(3..=3600))]
    pub screen_silence_secs: u64,

    /// Days after its event that a sign-up's personal data (name, phone, e-mail, note) is kept;
    /// then it is erased, and only the counts remain (docs/privacy.md). The flag's and the
    /// variable's older name (from before sign-ups had one name) stay, for installed servers.
    #[arg(long, alias = "registrations-kept-days", env = "PLANTZETTE_REGISTRATIONS_KEPT_DAYS", default_value_t = plantzette_content::sign_up::KEEP_DAYS, value_parser = clap::value_parser!(u32).range(1..=730))]
    pub sign_ups_kept_days: u32,

    /// Days after it is closed (accepted or declined) that a short-stay request's personal data
    /// (name, organisation, phone, e-mail) is kept; then it is erased (docs/privacy.md).
    #[arg(long, env = "PLANTZETTE_STAY_REQUESTS_KEPT_DAYS", default_value_t = plantzette_content::short_stay::REQUESTS_KEPT_DAYS, value_parser = clap::value_parser!(u32).range(1..=730))]
    pub stay_requests_kept_days: u32,

    /// Days that a photo in which residents are recognisable (for the home's screens or the
    /// families) is kept after it was added; then it is erased, files and all (docs/privacy.md).
    /// Photos in which no one is recognisable stay.
    #[arg(long, env = "PLANTZETTE_PHOTOS_KEPT_DAYS", default_value_t = plantzette_content::photo::KEPT_DAYS, value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub photos_kept_days: u32,

    /// The residence's mail relay, for confirmations and the admissions office.
    #[command(flatten)]
    pub relay: crate::mail::RelayConfig,
}

#[derive(Clone, Debug, Subcommand)]
pub enum Command {
    /// Serve the app and the API (what the server does without a command).
    Serve,
    /// Staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Write a consistent copy of the database to FILE, then check it.
    Backup { file: PathBuf },
    /// Write all content as JSON to FILE (or to standard output).
    Export { file: Option<PathBuf> },
    /// Replace all content with an export's, after a backup of what was there.
    Import { file: PathBuf },
    /// Make a backup the database of a new data directory (`--data-dir`), which must hold none.
    Restore { backup: PathBuf },
}

#[derive(Clone, Debug, Subcommand)]
pub enum UserCommand {
    /// Add an account; its password is read from standard input (one line, 12 characters at least).
    Add {
        login: String,
        /// The name shown in the audit log.
        #[arg(long)]
        name: String,
        /// An administrator (accounts and everything) rather than an editor (content only).
        #[arg(long)]
        admin: bool,
    },
}

impl Config {
    /// Where the daily backups go, and how many are kept.
    pub fn backup_schedule(&self) -> Schedule {
        Schedule {
            folder: self.backup_dir.clone().unwrap_or_else(|| self.data_dir.join("backups")),
            at: self.backup_at,
            retention: Retention { daily: self.keep_daily, weekly: self.keep_weekly },
        }
    }

    /// Whether browsers reach the server over HTTPS.
    pub fn https(&self) -> bool {
        self.https || self.public_url.as_deref().is_some_and(|url| url.starts_with("https://"))
    }
}

/// "03:00", "22:30".
fn time_of_day(text: &str) -> Result<NaiveTime, String> {
    plantzette_content::format::parse_time(text).ok_or_else(|| format!("{text}: a time of day as HH:MM, as in 03:00"))
}

/// `https://Plantzette.example.ch/` as the origin browsers send: `https://plantzette.example.ch`.
fn public_origin(url: &str) -> Result<String, String> {
    let uri: axum::http::Uri = url.parse().map_err(|_| format!("{url} is not an address"))?;
    let (Some(scheme), Some(authority)) = (uri.scheme_str(), uri.authority()) else {
        return Err(format!("{url}: give the scheme and the host, as in https://plantzette.example.ch"));
    };
    if !matches!(scheme, "https" | "http") || !uri.path().trim_end_matches('/').is_empty() {
        return Err(format!("{url}: an http(s) address without a path, as in https://plantzette.example.ch"));
    }
    Ok(format!("{scheme}://{}", authority.as_str().to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_public_url_is_kept_as_the_origin_browsers_send() {
        assert_eq!(public_origin("https://Plantzette.Example.ch/").unwrap(), "https://plantzette.example.ch");
        assert_eq!(public_origin("https://127.0.0.1:8443").unwrap(), "https://127.0.0.1:8443");
        assert!(public_origin("plantzette.example.ch").is_err());
        assert!(public_origin("https://plantzette.example.ch/gestion").is_err());
        assert!(public_origin("ftp://plantzette.example.ch").is_err());
    }
}
