//! Times of day and days of the year as plans write them: a reporting clock (`by_clock = "12:00"`)
//! and a seasonal window's ends (`from = "04-11"`). Read and checked when the file is read, so the
//! engine never parses plan text.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A clock time `HH:MM`, 00:00–24:00 (`24:00` = the end of the day: "当日").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClockTime {
    minutes: u16,
}

impl ClockTime {
    pub fn parse(s: &str) -> Option<Self> {
        let (h, m) = s.split_once(':')?;
        if h.len() != 2 || m.len() != 2 {
            return None;
        }
        let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
        (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(ClockTime {
            minutes: h * 60 + m,
        })
    }

    /// Minutes after midnight (1440 for 24:00).
    pub fn minutes(self) -> u32 {
        u32::from(self.minutes)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.minutes / 60, self.minutes % 60)
    }
}

impl TryFrom<String> for ClockTime {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        ClockTime::parse(&s).ok_or_else(|| format!("“{s}”不是 HH:MM 格式的时刻(00:00–24:00)"))
    }
}

impl From<ClockTime> for String {
    fn from(c: ClockTime) -> String {
        c.to_string()
    }
}

/// A day of the year `MM-DD`, any day that exists in some year (02-29 included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MonthDay {
    pub month: u8,
    pub day: u8,
}

impl MonthDay {
    pub fn parse(s: &str) -> Option<Self> {
        let (m, d) = s.split_once('-')?;
        if m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (month, day): (u8, u8) = (m.parse().ok()?, d.parse().ok()?);
        // Days per month in a leap year: 02-29 exists in some year.
        const DAYS: [u8; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let last = *DAYS.get(usize::from(month).checked_sub(1)?)?;
        (1..=last).contains(&day).then_some(MonthDay { month, day })
    }
}

impl fmt::Display for MonthDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.month, self.day)
    }
}

impl TryFrom<String> for MonthDay {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        MonthDay::parse(&s).ok_or_else(|| format!("“{s}”不是有效的月-日(MM-DD)"))
    }
}

impl From<MonthDay> for String {
    fn from(d: MonthDay) -> String {
        d.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_times() {
        assert_eq!(ClockTime::parse("12:00").map(ClockTime::minutes), Some(720));
        assert_eq!(
            ClockTime::parse("24:00").map(ClockTime::minutes),
            Some(1440)
        );
        assert_eq!(ClockTime::parse("00:00").map(ClockTime::minutes), Some(0));
        for bad in ["24:01", "12:60", "9:00", "12点", "", "12:00:00"] {
            assert_eq!(ClockTime::parse(bad), None, "{bad}");
        }
        assert_eq!(ClockTime::parse("08:05").unwrap().to_string(), "08:05");
    }

    #[test]
    fn month_days() {
        assert_eq!(
            MonthDay::parse("02-29"),
            Some(MonthDay { month: 2, day: 29 })
        );
        for bad in ["02-30", "4-11", "04/11", "13-01", "00-10"] {
            assert_eq!(MonthDay::parse(bad), None, "{bad}");
        }
        assert_eq!(MonthDay::parse("04-11").unwrap().to_string(), "04-11");
    }
}
