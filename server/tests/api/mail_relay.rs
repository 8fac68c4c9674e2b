//! A real mail relay for the tests: Python's aiosmtpd on loopback (`tests/support/smtp_relay.py`),
//! STARTTLS required with a certificate made for the test, and a login. What it received is
//! read back from its folder.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use plantzette_server::mail::RelayConfig;
use serde_json::Value;
use tempfile::TempDir;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

use crate::helpers::eventually;

pub struct Relay {
    pub port: u16,
    dir: TempDir,
    _child: Child,
}

/// The test environment's Python, with aiosmtpd (`scripts/setup test` makes it).
fn python() -> PathBuf {
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.venv/bin/python");
    assert!(python.exists(), "{} is missing: run scripts/setup test", python.display());
    python
}

impl Relay {
    pub async fn start() -> Relay {
        let dir = TempDir::new().unwrap();
        // A certificate authority of the test's own, and the relay's certificate signed by it
        // (rustls takes no self-signed certificate as a server's).
        let openssl = |args: &[&str]| {
            let made = std::process::Command::new("openssl").args(args).current_dir(dir.path()).stderr(Stdio::null()).status().unwrap();
            assert!(made.success(), "openssl {args:?}");
        };
        openssl(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=Test relay CA",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
        ]);
        openssl(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-addext",
            "subjectAltName=DNS:localhost",
            "-addext",
            "basicConstraints=critical,CA:FALSE",
            "-addext",
            "extendedKeyUsage=serverAuth",
            "-keyout",
            "key.pem",
            "-out",
            "cert.pem",
        ]);
        std::fs::create_dir(dir.path().join("received")).unwrap();
        let mut child = Command::new(python())
            // On the real clock under `scripts/test --at`: Python's sleep fails under libfaketime.
            .env_remove("LD_PRELOAD")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/smtp_relay.py"))
            .args([dir.path().join("cert.pem"), dir.path().join("key.pem"), dir.path().join("received")])
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let ready = tokio::time::timeout(Duration::from_secs(20), lines.next_line()).await.expect("the relay starts").unwrap().unwrap();
        let port = ready.strip_prefix("ready ").expect("the relay says its port").parse().unwrap();
        Relay { port, dir, _child: child }
    }

    /// The server's settings for this relay, announcing short-stay requests to `admissions`.
    pub fn config(&self, admissions: Option<&str>) -> RelayConfig {
        RelayConfig {
            smtp_host: Some("localhost".into()),
            smtp_port: self.port,
            smtp_user: Some("plantzette".into()),
            smtp_password: Some("relay-secret".into()),
            smtp_from: Some("Résidence Plantzette <noreply@plantzette.example.ch>".into()),
            smtp_ca_file: Some(self.dir.path().join("ca.pem")),
            admissions_email: admissions.map(String::from),
        }
    }

    /// The first `count` messages received, waiting up to 10 s for them.
    pub async fn received(&self, count: usize) -> Vec<Value> {
        let folder = self.dir.path().join("received");
        let mut files = eventually(&format!("{count} messages at the relay"), Duration::from_secs(10), || async {
            let files: Vec<PathBuf> = std::fs::read_dir(&folder)
                .unwrap()
                .map(|entry| entry.unwrap().path())
                .filter(|path| path.extension().is_some_and(|e| e == "json"))
                .collect();
            (files.len() >= count).then_some(files)
        })
        .await;
        files.sort();
        files.iter().map(|path| serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()).collect()
    }
}
