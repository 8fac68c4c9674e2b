//! Fair shares of something the server holds open for a while (connections, event streams): at
//! most so many in all and so many per client address (an IPv6 client's whole /64), each slot
//! given back when dropped.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use crate::client::network_of;

#[derive(Clone)]
pub struct Quota(Arc<Inner>);

struct Inner {
    total: usize,
    per_address: usize,
    /// Addresses whose share is the whole (a trusted proxy, which carries everyone's requests).
    unlimited: Vec<IpAddr>,
    held: Mutex<Held>,
}

#[derive(Default)]
struct Held {
    total: usize,
    by_address: HashMap<IpAddr, usize>,
}

/// One slot of a quota, given back when dropped.
pub struct Slot {
    quota: Quota,
    address: IpAddr,
}

impl Quota {
    pub fn new(total: usize, per_address: usize, unlimited: Vec<IpAddr>) -> Quota {
        Quota(Arc::new(Inner { total, per_address, unlimited, held: Mutex::default() }))
    }

    /// A slot for `address`, if both the whole quota and the address's share have room.
    pub fn admit(&self, address: IpAddr) -> Option<Slot> {
        let address = address.to_canonical();
        let share = if self.0.unlimited.contains(&address) { self.0.total } else { self.0.per_address };
        let address = network_of(address);
        let mut held = self.lock();
        let mine = held.by_address.get(&address).copied().unwrap_or(0);
        if held.total >= self.0.total || mine >= share {
            return None;
        }
        held.total += 1;
        *held.by_address.entry(address).or_default() += 1;
        Some(Slot { quota: self.clone(), address })
    }

    /// How many slots are held now.
    pub fn held(&self) -> usize {
        self.lock().total
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Held> {
        self.0.held.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut held = self.quota.lock();
        held.total -= 1;
        if let Some(mine) = held.by_address.get_mut(&self.address) {
            *mine -= 1;
            if *mine == 0 {
                held.by_address.remove(&self.address);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_gets_its_share_and_the_others_the_rest() {
        let quota = Quota::new(3, 2, vec![]);
        let (a, b): (IpAddr, IpAddr) = ("192.0.2.1".parse().unwrap(), "192.0.2.2".parse().unwrap());
        let first = quota.admit(a).unwrap();
        let _second = quota.admit(a).unwrap();
        assert!(quota.admit(a).is_none(), "a's share is full");
        let _third = quota.admit(b).unwrap();
        assert!(quota.admit(b).is_none(), "the whole quota is full");
        drop(first);
        let fourth = quota.admit(b);
        assert!(fourth.is_some(), "a slot given back is free again");
        assert_eq!(quota.held(), 3);
    }

    #[test]
    fn a_trusted_proxy_may_take_the_whole_quota() {
        let proxy: IpAddr = "127.0.0.1".parse().unwrap();
        let quota = Quota::new(3, 1, vec![proxy]);
        let slots: Vec<_> = (0..3).map(|_| quota.admit(proxy)).collect();
        assert!(slots.iter().all(Option::is_some));
    }
}
