//! The plans embedded in the build (every `plans/**/*.toml`, listed by build.rs), loaded once and
//! listed in the order people look for them.

use std::sync::OnceLock;

use super::{load, Plan, PlanError};

include!(concat!(env!("OUT_DIR"), "/embedded_plans.rs"));

/// Every embedded plan, in file order, or every problem found in them. A test loads them all, so an
/// invalid plan file never ships; the error path exists so a bad build reports instead of panicking.
pub fn registry() -> Result<&'static [Plan], &'static [PlanError]> {
    static PLANS: OnceLock<Result<Vec<Plan>, Vec<PlanError>>> = OnceLock::new();
    let loaded = PLANS.get_or_init(|| {
        let mut plans: Vec<Plan> = Vec::new();
        let mut errors = Vec::new();
        for (file, text) in EMBEDDED {
            match load(file, text) {
                Ok(plan) => plans.push(plan),
                Err(e) => errors.extend(e),
            }
        }
        // The order people look for them in: by city, then year, then document number (53号 before 102号).
        plans.sort_by_key(|p| {
            (
                p.plan.city.clone(),
                p.plan.date.get(..4).map(str::to_string),
                doc_serial(&p.plan.doc_number),
            )
        });
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

/// The serial number of a 文号 such as `晋市政办〔2020〕53号` (53); 0 if there is none.
fn doc_serial(doc_number: &str) -> u32 {
    let digits: String = doc_number
        .trim_end_matches('号')
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().unwrap_or(0)
}

/// The embedded plan with this id.
pub fn find(id: &str) -> Option<&'static Plan> {
    registry().ok()?.iter().find(|p| p.plan.id == id)
}
