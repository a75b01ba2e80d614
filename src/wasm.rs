//! The WASM boundary: the only module that knows about JavaScript. Each function converts with
//! serde-wasm-bindgen and calls `crate::api`; errors become a JS `Error` whose `message` is the
//! Chinese text and whose `field` names the input it concerns.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::api;
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

/// `[{id, city, title, doc_number, date}]`.
#[wasm_bindgen]
pub fn plans() -> Result<JsValue, JsValue> {
    to_js(&api::plans().map_err(|e| error(&e))?)
}

/// The facts plan `id` asks for.
#[wasm_bindgen]
pub fn schema(id: &str) -> Result<JsValue, JsValue> {
    to_js(&api::schema(id).map_err(|e| error(&e))?)
}

/// Evaluates `facts` (a plain object) against plan `id`; `now` is an ISO 8601 time.
#[wasm_bindgen]
pub fn evaluate(id: &str, facts: JsValue, now: &str) -> Result<JsValue, JsValue> {
    let facts: RawFacts = serde_wasm_bindgen::from_value(facts)
        .map_err(|e| error(&InputError::new("facts", format!("事实项应为普通对象:{e}"))))?;
    to_js(&api::evaluate(id, &facts, now).map_err(|e| error(&e))?)
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
