//! What the public forms allow each address (and each contact) a day: counts kept in memory,
//! forgotten at the residence's midnight. A restart forgets them too, which a robot cannot
//! time to its advantage beyond one more day's worth.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv6Addr};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use plantzette_content::schedule::residence_now;

#[derive(Clone, Default)]
pub struct DailyLimits(Arc<Mutex<Counted>>);

/// Why a public form's sending was turned away before anything was stored.
#[derive(Debug, PartialEq, Eq)]
pub enum TurnedAway {
    /// The field people do not see was filled in: told no more than a person.
    Robot,
    /// More than a day's bound from this address or its network, or for this contact.
    TooManyToday,
}

/// The day's bounds on `what` sent from `address`: `per_address` from one address (for IPv6 its
/// /64, one household), and, for IPv6, twice that from its /56 and four times from its /48,
/// so that one connection's many /64s do not multiply the bound by 256.
pub fn from_address(what: &str, address: IpAddr, per_address: u32) -> Vec<(String, u32)> {
    match address.to_canonical() {
        IpAddr::V6(v6) => [(64, 1), (56, 2), (48, 4)]
            .into_iter()
            .map(|(bits, times)| {
                let network = Ipv6Addr::from_bits(v6.to_bits() & !(u128::MAX >> bits));
                (format!("{what} from {network}/{bits}"), per_address * times)
            })
            .collect(),
        v4 => vec![(format!("{what} from {v4}"), per_address)],
    }
}

#[derive(Default)]
struct Counted {
    day: Option<NaiveDate>,
    counts: HashMap<String, u32>,
}

impl DailyLimits {
    /// Counts one more for each key of `bounds`, if every key is still below its bound today;
    /// otherwise counts nothing.
    fn allow(&self, bounds: &[(String, u32)]) -> bool {
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

    /// Lets a public form's sending through (counting it) if it is not a robot's and is within
    /// every one of `bounds` today.
    pub fn admit(&self, from_a_robot: bool, bounds: &[(String, u32)]) -> Result<(), TurnedAway> {
        if from_a_robot {
            return Err(TurnedAway::Robot);
        }
        self.allow(bounds).then_some(()).ok_or(TurnedAway::TooManyToday)
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

    #[test]
    fn the_many_networks_of_one_connection_share_a_wider_bound() {
        let limits = DailyLimits::default();
        let from = |network: u16| from_address("sign-ups", IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0x12, network, 0, 0, 0, 1)), 3);
        // Three from each of two /64s of one /56: the /56's bound of six is reached.
        for network in [0x3400, 0x3401] {
            for _ in 0..3 {
                assert_eq!(limits.admit(false, &from(network)), Ok(()));
            }
            assert_eq!(limits.admit(false, &from(network)), Err(TurnedAway::TooManyToday), "the /64's bound");
        }
        assert_eq!(limits.admit(false, &from(0x3402)), Err(TurnedAway::TooManyToday), "another /64 of the same /56");
        assert_eq!(limits.admit(false, &from(0x3500)), Ok(()), "another /56 of the /48: below twelve");
        assert_eq!(limits.admit(true, &from(0x9900)), Err(TurnedAway::Robot));
        let v4 = from_address("sign-ups", "10.0.0.7".parse().unwrap(), 3);
        assert_eq!(v4, [("sign-ups from 10.0.0.7".to_string(), 3)]);
    }
}
