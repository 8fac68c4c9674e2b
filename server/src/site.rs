//! The built apps (Trunk's `dist`): the kiosk and family app at `/`, the staff editor at
//! `/gestion/` (`dist/gestion`). Hashed files are cached for a year, `index.html` revalidated, and
//! every deep link (a path without a file extension) answered with its app's `index.html` so that
//! the app's router can take it. A file that is not there is a 404 that no cache keeps: answered
//! with `index.html`, a missing `…_bg.wasm` would be cached for a year as HTML.
//!
//! Trunk writes each app's loader into its `index.html` as an inline module script. The
//! Content-Security-Policy allows exactly those scripts by their hashes and no other inline code.
//! The hashes are computed again whenever an `index.html` changes, so that a rebuild or a
//! deployment without a restart does not leave an app blocked by a stale policy.
//!
//! The inline scripts are found by a scan of Trunk's own output (one known shape, unit-tested)
//! rather than by an HTML parser (`lol_html`, `html5ever`): that would add compile time and code
//! for a file that we build ourselves.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};
use tower::ServiceExt;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};

use crate::AppState;

/// Where the staff editor is served, and built (under `dist`).
const EDITOR: &str = "gestion";

/// The built apps' entry pages and the policy that lets their loaders run.
#[derive(Clone)]
pub struct Site {
    index: PathBuf,
    editor_index: PathBuf,
    policy: Arc<Mutex<Policy>>,
}

/// The policy computed from the `index.html` files as they were at `modified`.
struct Policy {
    modified: [Option<SystemTime>; 2],
    header: HeaderValue,
}

impl Site {
    pub fn load(dist: &Path) -> Site {
        let index = dist.join("index.html");
        if !index.exists() {
            tracing::warn!("no built app at {}: serving the API only (scripts/run builds it)", index.display());
        }
        let policy = Policy { modified: [None, None], header: HeaderValue::from_static("default-src 'self'") };
        let site = Site { index, editor_index: dist.join(EDITOR).join("index.html"), policy: Arc::new(Mutex::new(policy)) };
        site.current_policy();
        site
    }

    pub fn router(&self) -> Router<AppState> {
        let dist = self.index.parent().unwrap_or(Path::new("."));
        // scripts/build-apps writes `.br` and `.gz` copies at the best compression; without them
        // (a development build) the compression layer compresses on the fly.
        Router::new()
            .nest(&format!("/{EDITOR}"), app_files(&dist.join(EDITOR), &self.editor_index))
            .merge(app_files(dist, &self.index))
            .layer(CompressionLayer::new())
            .layer(middleware::from_fn(cache_control))
    }

    /// Whether both built apps are there to serve.
    pub fn present(&self) -> bool {
        self.index.exists() && self.editor_index.exists()
    }

    /// The policy for the `index.html` files as they are now, computed again if one changed.
    pub fn current_policy(&self) -> HeaderValue {
        let indexes = [&self.index, &self.editor_index];
        let modified = indexes.map(|index| std::fs::metadata(index).and_then(|m| m.modified()).ok());
        let mut policy = self.policy.lock().expect("the policy lock is never poisoned: nothing panics under it");
        if policy.modified != modified || modified[0].is_none() {
            let inline_scripts: Vec<String> =
                indexes.iter().flat_map(|index| std::fs::read_to_string(index).map(|html| inline_script_hashes(&html)).unwrap_or_default()).collect();
            let header = HeaderValue::from_str(&content_security_policy(&inline_scripts)).expect("base64 and ASCII only");
            *policy = Policy { modified, header };
        }
        policy.header.clone()
    }
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

/// One app's files from `dir`; a deep link gets its `index`, a missing file a 404.
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
fn has_file_extension(path: &str) -> bool {
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

/// `plantzette-1a2b3c4d5e6f7a8b_bg.wasm`, `style-1a2b3c4d5e6f7a8b.css`: a dash, then 16 hex digits.
fn is_content_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    let stem = name.split('.').next().unwrap_or_default().trim_end_matches("_bg");
    stem.rsplit_once('-').is_some_and(|(_, hash)| hash.len() == 16 && hash.chars().all(|c| c.is_ascii_hexdigit()))
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
    fn trunk_file_names_are_recognised_as_hashed() {
        assert!(is_content_hashed("/plantzette-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_content_hashed("/style-00ff00ff00ff00ff.css"));
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
