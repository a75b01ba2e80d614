//! Yearly date windows (`date_within`): whether the month-day of a time lies between two `MM-DD`
//! days, both inclusive. Used for criteria that hold only in a season (春季霜冻 4月中旬–5月下旬).

use chrono::{DateTime, Datelike, FixedOffset};

use super::facts::china;
use crate::plan::MonthDay;

/// Whether `t` (read in China time) falls on a day from `from` to `to` inclusive; `from` after `to`
/// wraps over the new year.
pub fn within(t: DateTime<FixedOffset>, from: MonthDay, to: MonthDay) -> bool {
    let (a, b) = ((from.month, from.day), (to.month, to.day));
    let local = t.with_timezone(&china());
    let day = (local.month() as u8, local.day() as u8);
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

    fn d(s: &str) -> MonthDay {
        MonthDay::parse(s).unwrap()
    }

    #[test]
    fn inclusive_at_both_ends() {
        assert!(within(at("2026-04-11T00:00"), d("04-11"), d("05-31")));
        assert!(within(at("2026-05-31T23:59"), d("04-11"), d("05-31")));
        assert!(!within(at("2026-04-10T23:59"), d("04-11"), d("05-31")));
        assert!(!within(at("2026-06-01T00:00"), d("04-11"), d("05-31")));
    }

    #[test]
    fn china_time_decides_the_day() {
        // 2026-05-31T16:30Z is 06-01 00:30 in China.
        assert!(!within(at("2026-05-31T16:30:00Z"), d("04-11"), d("05-31")));
    }

    #[test]
    fn wraps_over_new_year() {
        assert!(within(at("2026-12-31T12:00"), d("12-01"), d("02-28")));
        assert!(within(at("2026-01-15T12:00"), d("12-01"), d("02-28")));
        assert!(!within(at("2026-03-01T12:00"), d("12-01"), d("02-28")));
    }
}
