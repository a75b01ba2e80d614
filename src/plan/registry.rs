//! The plans embedded in the build (every `plans/**/*.toml`, listed by build.rs), loaded once.

use std::sync::OnceLock;

use super::{load, Plan, PlanError};

include!(concat!(env!("OUT_DIR"), "/embedded_plans.rs"));

/// Every embedded plan, in file order, or every problem found in them. A test loads them all, so an
/// invalid plan file never ships; the error path exists so a bad build reports instead of panicking.
pub fn registry() -> Result<&'static [Plan], &'static [PlanError]> {
    static PLANS: OnceLock<Result<Vec<Plan>, Vec<PlanError>>> = OnceLock::new();
    let loaded = PLANS.get_or_init(|| {
        let mut plans = Vec::new();
        let mut errors = Vec::new();
        for (file, text) in EMBEDDED {
            match load(file, text) {
                Ok(plan) => plans.push(plan),
                Err(e) => errors.extend(e),
            }
        }
        if errors.is_empty() {
            Ok(plans)
        } else {
            Err(errors)
        }
    });
    match loaded {
        Ok(plans) => Ok(plans),
        Err(errors) => Err(errors),
    }
}

/// The embedded plan with this id.
pub fn find(id: &str) -> Option<&'static Plan> {
    registry().ok()?.iter().find(|p| p.plan.id == id)
}
