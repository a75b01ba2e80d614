//! Facts → outcome. Pure: the plan, the checked facts and `now` come in; nothing is read from outside.

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
mod season;
mod series;
mod tasks;

use chrono::{DateTime, FixedOffset};

use crate::plan::Plan;
pub use clock::clock_minutes;
pub use cond::Ctx;
pub use facts::{china, parse_time, Facts, RawFacts, RawValue};
pub use grade::contains;
pub use join::join;
pub use outcome::*;
pub use season::month_day;

pub fn summary(plan: &Plan) -> PlanSummary {
    let m = &plan.plan;
    PlanSummary {
        id: m.id.clone(),
        city: m.city.clone(),
        title: m.title.clone(),
        doc_number: m.doc_number.clone(),
        date: m.date.clone(),
        imported: None,
    }
}

/// Evaluates checked facts against a plan at time `now`: the compact result, borrowing ids from the
/// plan (nothing of the plan's text is copied).
pub fn decide<'p>(plan: &'p Plan, facts: &Facts, now: DateTime<FixedOffset>) -> Evaluation<'p> {
    let graded = grade::grade(plan, facts);
    let grade_name = graded.grade.map(|(name, _)| name);
    let hazard_states = hazards::assess(plan, facts);
    let response = response::respond(
        plan,
        &Ctx {
            facts,
            grade: grade_name,
            level: None,
            hazards: &hazard_states,
        },
    );
    let ctx = Ctx {
        facts,
        grade: grade_name,
        level: response.as_ref().map(|r| r.level),
        hazards: &hazard_states,
    };
    let mut warnings = hazards::outcomes(plan, &hazard_states, facts);
    warnings.extend(issued_warning(plan, facts));
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
            .filter(|(_, p)| grade_name.is_some() && ctx.holds(&p.when))
            .map(|(i, _)| Ref::Provisional(i))
            .collect(),
        basis: graded.basis(),
        criteria: graded.criteria.into_iter().map(|(c, _)| c).collect(),
        deadlines: deadlines::deadlines(plan, &ctx, now),
        tasks: tasks::tasks(plan, &ctx),
        termination: plan
            .termination
            .iter()
            .position(|t| ctx.holds(&t.when))
            .map(Ref::Termination),
        warnings,
        notes: plan
            .notes
            .iter()
            .filter(|n| ctx.holds(&n.when))
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
            started: ctx.holds(&a.when),
        }),
        response,
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
    })
}
