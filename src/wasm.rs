//! The WASM boundary: the only module that knows about JavaScript. Each function converts with
//! serde-wasm-bindgen and calls `crate::api`; errors become a JS `Error` whose `message` is the
//! Chinese text and whose `field` names the input it concerns.

use std::cell::{Cell, RefCell};

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::api::{self, Session};
use crate::engine::RawFacts;
use crate::error::InputError;

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    // Plain objects (not Map) so the page and portal code read results with ordinary property access;
    // an absent value is `null`, as in the CLI's JSON, not a missing key.
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    value
        .serialize(&serializer)
        .map_err(|e| error(&InputError::new("", format!("结果转换失败:{e}"))))
}

fn error(e: &InputError) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &"field".into(), &e.field.as_str().into());
    err.into()
}

thread_local! {
    /// The embedded plans plus those imported on this page (the page keeps the files themselves).
    static SESSION: RefCell<Session> = RefCell::new(Session::new());
    /// Set by `__armPanicForTest`: the next `evaluate` panics (see there).
    static ARMED: Cell<bool> = const { Cell::new(false) };
}

/// Runs when the module is instantiated: keeps the message of any panic for `last_panic()`.
#[wasm_bindgen(start)]
fn start() {
    crate::panic::install();
}

/// The message of the last panic (`""` if none). After a panic the call throws a
/// `WebAssembly.RuntimeError` (`unreachable`); the page shows this text and asks for a reload.
#[wasm_bindgen]
pub fn last_panic() -> String {
    crate::panic::last().unwrap_or_default()
}

/// For the page's end-to-end test only: makes the next `evaluate` call panic, so that the page's
/// handling of an engine failure (message, data kept, reload) is tested against a real panic and the
/// real trap rather than a stand-in. No input can reach a panic; this is the only way to cause one.
#[doc(hidden)]
#[wasm_bindgen(js_name = "__armPanicForTest")]
pub fn arm_panic_for_test() {
    ARMED.with(|a| a.set(true));
}

/// `[{id, city, title, doc_number, date, imported?}]`: the embedded plans, then the imported ones.
#[wasm_bindgen]
pub fn plans() -> Result<JsValue, JsValue> {
    to_js(
        &SESSION
            .with(|s| s.borrow().plans())
            .map_err(|e| error(&e))?,
    )
}

/// The facts plan `id` (embedded or imported) asks for.
#[wasm_bindgen]
pub fn schema(id: &str) -> Result<JsValue, JsValue> {
    to_js(
        &SESSION
            .with(|s| s.borrow().schema(id))
            .map_err(|e| error(&e))?,
    )
}

/// Evaluates `facts` (a plain object) against plan `id`; `now` is an ISO 8601 time.
#[wasm_bindgen]
pub fn evaluate(id: &str, facts: JsValue, now: &str) -> Result<JsValue, JsValue> {
    let facts: RawFacts = serde_wasm_bindgen::from_value(facts)
        .map_err(|e| error(&InputError::new("facts", format!("事实项应为普通对象:{e}"))))?;
    if ARMED.with(|a| a.replace(false)) {
        panic!("引擎自检:测试用的故意崩溃(__armPanicForTest)");
    }
    to_js(
        &SESSION
            .with(|s| s.borrow().evaluate(id, &facts, now))
            .map_err(|e| error(&e))?,
    )
}

/// The plans for an incident description (`city` may be empty): `[{plan, incident_type, status,
/// matched, reason, go_to, cite, quote}]`, applicable plans first.
#[wasm_bindgen]
pub fn find(text: &str, city: &str) -> Result<JsValue, JsValue> {
    let city = (!city.is_empty()).then_some(city);
    to_js(&api::find(text, city).map_err(|e| error(&e))?)
}

/// Validates a plan file's text: `{ok: summary}` or `{errors: [{file, path, problem}]}`.
#[wasm_bindgen]
pub fn check(file: &str, text: &str) -> Result<JsValue, JsValue> {
    match api::check(file, text) {
        Ok(summary) => to_js(&serde_json::json!({ "ok": summary })),
        Err(errors) => to_js(&serde_json::json!({ "errors": errors })),
    }
}

/// Validates a plan file's text and, if valid, makes it available to `plans`, `schema` and
/// `evaluate`: `{ok: {summary, renamed_from, replaced}}` or `{errors: [{file, path, problem}]}`.
/// A plan whose id an embedded plan has is renamed `imported-<id>` (never replaces it).
#[wasm_bindgen]
pub fn import_plan(file: &str, text: &str) -> Result<JsValue, JsValue> {
    match SESSION.with(|s| s.borrow_mut().import(file, text)) {
        Ok(imported) => to_js(&serde_json::json!({ "ok": imported })),
        Err(errors) => to_js(&serde_json::json!({ "errors": errors })),
    }
}

/// Drops an imported plan; false if no imported plan has this id.
#[wasm_bindgen]
pub fn forget_plan(id: &str) -> bool {
    SESSION.with(|s| s.borrow_mut().forget(id))
}
