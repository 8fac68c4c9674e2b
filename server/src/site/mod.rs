//! The built apps (`dist`, `scripts/build-apps`): the kiosk at `/kiosk` (Trunk's `index.html`),
//! the staff editor at `/gestion/` (`dist/gestion`), and the families' pages' islands and
//! stylesheet (the pages themselves are rendered by `pages`). They are served from a folder
//! (`--dist-dir`, for development) or, in a release (`scripts/release`), from the server binary
//! itself (`embedded.rs`), so that an upgrade is one file and the apps can never mismatch the
//! server. Hashed files are cached for a year, the entry pages revalidated, and each app's deep
//! links (`/kiosk/menus`, `/gestion/screens`: a path without a file extension) answered with its
//! `index.html` so that the app's router can take them. A file that is not there is a 404 that
//! no cache keeps: answered with `index.html`, a missing `…_bg.wasm` would be cached for a year
//! as HTML.
//!
//! Trunk writes each app's loader into its `index.html` as an inline module script. The
//! Content-Security-Policy allows exactly those scripts by their hashes and no other inline code.
//! The hashes are computed again whenever an `index.html` changes, so that a rebuild or a
//! deployment without a restart does not leave an app blocked by a stale policy.
//!
//! The inline scripts are found by a scan of Trunk's own output (one known shape, unit-tested)
//! rather than by an HTML parser (`lol_html`, `html5ever`): that would add compile time and code
//! for a file that we build ourselves.

#[cfg(feature = "embedded-apps")]
mod embedded;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY};
use axum::http::{HeaderValue, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};
use tower::ServiceExt;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};

use crate::AppState;
pub use plantzette::pages::phone::Assets;

/// Where the staff editor is served, and built (under `dist`).
const EDITOR: &str = "gestion";
/// The kiosk's addresses: its home and the pages under it, and the editor's previews.
const KIOSK: [&str; 2] = ["kiosk", "preview"];
/// The module that starts the families' pages' islands: `islands-start-<hash>.js`.
const ISLANDS_START: (&str, &str) = ("islands-start-", ".js");
/// Trunk's stylesheet, which the families' pages share with the kiosk: `style-<hash>.css`.
const STYLESHEET: (&str, &str) = ("style-", ".css");
/// Each app's entry page, from the top of `dist`.
const INDEXES: [&str; 2] = ["index.html", "gestion/index.html"];

/// The built apps, their entry pages and what is derived from them.
#[derive(Clone)]
pub struct Site {
    files: Files,
    derived: Arc<Mutex<Derived>>,
}

/// Where the built apps are read from.
#[derive(Clone)]
enum Files {
    Folder(PathBuf),
    /// Built into the binary (the `embedded-apps` feature, `scripts/release`).
    #[cfg(feature = "embedded-apps")]
    Embedded,
}

/// What the entry pages say, as they were when `stamp` was taken.
struct Derived {
    stamp: Stamp,
    policy: HeaderValue,
    build: Option<String>,
    phone: Assets,
}

/// When each entry page, and the folder of built files, last changed (a built-in one never does).
type Stamp = [Option<SystemTime>; 3];

impl Site {
    /// The apps in `dist`, or, without one, those built into the binary (if it has them) or
    /// those in `./dist`.
    pub fn load(dist: Option<&Path>) -> Site {
        let files = match dist {
            Some(dist) => Files::Folder(dist.to_path_buf()),
            #[cfg(feature = "embedded-apps")]
            None => Files::Embedded,
            #[cfg(not(feature = "embedded-apps"))]
            None => Files::Folder(PathBuf::from("dist")),
        };
        let derived = Derived { stamp: [None; 3], policy: HeaderValue::from_static("default-src 'self'"), build: None, phone: Assets::default() };
        let site = Site { files, derived: Arc::new(Mutex::new(derived)) };
        if !site.present() {
            tracing::warn!("{}: serving the API only (scripts/run builds the apps)", site.describe());
        }
        site.current(|_| ());
        site
    }

    pub fn router(&self) -> Router<AppState> {
        let files = match &self.files {
            // scripts/build-apps writes `.br` and `.gz` copies at the best compression; without
            // them (a development build) the compression layer compresses on the fly.
            Files::Folder(dist) => {
                let kiosk = ServeFile::new(dist.join(INDEXES[0])).precompressed_br().precompressed_gzip();
                let pages = KIOSK.iter().fold(Router::new(), |router, top| {
                    router.route_service(&format!("/{top}"), kiosk.clone()).route_service(&format!("/{top}/{{*page}}"), kiosk.clone())
                });
                pages
                    .nest(&format!("/{EDITOR}"), app_files(&dist.join(EDITOR), &dist.join(INDEXES[1])))
                    .fallback_service(ServeDir::new(dist).precompressed_br().precompressed_gzip())
            }
            #[cfg(feature = "embedded-apps")]
            Files::Embedded => Router::new().fallback(embedded::serve),
        };
        // `/kiosk/`, a trailing slash typed or pasted, is the kiosk's home, its query kept.
        let kiosk_home =
            get(|uri: Uri| async move { Redirect::permanent(&format!("/kiosk{}", uri.query().map(|q| format!("?{q}")).unwrap_or_default())) });
        Router::new().route("/kiosk/", kiosk_home).merge(files).layer(CompressionLayer::new()).layer(middleware::from_fn(cache_control))
    }

    /// Where the apps come from, for the log and `--version`.
    pub fn describe(&self) -> String {
        match &self.files {
            Files::Folder(dist) => format!("apps from {}", dist.display()),
            #[cfg(feature = "embedded-apps")]
            Files::Embedded => "apps built in".to_string(),
        }
    }

    /// An entry page's text, if it is there.
    fn read(&self, index: &str) -> Option<String> {
        match &self.files {
            Files::Folder(dist) => std::fs::read_to_string(dist.join(index)).ok(),
            #[cfg(feature = "embedded-apps")]
            Files::Embedded => embedded::read(index),
        }
    }

    fn stamp(&self) -> Stamp {
        let modified = |path: &Path| std::fs::metadata(path).and_then(|m| m.modified()).ok();
        match &self.files {
            Files::Folder(dist) => [modified(&dist.join(INDEXES[0])), modified(&dist.join(INDEXES[1])), modified(dist)],
            #[cfg(feature = "embedded-apps")]
            Files::Embedded => [INDEXES[0], INDEXES[1], ""].map(|name| (name.is_empty() || embedded::has(name)).then_some(SystemTime::UNIX_EPOCH)),
        }
    }

    /// The names of the built files at the top of `dist`.
    fn top_files(&self) -> Vec<String> {
        match &self.files {
            Files::Folder(dist) => std::fs::read_dir(dist)
                .map(|entries| entries.flatten().filter_map(|entry| entry.file_name().into_string().ok()).collect())
                .unwrap_or_default(),
            #[cfg(feature = "embedded-apps")]
            Files::Embedded => embedded::names().filter(|name| !name.contains('/')).collect(),
        }
    }

    /// Whether both built apps are there to serve.
    pub fn present(&self) -> bool {
        self.stamp()[..2].iter().all(Option::is_some)
    }

    /// The built files a family's page loads: the stylesheet and the islands' start.
    pub fn phone_assets(&self) -> Assets {
        self.current(|derived| derived.phone.clone())
    }

    /// The policy for the entry pages as they are now.
    pub fn current_policy(&self) -> HeaderValue {
        self.current(|derived| derived.policy.clone())
    }

    /// The kiosk and family app's build: the content hash Trunk gave its wasm file. Screens
    /// compare it with their own to know that a new build is there.
    pub fn build(&self) -> Option<String> {
        self.current(|derived| derived.build.clone())
    }

    /// Reads `what` of the entry pages as they are now, derived again if one changed.
    fn current<T>(&self, what: impl FnOnce(&Derived) -> T) -> T {
        let stamp = self.stamp();
        let mut derived = self.derived.lock().expect("the site's lock is never poisoned: nothing panics under it");
        if derived.stamp != stamp || stamp[0].is_none() {
            let pages = INDEXES.map(|index| self.read(index));
            let inline_scripts: Vec<String> = pages.iter().flatten().flat_map(|html| inline_script_hashes(html)).collect();
            let policy = HeaderValue::from_str(&content_security_policy(&inline_scripts)).expect("base64 and ASCII only");
            let build = pages[0].as_deref().and_then(wasm_hash);
            let files = self.top_files();
            let named = |(start, end): (&str, &str)| {
                files.iter().find(|name| name.starts_with(start) && name.ends_with(end) && is_content_hashed(name)).map(|name| format!("/{name}"))
            };
            let phone = Assets { stylesheet: named(STYLESHEET), islands: named(ISLANDS_START) };
            *derived = Derived { stamp, policy, build, phone };
        }
        what(&derived)
    }
}

/// The hex digits of `…-0123456789abcdef_bg.wasm`, the wasm file an entry page loads.
fn wasm_hash(html: &str) -> Option<String> {
    let end = html.find("_bg.wasm")?;
    let hash = html[..end].rsplit('-').next()?;
    is_content_hash(hash).then(|| hash.to_string())
}

/// Trunk's content hash: a 64-bit number in hex, written without its leading zeros, so up to 16
/// digits and, but for one build in four billion, 8 at least (`29866d7acc5c26` was seen).
fn is_content_hash(text: &str) -> bool {
    (8..=16).contains(&text.len()) && text.chars().all(|c| c.is_ascii_hexdigit())
}

/// Sets the current Content-Security-Policy on every response.
pub async fn content_security_policy_header(State(site): State<Site>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    response.headers_mut().insert(CONTENT_SECURITY_POLICY, site.current_policy());
    response
}

/// The policy for every response: our own origin only, wasm allowed to compile, no inline code
/// but the loaders, framed by our own pages only (the editor's previews).
fn content_security_policy(inline_script_hashes: &[String]) -> String {
    let scripts: String = inline_script_hashes.iter().map(|hash| format!(" 'sha256-{hash}'")).collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{scripts}; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; media-src 'self'; \
         manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'self'"
    )
}

/// The base64 SHA-256 of each inline `<script>`'s text, as CSP hash sources want it.
fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after_tag = &rest[start..];
        let Some(open_end) = after_tag.find('>') else {
            break;
        };
        let Some(close) = after_tag.find("</script>") else {
            break;
        };
        let attributes = &after_tag[..open_end];
        if !attributes.contains("src=") && close > open_end {
            hashes.push(STANDARD.encode(Sha256::digest(&after_tag[open_end + 1..close])));
        }
        rest = &after_tag[close + "</script>".len()..];
    }
    hashes
}

/// The editor's files from `dir`; a deep link gets its `index`, a missing file a 404.
fn app_files(dir: &Path, index: &Path) -> Router<AppState> {
    let index = ServeFile::new(index).precompressed_br().precompressed_gzip();
    let deep_link_or_missing = tower::service_fn(move |request: Request| {
        let index = index.clone();
        async move {
            if has_file_extension(request.uri().path()) {
                return Ok::<_, std::convert::Infallible>((StatusCode::NOT_FOUND, "not found").into_response());
            }
            let Ok(response) = index.oneshot(request).await;
            Ok(response.map(Body::new))
        }
    });
    Router::new().fallback_service(ServeDir::new(dir).precompressed_br().precompressed_gzip().fallback(deep_link_or_missing))
}

/// `/plantzette-0123_bg.wasm`, `/fonts/a.woff2`: a file; `/programmes/2`, `/info/short_stay`: a page.
pub(crate) fn has_file_extension(path: &str) -> bool {
    path.rsplit('/').next().is_some_and(|name| name.contains('.'))
}

/// Files whose name carries Trunk's content hash never change: cache them for a year. What is
/// not there is kept nowhere (it may be there after the next deployment). Everything else
/// (`index.html`, deep links, fonts) is revalidated on each load.
async fn cache_control(request: Request, next: Next) -> Response {
    let hashed = is_content_hashed(request.uri().path());
    let mut response = next.run(request).await;
    let policy = match response.status() {
        StatusCode::OK if hashed => "public, max-age=31536000, immutable",
        status if status.is_client_error() || status.is_server_error() => "no-store",
        _ => "no-cache",
    };
    response.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

/// `plantzette-1a2b3c4d5e6f7a8b_bg.wasm`, `style-1a2b3c4d5e6f7a8b.css`: a dash, then Trunk's hash.
fn is_content_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default().trim_end_matches("_bg");
    stem.rsplit_once('-').is_some_and(|(_, hash)| is_content_hash(hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_inline_scripts_are_hashed() {
        let html = r#"<head><script src="/a.js"></script><script type="module">import init from '/x.js';</script></head>"#;
        let hashes = inline_script_hashes(html);
        assert_eq!(hashes, [STANDARD.encode(Sha256::digest("import init from '/x.js';"))]);
    }

    #[test]
    fn the_build_is_the_hash_of_the_wasm_file_an_entry_page_loads() {
        let html = r#"<link rel="preload" href="/plantzette-0123456789abcdef_bg.wasm" as="fetch"><script type="module">import init from '/plantzette-0123456789abcdef.js';</script>"#;
        assert_eq!(wasm_hash(html).as_deref(), Some("0123456789abcdef"));
        assert_eq!(wasm_hash("<!doctype html>"), None);
        assert_eq!(wasm_hash("/plantzette-dev_bg.wasm"), None);
        assert_eq!(wasm_hash("/plantzette-29866d7acc5c26_bg.wasm").as_deref(), Some("29866d7acc5c26"));
    }

    #[test]
    fn trunk_file_names_are_recognised_as_hashed() {
        assert!(is_content_hashed("/plantzette-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_content_hashed("/style-00ff00ff00ff00ff.css"));
        // A hash with leading zeros is written shorter.
        assert!(is_content_hashed("/plantzette-29866d7acc5c26_bg.wasm"));
        assert!(!is_content_hashed("/index.html"));
        assert!(!is_content_hashed("/programmes/12"));
        assert!(!is_content_hashed("/fonts/atkinson-hyperlegible-400.woff2"));
    }

    #[test]
    fn a_file_is_told_from_a_page_by_its_extension() {
        assert!(has_file_extension("/plantzette-0123456789abcdef_bg.wasm"));
        assert!(has_file_extension("/gestion/editor.css"));
        assert!(!has_file_extension("/programmes/2"));
        assert!(!has_file_extension("/"));
    }
}
