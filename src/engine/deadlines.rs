//! Reporting deadlines as clock times: anchor fact time + the plan's minutes, compared with `now`.

use chrono::{DateTime, Datelike, Days, Duration, FixedOffset, NaiveDate, NaiveTime};

use super::calendar::calendar;
use super::clock::{china, display, rfc3339};
use super::cond::Ctx;
use super::outcome::{Counts, DeadlineState, DeadlineStatus};
use crate::plan::{Plan, ReportRule, Site};

pub fn deadlines<'p>(
    plan: &'p Plan,
    ctx: &Ctx,
    now: DateTime<FixedOffset>,
) -> Vec<DeadlineState<'p>> {
    plan.reporting
        .iter()
        .filter(|r| ctx.holds_at(Site::Reporting, &r.when))
        .map(|r| {
            let (anchor_time, estimated) = anchor(plan, r, ctx);
            let limit = Limit::of(r);
            let due = match (limit, anchor_time) {
                (Some(l), Some(t)) => l.due(t),
                _ => None,
            };
            let status = match (limit, due) {
                (None, _) => DeadlineStatus::Immediate,
                (Some(_), None) => DeadlineStatus::AwaitingAnchor,
                (Some(_), Some(d)) if d < now => DeadlineStatus::Overdue,
                (Some(_), Some(_)) => DeadlineStatus::Pending,
            };
            DeadlineState {
                id: &r.id,
                due: due.map(rfc3339),
                due_display: due.map(|d| match limit {
                    Some(Limit::Minutes(_) | Limit::Clock(_)) | None => display(d, now),
                    Some(_) => display_day_end(d),
                }),
                minutes_left: due.map(|d| minutes_between(now, d)),
                status,
                calendar: match (limit, anchor_time, due) {
                    (Some(Limit::WorkingDays(_)), Some(t), Some(d)) => Some(calendar().describe(
                        t.with_timezone(&china()).date_naive(),
                        d.with_timezone(&china()).date_naive(),
                    )),
                    _ => None,
                },
                estimated: estimated.filter(|_| limit.is_some()),
            }
        })
        .collect()
}

/// How a reporting rule's limit is counted (null: the plan gives no number).
pub fn counts(rule: &ReportRule) -> Option<Counts> {
    Limit::of(rule).map(Limit::counts)
}

/// The start of a rule's clock and, when it is an estimate, why: a blank anchor (or a plan that
/// states no start) is counted from the incident time, the earliest the duty can fall due.
fn anchor(
    plan: &Plan,
    r: &ReportRule,
    ctx: &Ctx,
) -> (Option<DateTime<FixedOffset>>, Option<String>) {
    const INCIDENT: &str = "incident_time";
    let incident = ctx.facts.time(INCIDENT);
    if r.start_unstated {
        return (incident, Some("按事发时间估算：原文未写起算点".to_string()));
    }
    match ctx.facts.time(&r.anchor) {
        Some(t) => (Some(t), None),
        None if r.estimate
            && r.anchor != INCIDENT
            && incident.is_some()
            && plan.facts.iter().any(|f| f.id == INCIDENT) =>
        {
            let label = plan
                .facts
                .iter()
                .find(|f| f.id == r.anchor)
                .map_or(r.anchor.as_str(), |f| f.label.as_str());
            (incident, Some(format!("按事发时间估算：{label}未填")))
        }
        None => (None, None),
    }
}

/// The first time at `minutes` after midnight (China time) at or after `t` (24:00 = the end of
/// `t`'s day).
fn next_clock(t: DateTime<FixedOffset>, minutes: u32) -> DateTime<FixedOffset> {
    let local = t.with_timezone(&china());
    let midnight = local
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .and_then(|m| m.and_local_timezone(china()).single())
        .unwrap_or(local);
    let same_day = midnight + Duration::minutes(i64::from(minutes));
    if same_day >= local {
        same_day
    } else {
        same_day + Duration::days(1)
    }
}

/// Whole minutes from `now` to `due`, rounded towards the earlier time, so a deadline is never shown
/// with more time than is left (negative: overdue).
fn minutes_between(now: DateTime<FixedOffset>, due: DateTime<FixedOffset>) -> i64 {
    (due - now).num_seconds().div_euclid(60)
}

/// A deadline's limit: minutes, a clock time, calendar days or working days after the anchor.
#[derive(Clone, Copy)]
enum Limit {
    Minutes(u32),
    /// A clock time ("12点前"; 24:00 = the end of the day), in minutes after midnight.
    Clock(u32),
    Days(u32),
    WorkingDays(u32),
}

impl Limit {
    fn of(r: &ReportRule) -> Option<Limit> {
        use crate::plan::Limit as L;
        match r.limit {
            L::None => None,
            L::Minutes(m) => Some(Limit::Minutes(m)),
            L::ByClock(c) => Some(Limit::Clock(c.minutes())),
            L::Days(d) => Some(Limit::Days(d)),
            L::WorkingDays(d) => Some(Limit::WorkingDays(d)),
        }
    }

    fn counts(self) -> Counts {
        match self {
            Limit::Minutes(_) => Counts::Minutes,
            Limit::Clock(_) => Counts::Clock,
            Limit::Days(_) => Counts::Days,
            Limit::WorkingDays(_) => Counts::WorkingDays,
        }
    }

    /// Minutes: anchor + minutes. Days: the anchor's own (China) day is not counted; the limit ends
    /// at 24:00 of the last counted day, i.e. 00:00 of the day after it. Working days follow the
    /// holiday table (`calendar`), Monday to Friday past it.
    /// None only past the calendar's end (the validator bounds the numbers).
    fn due(self, anchor: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
        let day = anchor.with_timezone(&china()).date_naive();
        let last = match self {
            Limit::Minutes(m) => return Some(anchor + Duration::minutes(i64::from(m))),
            Limit::Clock(c) => return Some(next_clock(anchor, c)),
            Limit::Days(n) => day.checked_add_days(Days::new(u64::from(n)))?,
            Limit::WorkingDays(n) => {
                let mut d = day;
                let mut left = n;
                while left > 0 {
                    d = d.succ_opt()?;
                    if calendar().is_working_day(d) {
                        left -= 1;
                    }
                }
                d
            }
        };
        Some(day_start(last.succ_opt()?))
    }
}

/// 00:00 China time on day `d`.
fn day_start(d: NaiveDate) -> DateTime<FixedOffset> {
    DateTime::from_naive_utc_and_offset(d.and_time(NaiveTime::MIN) - Duration::hours(8), china())
}

/// A day limit ends at 24:00 of its last day: `M月D日(周X) 24:00`.
fn display_day_end(due: DateTime<FixedOffset>) -> String {
    let last = due.with_timezone(&china()).date_naive() - Duration::days(1);
    const WEEK: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];
    format!(
        "{}月{}日(周{}) 24:00",
        last.month(),
        last.day(),
        WEEK[last.weekday().num_days_from_monday() as usize]
    )
}
