//! The Plantzette server: the JSON API under `/api/v1` over SQLite, the families' pages rendered
//! from it, and the built apps (the kiosk, the staff editor).

pub mod api;
pub mod audit;
pub mod auth;
pub mod backup;
pub mod client;
pub mod commands;
pub mod config;
pub mod db;
pub mod demo;
pub mod error;
pub mod health;
pub mod hourly;
pub mod http;
pub mod icalendar;
pub mod live;
pub mod mail;
pub mod metrics;
pub mod pages;
pub mod photos;
pub mod print;
pub mod published;
pub mod qr;
pub mod quota;
pub mod screens;
pub mod serve;
pub mod short_stays;
pub mod sign_ups;
pub mod site;
pub mod store;
pub mod tokens;
pub mod transfer;
pub mod version;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use axum::http::header::{REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::{middleware, Router};
use sqlx::SqlitePool;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::Layer;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use config::Config;
use site::Site;

const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Clone)]
pub struct AppState {
    pub pool: SqlitePool,
    pub auth: auth::Auth,
    /// Where the database lives; backups taken before an import go there too.
    pub data_dir: PathBuf,
    pub live: live::Live,
    /// Turns true when the server begins to stop, so that endless event streams end.
    pub stopping: watch::Receiver<bool>,
    /// The live-update streams open, in all and per address.
    pub event_streams: quota::Quota,
    /// The built apps.
    pub site: Site,
    /// The daily backups, as monitoring and administrators are told of them.
    pub backups: backup::scheduled::Backups,
    pub metrics: metrics::Metrics,
    /// The screens' settings changes and the alarm, for open event streams.
    pub screens: screens::Hub,
    /// What the public forms took today, per address and per contact.
    pub daily_limits: http::daily_limits::DailyLimits,
    /// Messages for the mail relay.
    pub outbox: mail::Outbox,
    /// How long personal data is kept, as the forms tell the person.
    pub kept_days: KeptDays,
}

/// Days that personal data is kept: a sign-up's after its event, a short-stay request's after
/// it is closed (`Config`, docs/privacy.md).
#[derive(Clone, Copy, Debug)]
pub struct KeptDays {
    pub sign_ups: u32,
    pub stay_requests: u32,
}

/// The whole HTTP surface: API, app, and the headers every response carries.
pub fn app(state: AppState) -> Router {
    let site = state.site.clone();
    let header = |name: HeaderName, value: HeaderValue| SetResponseHeaderLayer::overriding(name, value);
    let read_cache = http::read_cache::ReadCache::new(state.live.clone());
    let https = state.auth.https;
    let metrics = state.metrics.clone();
    let app = Router::new()
        .nest("/api/v1", api::router(REQUEST_TIMEOUT))
        .merge(health::router())
        .merge(print::router())
        .merge(api::photo_files())
        .merge(
            pages::router()
                .layer(middleware::from_fn_with_state(state.clone(), pages::when_not_set_up))
                .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT)),
        )
        .merge(
            site.router()
                .layer(middleware::from_fn_with_state(state.clone(), pages::page_when_missing))
                .layer(middleware::from_fn_with_state(state.clone(), pages::when_not_set_up))
                .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIMEOUT)),
        )
        .with_state(state)
        .layer(TraceLayer::new_for_http());
    // The read cache stands before any routing: a kept public answer is served with the least
    // work. The headers every response carries stand around it, 304s from it included.
    Router::new()
        .fallback_service(middleware::from_fn_with_state(read_cache, http::read_cache::serve).layer(app))
        // Inside the metrics: a panic is counted as the 500 it is answered with.
        .layer(CatchPanicLayer::custom(error::panicked))
        .layer(middleware::from_fn_with_state(metrics, metrics::count))
        .layer(middleware::from_fn_with_state(site.clone(), site::content_security_policy_header))
        .layer(header(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(header(REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        // Framed by our own pages only: the staff editor shows previews of the app.
        .layer(header(X_FRAME_OPTIONS, HeaderValue::from_static("SAMEORIGIN")))
        .layer(header(
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
        ))
        // Served over HTTPS: browsers keep to it for a year, even if a link says http://.
        .layer(tower::util::option_layer(https.then(|| header(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000")))))
}

/// A server bound to its address, its database open and up to date, ready to run.
pub struct Server {
    listener: TcpListener,
    router: Router,
    /// The metrics' own address, if they are served.
    metrics: Option<(TcpListener, Router)>,
    limits: serve::Limits,
    stop: watch::Sender<bool>,
}

impl Server {
    pub async fn build(config: &Config) -> anyhow::Result<Server> {
        let pool = db::open(&config.data_dir).await?;
        if config.demo {
            demo::lay_out(&pool).await.context("cannot lay out the demo content")?;
            tokio::spawn(demo::keep_current(pool.clone()));
        }
        let site = Site::load(config.dist_dir.as_deref());
        let listener = TcpListener::bind(config.addr).await.with_context(|| {
            format!(
                "cannot listen on {}: another program (another Plantzette server?) may be using it; \
                 choose another address with --addr or PLANTZETTE_ADDR",
                config.addr
            )
        })?;
        let auth = auth::Auth::new(
            config.https(),
            config.public_url.clone(),
            Duration::from_secs(config.session_idle_minutes * 60),
            Duration::from_secs(config.session_hours * 3600),
        );
        if config.demo && !auth::users::any(&pool).await? {
            demo::add_staff(&pool, &auth.hasher).await.context("cannot add the demo's staff account")?;
        }
        let schedule = config.backup_schedule();
        let backups = backup::scheduled::Backups::open(&schedule.folder);
        tokio::spawn(backups.clone().keep_taking(pool.clone(), schedule));
        let kept_days = KeptDays { sign_ups: config.sign_ups_kept_days, stay_requests: config.stay_requests_kept_days };
        let photos_kept_days = config.photos_kept_days;
        tokio::spawn(hourly::every_hour(pool.clone(), "personal data of past sign-ups erased", move |pool| async move {
            sign_ups::erase_due(&pool, plantzette_content::schedule::residence_now(), kept_days.sign_ups).await
        }));
        tokio::spawn(hourly::every_hour(pool.clone(), "personal data of closed short-stay requests erased", move |pool| async move {
            short_stays::tidy(&pool, chrono::Utc::now(), kept_days.stay_requests).await
        }));
        tokio::spawn(hourly::every_hour(pool.clone(), "photos of residents past their time erased", move |pool| async move {
            photos::erase_due(&pool, chrono::Utc::now().naive_utc(), photos_kept_days).await
        }));
        let (outbox, mailer) = config.relay.open(config.public_url.as_deref())?;
        if let Some(mailer) = mailer {
            tokio::spawn(mailer.keep_sending(pool.clone()));
        }
        let live = live::Live::watch(pool.clone()).await?;
        tokio::spawn(sign_ups::keep_following_the_content(pool.clone(), outbox.clone(), live.subscribe()));
        let (stop, stopping) = watch::channel(false);
        let event_streams = quota::Quota::new(config.max_event_streams, config.max_event_streams_per_address, vec![]);
        let metrics = metrics::Metrics::new(site.build());
        let screens = screens::Hub::open(&pool, Duration::from_secs(config.screen_silence_secs)).await?;
        let state = AppState {
            pool,
            auth,
            data_dir: config.data_dir.clone(),
            live,
            stopping,
            event_streams,
            site,
            backups,
            metrics,
            screens,
            daily_limits: http::daily_limits::DailyLimits::default(),
            outbox,
            kept_days,
        };
        let metrics = match config.metrics_addr {
            Some(addr) => {
                let listener = TcpListener::bind(addr).await.with_context(|| format!("cannot listen on {addr} for the metrics (--metrics-addr)"))?;
                Some((listener, metrics::router(state.clone())))
            }
            None => None,
        };
        let proxies = client::TrustedProxies::new(config.trusted_proxies.clone());
        let limits = serve::Limits {
            // A trusted proxy carries everyone's connections: its share is the whole.
            connections: quota::Quota::new(config.max_connections, config.max_connections_per_address, proxies.addresses()),
            header_timeout: Duration::from_secs(config.header_timeout_secs),
            proxies,
        };
        Ok(Server { listener, router: app(state), metrics, limits, stop })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("a bound listener has an address")
    }

    /// Where the metrics are served, if they are.
    pub fn metrics_addr(&self) -> Option<SocketAddr> {
        self.metrics.as_ref().map(|(listener, _)| listener.local_addr().expect("a bound listener has an address"))
    }

    /// Serves until Ctrl-C or SIGTERM, finishing the requests under way and ending event streams.
    pub async fn run(self) -> anyhow::Result<()> {
        if let Some((listener, router)) = self.metrics {
            // Scraped by the monitoring on an address of its own: no limits, nothing to finish.
            tokio::spawn(async move { axum::serve(listener, router).await });
        }
        let stop = self.stop;
        let stopping = async move {
            shutdown_signal().await;
            let _ = stop.send(true);
        };
        serve::serve(self.listener, self.router, self.limits, stopping).await;
        Ok(())
    }
}

async fn shutdown_signal() {
    let ctrl_c = async { tokio::signal::ctrl_c().await.ok() };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut signal) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            signal.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
