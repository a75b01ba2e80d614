//! The WASM boundary in headless Chromium (wasm-bindgen-test): the same answers as the native
//! build, plain JS objects out, and errors as JS `Error`s carrying `field` and a Chinese `message`.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PLAN: &str = "jincheng-noncoal-mine";
const NOW: &str = "2026-11-23T08:00:00.000Z"; // 16:00 China time, as `new Date().toISOString()` gives

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn facts(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn plans_are_plain_objects() {
    let plans: Array = yingji::wasm::plans().unwrap().dyn_into().unwrap();
    assert!(plans.length() >= 6, "{} plans", plans.length());
    let plan = plans
        .iter()
        .find(|p| get(p, "id").as_string().as_deref() == Some(PLAN))
        .expect("the 非煤矿山 plan is listed");
    assert_eq!(get(&plan, "city").as_string().as_deref(), Some("晋城市"));
    assert_eq!(
        get(&plan, "doc_number").as_string().as_deref(),
        Some("晋市政办〔2020〕53号")
    );
}

#[wasm_bindgen_test]
fn schema_lists_judgements_with_their_clause() {
    let schema = yingji::wasm::schema(PLAN).unwrap();
    let facts: Array = get(&schema, "facts").dyn_into().unwrap();
    let judgement = facts
        .iter()
        .find(|f| get(f, "id").as_string().as_deref() == Some("beyond_county_capacity"))
        .unwrap();
    assert_eq!(
        get(&judgement, "type").as_string().as_deref(),
        Some("yesno")
    );
    assert_eq!(get(&get(&judgement, "cite"), "line").as_f64(), Some(1428.0));
}

/// `evaluate` gives the compact result: the response level by id (`schema(id).levels`).
#[wasm_bindgen_test]
fn evaluate_matches_the_plan_on_both_sides_of_a_threshold() {
    for (deaths, grade, level) in [(9, "较大", "II"), (10, "重大", "I")] {
        let out = yingji::wasm::evaluate(PLAN, facts(&format!(r#"{{"deaths": {deaths}}}"#)), NOW)
            .unwrap();
        assert_eq!(get(&out, "grade").as_string().as_deref(), Some(grade));
        assert_eq!(
            get(&get(&out, "response"), "level").as_string().as_deref(),
            Some(level)
        );
    }
    let out = yingji::wasm::evaluate(
        PLAN,
        facts(r#"{"deaths": 1, "beyond_county_capacity": true}"#),
        NOW,
    )
    .unwrap();
    let reasons: Array = get(&get(&out, "response"), "reasons").dyn_into().unwrap();
    assert!(reasons
        .iter()
        .any(|r| get(&r, "raised").as_bool() == Some(true)));
}

#[wasm_bindgen_test]
fn deadlines_use_the_now_passed_in() {
    let out = yingji::wasm::evaluate(
        PLAN,
        facts(r#"{"deaths": 3, "incident_time": "2026-11-23T15:30"}"#),
        NOW,
    )
    .unwrap();
    let deadlines: Array = get(&out, "deadlines").dyn_into().unwrap();
    let unit = deadlines
        .iter()
        .find(|d| get(d, "id").as_string().as_deref() == Some("unit-1h"))
        .unwrap();
    assert_eq!(
        get(&unit, "due").as_string().as_deref(),
        Some("2026-11-23T16:30:00+08:00")
    );
    assert_eq!(get(&unit, "minutes_left").as_f64(), Some(30.0));
}

#[wasm_bindgen_test]
fn bad_input_throws_an_error_naming_the_field() {
    for (json, field, message) in [
        (r#"{"deaths": -1}"#, "deaths", "不能为负数"),
        (r#"{"deaths": 2.5}"#, "deaths", "必须是整数"),
        (
            r#"{"incident_time": "2099-01-01T00:00"}"#,
            "incident_time",
            "晚于当前时间",
        ),
    ] {
        let err = yingji::wasm::evaluate(PLAN, facts(json), NOW).unwrap_err();
        let err: js_sys::Error = err.dyn_into().expect("a JS Error");
        assert_eq!(get(&err, "field").as_string().as_deref(), Some(field));
        assert!(String::from(err.message()).contains(message), "{json}");
    }
    // NaN cannot come through JSON but can from a JS form.
    let nan = js_sys::Object::new();
    Reflect::set(&nan, &"deaths".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    let err = yingji::wasm::evaluate(PLAN, nan.into(), NOW).unwrap_err();
    assert_eq!(get(&err, "field").as_string().as_deref(), Some("deaths"));
    let err = yingji::wasm::evaluate("nowhere", facts("{}"), NOW).unwrap_err();
    assert_eq!(get(&err, "field").as_string().as_deref(), Some("plan"));
}

#[wasm_bindgen_test]
fn absent_values_are_null_as_in_the_cli_json() {
    let out = yingji::wasm::evaluate(PLAN, facts(r#"{"deaths": 10}"#), NOW).unwrap();
    let deadlines: Array = get(&out, "deadlines").dyn_into().unwrap();
    let immediate = deadlines
        .iter()
        .find(|d| get(d, "id").as_string().as_deref() == Some("major-immediate"))
        .unwrap();
    assert!(Reflect::has(&immediate, &"due".into()).unwrap());
    assert!(get(&immediate, "due").is_null());
}

#[wasm_bindgen_test]
fn an_imported_plan_joins_the_session_and_a_broken_one_is_refused() {
    // The page's path: the checker validates the file and returns the plan's bytes, the engine
    // takes them in.
    let text = include_str!("../plans/jincheng/noncoal-mine.toml");
    let checked = yingji::wasm::check("county.toml", text).unwrap();
    assert_eq!(
        get(&get(&checked, "ok"), "id").as_string().as_deref(),
        Some(PLAN)
    );
    let bytes: js_sys::Uint8Array = get(&checked, "plan").dyn_into().expect("bytes");
    let got = yingji::wasm::import_plan("county.toml", &bytes.to_vec()).unwrap();
    let ok = get(&got, "ok");
    assert_eq!(
        get(&ok, "renamed_from").as_string().as_deref(),
        Some(PLAN),
        "same id as an embedded plan: renamed"
    );
    let id = get(&get(&ok, "summary"), "id").as_string().unwrap();
    assert_eq!(id, format!("imported-{PLAN}"));
    let plans: Array = yingji::wasm::plans().unwrap().dyn_into().unwrap();
    let listed = plans
        .iter()
        .find(|p| get(p, "id").as_string().as_deref() == Some(id.as_str()))
        .expect("listed");
    assert_eq!(
        get(&listed, "imported").as_string().as_deref(),
        Some("county.toml")
    );
    let out = yingji::wasm::evaluate(&id, facts(r#"{"deaths": 5}"#), NOW).unwrap();
    assert_eq!(get(&out, "grade").as_string().as_deref(), Some("较大"));
    assert!(yingji::wasm::forget_plan(&id));

    let bad = yingji::wasm::check("bad.toml", "title = ").unwrap();
    let errors: Array = get(&bad, "errors").dyn_into().unwrap();
    assert_eq!(errors.length(), 1);
    let path = get(&errors.get(0), "path").as_string().unwrap();
    assert!(path.starts_with("第1行第"), "{path}");
    // Bytes that are not a plan are refused by the engine too, never a panic.
    let junk = yingji::wasm::import_plan("junk.bin", &[0xff, 0x01, 0x02]).unwrap();
    let errors: Array = get(&junk, "errors").dyn_into().unwrap();
    assert_eq!(errors.length(), 1);
    assert_eq!(yingji::wasm::last_panic(), "");
}
