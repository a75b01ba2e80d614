//! Facts → outcome. Pure: the plan, the checked facts and `now` come in; nothing is read from outside.

mod calendar;
mod checks;
mod clock;
mod cond;
mod deadlines;
pub mod facts;
mod grade;
mod hazards;
mod join;
pub mod outcome;
mod response;
mod schema;
mod scope;
mod season;
mod series;
mod tasks;

use chrono::{DateTime, FixedOffset};

use crate::plan::{Plan, Site, WarningLevel};
pub use calendar::{calendar, Calendar};
pub use cond::Ctx;
pub use facts::{china, parse_time, Facts, RawFacts, RawValue};
pub use join::join;
pub use outcome::*;

pub fn summary(plan: &Plan) -> PlanSummary {
    let m = &plan.plan;
    PlanSummary {
        id: m.id.clone(),
        city: m.city.clone(),
        title: m.title.clone(),
        doc_number: m.doc_number.clone(),
        date: m.date.clone(),
        imported: None,
        unconfirmed: crate::plan::unconfirmed(plan),
    }
}

/// An embedded plan as listed without reading it (build.rs wrote what `summary` would say of it).
pub fn listed(p: &crate::plan::EmbeddedPlan) -> PlanSummary {
    PlanSummary {
        id: p.id.to_string(),
        city: p.city.to_string(),
        title: p.title.to_string(),
        doc_number: p.doc_number.to_string(),
        date: p.date.to_string(),
        imported: None,
        unconfirmed: p.unconfirmed,
    }
}

/// Evaluates checked facts against a plan at time `now`, phase by phase (`plan::Phase`): scope
/// rulings, criteria and grade, hazards' levels, response level, then everything shown with them.
/// Each condition sees only what its place may (`Ctx::at`). The compact result borrows ids from the
/// plan (nothing of the plan's text is copied).
pub fn decide<'p>(plan: &'p Plan, facts: &Facts, now: DateTime<FixedOffset>) -> Evaluation<'p> {
    let scope = scope::rulings(plan, facts);
    let inside = scope.iter().all(|s| s.applies);
    let mut graded = grade::grade(plan, facts);
    if !inside {
        // Ruled outside the plan: no grade; the criteria stay visible for the "why" panel.
        graded.grade = None;
    }
    let grade_name = graded.grade.map(|(name, _)| name);
    let graded_ctx = Ctx {
        grade: grade_name,
        ..Ctx::facts_only(facts)
    };
    let hazard_states = hazards::assess(plan, &graded_ctx);
    let response = response::respond(
        plan,
        &Ctx {
            hazards: &hazard_states,
            ..graded_ctx
        },
    )
    .filter(|_| inside);
    let ctx = Ctx {
        facts,
        grade: grade_name,
        level: response.as_ref().map(|r| r.level),
        hazards: &hazard_states,
    };
    let mut warnings = hazards::outcomes(plan, &hazard_states, &ctx);
    warnings.extend(issued_warning(plan, facts));
    mark_differences(plan, &mut warnings);
    // Outside the plan its duties do not apply either: the result names what applies instead.
    let (deadlines, tasks) = if inside {
        (
            deadlines::deadlines(plan, &ctx, now),
            tasks::tasks(plan, &ctx),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    Evaluation {
        version: RESULT_VERSION,
        plan: &plan.plan.id,
        grade: grade_name,
        grade_rank: graded.grade.map(|(_, rank)| rank),
        provisional: plan
            .grading
            .provisional
            .iter()
            .enumerate()
            .filter(|(_, p)| grade_name.is_some() && ctx.holds_at(Site::Provisional, &p.when))
            .map(|(i, _)| Ref::Provisional(i))
            .collect(),
        basis: graded.basis(),
        criteria: graded.criteria.into_iter().map(|(c, _)| c).collect(),
        deadlines,
        tasks,
        termination: plan
            .termination
            .iter()
            .position(|t| ctx.holds_at(Site::Termination, &t.when))
            .map(Ref::Termination),
        warnings,
        notes: plan
            .notes
            .iter()
            .filter(|n| ctx.holds_at(Site::Note, &n.when))
            .map(|n| n.id.as_str())
            .collect(),
        assumed: facts
            .assumed
            .iter()
            .filter_map(|(i, value)| {
                Some(AssumedValue {
                    id: &plan.facts.get(*i)?.id,
                    value: value.clone(),
                })
            })
            .collect(),
        now: clock::rfc3339(now),
        activation: plan.activation.as_ref().map(|a| ActivationState {
            started: ctx.holds_at(Site::Activation, &a.when),
        }),
        response,
        checks: checks::checks(plan, &ctx),
        recovery: plan
            .recovery
            .iter()
            .filter(|r| inside && ctx.holds_at(Site::Recovery, &r.when))
            .map(|r| r.id.as_str())
            .collect(),
        scope,
    }
}

/// The static parts of every result for `plan` (`yingji schema`).
pub fn schema(plan: &Plan) -> Schema {
    schema::schema(plan)
}

/// Evaluates checked facts against a plan at time `now`: the full, joined result (`Outcome`).
pub fn evaluate(plan: &Plan, facts: &Facts, now: DateTime<FixedOffset>) -> Outcome {
    join(&schema(plan), &decide(plan, facts, now))
}

/// The warning level the user says was issued (computed levels come from `hazards`).
fn issued_warning<'p>(plan: &'p Plan, facts: &Facts) -> Option<WarningState<'p>> {
    let w = plan.warning.as_ref()?;
    let chosen = facts.choice(w.fact.as_deref()?)?;
    let level = w.levels.iter().find(|l| l.id == chosen)?;
    Some(WarningState {
        hazard: None,
        level: Some(&level.id),
        basis: Vec::new(),
        differs: None,
    })
}

/// Where the user gives the published level and the plan also computes one (from the expected
/// grade or the hidden danger found), a computed level that differs says so: both are shown.
fn mark_differences(plan: &Plan, warnings: &mut [WarningState]) {
    let Some(w) = plan.warning.as_ref().filter(|w| w.fact.is_some()) else {
        return;
    };
    let level = |id: &str| w.levels.iter().find(|l| l.id == id);
    let issued = warnings
        .iter()
        .find(|s| s.hazard.is_none())
        .and_then(|s| s.level);
    for s in warnings
        .iter_mut()
        .filter(|s| s.hazard.is_some() && s.level.is_some())
    {
        s.differs = match issued {
            None => Some("尚未发布预警".to_string()),
            Some(id) if Some(id) == s.level => None,
            Some(id) => Some(format!(
                "已发布：{}",
                level(id).map_or_else(|| id.to_string(), label)
            )),
        };
    }
}

/// `黄色(Ⅲ级)`: a warning level as the plans name it (a name that already holds its colour alone).
fn label(l: &WarningLevel) -> String {
    let colour = l.colour.as_str();
    if l.name.contains(colour) {
        l.name.clone()
    } else {
        format!("{colour}({})", l.name)
    }
}
