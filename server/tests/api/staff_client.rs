//! A staff member's client: logs in, keeps the session cookie and the CSRF token, and sends
//! changes as the editor does (`If-Match` with the item's version).

use plantzette_content::staff::SessionInfo;
use reqwest::{Method, RequestBuilder, Response};
use serde::Serialize;

use crate::helpers::TestApp;

pub const DEMO_LOGIN: &str = "direction";
pub const DEMO_PASSWORD: &str = "plantzette-demo";

pub struct StaffClient<'a> {
    pub app: &'a TestApp,
    pub cookie: String,
    pub csrf: String,
}

/// A client whose requests come from `address` (the whole of 127.0.0.0/8 is this machine).
pub fn client_from(address: &str) -> reqwest::Client {
    reqwest::Client::builder().local_address(address.parse::<std::net::IpAddr>().unwrap()).build().unwrap()
}

impl TestApp {
    pub async fn log_in(&self, login: &str, password: &str) -> Response {
        self.log_in_with(&self.client, login, password).await
    }

    /// Logs in with `client` (from its own address, say).
    pub async fn log_in_with(&self, client: &reqwest::Client, login: &str, password: &str) -> Response {
        let credentials = serde_json::json!({ "login": login, "password": password });
        client.post(self.url("/api/v1/session")).json(&credentials).send().await.unwrap()
    }

    /// Logs in, expecting success.
    pub async fn staff(&self, login: &str, password: &str) -> StaffClient<'_> {
        let response = self.log_in(login, password).await;
        assert_eq!(response.status(), 200, "log in as {login}");
        let cookie = session_cookie(&response).expect("a session cookie");
        let info: SessionInfo = response.json().await.unwrap();
        StaffClient { app: self, cookie, csrf: info.csrf_token }
    }

    pub async fn admin(&self) -> StaffClient<'_> {
        self.staff(DEMO_LOGIN, DEMO_PASSWORD).await
    }
}

/// `name=value` of the session cookie a response sets.
pub fn session_cookie(response: &Response) -> Option<String> {
    let set_cookie = response.headers().get("set-cookie")?.to_str().ok()?;
    Some(set_cookie.split(';').next()?.to_string())
}

impl StaffClient<'_> {
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.app.client.request(method, self.app.url(path)).header("cookie", &self.cookie).header("x-csrf-token", &self.csrf)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.request(Method::GET, path).send().await.unwrap()
    }

    pub async fn post(&self, path: &str, body: &impl Serialize) -> Response {
        self.request(Method::POST, path).json(body).send().await.unwrap()
    }

    pub async fn put(&self, path: &str, version: i64, body: &impl Serialize) -> Response {
        self.request(Method::PUT, path).header("if-match", format!("\"{version}\"")).json(body).send().await.unwrap()
    }

    pub async fn delete(&self, path: &str, version: i64) -> Response {
        self.request(Method::DELETE, path).header("if-match", format!("\"{version}\"")).send().await.unwrap()
    }
}
