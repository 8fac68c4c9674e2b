//! Slowing down password guessing: each address may fail a few logins in a window (kept in
//! memory), and each account locks for a while after repeated failures (kept in the database,
//! so a restart does not unlock it).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed logins allowed from one address within `WINDOW`.
const ADDRESS_FAILURES: usize = 20;
const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Failed logins in a row that lock an account, and for how long.
pub const ACCOUNT_FAILURES: i64 = 5;
pub const ACCOUNT_LOCK: Duration = Duration::from_secs(15 * 60);

#[derive(Default)]
pub struct AddressThrottle {
    failures: Mutex<HashMap<IpAddr, Vec<Instant>>>,
}

impl AddressThrottle {
    /// `Some(seconds to wait)` while this address has failed too often lately.
    pub fn wait_for(&self, address: IpAddr) -> Option<u64> {
        let mut failures = self.failures.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let recent = failures.entry(address).or_default();
        recent.retain(|at| at.elapsed() < WINDOW);
        (recent.len() >= ADDRESS_FAILURES).then(|| (WINDOW - recent[0].elapsed()).as_secs().max(1))
    }

    pub fn failed(&self, address: IpAddr) {
        let mut failures = self.failures.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // Forget addresses that have been quiet for a window, so that the map does not grow.
        failures.retain(|_, recent| recent.last().is_some_and(|at| at.elapsed() < WINDOW));
        failures.entry(address).or_default().push(Instant::now());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_held_back_after_its_failures_and_others_are_not() {
        let throttle = AddressThrottle::default();
        let guesser: IpAddr = "192.0.2.7".parse().unwrap();
        for _ in 0..ADDRESS_FAILURES {
            assert_eq!(throttle.wait_for(guesser), None);
            throttle.failed(guesser);
        }
        assert!(throttle.wait_for(guesser).is_some_and(|secs| secs > 0 && secs <= WINDOW.as_secs()));
        assert_eq!(throttle.wait_for("192.0.2.8".parse().unwrap()), None);
    }
}
