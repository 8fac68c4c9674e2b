//! Staff accounts and sessions: who may change content. A session is an HttpOnly, Secure,
//! SameSite=Strict cookie that ends after a pause or after a working day at most; every change
//! also carries the session's CSRF token; logins are throttled per address and login
//! (`throttle`) and their passwords hashed on threads of their own (`password`).

pub mod password;
pub mod screen;
pub mod session;
pub mod throttle;
pub mod users;

use std::sync::Arc;
use std::time::Duration;

use axum::http::{header, HeaderMap};
use axum_extra::extract::cookie::{Cookie, SameSite};

pub use session::{Admin, Staff};

/// What sessions and logins need, shared by every request.
#[derive(Clone)]
pub struct Auth(Arc<AuthInner>);

pub struct AuthInner {
    /// Served to browsers over HTTPS (behind a TLS proxy): the cookie takes the `__Host-` prefix.
    pub https: bool,
    /// The origin browsers use (`https://plantzette.example.ch`), if configured: changes must
    /// come from it. Behind a proxy the `Host` header may be the proxy's upstream address.
    pub public_origin: Option<String>,
    /// A session unused for this long has ended.
    pub idle_expiry: Duration,
    /// A session this old has ended, however busy: a stolen cookie does not last.
    pub lifetime: Duration,
    pub logins: throttle::LoginThrottle,
    pub hasher: password::Hasher,
}

impl Auth {
    pub fn new(https: bool, public_origin: Option<String>, idle_expiry: Duration, lifetime: Duration) -> Auth {
        Auth(Arc::new(AuthInner { https, public_origin, idle_expiry, lifetime, logins: Default::default(), hasher: Default::default() }))
    }

    /// The address of the family view as a phone reaches it: the configured public address,
    /// else the one this request came to.
    pub fn public_origin(&self, headers: &HeaderMap) -> String {
        if let Some(origin) = &self.public_origin {
            return origin.clone();
        }
        let host = headers.get(header::HOST).and_then(|host| host.to_str().ok()).unwrap_or("localhost");
        let scheme = if self.https { "https" } else { "http" };
        format!("{scheme}://{host}")
    }
}

/// A cookie of ours by its two names: plain, and with the `__Host-` prefix that HTTPS allows
/// (the browser then keeps it to this host, secure, for the whole site).
pub struct CookieName {
    pub plain: &'static str,
    pub host_only: &'static str,
}

impl Auth {
    pub fn cookie_name(&self, name: &CookieName) -> &'static str {
        if self.https {
            name.host_only
        } else {
            name.plain
        }
    }

    /// One of our cookies: HttpOnly, Secure, SameSite=Strict, for the whole site.
    pub fn cookie(&self, name: &CookieName, value: String) -> Cookie<'static> {
        Cookie::build((self.cookie_name(name), value)).path("/").http_only(true).secure(true).same_site(SameSite::Strict).build()
    }
}

impl std::ops::Deref for Auth {
    type Target = AuthInner;

    fn deref(&self) -> &AuthInner {
        &self.0
    }
}
