//! Loading an arbitrary plan file (a county's edit, imported in the page or checked by the CLI):
//! a plan or a list of positioned errors, never a panic. `load_checked` runs the reading, the typed
//! bounds and the phase check; a plan it accepts then takes the page's import path (plan bytes →
//! `Session::adopt_bytes`) and must give a schema and an evaluation with no facts entered.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yingji::api::{load_checked, Session};
use yingji::engine::RawFacts;

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let checked = yingji::check("fuzz.toml", text);
    let plan = match load_checked("fuzz.toml", text) {
        Ok(plan) => plan,
        Err(errors) => {
            assert!(!errors.is_empty());
            assert!(checked.is_err(), "check accepts what load_checked refuses");
            for e in &errors {
                assert!(!e.path.is_empty());
                assert!(
                    e.problem.chars().any(is_han),
                    "not a Chinese message: {e:?}"
                );
            }
            return;
        }
    };
    let summary = checked.expect("check refuses what load_checked accepts");
    assert_eq!(summary.id, plan.plan.id);

    let bytes = yingji::plan::to_bytes(&plan);
    let again = yingji::plan::from_bytes("fuzz.toml", &bytes).expect("plan bytes read back");
    assert_eq!(
        yingji::plan::to_bytes(&again),
        bytes,
        "plan bytes round trip"
    );

    let mut session = Session::new();
    let Ok(imported) = session.adopt_bytes("fuzz.toml", &bytes) else {
        return;
    };
    let id = imported.summary.id;
    let schema = session.schema(&id).expect("an imported plan has a schema");
    serde_json::to_string(&schema).expect("schema serialises");
    let facts = RawFacts::new();
    if let Ok(out) = session.evaluate_full(&id, &facts, "2026-11-23T16:00:00+08:00") {
        serde_json::to_string(&out).expect("outcome serialises");
    }
});
