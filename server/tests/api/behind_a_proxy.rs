//! Behind the TLS proxy: the client's address comes from `X-Forwarded-For` only when the
//! connection comes from a trusted proxy, staff changes are checked against the public origin
//! rather than the `Host` the proxy sends upstream, and HTTPS is announced for good (HSTS).

use serde_json::{json, Value};

use crate::helpers::{notice, spawn_app_with, TestApp};
use crate::staff_client::{client_from, DEMO_LOGIN, DEMO_PASSWORD};

const PUBLIC: &str = "https://plantzette.example.ch";

/// A server behind a proxy on 127.0.0.1, reached at `PUBLIC`.
async fn behind_a_proxy() -> TestApp {
    spawn_app_with(|config| plantzette_server::Config {
        public_url: Some(PUBLIC.into()),
        trusted_proxies: vec!["127.0.0.1".parse().unwrap()],
        ..config
    })
    .await
}

async fn log_in(app: &TestApp, client: &reqwest::Client, forwarded_for: &str, password: &str) -> u16 {
    let credentials = json!({ "login": DEMO_LOGIN, "password": password });
    let response = client.post(app.url("/api/v1/session")).header("x-forwarded-for", forwarded_for).json(&credentials).send().await.unwrap();
    response.status().as_u16()
}

#[tokio::test]
async fn each_client_behind_the_proxy_is_throttled_on_its_own() {
    let app = behind_a_proxy().await;
    let proxy = client_from("127.0.0.1");
    for _ in 0..5 {
        assert_eq!(log_in(&app, &proxy, "198.51.100.2", "wrong password!").await, 401);
    }
    assert_eq!(log_in(&app, &proxy, "198.51.100.2", "wrong password!").await, 429, "the guesser is held back");
    assert_eq!(log_in(&app, &proxy, "198.51.100.3", DEMO_PASSWORD).await, 200, "a colleague behind the same proxy is not");
}

#[tokio::test]
async fn a_forwarded_address_from_anyone_else_is_not_believed() {
    let app = behind_a_proxy().await;
    let stranger = client_from("127.0.0.2");
    for n in 0..5 {
        assert_eq!(log_in(&app, &stranger, &format!("198.51.100.{n}"), "wrong password!").await, 401);
    }
    assert_eq!(log_in(&app, &stranger, "198.51.100.99", "wrong password!").await, 429, "a new made-up address each time changes nothing");
}

#[tokio::test]
async fn changes_are_checked_against_the_public_origin_and_https_is_announced() {
    let app = behind_a_proxy().await;
    let response = app.get("/").await;
    assert_eq!(response.headers()["strict-transport-security"], "max-age=31536000");
    let cookie = app.log_in(DEMO_LOGIN, DEMO_PASSWORD).await;
    assert!(cookie.headers()["set-cookie"].to_str().unwrap().starts_with("__Host-"), "the __Host- cookie under HTTPS");
    let session_cookie = cookie.headers()["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_string();
    let csrf = cookie.json::<Value>().await.unwrap()["csrf_token"].as_str().unwrap().to_string();
    let notice = notice("Concert au salon");
    let post = |origin: &'static str| {
        app.client
            .post(app.url("/api/v1/staff/announcements"))
            .header("cookie", &session_cookie)
            .header("x-csrf-token", &csrf)
            .header("origin", origin)
            .json(&notice)
            .send()
    };
    // The Host the proxy sends upstream is 127.0.0.1:port: the public origin is what counts.
    assert_eq!(post(PUBLIC).await.unwrap().status(), 201);
    assert_eq!(post("https://elsewhere.example").await.unwrap().status(), 403);
}
