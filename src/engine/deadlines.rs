//! Reporting deadlines as clock times: anchor fact time + the plan's minutes, compared with `now`.

use chrono::{DateTime, Duration, FixedOffset};

use super::clock::{china, clock_minutes};
use super::clock::{display, rfc3339};
use super::cond::Ctx;
use super::outcome::Deadline;
use crate::plan::Plan;

pub fn deadlines(plan: &Plan, ctx: &Ctx, now: DateTime<FixedOffset>) -> Vec<Deadline> {
    plan.reporting
        .iter()
        .filter(|r| ctx.holds(&r.when))
        .map(|r| {
            let anchor_label = plan
                .facts
                .iter()
                .find(|f| f.id == r.anchor)
                .map_or_else(|| r.anchor.clone(), |f| f.label.clone());
            let anchor_time = ctx.facts.time(&r.anchor);
            let clock = r.by_clock.as_deref().and_then(clock_minutes);
            let due = match (r.within_minutes, clock, anchor_time) {
                (Some(m), _, Some(t)) => Some(t + Duration::minutes(i64::from(m))),
                (None, Some(c), Some(t)) => Some(next_clock(t, c)),
                _ => None,
            };
            let counted = r.within_minutes.or(clock);
            let status = match (counted, due) {
                (None, _) => "immediate",
                (Some(_), None) => "awaiting_anchor",
                (Some(_), Some(d)) if d < now => "overdue",
                (Some(_), Some(_)) => "pending",
            };
            Deadline {
                id: r.id.clone(),
                who: r.who.clone(),
                to: r.to.clone(),
                what: r.what.clone(),
                limit_text: r.limit_text.clone(),
                anchor: r.anchor.clone(),
                anchor_label,
                due: due.map(rfc3339),
                due_display: due.map(|d| display(d, now)),
                minutes_left: due.map(|d| minutes_between(now, d)),
                status: status.to_string(),
                cite: r.cite.clone(),
                quote: r.quote.clone(),
            }
        })
        .collect()
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
