//! Metrics in the Prometheus text format (OpenMetrics), for the monitoring a hospital's IT
//! already runs: requests by status class (5xx are the server's errors), how long staff writes
//! take, the live-update streams open, the daily backup's time and failures, the screens
//! silent within their day hours, the short-stay requests waiting for an answer, the messages
//! waiting for the mail relay, and which build runs. Served at `/metrics` on an address of
//! its own (`--metrics-addr`, off by default), never on the public one.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::header::CONTENT_TYPE;
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::metrics::info::Info;
use prometheus_client::registry::Registry;

use crate::version::{COMMIT, SERVER};
use crate::{mail, screens, short_stays, AppState};

/// The metrics the server counts as it serves.
#[derive(Clone)]
pub struct Metrics(Arc<Counted>);

struct Counted {
    registry: Registry,
    requests: Family<StatusClass, Counter>,
    writes: Histogram,
    event_streams: Gauge,
    last_backup: Gauge,
    backup_failures: Gauge,
    screens_silent: Gauge,
    requests_open: Gauge,
    oldest_request_age: Gauge,
    mail_waiting: Gauge,
    oldest_mail_age: Gauge,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StatusClass {
    status: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Build {
    server: &'static str,
    commit: &'static str,
    app_build: String,
}

impl Metrics {
    pub fn new(app_build: Option<String>) -> Metrics {
        let mut registry = Registry::with_prefix("plantzette");
        let requests = Family::<StatusClass, Counter>::default();
        registry.register("http_requests", "HTTP requests answered, by status class", requests.clone());
        // 1 ms to 4 s.
        let writes = Histogram::new(exponential_buckets(0.001, 2.0, 13));
        registry.register("staff_write_seconds", "Time to answer a staff change (POST, PUT, DELETE)", writes.clone());
        let event_streams = Gauge::default();
        registry.register("event_streams", "Live-update streams open (screens and phones)", event_streams.clone());
        let last_backup = Gauge::default();
        registry.register("last_backup_timestamp_seconds", "When the last daily backup was taken (Unix time; 0: none)", last_backup.clone());
        let backup_failures = Gauge::default();
        registry.register("backup_failures", "Daily backups that failed since the server started", backup_failures.clone());
        let screens_silent = Gauge::default();
        registry.register("screens_silent", "Adopted screens silent beyond the threshold within their day hours", screens_silent.clone());
        let requests_open = Gauge::default();
        registry.register("short_stay_requests_open", "Short-stay requests not yet accepted or declined", requests_open.clone());
        let oldest_request_age = Gauge::default();
        registry.register(
            "short_stay_request_oldest_open_seconds",
            "How long the oldest open short-stay request has waited (0: none)",
            oldest_request_age.clone(),
        );
        let mail_waiting = Gauge::default();
        registry.register("mail_waiting", "Messages the mail relay has not taken yet", mail_waiting.clone());
        let oldest_mail_age = Gauge::default();
        registry.register("mail_oldest_waiting_seconds", "How long the oldest message has waited for the relay (0: none)", oldest_mail_age.clone());
        let build = Build { server: SERVER, commit: COMMIT, app_build: app_build.unwrap_or_default() };
        registry.register("build", "The server's version and commit, and the app build it serves", Info::new(build));
        Metrics(Arc::new(Counted {
            registry,
            requests,
            writes,
            event_streams,
            last_backup,
            backup_failures,
            screens_silent,
            requests_open,
            oldest_request_age,
            mail_waiting,
            oldest_mail_age,
        }))
    }
}

/// Counts every request by its answer's status class, and times staff changes.
pub async fn count(State(metrics): State<Metrics>, request: Request, next: Next) -> Response {
    let write = request.method() != Method::GET && request.method() != Method::HEAD && request.uri().path().starts_with("/api/v1/staff/");
    let started = Instant::now();
    let response = next.run(request).await;
    if write {
        metrics.0.writes.observe(started.elapsed().as_secs_f64());
    }
    let status = match response.status().as_u16() {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    };
    metrics.0.requests.get_or_create(&StatusClass { status }).inc();
    response
}

/// `/metrics`, for the metrics address only.
pub fn router(state: AppState) -> Router {
    Router::new().route("/metrics", get(scrape)).with_state(state)
}

async fn scrape(State(state): State<AppState>) -> impl IntoResponse {
    let counted = &state.metrics.0;
    counted.event_streams.set(state.event_streams.held() as i64);
    counted.last_backup.set(state.backups.last().map_or(0, |last| last.timestamp()));
    counted.backup_failures.set(state.backups.failures() as i64);
    match screens::list(&state.pool, state.screens.silence, state.live.current(), state.site.build().as_deref()).await {
        Ok(screens) => {
            counted.screens_silent.set(screens::count_silent(&screens) as i64);
        }
        // Left as last counted; the log says why.
        Err(error) => tracing::warn!(%error, "could not count the silent screens"),
    }
    let age = |since: Option<chrono::DateTime<chrono::Utc>>| since.map_or(0, |at| (chrono::Utc::now() - at).num_seconds().max(0));
    match short_stays::open_requests(&state.pool).await {
        Ok((open, oldest)) => {
            counted.requests_open.set(open as i64);
            counted.oldest_request_age.set(age(oldest));
        }
        Err(error) => tracing::warn!(%error, "could not count the open short-stay requests"),
    }
    match mail::waiting(&state.pool).await {
        Ok((waiting, oldest)) => {
            counted.mail_waiting.set(waiting as i64);
            counted.oldest_mail_age.set(age(oldest));
        }
        Err(error) => tracing::warn!(%error, "could not count the messages waiting for the relay"),
    }
    let mut text = String::new();
    encode(&mut text, &counted.registry).expect("writing to a String does not fail");
    ([(CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")], text)
}
