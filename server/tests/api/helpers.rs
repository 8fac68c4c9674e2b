//! `spawn_app()` and typed helpers to call the API like the app does.

use std::net::SocketAddr;
use std::path::PathBuf;

use chrono::Utc;
use clap::Parser;
use plantzette_content::schedule::residence_time;
use plantzette_content::Week;
use plantzette_server::{Config, Server};
use serde::de::DeserializeOwned;
use tempfile::TempDir;

/// The inline loader of the fixture `index.html`, standing in for the one Trunk writes.
pub const LOADER: &str = "import init from '/plantzette-0123456789abcdef.js'; init();";
/// The build of the fixture app: the hash of the wasm file its index loads.
pub const BUILD: &str = "0123456789abcdef";

pub struct TestApp {
    pub address: SocketAddr,
    pub client: reqwest::Client,
    /// Kept alive with the app: dropping it deletes the database.
    _dir: TempDir,
}

/// The server's defaults, on a random port, with a data directory in `dir` and the demo.
pub fn config(dir: &TempDir) -> Config {
    Config {
        addr: "127.0.0.1:0".parse().unwrap(),
        data_dir: dir.path().join("data"),
        dist_dir: Some(dir.path().join("dist")),
        demo: true,
        ..Config::parse_from(["plantzette-server"])
    }
}

/// Writes a built app's shape: an index with an inline loader and a content-hashed script.
fn write_dist(dir: &TempDir) -> PathBuf {
    let dist = dir.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        format!(
            "<!doctype html><html><head><link rel=\"preload\" href=\"/plantzette-{BUILD}_bg.wasm\" as=\"fetch\">\
             <script type=\"module\">{LOADER}</script></head><body></body></html>"
        ),
    )
    .unwrap();
    // Large enough to be worth compressing, as the real bundle is.
    let script = "export default function init() { return 'Résidence Plantzette'; }\n".repeat(40);
    std::fs::write(dist.join("plantzette-0123456789abcdef.js"), script).unwrap();
    dist
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|config| config).await
}

/// A test app whose configuration `adjust` changes from `config`'s.
pub async fn spawn_app_with(adjust: impl FnOnce(Config) -> Config) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    write_dist(&dir);
    let address = start(adjust(config(&dir))).await;
    TestApp::at(address, dir)
}

/// A test app reached at a public address that it knows (`PLANTZETTE_PUBLIC_URL`, which links in
/// e-mail begin with): a free port is chosen first, then the server listens on it.
pub async fn spawn_app_at_public_url(adjust: impl FnOnce(Config) -> Config) -> TestApp {
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    spawn_app_with(|config| adjust(Config { addr: free, public_url: Some(format!("http://{free}")), ..config })).await
}

/// Starts a server with this configuration in the background and returns where it listens.
pub async fn start(config: Config) -> SocketAddr {
    let server = Server::build(&config).await.expect("the server starts");
    let address = server.local_addr();
    tokio::spawn(server.run());
    address
}

impl TestApp {
    /// A test app for a server already started at `address` on `dir`.
    pub fn at(address: SocketAddr, dir: TempDir) -> TestApp {
        TestApp { address, client: reqwest::Client::new(), _dir: dir }
    }

    /// The built app's directory, to rebuild it under the running server.
    pub fn dist(&self) -> PathBuf {
        self._dir.path().join("dist")
    }

    /// The app's SQLite file, for writing to it as another program would.
    pub fn database(&self) -> PathBuf {
        self._dir.path().join("data").join("plantzette.sqlite3")
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.expect("the server answers")
    }

    /// GETs `path`, expects a 200 and reads the JSON as `T`.
    pub async fn get_json<T: DeserializeOwned>(&self, path: &str) -> T {
        let response = self.get(path).await;
        assert_eq!(response.status(), 200, "GET {path}");
        response.json().await.expect("the body is the contract's JSON")
    }

    /// GETs `path`, expects `status` and the API's JSON error body; returns its message.
    pub async fn get_error(&self, path: &str, status: u16) -> String {
        let response = self.get(path).await;
        assert_eq!(response.status(), status, "GET {path}");
        assert_eq!(response.headers()["content-type"], "application/json");
        let body: serde_json::Value = response.json().await.unwrap();
        body["message"].as_str().expect("an error has a message").to_string()
    }
}

pub fn this_week() -> Week {
    Week::containing(today())
}

/// An announcement shown from tomorrow morning for a day: dated from the day the test runs, so
/// that it is never in the past.
pub fn notice(text: &str) -> serde_json::Value {
    let tomorrow = today().succ_opt().unwrap();
    serde_json::json!({
        "text": { "fr": text },
        "shown_from": format!("{tomorrow}T08:00:00"),
        "shown_until": format!("{}T08:00:00", tomorrow.succ_opt().unwrap()),
    })
}

/// Today at the residence.
pub fn today() -> chrono::NaiveDate {
    residence_time(Utc::now()).date()
}

/// The one way these tests wait for something the server does in its own time (a backup, a
/// message at the relay, a change written beside it): `probe` is asked again until it answers
/// `Some`, which is returned; past `within` the test fails, saying what it awaited.
pub async fn eventually<T, F, Fut>(what: &str, within: std::time::Duration, mut probe: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = tokio::time::Instant::now() + within;
    loop {
        if let Some(answer) = probe().await {
            return answer;
        }
        assert!(tokio::time::Instant::now() < deadline, "{what}: not within {within:?}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}
