//! What the public forms allow each address (and each contact) a day: counts kept in memory,
//! forgotten at the residence's midnight. A restart forgets them too, which a robot cannot
//! time to its advantage beyond one more day's worth.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use plantzette_content::schedule::residence_now;

#[derive(Clone, Default)]
pub struct DailyLimits(Arc<Mutex<Counted>>);

#[derive(Default)]
struct Counted {
    day: Option<NaiveDate>,
    counts: HashMap<String, u32>,
}

impl DailyLimits {
    /// Counts one more for each key of `bounds`, if every key is still below its bound today;
    /// otherwise counts nothing.
    pub fn allow(&self, bounds: &[(String, u32)]) -> bool {
        let today = residence_now().date();
        let mut counted = self.0.lock().expect("the limits' lock is never poisoned");
        if counted.day != Some(today) {
            *counted = Counted { day: Some(today), ..Counted::default() };
        }
        if bounds.iter().any(|(key, bound)| counted.counts.get(key).copied().unwrap_or(0) >= *bound) {
            return false;
        }
        for (key, _) in bounds {
            *counted.counts.entry(key.clone()).or_default() += 1;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_at_its_bound_stops_the_others_from_counting() {
        let limits = DailyLimits::default();
        let bounds = |contact: &str| [("address".to_string(), 3), (contact.to_string(), 2)];
        assert!(limits.allow(&bounds("a")) && limits.allow(&bounds("a")));
        assert!(!limits.allow(&bounds("a")), "the contact's bound");
        assert!(limits.allow(&bounds("b")), "the refusal did not count for the address");
        assert!(!limits.allow(&bounds("c")), "the address's bound");
    }
}
