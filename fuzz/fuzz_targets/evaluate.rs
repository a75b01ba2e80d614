//! Evaluation of arbitrary JSON facts against every embedded plan: any input gives a result or an
//! `InputError` (a Chinese message naming the field), never a panic.
//!
//! Input: one byte, then the facts as JSON. The byte's low four bits pick the plan (by id, in sorted
//! order, so `seed-corpus.sh` can name it without the registry's display order); bits 4–6 pick `now`
//! from `NOWS` (0: the case tables' default). Every input runs the compact `evaluate` and joins it
//! with the plan's `schema` (built once per plan: building it is most of the cost of `evaluate_full`);
//! when bit 7 is set, `evaluate_full` runs too and must give that same join.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use yingji::engine::{join, RawFacts, Schema};

const NOWS: [&str; 8] = [
    "2026-11-23T16:00:00+08:00",
    "2026-12-31T23:59:59+08:00",
    "2027-01-01T00:00:00Z",
    "2026-10-01T08:00:00+08:00",
    "2026-02-17 00:00",
    "1970-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-12:00",
    "不是时间",
];

/// Every embedded plan's id and schema, by id.
fn schemas() -> &'static [(String, Schema)] {
    static SCHEMAS: OnceLock<Vec<(String, Schema)>> = OnceLock::new();
    SCHEMAS.get_or_init(|| {
        let mut ids: Vec<String> = yingji::plans()
            .expect("the embedded plans load")
            .into_iter()
            .map(|p| p.id)
            .collect();
        ids.sort_unstable();
        ids.into_iter()
            .map(|id| {
                let schema = yingji::schema(&id).expect("an embedded plan has a schema");
                serde_json::to_string(&schema).expect("schema serialises");
                (id, schema)
            })
            .collect()
    })
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let schemas = schemas();
    let (id, schema) = &schemas[usize::from(pick & 0x0f) % schemas.len()];
    let now = NOWS[usize::from((pick >> 4) & 0x07)];
    let Ok(facts) = serde_json::from_slice::<RawFacts>(rest) else {
        return;
    };

    let compact = yingji::evaluate(id, &facts, now);
    let joined = match &compact {
        Ok(ev) => {
            // Both results must serialise (the CLI and the page need them).
            serde_json::to_string(ev).expect("evaluation serialises");
            Ok(serde_json::to_string(&join(schema, ev)).expect("join serialises"))
        }
        Err(e) => {
            // `field` names the fact (an unknown key is named as given, even "").
            assert!(
                e.message.chars().any(is_han),
                "not a Chinese message: {e:?}"
            );
            Err(e.clone())
        }
    };
    if pick & 0x80 != 0 {
        let full = yingji::evaluate_full(id, &facts, now)
            .map(|out| serde_json::to_string(&out).expect("outcome serialises"));
        assert_eq!(full, joined, "evaluate_full differs from schema ⋈ evaluate");
    }
});
