//! The import checker's export: reads and validates a plan file (TOML). A separate module, loaded
//! only when the user imports a file, so the TOML reader and the validator are not in the engine.

use wasm_bindgen::prelude::*;

use super::to_js;
use crate::api;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
import type { CheckResult } from './yingji-types';
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
