//! Which scheduled backups to keep: the newest of each of the last `daily` days that have one,
//! and the newest of each of the last `weekly` ISO weeks that have one (14 and 8 by default:
//! two weeks day by day, then two months week by week). The newest of all is always kept,
//! whatever the counts: a retention of nothing must not delete the backup just taken. A pure function of the backups' times,
//! so that it is tested without waiting for weeks to pass.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDateTime};

#[derive(Clone, Copy, Debug)]
pub struct Retention {
    pub daily: usize,
    pub weekly: usize,
}

/// The backups (by their time) that the retention no longer keeps.
pub fn outdated(backups: &[NaiveDateTime], retention: Retention) -> Vec<NaiveDateTime> {
    let mut newest_first = backups.to_vec();
    newest_first.sort_unstable_by(|a, b| b.cmp(a));
    let mut kept: BTreeSet<NaiveDateTime> = newest_first.first().copied().into_iter().collect();
    let mut newest_of = |period: &dyn Fn(&NaiveDateTime) -> (i32, u32), count: usize| {
        let mut periods = Vec::new();
        for backup in &newest_first {
            let of = period(backup);
            if !periods.contains(&of) {
                if periods.len() == count {
                    break;
                }
                periods.push(of);
                kept.insert(*backup);
            }
        }
    };
    newest_of(&|time| (time.year(), time.ordinal()), retention.daily);
    newest_of(&|time| (time.iso_week().year(), time.iso_week().week()), retention.weekly);
    newest_first.into_iter().filter(|backup| !kept.contains(backup)).collect()
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, NaiveDate};

    use super::*;

    fn at(day: NaiveDate, hour: u32) -> NaiveDateTime {
        day.and_hms_opt(hour, 0, 0).unwrap()
    }

    #[test]
    fn the_last_days_are_kept_one_each_then_one_a_week() {
        // 120 days of backups at 03:00, and a second one on the last day (taken by hand).
        let last = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let mut backups: Vec<_> = (0..120).map(|n| at(last - Duration::days(n), 3)).collect();
        backups.push(at(last, 15));
        let outdated = outdated(&backups, Retention { daily: 14, weekly: 8 });
        let kept: BTreeSet<_> = backups.iter().filter(|b| !outdated.contains(b)).copied().collect();

        // The last 14 days, each by its newest backup.
        for n in 0..14 {
            let day = last - Duration::days(n);
            assert_eq!(kept.iter().filter(|b| b.date() == day).count(), 1, "one backup kept on {day}");
        }
        assert!(kept.contains(&at(last, 15)) && !kept.contains(&at(last, 3)), "the newest of the day");
        // Then one per week for 8 weeks: within the daily ones, weeks are already kept.
        let weeks: BTreeSet<_> = kept.iter().map(|b| b.iso_week().week()).collect();
        assert_eq!(weeks.len(), 8, "8 weeks have a backup: {weeks:?}");
        let oldest = kept.iter().next().unwrap().date();
        assert!(last - oldest < Duration::weeks(8), "nothing older than 8 weeks: {oldest}");
        assert_eq!(kept.len() + outdated.len(), backups.len());
    }

    #[test]
    fn few_backups_are_all_kept() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        let backups = [at(day, 3), at(day - Duration::days(40), 3)];
        assert!(outdated(&backups, Retention { daily: 14, weekly: 8 }).is_empty());
        assert_eq!(outdated(&backups, Retention { daily: 1, weekly: 1 }), [at(day - Duration::days(40), 3)]);
    }

    #[test]
    fn a_retention_of_nothing_still_keeps_the_newest() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 29).unwrap();
        let backups = [at(day, 3), at(day - Duration::days(1), 3)];
        assert_eq!(outdated(&backups, Retention { daily: 0, weekly: 0 }), [at(day - Duration::days(1), 3)]);
    }
}
