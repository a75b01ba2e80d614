//! The engine module's exports: the embedded plans, imported ones, evaluation and the finder.

#[cfg(feature = "test-hooks")]
use std::cell::Cell;
use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use super::{error, to_js};
use crate::api::{self, Session};
use crate::engine::{RawFacts, RawValue};
use crate::error::InputError;

thread_local! {
    /// The embedded plans plus those imported on this page (the page keeps the files themselves).
    static SESSION: RefCell<Session> = RefCell::new(Session::new());
    /// Set by `__armPanicForTest`: the next `evaluate` panics (see there).
    #[cfg(feature = "test-hooks")]
    static ARMED: Cell<bool> = const { Cell::new(false) };
}

// The precise TypeScript types (generated from the Rust types: tests/types.rs → types/, copied into
// pkg/ by the build) for the signatures below, which name them with `unchecked_*_type`.
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
import type { Candidate, Evaluation, Facts, ImportResult, PlanSummary, Schema } from './yingji-types';
export * from './yingji-types';
"#;

/// The page's facts object, value by value. Not through JSON: `JSON.stringify` would turn NaN and
/// ±Infinity into `null`, and a typed NaN must be refused by name, never taken as "not given".
fn facts_from_js(facts: &JsValue) -> Result<RawFacts, InputError> {
    if facts.is_null() || facts.is_undefined() {
        return Ok(RawFacts::new());
    }
    if !facts.is_object() || js_sys::Array::is_array(facts) {
        return Err(InputError::new(
            "facts",
            "事实项应为普通对象(键为事实项编号)",
        ));
    }
    let mut out = RawFacts::new();
    for entry in js_sys::Object::entries(facts.unchecked_ref()).iter() {
        let pair: js_sys::Array = entry.unchecked_into();
        let key = pair.get(0).as_string().unwrap_or_default();
        out.insert(key, raw_from_js(&pair.get(1)));
    }
    Ok(out)
}

fn raw_from_js(v: &JsValue) -> RawValue {
    if let Some(b) = v.as_bool() {
        RawValue::Bool(b)
    } else if let Some(n) = v.as_f64() {
        RawValue::Number(n)
    } else if let Some(s) = v.as_string() {
        RawValue::Text(s)
    } else if js_sys::Array::is_array(v) {
        let list: js_sys::Array = v.clone().unchecked_into();
        RawValue::List(list.iter().map(|x| raw_from_js(&x)).collect())
    } else if v.is_object() {
        RawValue::Other(serde_json::Map::new())
    } else {
        // null, undefined
        RawValue::Null
    }
}

/// For the page's end-to-end test only: makes the next `evaluate` call panic, so that the page's
/// handling of an engine failure (message, data kept, reload) is tested against a real panic and the
/// real trap rather than a stand-in. No input can reach a panic; this is the only way to cause one.
/// Only in the engine built with the `test-hooks` feature (scripts/build.sh: `target/test-pkg/`,
/// served to the e2e tests); the shipped `pkg/` has no such export.
#[cfg(feature = "test-hooks")]
#[doc(hidden)]
#[wasm_bindgen(js_name = "__armPanicForTest")]
pub fn arm_panic_for_test() {
    ARMED.with(|a| a.set(true));
}

/// `[{id, city, title, doc_number, date, imported?}]`: the embedded plans, then the imported ones.
#[wasm_bindgen(unchecked_return_type = "PlanSummary[]")]
pub fn plans() -> Result<JsValue, JsValue> {
    to_js(
        &SESSION
            .with(|s| s.borrow().plans())
            .map_err(|e| error(&e))?,
    )
}

/// The facts plan `id` (embedded or imported) asks for, and every static text its results refer to.
#[wasm_bindgen(unchecked_return_type = "Schema")]
pub fn schema(id: &str) -> Result<JsValue, JsValue> {
    to_js(
        &SESSION
            .with(|s| s.borrow().schema(id))
            .map_err(|e| error(&e))?,
    )
}

/// Evaluates `facts` (a plain object) against plan `id`; `now` is an ISO 8601 time. The compact
/// result: ids into `schema(id)` (www/join.js joins the two).
#[wasm_bindgen(unchecked_return_type = "Evaluation")]
pub fn evaluate(
    id: &str,
    #[wasm_bindgen(unchecked_param_type = "Facts")] facts: JsValue,
    now: &str,
) -> Result<JsValue, JsValue> {
    let facts = facts_from_js(&facts).map_err(|e| error(&e))?;
    #[cfg(feature = "test-hooks")]
    if ARMED.with(|a| a.replace(false)) {
        panic!("引擎自检:测试用的故意崩溃(__armPanicForTest)");
    }
    // Serialised while the session is borrowed: the result borrows its ids from the plan.
    SESSION.with(|s| match s.borrow().evaluate(id, &facts, now) {
        Ok(out) => to_js(&out),
        Err(e) => Err(error(&e)),
    })
}

/// The plans for an incident description (`city` may be empty): `[{plan, incident_type, status,
/// matched, reason, go_to, cite, quote}]`, applicable plans first.
#[wasm_bindgen(unchecked_return_type = "Candidate[]")]
pub fn find(text: &str, city: &str) -> Result<JsValue, JsValue> {
    let city = (!city.is_empty()).then_some(city);
    to_js(&api::find(text, city).map_err(|e| error(&e))?)
}

/// Makes a plan the import checker validated (`check(...).plan`, its bytes) available to `plans`, `schema` and
/// `evaluate`: `{ok: {summary, renamed_from, replaced}}` or `{errors: [{file, path, problem}]}`.
/// A plan whose id an embedded plan has is renamed `imported-<id>` (never replaces it).
#[wasm_bindgen(unchecked_return_type = "ImportResult")]
pub fn import_plan(file: &str, plan: &[u8]) -> Result<JsValue, JsValue> {
    match SESSION.with(|s| s.borrow_mut().adopt_bytes(file, plan)) {
        Ok(imported) => to_js(&serde_json::json!({ "ok": imported })),
        Err(errors) => to_js(&serde_json::json!({ "errors": errors })),
    }
}

/// Drops an imported plan; false if no imported plan has this id.
#[wasm_bindgen]
pub fn forget_plan(id: &str) -> bool {
    SESSION.with(|s| s.borrow_mut().forget(id))
}
