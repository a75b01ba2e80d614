//! Working days as the State Council's yearly 放假安排 make them: public holidays off, 调休 weekend
//! days on. The table is `data/holidays-cn.toml`, read here by a small line parser (the engine
//! module carries no TOML reader); past its last year, Monday–Friday, and the result says so.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};

const TABLE: &str = include_str!("../../data/holidays-cn.toml");

/// One year's notice and the dates it moves.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Year {
    pub year: i32,
    pub notice: String,
    pub title: String,
    pub off: Vec<NaiveDate>,
    pub work: Vec<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Calendar {
    pub known_until: i32,
    pub years: Vec<Year>,
}

/// The embedded table, parsed once.
pub fn calendar() -> &'static Calendar {
    static CAL: OnceLock<Calendar> = OnceLock::new();
    CAL.get_or_init(|| parse(TABLE))
}

/// Reads the table's own simple layout: `key = value` lines, and inside `off = [` / `work = [` one
/// quoted date per line. Anything unreadable is skipped; tests/calendar.rs checks the file against
/// a real TOML reader, so a skipped line fails the tests, not the page.
pub fn parse(text: &str) -> Calendar {
    let mut cal = Calendar::default();
    let mut list: Option<bool> = None; // Some(true): inside `off`, Some(false): inside `work`
    for line in text.lines() {
        let line = line.split_once(" #").map_or(line, |(l, _)| l).trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line == "[[years]]" {
            cal.years.push(Year::default());
            list = None;
            continue;
        }
        if line == "]" {
            list = None;
            continue;
        }
        if let Some(off) = list {
            let date = line.trim_end_matches(',').trim_matches('"');
            if let (Ok(d), Some(y)) = (
                NaiveDate::parse_from_str(date, "%Y-%m-%d"),
                cal.years.last_mut(),
            ) {
                if off { &mut y.off } else { &mut y.work }.push(d);
            }
            continue;
        }
        let Some((key, value)) = line.split_once(" = ") else {
            continue;
        };
        let text = value.trim_matches('"').to_string();
        match (key, cal.years.last_mut()) {
            ("known_until", None) => cal.known_until = value.parse().unwrap_or(0),
            ("year", Some(y)) => y.year = value.parse().unwrap_or(0),
            ("notice", Some(y)) => y.notice = text,
            ("title", Some(y)) => y.title = text,
            ("off", Some(_)) => list = Some(true),
            ("work", Some(_)) => list = Some(false),
            _ => {}
        }
    }
    cal
}

impl Calendar {
    pub fn first_year(&self) -> i32 {
        self.years
            .iter()
            .map(|y| y.year)
            .min()
            .unwrap_or(self.known_until + 1)
    }

    fn knows(&self, d: NaiveDate) -> bool {
        (self.first_year()..=self.known_until).contains(&d.year())
    }

    /// A 调休 working weekend day is a working day; a listed holiday is not; otherwise Monday–Friday.
    /// A date may sit in the block of the notice before its year (2022-12-31 in 2023's 元旦).
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        if self.years.iter().any(|y| y.work.contains(&d)) {
            return true;
        }
        if self.years.iter().any(|y| y.off.contains(&d)) {
            return false;
        }
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
    }

    /// In words, for the deadline: which calendar counted the days from `first` to `last`.
    pub fn describe(&self, first: NaiveDate, last: NaiveDate) -> String {
        let range = format!("{}–{}年", self.first_year(), self.known_until);
        if self.knows(first) && self.knows(last) {
            let notices: Vec<String> = self
                .years
                .iter()
                .filter(|y| (first.year()..=last.year()).contains(&y.year))
                .map(|y| format!("《{}》({})", y.title, y.notice))
                .collect();
            format!(
                "工作日按国务院办公厅节假日安排计算:法定节假日不计,调休上班日计入(本产品收录{range}),依据{}。",
                notices.join("、")
            )
        } else {
            let year = if self.knows(first) { last } else { first }.year();
            format!(
                "{year}年的节假日安排本产品未收录(只收录{range}):工作日按周一至周五计算,未计法定节假日和调休上班日,请按当年国务院办公厅通知核对。"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn the_table_reads() {
        let cal = calendar();
        assert_eq!(cal.known_until, 2026);
        assert_eq!(cal.first_year(), 2020);
        assert!(cal
            .years
            .iter()
            .all(|y| !y.off.is_empty() && !y.notice.is_empty()));
    }

    #[test]
    fn holidays_and_make_up_days() {
        let cal = calendar();
        assert!(!cal.is_working_day(d("2025-10-08")), "国庆 Wednesday off");
        assert!(cal.is_working_day(d("2025-10-11")), "调休 Saturday on");
        assert!(!cal.is_working_day(d("2025-10-12")), "an ordinary Sunday");
        assert!(cal.is_working_day(d("2025-10-09")), "an ordinary Thursday");
        assert!(
            !cal.is_working_day(d("2020-02-01")),
            "2020 extension cancels the make-up day"
        );
        // Past the table: Monday–Friday (2027-10-01 is a Friday; its holiday is not known here).
        assert!(cal.is_working_day(d("2027-10-01")));
        assert!(cal
            .describe(d("2027-09-30"), d("2027-10-01"))
            .contains("2027年的节假日安排本产品未收录"));
    }
}
