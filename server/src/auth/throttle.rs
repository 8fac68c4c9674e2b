//! Slowing down password guessing without handing anyone a way to lock the staff out.
//!
//! Each login attempt is recorded *before* its password is checked, under one lock, so that a
//! burst of parallel attempts cannot slip past the limits while the first ones are hashing:
//!
//! - per address and login: 5 attempts, then a wait before each next one, longer each time
//!   (30 s, doubling, at most 15 minutes). A guesser delays only their own pair: the
//!   same account logs in at once from any other address, so no one can lock a colleague out;
//! - per address: 20 attempts that failed or are under way within 15 minutes, whatever the
//!   login, against one address trying many accounts.
//!
//! An unknown login goes through the same steps as a real one: which logins exist cannot be
//! read off the answers or their timing. Counters live in memory: a restart forgets them, which
//! an attacker cannot cause. Behind a TLS proxy, the address is the client's as the trusted
//! proxy forwards it.
//!
//! Hand-written rather than `governor`: a rate limiter spaces requests evenly, whereas this
//! counts failures, forgets them on success, doubles the wait, and must record the attempt
//! before the slow check, atomically with the decision. That is these hundred lines.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::client::network_of;

/// Failures of one address and login before the pair must wait for each further attempt.
pub const FREE_FAILURES: u32 = 5;
const FIRST_WAIT: Duration = Duration::from_secs(30);
const LONGEST_WAIT: Duration = Duration::from_secs(15 * 60);
/// Attempts failed or under way from one address within `WINDOW`, whatever the login.
pub const ADDRESS_ATTEMPTS: usize = 20;
const WINDOW: Duration = Duration::from_secs(15 * 60);
/// A pair quiet for this long starts afresh: a typo the next day costs no wait.
const FORGET_AFTER: Duration = Duration::from_secs(24 * 3600);
/// Quiet pairs are swept out this often (each attempt looks at its own pair in any case).
const SWEEP_EVERY: Duration = Duration::from_secs(60);
/// Beyond this many remembered pairs, the quietest are forgotten first (memory stays bounded
/// whatever a spray of logins sends).
const MAX_PAIRS: usize = 100_000;

#[derive(Default)]
pub struct LoginThrottle {
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    pairs: HashMap<(IpAddr, String), Pair>,
    /// By network (`client::network_of`).
    addresses: HashMap<IpAddr, Vec<Instant>>,
    swept: Option<Instant>,
}

struct Pair {
    failures: u32,
    waits_until: Instant,
    last: Instant,
}

/// An attempt recorded as failed until it is known to have succeeded.
pub struct Attempt<'a> {
    throttle: &'a LoginThrottle,
    address: IpAddr,
    login: String,
    at: Instant,
}

impl LoginThrottle {
    /// Records an attempt of `login` from `address`, or says how long to wait before one.
    pub fn begin(&self, address: IpAddr, login: &str) -> Result<Attempt<'_>, Duration> {
        self.begin_at(address, login, Instant::now())
    }

    /// `begin` as if it were `now` (the tests move the clock).
    fn begin_at(&self, address: IpAddr, login: &str, now: Instant) -> Result<Attempt<'_>, Duration> {
        let login = normalised(login);
        let network = network_of(address);
        let mut state = self.lock();
        state.forget_quiet(now);
        let recent = state.addresses.entry(network).or_default();
        recent.retain(|at| now.duration_since(*at) < WINDOW);
        if recent.len() >= ADDRESS_ATTEMPTS {
            return Err(WINDOW.saturating_sub(now.duration_since(recent[0])).max(Duration::from_secs(1)));
        }
        let key = (address, login.clone());
        if state.pairs.get(&key).is_some_and(|pair| now.duration_since(pair.last) >= FORGET_AFTER) {
            state.pairs.remove(&key);
        }
        if let Some(pair) = state.pairs.get(&key).filter(|pair| pair.waits_until > now) {
            return Err(pair.waits_until - now);
        }
        state.addresses.entry(network).or_default().push(now);
        let pair = state.pairs.entry(key).or_insert(Pair { failures: 0, waits_until: now, last: now });
        pair.failures += 1;
        pair.last = now;
        if pair.failures >= FREE_FAILURES {
            pair.waits_until = now + wait_after(pair.failures + 1 - FREE_FAILURES);
        }
        state.bound_pairs();
        Ok(Attempt { throttle: self, address, login, at: now })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Attempt<'_> {
    /// The attempt does not count: the password was right (the pair's failures are forgotten
    /// too), or it could not be checked (the server busy).
    pub fn forget(self) {
        let mut state = self.throttle.lock();
        state.pairs.remove(&(self.address, self.login));
        if let Some(recent) = state.addresses.get_mut(&network_of(self.address)) {
            if let Some(index) = recent.iter().position(|at| *at == self.at) {
                recent.remove(index);
            }
        }
    }
}

/// The wait after the `n`th failure beyond the free ones: 30 s, 1 min, 2 min… at most 15 min.
fn wait_after(n: u32) -> Duration {
    FIRST_WAIT.saturating_mul(1 << (n - 1).min(16)).min(LONGEST_WAIT)
}

/// Logins are compared without case (as the database does) or surrounding spaces.
fn normalised(login: &str) -> String {
    login.trim().to_lowercase()
}

impl State {
    /// Now and then, drops the addresses and pairs that have been quiet long enough.
    fn forget_quiet(&mut self, now: Instant) {
        if self.swept.is_some_and(|swept| now.duration_since(swept) < SWEEP_EVERY) {
            return;
        }
        self.swept = Some(now);
        self.addresses.retain(|_, recent| recent.last().is_some_and(|at| now.duration_since(*at) < WINDOW));
        self.pairs.retain(|_, pair| now.duration_since(pair.last) < FORGET_AFTER);
    }

    /// Beyond the bound, the quietest pairs go first (memory stays bounded whatever is sent).
    fn bound_pairs(&mut self) {
        while self.pairs.len() > MAX_PAIRS {
            let Some(quietest) = self.pairs.iter().min_by_key(|(_, pair)| pair.last).map(|(key, _)| key.clone()) else { break };
            self.pairs.remove(&quietest);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn a_pair_waits_after_its_free_failures_and_longer_each_time() {
        let throttle = LoginThrottle::default();
        let guesser = address("192.0.2.7");
        for _ in 0..FREE_FAILURES {
            assert!(throttle.begin(guesser, "direction").is_ok());
        }
        let wait = throttle.begin(guesser, "Direction ").err().expect("then the pair waits, whatever the case");
        assert!(wait > Duration::from_secs(25) && wait <= FIRST_WAIT, "{wait:?}");
        assert_eq!(wait_after(2), Duration::from_secs(60));
        assert_eq!(wait_after(40), LONGEST_WAIT);
    }

    #[test]
    fn a_guesser_does_not_hold_back_the_same_account_elsewhere() {
        let throttle = LoginThrottle::default();
        let guesser = address("192.0.2.7");
        while throttle.begin(guesser, "direction").is_ok() {}
        assert!(throttle.begin(address("192.0.2.8"), "direction").is_ok());
    }

    #[test]
    fn an_address_trying_many_logins_is_held_back_after_its_share() {
        let throttle = LoginThrottle::default();
        let sprayer = address("192.0.2.7");
        for n in 0..ADDRESS_ATTEMPTS {
            assert!(throttle.begin(sprayer, &format!("guess{n}")).is_ok());
        }
        let wait = throttle.begin(sprayer, "direction").err().expect("held back");
        assert!(wait <= WINDOW && wait > WINDOW - Duration::from_secs(5), "{wait:?}");
        assert!(throttle.begin(address("192.0.2.8"), "direction").is_ok());
    }

    #[test]
    fn a_pair_quiet_for_a_day_starts_afresh() {
        let throttle = LoginThrottle::default();
        let office = address("192.0.2.9");
        while throttle.begin(office, "direction").is_ok() {}
        let next_day = Instant::now() + FORGET_AFTER + Duration::from_secs(1);
        assert!(throttle.begin_at(office, "direction", next_day).is_ok(), "a typo the next day costs no wait");
        assert_eq!(throttle.lock().pairs.len(), 1, "the old failures are gone");
    }

    #[test]
    fn an_ipv6_network_shares_one_address_cap() {
        let throttle = LoginThrottle::default();
        for n in 0..ADDRESS_ATTEMPTS {
            assert!(throttle.begin(address(&format!("2001:db8:1:2::{:x}", n + 1)), &format!("guess{n}")).is_ok());
        }
        assert!(throttle.begin(address("2001:db8:1:2::ffff"), "direction").is_err(), "another address of the same /64");
        assert!(throttle.begin(address("2001:db8:1:3::1"), "direction").is_ok(), "another network");
    }

    #[test]
    fn a_success_forgets_its_attempt_and_the_pair_s_failures() {
        let throttle = LoginThrottle::default();
        let office = address("192.0.2.9");
        for _ in 0..FREE_FAILURES - 1 {
            throttle.begin(office, "direction").unwrap();
        }
        throttle.begin(office, "direction").unwrap().forget();
        for _ in 0..FREE_FAILURES {
            assert!(throttle.begin(office, "direction").is_ok(), "typos after a success start from zero");
        }
        assert_eq!(throttle.lock().addresses[&office].len(), 2 * FREE_FAILURES as usize - 1);
    }
}
