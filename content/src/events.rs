//! The live-update stream (`/api/v1/events`) as screens use it: while it is down a screen checks
//! for changes on its own, and it reconnects with backoff and jitter, so that a hundred screens
//! come back within about half a minute of a server restart without all arriving at once. The
//! kiosk and the families' pages follow the same policy.

use std::time::Duration;

/// While the event stream is down, content is checked this often.
pub const POLL_EVERY: Duration = Duration::from_secs(10);
/// Reconnection waits double from this, up to the cap, each shortened by a random part.
const FIRST_RETRY: Duration = Duration::from_secs(1);
const LAST_RETRY: Duration = Duration::from_secs(30);

/// The wait before reconnection attempt `attempt` (from 0): doubling, capped, and shortened by up
/// to half at random (`random` in 0..1) so that screens do not all return at the same instant.
pub fn retry_delay(attempt: u32, random: f64) -> Duration {
    let doubled = FIRST_RETRY.saturating_mul(1 << attempt.min(5));
    doubled.min(LAST_RETRY).mul_f64(1.0 - random / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconnection_waits_double_up_to_half_a_minute_shortened_at_random() {
        assert_eq!(retry_delay(0, 0.0), Duration::from_secs(1));
        assert_eq!(retry_delay(3, 0.0), Duration::from_secs(8));
        assert_eq!(retry_delay(5, 0.0), LAST_RETRY);
        assert_eq!(retry_delay(40, 0.0), LAST_RETRY, "no overflow after a day of attempts");
        assert_eq!(retry_delay(2, 1.0), Duration::from_secs(2), "at most halved");
        assert!(retry_delay(2, 0.5) > Duration::from_secs(2) && retry_delay(2, 0.5) < Duration::from_secs(4));
    }
}
