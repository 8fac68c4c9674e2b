//! Staff accounts and sessions: who may change content. A session is an HttpOnly, Secure,
//! SameSite=Strict cookie; every change also carries the session's CSRF token; failed logins
//! are throttled per address and lock the account for a while.

pub mod password;
pub mod session;
pub mod throttle;
pub mod users;

use std::sync::Arc;
use std::time::Duration;

pub use session::{Admin, Staff};

/// What sessions and logins need, shared by every request.
#[derive(Clone)]
pub struct Auth(Arc<AuthInner>);

pub struct AuthInner {
    /// Served to browsers over HTTPS (behind a TLS proxy): the cookie takes the `__Host-` prefix.
    pub https: bool,
    /// A session unused for this long has ended.
    pub idle_expiry: Duration,
    pub addresses: throttle::AddressThrottle,
}

impl Auth {
    pub fn new(https: bool, idle_expiry: Duration) -> Auth {
        Auth(Arc::new(AuthInner { https, idle_expiry, addresses: throttle::AddressThrottle::default() }))
    }
}

impl std::ops::Deref for Auth {
    type Target = AuthInner;

    fn deref(&self) -> &AuthInner {
        &self.0
    }
}
