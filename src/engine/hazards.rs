//! Computed warning levels: each hazard's level from its rules (the highest-ranked `warning.levels`
//! entry whose rule holds), after the grade and before the response level, which may rest on them.

use super::cond::Ctx;
use super::outcome::{HazardBasis, WarningOutcome};
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
pub fn outcomes(plan: &Plan, states: &[HazardState], ctx: &Ctx) -> Vec<WarningOutcome> {
    let Some(warning) = &plan.warning else {
        return Vec::new();
    };
    let ctx = ctx.at(Site::HazardRule);
    states
        .iter()
        .map(|s| {
            let basis = s
                .level
                .map(|l| {
                    s.hazard
                        .rules
                        .iter()
                        .filter(|r| r.level == l.id && ctx.holds(&r.when))
                        .map(|r| HazardBasis {
                            id: r.id.clone(),
                            text: r.text.clone(),
                            cite: r.cite.clone(),
                            quote: r.quote.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default();
            WarningOutcome {
                id: s.level.map(|l| l.id.clone()),
                name: s.level.map(|l| l.name.clone()),
                colour: s.level.map(|l| l.colour.as_str().to_string()),
                rank: s.level.map(|l| l.rank),
                issued_by: s.level.map(|l| l.issued_by.clone()).unwrap_or_default(),
                measures: s
                    .level
                    .map(|l| {
                        warning
                            .general
                            .iter()
                            .map(|t| t.text.clone())
                            .chain([l.measures.clone()])
                            .collect()
                    })
                    .unwrap_or_default(),
                computed: true,
                hazard: Some(s.hazard.id.clone()),
                hazard_name: Some(s.hazard.name.clone()),
                basis,
                cite: s
                    .level
                    .map_or_else(|| s.hazard.cite.clone(), |l| l.cite.clone()),
                differs: None,
            }
        })
        .collect()
}
