//! Computed warning levels: each hazard's level from its rules (the highest-ranked `warning.levels`
//! entry whose rule holds), after the grade and before the response level, which may rest on them.

use super::cond::Ctx;
use super::outcome::WarningState;
use crate::plan::{Hazard, Plan, Site, WarningLevel};

/// One hazard's computed level (none: below every criterion).
pub struct HazardState<'a> {
    pub hazard: &'a Hazard,
    pub level: Option<&'a WarningLevel>,
}

pub fn assess<'a>(plan: &'a Plan, ctx: &Ctx) -> Vec<HazardState<'a>> {
    let Some(warning) = &plan.warning else {
        return Vec::new();
    };
    let ctx = ctx.at(Site::HazardRule);
    plan.hazards
        .iter()
        .map(|hazard| HazardState {
            hazard,
            level: hazard
                .rules
                .iter()
                .filter(|r| ctx.holds(&r.when))
                .filter_map(|r| warning.levels.iter().find(|l| l.id == r.level))
                .min_by_key(|l| l.rank),
        })
        .collect()
}

/// The `warnings[]` entries for computed hazards: every hazard, reached or not, with the rules that
/// put it at its level.
pub fn outcomes<'p>(
    plan: &'p Plan,
    states: &[HazardState<'p>],
    ctx: &Ctx,
) -> Vec<WarningState<'p>> {
    if plan.warning.is_none() {
        return Vec::new();
    }
    let ctx = ctx.at(Site::HazardRule);
    states
        .iter()
        .map(|s| WarningState {
            hazard: Some(&s.hazard.id),
            level: s.level.map(|l| l.id.as_str()),
            basis: s
                .level
                .map(|l| {
                    s.hazard
                        .rules
                        .iter()
                        .filter(|r| r.level == l.id && ctx.holds(&r.when))
                        .map(|r| r.id.as_str())
                        .collect()
                })
                .unwrap_or_default(),
            differs: None,
        })
        .collect()
}
