//! The XSS probe plan (tests/fixtures/xss-plan.toml, from tools/make-xss-plan.mjs): every text a
//! person reads is a probe, and the file is still a valid plan, so the page test can import it and
//! check that nothing runs and the text shows literally.

use std::process::Command;

use yingji::engine::{RawFacts, RawValue};

const FILE: &str = "tests/fixtures/xss-plan.toml";
const TEXT: &str = include_str!("fixtures/xss-plan.toml");

/// Strings that are not shown as text: ids, references, enumerations, dates, option values.
const STRUCTURAL: &[&str] = &[
    "id",
    "type",
    "kind",
    "grade",
    "level",
    "anchor",
    "fact",
    "value",
    "combine",
    "colour",
    "date",
    "source",
    "facts",
    "plan",
    "instead_plan",
    "keywords",
    "any_of",
    "grade_in",
    "level_in",
    "yes",
    "positive",
    "given",
    "when",
    "outside",
];

fn walk(key: &str, table: &str, v: &toml::Value, texts: &mut usize, bare: &mut Vec<String>) {
    match v {
        toml::Value::String(s) => {
            if s.contains("#") && s.contains('<') || s.starts_with("javascript:") {
                *texts += 1;
            } else if !(STRUCTURAL.contains(&key) || (table == "grades" && key == "name")) {
                bare.push(format!("{table}.{key} = {s:?}"));
            }
        }
        toml::Value::Array(items) => {
            for item in items {
                walk(key, table, item, texts, bare);
            }
        }
        toml::Value::Table(t) => {
            // Conditions (`when`) hold only references.
            let inner = if key == "when" { "when" } else { key };
            for (k, item) in t {
                let k = if inner == "when" { "id" } else { k.as_str() };
                walk(
                    k,
                    if key.is_empty() { table } else { key },
                    item,
                    texts,
                    bare,
                );
            }
        }
        _ => {}
    }
}

#[test]
fn every_shown_text_is_a_probe_and_the_plan_is_valid() {
    let plan = yingji::plan::load(FILE, TEXT).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(plan.plan.id, "xss-probe-plan");
    let value: toml::Value = toml::from_str(TEXT).unwrap();
    let (mut texts, mut bare) = (0, Vec::new());
    walk("", "", &value, &mut texts, &mut bare);
    assert!(texts > 500, "{texts} probes");
    assert!(
        bare.is_empty(),
        "texts without a probe:\n{}",
        bare.join("\n")
    );
}

#[test]
fn the_cli_accepts_it() {
    let out = Command::new(env!("CARGO_BIN_EXE_yingji"))
        .args(["check", FILE])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["ok"]["title"], "<script>window.__xss=2</script>#1");
}

#[test]
fn the_engine_passes_the_probes_through_unchanged() {
    let mut session = yingji::api::Session::new();
    let id = session.import("xss.toml", TEXT).unwrap().summary.id;
    let facts: RawFacts = [("deaths".to_string(), RawValue::Number(31.0))].into();
    let out = session
        .evaluate_full(&id, &facts, "2026-11-23T16:00:00+08:00")
        .unwrap();
    assert_eq!(out.plan.title, "<script>window.__xss=2</script>#1");
    let json = serde_json::to_string(&out).unwrap();
    assert!(json.contains("<img src=x onerror=window.__xss=1>"));
}
