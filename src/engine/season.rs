//! Yearly date windows (`date_within`): whether the month-day of a time lies between two `MM-DD`
//! days, both inclusive. Used for criteria that hold only in a season (春季霜冻 4月中旬–5月下旬).

use chrono::{DateTime, Datelike, FixedOffset};

use super::facts::china;

/// `MM-DD` → (month, day), for any day that exists in some year (02-29 included).
pub fn month_day(s: &str) -> Option<(u32, u32)> {
    let (m, d) = s.split_once('-')?;
    if m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (m, d): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    chrono::NaiveDate::from_ymd_opt(2024, m, d).map(|_| (m, d))
}

/// Whether `t` (read in China time) falls on a day from `from` to `to` inclusive; `from` after `to`
/// wraps over the new year. False for a malformed window (validation rejects those).
pub fn within(t: DateTime<FixedOffset>, from: &str, to: &str) -> bool {
    let (Some(a), Some(b)) = (month_day(from), month_day(to)) else {
        return false;
    };
    let local = t.with_timezone(&china());
    let day = (local.month(), local.day());
    if a <= b {
        a <= day && day <= b
    } else {
        day >= a || day <= b
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::parse_time;

    fn at(s: &str) -> DateTime<FixedOffset> {
        parse_time(s).unwrap()
    }

    #[test]
    fn inclusive_at_both_ends() {
        assert!(within(at("2026-04-11T00:00"), "04-11", "05-31"));
        assert!(within(at("2026-05-31T23:59"), "04-11", "05-31"));
        assert!(!within(at("2026-04-10T23:59"), "04-11", "05-31"));
        assert!(!within(at("2026-06-01T00:00"), "04-11", "05-31"));
    }

    #[test]
    fn china_time_decides_the_day() {
        // 2026-05-31T16:30Z is 06-01 00:30 in China.
        assert!(!within(at("2026-05-31T16:30:00Z"), "04-11", "05-31"));
    }

    #[test]
    fn wraps_over_new_year() {
        assert!(within(at("2026-12-31T12:00"), "12-01", "02-28"));
        assert!(within(at("2026-01-15T12:00"), "12-01", "02-28"));
        assert!(!within(at("2026-03-01T12:00"), "12-01", "02-28"));
    }

    #[test]
    fn malformed_days() {
        assert_eq!(month_day("02-29"), Some((2, 29)));
        assert_eq!(month_day("02-30"), None);
        assert_eq!(month_day("4-11"), None);
        assert_eq!(month_day("04/11"), None);
    }
}
