//! The built apps: the kiosk's deep links reach its `index.html`, hashed files are cached for
//! good, and every response carries the security headers with a policy that lets exactly
//! Trunk's loader run.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use reqwest::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY};
use sha2::{Digest, Sha256};

use crate::helpers::{spawn_app, LOADER};

#[tokio::test]
async fn the_kiosks_deep_links_are_answered_with_its_app_and_not_cached() {
    let app = spawn_app().await;
    for path in ["/kiosk", "/kiosk/programmes/2", "/kiosk/activities?day=2026-11-23", "/preview?as=phone"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()[CACHE_CONTROL], "no-cache", "{path}");
        assert!(response.text().await.unwrap().contains(LOADER), "{path}");
    }
}

#[tokio::test]
async fn content_hashed_files_are_immutable() {
    let app = spawn_app().await;
    let response = app.get("/plantzette-0123456789abcdef.js").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()[CACHE_CONTROL], "public, max-age=31536000, immutable");
}

#[tokio::test]
async fn the_app_s_files_are_sent_compressed() {
    let app = spawn_app().await;
    for encoding in ["br", "gzip"] {
        let response = app.client.get(app.url("/plantzette-0123456789abcdef.js")).header("accept-encoding", encoding).send().await.unwrap();
        assert_eq!(response.headers()["content-encoding"], encoding);
    }
}

#[tokio::test]
async fn a_copy_compressed_at_build_time_is_sent_as_it_is() {
    let app = spawn_app().await;
    // The server does not look inside: these bytes stand for scripts/precompress.mjs's brotli.
    let build_copy = b"brotli at quality 11, written by the build".to_vec();
    std::fs::write(app.dist().join("plantzette-0123456789abcdef.js.br"), &build_copy).unwrap();
    let response = app.client.get(app.url("/plantzette-0123456789abcdef.js")).header("accept-encoding", "br").send().await.unwrap();
    assert_eq!(response.headers()["content-encoding"], "br");
    assert_eq!(response.headers()[CACHE_CONTROL], "public, max-age=31536000, immutable");
    assert_eq!(response.bytes().await.unwrap(), build_copy, "the build's copy, not one compressed again");
}

#[tokio::test]
async fn the_policy_allows_the_loader_by_its_hash_and_no_other_inline_code() {
    let app = spawn_app().await;
    let response = app.get("/").await;
    let policy = response.headers()[CONTENT_SECURITY_POLICY].to_str().unwrap().to_string();
    let loader_hash = STANDARD.encode(Sha256::digest(LOADER));
    assert!(policy.contains(&format!("'sha256-{loader_hash}'")), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    assert!(policy.contains("'wasm-unsafe-eval'") && policy.contains("frame-ancestors 'self'"), "{policy}");
}

#[tokio::test]
async fn a_rebuilt_app_is_allowed_without_restarting_the_server() {
    let app = spawn_app().await;
    let loader = "import init from '/plantzette-fedcba9876543210.js'; init();";
    let index = app.dist().join("index.html");
    std::fs::write(&index, format!("<!doctype html><script type=\"module\">{loader}</script>")).unwrap();
    // A later modification time, whatever the file system's clock resolution.
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(2);
    std::fs::File::options().write(true).open(&index).unwrap().set_modified(later).unwrap();

    let response = app.get("/").await;
    let policy = response.headers()[CONTENT_SECURITY_POLICY].to_str().unwrap().to_string();
    assert!(policy.contains(&format!("'sha256-{}'", STANDARD.encode(Sha256::digest(loader)))), "{policy}");
    assert!(!policy.contains(&STANDARD.encode(Sha256::digest(LOADER))), "the old loader is no longer allowed");
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let app = spawn_app().await;
    for path in ["/", "/api/v1/today", "/api/v1/nothing"] {
        let response = app.get(path).await;
        let headers = response.headers();
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
        assert!(headers.contains_key(CONTENT_SECURITY_POLICY), "{path}");
    }
}

#[tokio::test]
async fn an_oversized_request_body_is_refused() {
    let app = spawn_app().await;
    let body = vec![b'x'; 1024 * 1024];
    let response = app.client.post(app.url("/api/v1/today")).body(body).send().await.unwrap();
    assert_eq!(response.status(), 413);
}

#[tokio::test]
async fn kiosk_with_a_trailing_slash_is_the_kiosk_s_home_and_its_settings_kept() {
    let app = spawn_app().await;
    let client = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let response = client.get(app.url("/kiosk/?pair&idle=90")).send().await.unwrap();
    assert_eq!(response.status(), 308);
    assert_eq!(response.headers()["location"], "/kiosk?pair&idle=90");
}

#[tokio::test]
async fn a_name_no_file_can_have_is_a_page_not_found_not_a_server_error() {
    let app = spawn_app().await;
    for path in [format!("/{}", "a".repeat(256)), format!("/{}.js", "b".repeat(300))] {
        assert_eq!(app.get(&path).await.status(), 404, "{path}");
    }
}

#[tokio::test]
async fn a_missing_file_is_a_404_that_no_cache_keeps() {
    let app = spawn_app().await;
    std::fs::create_dir_all(app.dist().join("gestion")).unwrap();
    std::fs::write(app.dist().join("gestion").join("index.html"), "<!doctype html><title>gestion</title>").unwrap();
    for path in ["/plantzette-fedcba9876543210_bg.wasm", "/gestion/editor-fedcba9876543210_bg.wasm", "/fonts/missing.woff2"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        assert_eq!(response.headers()[CACHE_CONTROL], "no-store", "{path}");
        let body = response.text().await.unwrap();
        assert!(!body.contains("<html") && !body.contains("<!doctype"), "{path} answered with a page: {body}");
    }
    // A deep link into the editor still reaches the editor's page, revalidated.
    let deep_link = app.get("/gestion/activities/3").await;
    assert_eq!(deep_link.status(), 200);
    assert_eq!(deep_link.headers()[CACHE_CONTROL], "no-cache");
    assert!(deep_link.text().await.unwrap().contains("<title>gestion</title>"));
}

#[tokio::test]
async fn every_api_error_is_json_and_a_304_carries_the_security_headers() {
    let app = spawn_app().await;
    let too_large = app.client.post(app.url("/api/v1/staff/activities")).body(vec![b'x'; 1024 * 1024]).send().await.unwrap();
    let wrong_method = app.client.delete(app.url("/api/v1/today")).send().await.unwrap();
    let bad_path = app.get("/api/v1/calendar/activities/not-a-number/event.ics").await;
    let unknown_id = app.get("/api/v1/programmes/not-a-number").await;
    let bad_query = app.get("/api/v1/activities?from=yesterday").await;
    for (response, status) in [(too_large, 413), (wrong_method, 405), (bad_path, 400), (unknown_id, 404), (bad_query, 400)] {
        assert_eq!(response.status(), status, "{}", response.url());
        assert_eq!(response.headers()["content-type"], "application/json", "{}", response.url());
        let body: serde_json::Value = response.json().await.unwrap();
        assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()), "{body}");
    }

    let first = app.get("/api/v1/today").await;
    let tag = first.headers()["etag"].clone();
    let revalidated = app.client.get(app.url("/api/v1/today")).header("if-none-match", tag).send().await.unwrap();
    assert_eq!(revalidated.status(), 304);
    assert_eq!(revalidated.headers()["x-content-type-options"], "nosniff");
    assert!(revalidated.headers().contains_key(CONTENT_SECURITY_POLICY));
}
