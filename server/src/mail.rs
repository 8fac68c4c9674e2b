//! E-mail through the residence's own relay (SMTP with STARTTLS required, `lettre`). A message
//! is written to the `outbox` table in the transaction of what it tells, then sent by the
//! mailer, which retries with growing pauses while the relay is away and deletes each message
//! once the relay has taken it: a message is never lost to a restart, and an address is kept
//! no longer than needed. Without a relay configured nothing is written: staff see who to call.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use chrono::{DateTime, Utc};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use sqlx::{SqliteConnection, SqlitePool};
use tokio::sync::Notify;

use crate::store::StoreError;

/// One message: plain text, to one address, with an event for the calendar or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub calendar: Option<CalendarFile>,
}

/// An iCalendar file attached to a message, and its name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarFile {
    pub name: String,
    pub text: String,
}

/// Writes `message` to the outbox, within the caller's transaction.
pub async fn enqueue(db: &mut SqliteConnection, message: &Message, now: DateTime<Utc>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO outbox (to_address, subject, body, attachment_name, attachment, created_at, next_attempt_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
    )
    .bind(&message.to)
    .bind(&message.subject)
    .bind(&message.body)
    .bind(message.calendar.as_ref().map(|file| &file.name))
    .bind(message.calendar.as_ref().map(|file| &file.text))
    .bind(now.timestamp())
    .execute(db)
    .await?;
    Ok(())
}

/// The relay's settings (`deploy/plantzette.env`).
#[derive(Clone, Debug, clap::Args)]
pub struct RelayConfig {
    /// The mail relay's host name, as its certificate names it; unset: no e-mail is sent.
    #[arg(long, env = "PLANTZETTE_SMTP_HOST")]
    pub smtp_host: Option<String>,
    /// The relay's submission port, where it offers STARTTLS.
    #[arg(long, env = "PLANTZETTE_SMTP_PORT", default_value_t = 587)]
    pub smtp_port: u16,
    #[arg(long, env = "PLANTZETTE_SMTP_USER")]
    pub smtp_user: Option<String>,
    #[arg(long, env = "PLANTZETTE_SMTP_PASSWORD", hide_env_values = true)]
    pub smtp_password: Option<String>,
    /// The sender, as families read it: `Résidence Plantzette <noreply@plantzette.ch>`.
    #[arg(long, env = "PLANTZETTE_SMTP_FROM")]
    pub smtp_from: Option<String>,
    /// A certificate authority to trust for the relay (PEM), beside the system's: a relay with
    /// the residence's own certificate.
    #[arg(long, env = "PLANTZETTE_SMTP_CA_FILE")]
    pub smtp_ca_file: Option<PathBuf>,
    /// Where short-stay requests are announced (the admissions office).
    #[arg(long, env = "PLANTZETTE_ADMISSIONS_EMAIL")]
    pub admissions_email: Option<String>,
}

/// The outbox as the rest of the server sees it: whether messages are sent at all, and a bell
/// that wakes the mailer when one is written.
#[derive(Clone, Default)]
pub struct Outbox {
    configured: bool,
    admissions: Option<String>,
    /// The public address, for the links in messages.
    public_url: Option<String>,
    wake: Arc<Notify>,
}

impl Outbox {
    /// The public address that links in messages begin with, if messages are sent at all.
    pub fn public_url(&self) -> Option<&str> {
        self.public_url.as_deref().filter(|_| self.configured)
    }

    /// Where to announce short-stay requests, if a relay and an address are configured.
    pub fn admissions(&self) -> Option<&str> {
        self.admissions.as_deref().filter(|_| self.configured)
    }

    /// Tells the mailer that a message is waiting.
    pub fn wake(&self) {
        self.wake.notify_one();
    }
}

/// The mailer, when a relay is configured: sends what waits in the outbox.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    wake: Arc<Notify>,
}

impl RelayConfig {
    /// The outbox, and its mailer if a relay is configured; `public_url` begins the links in
    /// messages. Settings that cannot work (an unreadable sender, a missing certificate file, no
    /// public address to link to) stop the server at its start.
    pub fn open(&self, public_url: Option<&str>) -> anyhow::Result<(Outbox, Option<Mailer>)> {
        let wake = Arc::new(Notify::new());
        let admissions = self.admissions_email.clone();
        let public_url = public_url.map(str::to_string);
        let Some(host) = self.smtp_host.clone() else {
            return Ok((Outbox { configured: false, admissions, public_url, wake }, None));
        };
        anyhow::ensure!(
            public_url.is_some(),
            "PLANTZETTE_PUBLIC_URL is needed with PLANTZETTE_SMTP_HOST: messages link to the person's sign-up on it"
        );
        let from: Mailbox = self
            .smtp_from
            .as_deref()
            .context("PLANTZETTE_SMTP_FROM is needed with PLANTZETTE_SMTP_HOST: the sender families read")?
            .parse()
            .context("PLANTZETTE_SMTP_FROM is not an address such as `Résidence Plantzette <noreply@plantzette.ch>`")?;
        let mut tls = TlsParameters::builder(host.clone());
        if let Some(file) = &self.smtp_ca_file {
            let pem = std::fs::read(file).with_context(|| format!("cannot read PLANTZETTE_SMTP_CA_FILE {}", file.display()))?;
            tls = tls.add_root_certificate(Certificate::from_pem(&pem).context("PLANTZETTE_SMTP_CA_FILE holds no PEM certificate")?);
        }
        let tls = tls.build_rustls().context("cannot set up TLS for the mail relay")?;
        let mut transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
            .port(self.smtp_port)
            // STARTTLS or nothing: no message and no password goes out in the clear.
            .tls(Tls::Required(tls))
            .timeout(Some(Duration::from_secs(30)));
        if let (Some(user), Some(password)) = (&self.smtp_user, &self.smtp_password) {
            transport = transport.credentials(Credentials::new(user.clone(), password.clone()));
        }
        let outbox = Outbox { configured: true, admissions, public_url, wake: wake.clone() };
        Ok((outbox, Some(Mailer { transport: transport.build(), from, wake })))
    }
}

type DueRow = (i64, String, String, String, Option<String>, Option<String>, i64);

/// How long to wait before trying a message again after `attempts` failures: 1 minute,
/// doubling, at most an hour.
fn pause_after(attempts: u32) -> Duration {
    Duration::from_secs(60 * 2u64.pow(attempts.saturating_sub(1).min(6))).min(Duration::from_secs(3600))
}

impl Mailer {
    /// Sends whatever is due, then waits for a new message or the next retry, for as long as
    /// the server runs.
    pub async fn keep_sending(self, pool: SqlitePool) {
        loop {
            if let Err(error) = self.send_due(&pool).await {
                tracing::error!(?error, "cannot read the outbox");
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(Duration::from_secs(30)) => {}
            }
        }
    }

    async fn send_due(&self, pool: &SqlitePool) -> Result<(), StoreError> {
        let now = Utc::now().timestamp();
        let due: Vec<DueRow> = sqlx::query_as(
            "SELECT id, to_address, subject, body, attachment_name, attachment, attempts FROM outbox WHERE next_attempt_at <= ?1 ORDER BY id LIMIT 50",
        )
        .bind(now)
        .fetch_all(pool)
        .await?;
        for (id, to, subject, body, attachment_name, attachment, attempts) in due {
            let calendar = attachment_name.zip(attachment).map(|(name, text)| CalendarFile { name, text });
            match self.send(Message { to, subject, body, calendar }).await {
                Ok(()) => {
                    sqlx::query("DELETE FROM outbox WHERE id = ?1").bind(id).execute(pool).await?;
                    tracing::info!(id, "message handed to the mail relay");
                }
                Err(error) => {
                    let attempts = attempts as u32 + 1;
                    let next = now + pause_after(attempts).as_secs() as i64;
                    tracing::warn!(id, attempts, %error, "the mail relay did not take a message; it will be tried again");
                    sqlx::query("UPDATE outbox SET attempts = ?2, next_attempt_at = ?3, last_error = ?4 WHERE id = ?1")
                        .bind(id)
                        .bind(attempts)
                        .bind(next)
                        .bind(error.to_string())
                        .execute(pool)
                        .await?;
                }
            }
        }
        Ok(())
    }

    async fn send(&self, message: Message) -> anyhow::Result<()> {
        let builder = lettre::Message::builder()
            .from(self.from.clone())
            .to(message.to.parse().context("not an address")?)
            .subject(message.subject)
            .message_id(Some(message_id(self.from.email.domain())))
            // Written by the server, not a person: no out-of-office replies to it.
            .header(AutoSubmitted);
        let email = match message.calendar {
            None => builder.header(ContentType::TEXT_PLAIN).body(message.body)?,
            Some(file) => {
                // The calendar says `METHOD:PUBLISH` too (`icalendar::new_calendar`).
                let calendar = ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH").expect("a valid content type");
                builder.multipart(
                    MultiPart::mixed().singlepart(SinglePart::plain(message.body)).singlepart(Attachment::new(file.name).body(file.text, calendar)),
                )?
            }
        };
        self.transport.send(email).await?;
        Ok(())
    }
}

/// A message's unique identifier, under the domain of the address it comes from (RFC 5322).
fn message_id(domain: &str) -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system provides randomness");
    let unique: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    format!("<{unique}@{domain}>")
}

/// `Auto-Submitted: auto-generated` (RFC 3834): a message no person wrote.
#[derive(Clone)]
struct AutoSubmitted;

impl lettre::message::header::Header for AutoSubmitted {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("Auto-Submitted")
    }

    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(AutoSubmitted)
    }

    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), "auto-generated".to_string())
    }
}

/// Messages waiting for the relay, and when the oldest was written, for the metrics.
pub async fn waiting(pool: &SqlitePool) -> Result<(u64, Option<DateTime<Utc>>), StoreError> {
    let (count, oldest): (i64, Option<i64>) = sqlx::query_as("SELECT count(*), min(created_at) FROM outbox").fetch_one(pool).await?;
    Ok((count as u64, oldest.and_then(|at| DateTime::from_timestamp(at, 0))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_an_hour() {
        let pauses: Vec<u64> = (1..=9).map(|attempts| pause_after(attempts).as_secs() / 60).collect();
        assert_eq!(pauses, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
    }
}
