//! The holiday table (data/holidays-cn.toml) as the engine reads it, checked against a real TOML
//! reader, and checked for the things a typo would break.

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    known_until: i32,
    years: Vec<Year>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Year {
    year: i32,
    notice: String,
    title: String,
    issued: String,
    #[serde(default)]
    note: Option<String>,
    off: Vec<String>,
    work: Vec<String>,
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|_| panic!("not a date: {s}"))
}

#[test]
fn the_engine_reads_the_table_as_toml_does() {
    let text = include_str!("../data/holidays-cn.toml");
    let table: Table = toml::from_str(text).expect("valid TOML");
    let cal = yingji::engine::calendar();
    assert_eq!(cal.known_until, table.known_until);
    assert_eq!(cal.years.len(), table.years.len());
    for (mine, real) in cal.years.iter().zip(&table.years) {
        assert_eq!(mine.year, real.year);
        assert_eq!(mine.notice, real.notice);
        assert_eq!(mine.title, real.title);
        let off: Vec<NaiveDate> = real.off.iter().map(|d| date(d)).collect();
        let work: Vec<NaiveDate> = real.work.iter().map(|d| date(d)).collect();
        assert_eq!(mine.off, off, "{}", real.year);
        assert_eq!(mine.work, work, "{}", real.year);
        assert!(
            date(&real.issued).year() < real.year,
            "{}: issued the year before",
            real.year
        );
        assert!(real.title.contains(&format!("{}年", real.year)));
        assert!(real.note.as_deref().is_none_or(|n| !n.is_empty()));
    }
}

#[test]
fn the_table_is_consistent() {
    let cal = yingji::engine::calendar();
    let years: Vec<i32> = cal.years.iter().map(|y| y.year).collect();
    assert_eq!(
        years,
        (2020..=cal.known_until).collect::<Vec<_>>(),
        "every year once, in order"
    );
    for y in &cal.years {
        // A 调休 working day is a weekend day; no date is both off and on.
        for d in &y.work {
            assert!(matches!(d.weekday(), Weekday::Sat | Weekday::Sun), "{d}");
            assert!(!y.off.contains(d), "{d}");
        }
        // The notice's year (元旦 may begin on 12-31 of the year before).
        for d in y.off.iter().chain(&y.work) {
            assert!(
                d.year() == y.year || (d.year() == y.year - 1 && d.month() == 12),
                "{d}"
            );
        }
        // Every year has 元旦, 春节, 清明, 劳动, 端午, 中秋, 国庆: at least 11 statutory days
        // (13 from 2025), more with the weekends inside the breaks.
        let min = if y.year >= 2025 { 13 } else { 11 };
        assert!(y.off.len() >= min, "{}: {} days off", y.year, y.off.len());
        assert!(
            y.notice.starts_with("国办发明电〔") || y.notice == "文号未核实",
            "{}",
            y.notice
        );
    }
    // 国庆节 1–3 October is off every year.
    for y in 2020..=cal.known_until {
        for day in 1..=3 {
            let d = NaiveDate::from_ymd_opt(y, 10, day).unwrap();
            assert!(!cal.is_working_day(d), "{d}");
        }
    }
}
