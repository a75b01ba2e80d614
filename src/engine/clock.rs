//! Times as the plans and the page write them: parsing and formatting by hand, in China time (UTC+8,
//! no daylight saving). chrono keeps the calendar arithmetic; its strftime/parse machinery is left
//! out because it was a tenth of the engine module's code (issue 8: size).

use std::fmt::Write;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone, Timelike};

/// China time: every plan is in UTC+8 and China has no daylight saving.
pub fn china() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset")
}

/// `YYYY-MM-DD`, then `T`/`t`/space, `HH:MM[:SS[.fraction]]`, then `Z` or `±HH:MM` (RFC 3339), or
/// nothing: a local China time as the page's datetime input gives it.
pub fn parse_time(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let part = b.get(from..from + len)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    if !(at(4, b'-')
        && at(7, b'-')
        && matches!(b.get(10), Some(b'T' | b't' | b' '))
        && at(13, b':'))
    {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 2)?, num(8, 2)?)?;
    let (hour, minute) = (num(11, 2)?, num(14, 2)?);
    let mut i = 16;
    let (mut second, mut nano) = (0, 0);
    if at(i, b':') {
        second = num(i + 1, 2)?;
        i += 3;
        if at(i, b'.') {
            i += 1;
            let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return None;
            }
            for k in 0..9 {
                let d = if k < digits {
                    u32::from(b[i + k] - b'0')
                } else {
                    0
                };
                nano = nano * 10 + d;
            }
            i += digits;
        }
    }
    let offset = match b.get(i) {
        None => china(),
        Some(b'Z' | b'z') if i + 1 == b.len() => FixedOffset::east_opt(0)?,
        Some(sign @ (b'+' | b'-')) if i + 6 == b.len() && at(i + 3, b':') => {
            let secs = (num(i + 1, 2)? * 3600 + num(i + 4, 2)? * 60) as i32;
            FixedOffset::east_opt(if *sign == b'-' { -secs } else { secs })?
        }
        _ => return None,
    };
    let naive = date.and_hms_nano_opt(hour, minute, second, nano)?;
    offset
        .from_local_datetime(&naive)
        .single()
        .map(|t| t.with_timezone(&china()))
}

/// RFC 3339 in China time, e.g. `2026-11-23T16:00:00+08:00` (fractional seconds only when present).
pub fn rfc3339(t: DateTime<FixedOffset>) -> String {
    let t = t.with_timezone(&china());
    let mut out = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    );
    let nano = t.nanosecond() % 1_000_000_000;
    if nano != 0 {
        let frac = format!("{nano:09}");
        let keep = if nano.is_multiple_of(1_000_000) {
            3
        } else if nano.is_multiple_of(1000) {
            6
        } else {
            9
        };
        let _ = write!(out, ".{}", &frac[..keep]);
    }
    out.push_str("+08:00");
    out
}

/// `HH:MM` when `t` falls on the same China-time day as `now`, else `M月D日 HH:MM`.
pub fn display(t: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> String {
    let t = t.with_timezone(&china());
    if t.date_naive() == now.with_timezone(&china()).date_naive() {
        format!("{:02}:{:02}", t.hour(), t.minute())
    } else {
        format!(
            "{}月{}日 {:02}:{:02}",
            t.month(),
            t.day(),
            t.hour(),
            t.minute()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;

    /// What chrono's own parsers made of these inputs before this module replaced them.
    fn chrono_parse(s: &str) -> Option<DateTime<FixedOffset>> {
        let s = s.trim();
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Some(t.with_timezone(&china()));
        }
        let local = s.replace(' ', "T");
        [
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%dT%H:%M:%S%.f",
        ]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(&local, f).ok())
        .and_then(|naive| china().from_local_datetime(&naive).single())
    }

    #[test]
    fn parses_what_chrono_parsed() {
        for s in [
            "2026-11-23T16:00:00+08:00",
            "2026-11-23T08:00:00Z",
            "2026-11-23t08:00:00z",
            "2026-11-23 16:00:00+08:00",
            "2026-11-23T03:30:00-05:00",
            "2026-11-23T16:00:00.5+08:00",
            "2026-11-23T16:00:00.123456789+08:00",
            "2026-11-23T16:00",
            "2026-11-23 16:00",
            "2026-11-23T16:00:59",
            "2026-11-23T16:00:00.250",
            "  2026-11-23T16:00  ",
            "2024-02-29T00:00",
            "2026-12-31T23:59:59+08:00",
        ] {
            assert_eq!(parse_time(s), chrono_parse(s), "{s}");
            assert!(parse_time(s).is_some(), "{s}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_time() {
        for s in [
            "",
            "2026-11-23",
            "2026-13-01T00:00",
            "2026-02-30T00:00",
            "2025-02-29T00:00",
            "2026-11-23T24:00",
            "2026-11-23T16:60",
            "2026-11-23T16:00:61",
            "2026-11-23T16:00:00+08",
            "2026-11-23T16:00:00+0800",
            "2026-11-23T16:00:00.+08:00",
            "2026-11-23T16:00:00Zjunk",
            "２０２６-11-23T16:00",
            "yesterday",
            "2026/11/23 16:00",
        ] {
            assert_eq!(parse_time(s), None, "{s}");
        }
    }

    #[test]
    fn formats_as_chrono_did() {
        for s in [
            "2026-11-23T16:00:00+08:00",
            "2026-11-23T00:00:00Z",
            "2026-11-23T16:00:00.5+08:00",
            "2026-11-23T16:00:00.123456+08:00",
            "2026-11-23T16:00:00.123456789+08:00",
        ] {
            let t = parse_time(s).unwrap();
            assert_eq!(rfc3339(t), t.with_timezone(&china()).to_rfc3339(), "{s}");
        }
        let now = parse_time("2026-11-23T23:50").unwrap();
        assert_eq!(
            display(parse_time("2026-11-23T23:59").unwrap(), now),
            "23:59"
        );
        assert_eq!(
            display(parse_time("2026-11-24T00:05").unwrap(), now),
            "11月24日 00:05"
        );
    }
}
