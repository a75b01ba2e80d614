//! The WASM boundary: the only module that knows about JavaScript. Each function calls `crate::api`;
//! results cross as one JSON string that the browser's own `JSON.parse` turns into plain objects
//! (the same JSON the CLI prints: an absent value is `null`). Errors become a JS `Error` whose
//! `message` is the Chinese text and whose `field` names the input it concerns.
//!
//! Two modules are built from this file (see Cargo.toml's features): the engine with the embedded
//! plans (`embedded`), and the import checker (`checker`), which the page loads only when a plan file
//! is imported.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::InputError;

#[cfg(feature = "checker")]
mod checker;
#[cfg(feature = "embedded")]
mod engine;
#[cfg(feature = "checker")]
pub use checker::*;
#[cfg(feature = "embedded")]
pub use engine::*;

/// One JSON string and one `JSON.parse` rather than an object built property by property across the
/// boundary: less code in the module and fewer calls into JS.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| error(&InputError::new("", format!("结果转换失败:{e}"))))?;
    js_sys::JSON::parse(&text)
}

fn error(e: &InputError) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(&err, &"field".into(), &e.field.as_str().into());
    err.into()
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
