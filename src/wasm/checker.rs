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

/// The plan workbench: the outline of a plan file's text (its tables, their fields and key paths)
/// for the editor's forms (`crate::edit::outline`). `{ok: outline}` or `{error: "…"}`.
#[wasm_bindgen]
pub fn outline(text: &str) -> Result<JsValue, JsValue> {
    to_js(&match crate::edit::outline(text) {
        Ok(o) => serde_json::json!({ "ok": o }),
        Err(e) => serde_json::json!({ "error": e }),
    })
}

/// The plan workbench: the text with the edits applied (`crate::edit::apply`; `edits` is a JSON
/// array of `{op: "set"|"remove"|"add", path, value}`), everything else unchanged byte for byte.
/// `{ok: text}` or `{error: "…"}`.
#[wasm_bindgen]
pub fn apply_edits(text: &str, edits: &str) -> Result<JsValue, JsValue> {
    let result = serde_json::from_str::<Vec<crate::edit::Edit>>(edits)
        .map_err(|e| format!("修改指令无法识别:{e}"))
        .and_then(|edits| crate::edit::apply(text, &edits));
    to_js(&match result {
        Ok(t) => serde_json::json!({ "ok": t }),
        Err(e) => serde_json::json!({ "error": e }),
    })
}
