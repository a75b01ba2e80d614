//! The contract served by both the CLI and the WASM boundary: same inputs, same JSON out.

use chrono::{DateTime, FixedOffset};

use crate::engine::{
    self, china, parse_time, Facts, Outcome, PlanSummary, Quoted, RawFacts, Schema,
};
use crate::error::InputError;
use crate::plan::{self, Plan, PlanError};

fn plans_or_error() -> Result<&'static [Plan], InputError> {
    plan::registry().map_err(|errors| {
        let first = errors.first().map(ToString::to_string).unwrap_or_default();
        InputError::new(
            "plan",
            format!("内置预案文件无效({}处问题),首个问题:{first}", errors.len()),
        )
    })
}

fn plan_by_id(id: &str) -> Result<&'static Plan, InputError> {
    plans_or_error()?
        .iter()
        .find(|p| p.plan.id == id)
        .ok_or_else(|| InputError::new("plan", format!("未知的预案“{id}”,请用 plans 列出可用预案")))
}

/// Every embedded plan.
pub fn plans() -> Result<Vec<PlanSummary>, InputError> {
    Ok(plans_or_error()?.iter().map(engine::summary).collect())
}

/// The facts a plan asks for.
pub fn schema(id: &str) -> Result<Schema, InputError> {
    let plan = plan_by_id(id)?;
    Ok(Schema {
        plan: engine::summary(plan),
        facts: plan.facts.clone(),
        bounds_clause: plan.bounds_clause.as_ref().map(|b| Quoted {
            cite: b.cite.clone(),
            quote: b.quote.clone(),
        }),
        scope: Quoted {
            cite: plan.scope.cite.clone(),
            quote: plan.scope.quote.clone(),
        },
        exclusions: plan.exclusions.clone(),
    })
}

/// Parses `now` (RFC 3339, or local China time).
pub fn parse_now(now: &str) -> Result<DateTime<FixedOffset>, InputError> {
    parse_time(now)
        .map(|t| t.with_timezone(&china()))
        .ok_or_else(|| InputError::new("now", format!("无法识别的当前时间“{now}”")))
}

/// Evaluates `facts` against plan `id` at `now`.
pub fn evaluate(id: &str, facts: &RawFacts, now: &str) -> Result<Outcome, InputError> {
    let plan = plan_by_id(id)?;
    let now = parse_now(now)?;
    let facts = Facts::parse(plan, facts, now)?;
    Ok(engine::evaluate(plan, &facts, now))
}

/// The plans for an incident description, optionally within one city (see `finder`).
pub fn find(text: &str, city: Option<&str>) -> Result<Vec<crate::finder::Candidate>, InputError> {
    Ok(crate::finder::find(plans_or_error()?, text, city))
}

/// Loads and validates a plan file's text (a county's edited plan): its summary, or every problem.
pub fn check(file: &str, text: &str) -> Result<PlanSummary, Vec<PlanError>> {
    plan::load(file, text).map(|p| engine::summary(&p))
}
