//! Evaluation of arbitrary JSON facts against every embedded plan: any input gives a result or an
//! `InputError`, never a panic. The first byte picks the plan.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yingji::engine::RawFacts;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(plans) = yingji::plans() else { return };
    let plan = &plans[usize::from(pick) % plans.len()];
    let Ok(facts) = serde_json::from_slice::<RawFacts>(rest) else { return };
    if let Ok(out) = yingji::evaluate_full(&plan.id, &facts, "2026-11-23T16:00:00+08:00") {
        // The result must serialise (the CLI and the page both need it).
        serde_json::to_string(&out).expect("outcome serialises");
    }
});
