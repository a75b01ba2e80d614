//! Scope rulings asked before grading: whether the incident is one the plan grades at all (a death
//! ruled 非生产安全事故, a household poisoning ruled 意外). A blank answer is the first option, "not
//! ruled yet", and the plan applies: a grade that applies today is never dropped silently.

use super::facts::Facts;
use super::outcome::ScopeState;
use crate::plan::Plan;

pub fn rulings<'p>(plan: &'p Plan, facts: &Facts) -> Vec<ScopeState<'p>> {
    plan.applicability
        .iter()
        .map(|g| {
            let def = plan.facts.iter().find(|f| f.id == g.fact);
            let chosen = facts.choice(&g.fact);
            let answer = def
                .and_then(|d| d.options.iter().find(|o| Some(o.value.as_str()) == chosen))
                .map_or_else(
                    || chosen.unwrap_or_default().to_string(),
                    |o| o.label.clone(),
                );
            ScopeState {
                id: &g.id,
                answer,
                applies: !chosen.is_some_and(|c| g.outside.iter().any(|o| o == c)),
            }
        })
        .collect()
}
