//! Runs every case table in tests/cases/*.toml through the public API: grade, response level, the
//! criteria that reached the grade, the judgements that raised the level, deadlines and notes.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;
use yingji::engine::{RawFacts, RawValue};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    plan: String,
    now: String,
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    line: u32,
    /// For one-line sources: the character offset on `line` the expectation rests on.
    chars: Option<u32>,
    facts: BTreeMap<String, toml::Value>,
    grade: String,
    level: String,
    basis: Option<Vec<String>>,
    raised: Option<Vec<String>>,
    #[serde(default)]
    notes: Vec<String>,
    #[serde(default)]
    deadlines_present: Vec<String>,
    #[serde(default)]
    deadlines_absent: Vec<String>,
    #[serde(default)]
    due: BTreeMap<String, (String, String)>,
    /// For a support plan (`activation`): whether the procedure counts as started.
    started: Option<bool>,
    /// Checklist steps (task item texts, or a part of one) that must be listed.
    #[serde(default)]
    steps_present: Vec<String>,
    #[serde(default)]
    steps_absent: Vec<String>,
}

fn raw(v: &toml::Value) -> RawValue {
    match v {
        toml::Value::Integer(i) => RawValue::Number(*i as f64),
        toml::Value::Float(f) => RawValue::Number(*f),
        toml::Value::Boolean(b) => RawValue::Bool(*b),
        toml::Value::String(s) => RawValue::Text(s.clone()),
        toml::Value::Array(a) => RawValue::List(a.iter().map(raw).collect()),
        other => panic!("unsupported fact value {other:?}"),
    }
}

#[test]
fn case_tables() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for file in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "toml"))
    {
        let table: Table = toml::from_str(&std::fs::read_to_string(file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for case in &table.case {
            count += 1;
            let facts: RawFacts = case
                .facts
                .iter()
                .map(|(k, v)| (k.clone(), raw(v)))
                .collect();
            let now = match facts.get("now") {
                Some(RawValue::Text(now)) => now.clone(),
                _ => table.now.clone(),
            };
            let place = match case.chars {
                Some(c) => format!("L{} @char {c}", case.line),
                None => format!("L{}", case.line),
            };
            let label = format!("{} «{}» ({place})", table.plan, case.name);
            let out = match yingji::evaluate(&table.plan, &facts, &now) {
                Ok(out) => out,
                Err(e) => {
                    failures.push(format!("{label}: error {e}"));
                    continue;
                }
            };
            let mut check = |ok: bool, what: String| {
                if !ok {
                    failures.push(format!("{label}: {what}"));
                }
            };
            // "null": a plan without grades / response levels (a support procedure).
            let want_grade = (case.grade != "null").then_some(case.grade.as_str());
            check(
                out.grade.as_deref() == want_grade,
                format!("grade {:?}, want {}", out.grade, case.grade),
            );
            let level = out.response.as_ref().map(|r| r.id.as_str());
            let want_level = (case.level != "null").then_some(case.level.as_str());
            check(
                level == want_level,
                format!("level {level:?}, want {}", case.level),
            );
            if let Some(started) = case.started {
                let got = out.activation.as_ref().map(|a| a.started);
                check(
                    got == Some(started),
                    format!("activation started {got:?}, want {started}"),
                );
            }
            let has_step = |s: &str| {
                out.tasks
                    .iter()
                    .flat_map(|t| &t.items)
                    .any(|i| i.text.contains(s))
            };
            for s in &case.steps_present {
                check(has_step(s), format!("checklist step «{s}» missing"));
            }
            for s in &case.steps_absent {
                check(
                    !has_step(s),
                    format!("checklist step «{s}» should not be listed"),
                );
            }
            if let Some(basis) = &case.basis {
                let got: Vec<&str> = out.grade_basis.iter().map(|c| c.id.as_str()).collect();
                check(
                    got == *basis,
                    format!("grade basis {got:?}, want {basis:?}"),
                );
            }
            // Every criterion that reached the grade carries its quote and citation.
            for c in &out.grade_basis {
                check(
                    c.cite.is_some() && !c.quote.is_empty(),
                    format!("criterion {} without citation", c.id),
                );
            }
            if let Some(raised) = &case.raised {
                let reasons = out
                    .response
                    .as_ref()
                    .map(|r| r.reasons.as_slice())
                    .unwrap_or_default();
                let got: Vec<&str> = reasons
                    .iter()
                    .filter(|r| r.raised)
                    .map(|r| r.id.as_str())
                    .collect();
                check(
                    got == *raised,
                    format!("raised by {got:?}, want {raised:?}"),
                );
                check(
                    reasons.first().is_some_and(|r| r.kind == "grade"),
                    "base mapping is not the first reason".into(),
                );
            }
            let note_ids: Vec<&str> = out.notes.iter().map(|n| n.id.as_str()).collect();
            for n in &case.notes {
                check(
                    note_ids.contains(&n.as_str()),
                    format!("note {n} missing, have {note_ids:?}"),
                );
            }
            let deadline = |id: &str| out.deadlines.iter().find(|d| d.id == id);
            for id in &case.deadlines_present {
                check(deadline(id).is_some(), format!("deadline {id} missing"));
            }
            for id in &case.deadlines_absent {
                check(
                    deadline(id).is_none(),
                    format!("deadline {id} should not apply"),
                );
            }
            for (id, (due, status)) in &case.due {
                match deadline(id) {
                    None => check(false, format!("deadline {id} missing")),
                    Some(d) => {
                        let want_due = (due != "null").then_some(due.as_str());
                        check(
                            d.due.as_deref() == want_due,
                            format!("{id} due {:?}, want {want_due:?}", d.due),
                        );
                        check(
                            &d.status == status,
                            format!("{id} status {}, want {status}", d.status),
                        );
                    }
                }
            }
        }
    }
    assert!(count >= 40, "only {count} cases ran");
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
