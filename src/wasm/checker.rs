//! The import checker's export: reads and validates a plan file (TOML). A separate module, loaded
//! only when the user imports a file, so the TOML reader and the validator are not in the engine.

use wasm_bindgen::prelude::*;

use super::to_js;
use crate::api;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
import type { CheckResult, Draft } from './yingji-types';
export * from './yingji-types';
"#;

/// The import checker: validates a plan file's text. `{ok: summary, plan}` — `plan` is the plan's
/// bytes (a `Uint8Array`) for the engine module's `import_plan` — or `{errors: [{file, path, problem}]}`.
#[wasm_bindgen(unchecked_return_type = "CheckResult")]
pub fn check(file: &str, text: &str) -> Result<JsValue, JsValue> {
    match api::load_checked(file, text) {
        Ok(plan) => {
            let summary = crate::engine::summary(&plan);
            let warnings: Vec<String> = crate::plan::draft_warning(summary.unconfirmed)
                .into_iter()
                .collect();
            let out = to_js(&serde_json::json!({ "ok": summary, "warnings": warnings }))?;
            let bytes = js_sys::Uint8Array::from(crate::plan::to_bytes(&plan).as_slice());
            js_sys::Reflect::set(&out, &"plan".into(), &bytes)?;
            Ok(out)
        }
        Err(errors) => to_js(&serde_json::json!({ "errors": errors })),
    }
}

/// «从文本起草»: a draft plan file from a plan's pasted text (lines numbered from 1): `{toml,
/// proposals: [{kind, line, sentence}], warnings}`. Every proposal is marked «待确认»; the draft
/// loads with `check` (parts that would not are left out and named in `warnings`).
#[wasm_bindgen(unchecked_return_type = "Draft")]
pub fn draft(text: &str) -> Result<JsValue, JsValue> {
    to_js(&crate::draft::draft(text, None, "pasted.txt"))
}
