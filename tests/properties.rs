//! Properties of every embedded plan over random fact sets: totality, determinism, and monotonicity
//! (more casualties or loss, or a more severe judgement answer, never lowers the grade or the response).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use yingji::engine::{evaluate, Facts, RawFacts, RawValue};
use yingji::plan::{registry, FactType, Plan};

const NOW: &str = "2026-11-23T16:00:00+08:00";

/// Values around the thresholds the plans use, so random sets land on both sides of them.
const COUNTS: &[f64] = &[
    0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 9.0, 10.0, 11.0, 29.0, 30.0, 31.0, 49.0, 50.0, 99.0, 100.0,
    101.0, 500.0,
];
const MONEY: &[f64] = &[
    0.0, 0.5, 99.99, 100.0, 500.0, 999.99, 1000.0, 4999.99, 5000.0, 9999.99, 10000.0, 20000.0,
];

/// Measured quantities (mm, %, ℃, 级, 米, 小时) around the thresholds the plans use, negative ones
/// included; each `number` fact takes those within its own bounds.
const MEASURES: &[f64] = &[
    -6.0, -5.0, -3.0, -2.9, 0.0, 0.1, 2.0, 3.0, 5.0, 6.0, 8.0, 9.9, 10.0, 11.0, 12.0, 13.0, 14.0,
    16.0, 18.0, 20.0, 24.0, 24.1, 29.9, 30.0, 35.0, 37.0, 40.0, 49.9, 50.0, 60.0, 70.0, 80.0, 90.0,
    100.0, 199.0, 200.0, 499.0, 500.0, 999.0, 1000.0,
];

/// Series items (forecast values) around the thresholds the forecast plans use (AQI 200/300/500,
/// SO₂ 500/650/800).
const SERIES: &[f64] = &[
    0.0, 100.0, 150.0, 200.0, 201.0, 300.0, 301.0, 499.0, 500.0, 501.0, 650.0, 651.0, 800.0, 801.0,
];

/// A series for fact `def` from `pick`: up to the plan's `max_items` (7 when unset) items.
fn series_for(def: &yingji::plan::FactDef, pick: usize) -> RawValue {
    let max = def.max_items.unwrap_or(7) as usize;
    let len = pick % (max + 1);
    RawValue::List(
        (0..len)
            .map(|i| RawValue::Number(SERIES[(pick / 3 + i * (pick % 5 + 1)) % SERIES.len()]))
            .collect(),
    )
}

/// Minutes before NOW for time facts: both sides of the 4 h / 8 h clocks and of day limits.
const MINUTES_BACK: &[i64] = &[
    0, 1, 239, 240, 241, 479, 480, 481, 1440, 2880, 4320, 7200, 10080, 14400,
];

/// A time `back` minutes before NOW (local China time, as the page sends it). `incident_time` is
/// always the earliest, so later times never precede the incident.
fn time_before_now(id: &str, back: i64) -> RawValue {
    let now = yingji::api::parse_now(NOW).unwrap();
    let back = if id == "incident_time" { 20000 } else { back };
    RawValue::Text(
        (now - chrono::Duration::minutes(back))
            .format("%Y-%m-%dT%H:%M")
            .to_string(),
    )
}

/// One random pick per fact (an index into the value list for that fact's type).
fn facts_for(plan: &Plan, picks: &[usize]) -> RawFacts {
    let mut facts = RawFacts::new();
    // Times are given in declaration order, never later-declared before earlier-declared (plans
    // declare their time facts in the order events happen; `not_before` is checked on input).
    let mut latest_back = i64::MAX;
    for (def, pick) in plan.facts.iter().zip(picks.iter().cycle()) {
        let value = match def.kind {
            FactType::Count => RawValue::Number(COUNTS[pick % COUNTS.len()]),
            FactType::Money => RawValue::Number(MONEY[pick % MONEY.len()]),
            FactType::YesNo => RawValue::Bool(pick % 2 == 1),
            FactType::Choice => RawValue::Text(def.options[pick % def.options.len()].value.clone()),
            FactType::Number => {
                let (lo, hi) = (def.min.unwrap_or(f64::MIN), def.max.unwrap_or(f64::MAX));
                let fit: Vec<f64> = MEASURES
                    .iter()
                    .copied()
                    .filter(|v| (lo..=hi).contains(v))
                    .collect();
                // Some picks leave the fact blank (unknown), which every plan must also take.
                match fit.get(pick % (fit.len() + 1)) {
                    Some(v) => RawValue::Number(*v),
                    None => continue,
                }
            }
            FactType::Series => series_for(def, *pick),
            // Some picks leave a time out, so the "awaiting" side is covered too.
            FactType::Datetime if pick % 3 == 0 => continue,
            FactType::Datetime => {
                let back = MINUTES_BACK[pick % MINUTES_BACK.len()].min(latest_back);
                latest_back = back;
                time_before_now(&def.id, back)
            }
        };
        facts.insert(def.id.clone(), value);
    }
    facts
}

/// (grade rank, response rank), with "none" as the least severe (255).
fn severity(plan: &Plan, facts: &RawFacts) -> (u8, u8) {
    let out = yingji::evaluate_full(&plan.plan.id, facts, NOW).expect("valid facts evaluate");
    (
        out.grade_rank.unwrap_or(u8::MAX),
        out.response.map_or(u8::MAX, |r| r.rank),
    )
}

/// The same fact set made more severe in fact `i`, if that fact has a more severe value.
fn worsened(plan: &Plan, facts: &RawFacts, i: usize, step: usize) -> Option<RawFacts> {
    let def = &plan.facts[i];
    // A scope ruling is not a severity: "outside the plan" rightly removes the grade.
    if plan.applicability.iter().any(|g| g.fact == def.id) {
        return None;
    }
    let mut more = facts.clone();
    let value = match (def.kind, facts.get(&def.id)) {
        (FactType::Count, Some(RawValue::Number(n))) => {
            RawValue::Number(n + COUNTS[step % COUNTS.len()].max(1.0))
        }
        (FactType::Money, Some(RawValue::Number(n))) => {
            RawValue::Number(n + MONEY[step % MONEY.len()].max(0.01))
        }
        (FactType::YesNo, Some(RawValue::Bool(false))) if def.judgement => RawValue::Bool(true),
        // A higher forecast value on one day never lowers a computed warning or the response.
        (FactType::Series, Some(RawValue::List(items))) if !items.is_empty() => {
            let day = step % items.len();
            let mut raised = items.clone();
            if let RawValue::Number(n) = raised[day] {
                raised[day] = RawValue::Number(n + SERIES[step % SERIES.len()].max(1.0));
            }
            RawValue::List(raised)
        }
        (FactType::Choice, Some(RawValue::Text(v))) if def.judgement => {
            let at = def.options.iter().position(|o| &o.value == v)?;
            RawValue::Text(
                def.options
                    .get(at + 1 + step % def.options.len())?
                    .value
                    .clone(),
            )
        }
        _ => return None,
    };
    more.insert(def.id.clone(), value);
    Some(more)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn total_and_deterministic(picks in prop::collection::vec(0usize..64, 1..40)) {
        for plan in registry().unwrap() {
            let raw = facts_for(plan, &picks);
            let now = yingji::api::parse_now(NOW).unwrap();
            let facts = Facts::parse(plan, &raw, now).unwrap();
            let a = evaluate(plan, &facts, now);
            let b = evaluate(plan, &facts, now);
            // Exactly one grade or an explicit none; a grade always starts a response.
            prop_assert_eq!(a.grade.is_some(), a.grade_rank.is_some());
            if a.grade.is_some() {
                prop_assert!(a.response.is_some(), "{}: grade {:?} without a response", plan.plan.id, a.grade);
                prop_assert!(!a.grade_basis.is_empty());
            }
            prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
            // A clock with a due time is pending or overdue by the sign of the minutes left.
            for d in &a.deadlines {
                prop_assert_eq!(d.due.is_some(), d.minutes_left.is_some());
                if let Some(m) = d.minutes_left {
                    let want = if m < 0 { "overdue" } else { "pending" };
                    prop_assert_eq!(d.status.as_str(), want, "{}: {}", plan.plan.id, d.id);
                }
            }
            // A support procedure has neither a grade nor a response level.
            if a.activation.is_some() {
                prop_assert!(a.grade.is_none() && a.response.is_none());
            }
        }
    }

    #[test]
    fn more_severe_facts_never_lower_grade_or_response(
        picks in prop::collection::vec(0usize..64, 1..40),
        which in 0usize..64,
        step in 0usize..64,
    ) {
        for plan in registry().unwrap() {
            let facts = facts_for(plan, &picks);
            let i = which % plan.facts.len();
            let Some(more) = worsened(plan, &facts, i, step) else { continue };
            let (g0, r0) = severity(plan, &facts);
            let (g1, r1) = severity(plan, &more);
            prop_assert!(g1 <= g0, "{}: raising {} lowered the grade rank {} → {}", plan.plan.id, plan.facts[i].id, g0, g1);
            prop_assert!(r1 <= r0, "{}: raising {} lowered the response rank {} → {}", plan.plan.id, plan.facts[i].id, r0, r1);
        }
    }
}
