//! The plan file's flat key layouts for the model types it spreads over several keys: a range's
//! bounds (`min`, `min_inclusive`, `max`, `max_inclusive`) and a reporting clock (`within_minutes`,
//! `by_clock`, `within_days`, `within_working_days`). serde reads a file (and plan bytes) through
//! these and hands the model the typed value, or refuses the table with a Chinese message naming
//! the keys (the loader adds the file and the key path). The files keep the shape they always had.

use serde::{Deserialize, Serialize};

use super::bound::Range;
use super::calendar::ClockTime;
use super::model::{AmountRange, Band, Cite, Cond, Limit, ReportRule, Review, SeriesRun};

/// A value range's keys (each with its `…_inclusive`).
pub const VALUE: [&str; 2] = ["min", "max"];
/// A run length's keys (`series_run`).
pub const RUN: [&str; 2] = ["min_run", "max_run"];
/// A reporting duty's limit keys: at most one per duty.
#[cfg(feature = "checker")]
pub const LIMITS: [&str; 4] = [
    "within_minutes",
    "by_clock",
    "within_days",
    "within_working_days",
];
pub const TWO_LIMITS: &str =
    "within_minutes、by_clock、within_days、within_working_days 只能写一个(一条时限只有一种计法)";

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BandKeys {
    grade: String,
    #[serde(default)]
    min: Option<f64>,
    #[serde(default)]
    min_inclusive: Option<bool>,
    #[serde(default)]
    max: Option<f64>,
    #[serde(default)]
    max_inclusive: Option<bool>,
    text: String,
    cite: Cite,
    quote: String,
    #[serde(default)]
    review: Option<Review>,
}

impl TryFrom<BandKeys> for Band {
    type Error = String;
    fn try_from(k: BandKeys) -> Result<Self, String> {
        Ok(Band {
            range: Range::from_keys(k.min, k.min_inclusive, k.max, k.max_inclusive, VALUE)?,
            grade: k.grade,
            text: k.text,
            cite: k.cite,
            quote: k.quote,
            review: k.review,
        })
    }
}

impl From<Band> for BandKeys {
    fn from(b: Band) -> Self {
        let (min, min_inclusive, max, max_inclusive) = b.range.to_keys();
        BandKeys {
            grade: b.grade,
            min,
            min_inclusive,
            max,
            max_inclusive,
            text: b.text,
            cite: b.cite,
            quote: b.quote,
            review: b.review,
        }
    }
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AmountKeys {
    facts: Vec<String>,
    #[serde(default)]
    min: Option<f64>,
    #[serde(default)]
    min_inclusive: Option<bool>,
    #[serde(default)]
    max: Option<f64>,
    #[serde(default)]
    max_inclusive: Option<bool>,
}

impl TryFrom<AmountKeys> for AmountRange {
    type Error = String;
    fn try_from(k: AmountKeys) -> Result<Self, String> {
        Ok(AmountRange {
            range: Range::from_keys(k.min, k.min_inclusive, k.max, k.max_inclusive, VALUE)?,
            facts: k.facts,
        })
    }
}

impl From<AmountRange> for AmountKeys {
    fn from(a: AmountRange) -> Self {
        let (min, min_inclusive, max, max_inclusive) = a.range.to_keys();
        AmountKeys {
            facts: a.facts,
            min,
            min_inclusive,
            max,
            max_inclusive,
        }
    }
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesRunKeys {
    #[serde(default)]
    fact: String,
    #[serde(default)]
    min: Option<f64>,
    #[serde(default)]
    min_inclusive: Option<bool>,
    #[serde(default)]
    max: Option<f64>,
    #[serde(default)]
    max_inclusive: Option<bool>,
    min_run: u32,
    #[serde(default)]
    min_run_inclusive: Option<bool>,
    #[serde(default)]
    max_run: Option<u32>,
    #[serde(default)]
    max_run_inclusive: Option<bool>,
    #[serde(default)]
    within_first: Option<u32>,
    #[serde(default)]
    containing: Option<Box<SeriesRun>>,
}

impl TryFrom<SeriesRunKeys> for SeriesRun {
    type Error = String;
    fn try_from(k: SeriesRunKeys) -> Result<Self, String> {
        Ok(SeriesRun {
            values: Range::from_keys(k.min, k.min_inclusive, k.max, k.max_inclusive, VALUE)?,
            run: Range::from_keys(
                Some(k.min_run),
                k.min_run_inclusive,
                k.max_run,
                k.max_run_inclusive,
                RUN,
            )?,
            fact: k.fact,
            within_first: k.within_first,
            containing: k.containing,
        })
    }
}

impl From<SeriesRun> for SeriesRunKeys {
    fn from(r: SeriesRun) -> Self {
        let (min, min_inclusive, max, max_inclusive) = r.values.to_keys();
        let (min_run, min_run_inclusive, max_run, max_run_inclusive) = r.run.to_keys();
        SeriesRunKeys {
            fact: r.fact,
            min,
            min_inclusive,
            max,
            max_inclusive,
            // Always present: read from the required `min_run` key.
            min_run: min_run.unwrap_or_default(),
            min_run_inclusive,
            max_run,
            max_run_inclusive,
            within_first: r.within_first,
            containing: r.containing,
        }
    }
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReportRuleKeys {
    id: String,
    when: Cond,
    who: String,
    to: String,
    what: String,
    anchor: String,
    #[serde(default)]
    within_minutes: Option<u32>,
    limit_text: String,
    #[serde(default)]
    by_clock: Option<ClockTime>,
    cite: Cite,
    quote: String,
    #[serde(default)]
    within_days: Option<u32>,
    #[serde(default)]
    within_working_days: Option<u32>,
    #[serde(default = "yes")]
    estimate: bool,
    #[serde(default)]
    start_unstated: bool,
    #[serde(default)]
    review: Option<Review>,
}

fn yes() -> bool {
    true
}

impl TryFrom<ReportRuleKeys> for ReportRule {
    type Error = String;
    fn try_from(k: ReportRuleKeys) -> Result<Self, String> {
        let limit = match (
            k.within_minutes,
            k.by_clock,
            k.within_days,
            k.within_working_days,
        ) {
            (None, None, None, None) => Limit::None,
            (Some(m), None, None, None) => Limit::Minutes(m),
            (None, Some(c), None, None) => Limit::ByClock(c),
            (None, None, Some(d), None) => Limit::Days(d),
            (None, None, None, Some(d)) => Limit::WorkingDays(d),
            _ => return Err(TWO_LIMITS.into()),
        };
        Ok(ReportRule {
            id: k.id,
            when: k.when,
            who: k.who,
            to: k.to,
            what: k.what,
            anchor: k.anchor,
            limit,
            limit_text: k.limit_text,
            cite: k.cite,
            quote: k.quote,
            estimate: k.estimate,
            start_unstated: k.start_unstated,
            review: k.review,
        })
    }
}

impl From<ReportRule> for ReportRuleKeys {
    fn from(r: ReportRule) -> Self {
        let (mut within_minutes, mut by_clock, mut within_days, mut within_working_days) =
            (None, None, None, None);
        match r.limit {
            Limit::None => {}
            Limit::Minutes(m) => within_minutes = Some(m),
            Limit::ByClock(c) => by_clock = Some(c),
            Limit::Days(d) => within_days = Some(d),
            Limit::WorkingDays(d) => within_working_days = Some(d),
        }
        ReportRuleKeys {
            id: r.id,
            when: r.when,
            who: r.who,
            to: r.to,
            what: r.what,
            anchor: r.anchor,
            within_minutes,
            limit_text: r.limit_text,
            by_clock,
            cite: r.cite,
            quote: r.quote,
            within_days,
            within_working_days,
            estimate: r.estimate,
            start_unstated: r.start_unstated,
            review: r.review,
        }
    }
}
