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
    /// The grade name; absent or "none": no grade (a plan that grades nothing, or below every
    /// threshold).
    grade: Option<String>,
    /// The response level id; absent or "none": no response level.
    level: Option<String>,
    /// The highest computed warning level id over all hazards, or "none".
    warning: Option<String>,
    /// Per hazard id: its computed warning level id, or "none" (below every criterion). `warnings`
    /// and `hazards` are the same check under the two names the case tables use.
    #[serde(default)]
    warnings: BTreeMap<String, String>,
    #[serde(default)]
    hazards: BTreeMap<String, String>,
    /// Ids of the hazard rules that put the hazards at their levels, in output order (two names,
    /// as above).
    hazard_basis: Option<Vec<String>>,
    warning_basis: Option<Vec<String>>,
    /// Task groups (level measures or `[[measures]]` titles) that must / must not be listed.
    #[serde(default)]
    tasks_present: Vec<String>,
    #[serde(default)]
    tasks_absent: Vec<String>,
    /// The input is refused with an error whose message contains this text.
    error: Option<String>,
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
    /// A deadline id → words its `calendar` line (which holiday table counted the working days)
    /// must contain.
    #[serde(default)]
    calendar: BTreeMap<String, String>,
    /// A check id (`[[checks]]`) → its status: `pass`, `fail` or `unknown`.
    #[serde(default)]
    checks: BTreeMap<String, String>,
    /// For a support plan (`activation`): whether the procedure counts as started.
    started: Option<bool>,
    /// Checklist steps (task item texts, or a part of one) that must be listed.
    #[serde(default)]
    steps_present: Vec<String>,
    #[serde(default)]
    steps_absent: Vec<String>,
    /// Per deadline id: the text saying its clock is estimated from the incident time
    /// («按事发时间估算：…»), or "none" (counted from its own start).
    #[serde(default)]
    estimated: BTreeMap<String, String>,
    /// Per scope question id: "applies" or "outside" (ruled outside the plan: then no deadline and
    /// no task either, and the result names what applies instead).
    #[serde(default)]
    scope: BTreeMap<String, String>,
    /// Per hazard id: how its computed level differs from the published one («已发布：…»,
    /// «尚未发布预警»), or "none" (they agree, or nothing is computed).
    #[serde(default)]
    warning_differs: BTreeMap<String, String>,
    /// 后期处置 duties (recovery ids) that must / must not be listed.
    #[serde(default)]
    recovery_present: Vec<String>,
    #[serde(default)]
    recovery_absent: Vec<String>,
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
            let out = match (
                yingji::evaluate_full(&table.plan, &facts, &now),
                &case.error,
            ) {
                (Ok(out), None) => out,
                (Err(e), None) => {
                    failures.push(format!("{label}: error {e}"));
                    continue;
                }
                (Ok(_), Some(want)) => {
                    failures.push(format!("{label}: accepted, want error «{want}»"));
                    continue;
                }
                (Err(e), Some(want)) => {
                    if !e.to_string().contains(want.as_str()) {
                        failures.push(format!("{label}: error «{e}», want «{want}»"));
                    }
                    continue;
                }
            };
            let mut check = |ok: bool, what: String| {
                if !ok {
                    failures.push(format!("{label}: {what}"));
                }
            };
            // "none" / "null": no grade or level (below every threshold, or a plan that has none).
            let want = |s: Option<&str>| {
                s.filter(|s| !matches!(*s, "none" | "null"))
                    .map(str::to_string)
            };
            check(
                out.grade == want(case.grade.as_deref()),
                format!("grade {:?}, want {:?}", out.grade, case.grade),
            );
            let level = out.response.as_ref().map(|r| r.id.clone());
            check(
                level == want(case.level.as_deref()),
                format!("level {level:?}, want {:?}", case.level),
            );
            let computed: Vec<_> = out.warnings.iter().filter(|w| w.hazard.is_some()).collect();
            if let Some(want) = &case.warning {
                let top = computed
                    .iter()
                    .filter(|w| w.rank.is_some())
                    .min_by_key(|w| w.rank)
                    .and_then(|w| w.id.as_deref())
                    .unwrap_or("none");
                check(top == want, format!("warning {top}, want {want}"));
            }
            for (hazard, want) in case.hazards.iter().chain(&case.warnings) {
                let got = computed
                    .iter()
                    .find(|w| w.hazard.as_deref() == Some(hazard.as_str()))
                    .map(|w| w.id.as_deref().unwrap_or("none"));
                check(
                    got == Some(want.as_str()),
                    format!("hazard {hazard} at {got:?}, want {want}"),
                );
            }
            for (hazard, want) in &case.warning_differs {
                let got = computed
                    .iter()
                    .find(|w| w.hazard.as_deref() == Some(hazard.as_str()))
                    .map(|w| w.differs.as_deref().unwrap_or("none"));
                check(
                    got == Some(want.as_str()),
                    format!("hazard {hazard} differs {got:?}, want {want}"),
                );
            }
            if let Some(want) = case.warning_basis.as_ref().or(case.hazard_basis.as_ref()) {
                let got: Vec<&str> = computed
                    .iter()
                    .flat_map(|w| &w.basis)
                    .map(|b| b.id.as_str())
                    .collect();
                check(
                    got == *want,
                    format!("warning basis {got:?}, want {want:?}"),
                );
            }
            for w in &computed {
                for b in &w.basis {
                    check(
                        !b.quote.is_empty() && b.cite.line > 0,
                        format!("warning basis {} without citation", b.id),
                    );
                }
            }
            let titles: Vec<&str> = out.tasks.iter().map(|t| t.title.as_str()).collect();
            for t in &case.tasks_present {
                check(
                    titles.contains(&t.as_str()),
                    format!("task group «{t}» missing"),
                );
            }
            for t in &case.tasks_absent {
                check(
                    !titles.contains(&t.as_str()),
                    format!("task group «{t}» should not be listed"),
                );
            }
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
                // Without a grade (nothing reached) every level comes from a judgement rule.
                check(
                    out.grade.is_none() || reasons.first().is_some_and(|r| r.kind == "grade"),
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
            for (id, want) in &case.checks {
                let got = out.checks.iter().find(|c| &c.id == id);
                check(
                    got.is_some_and(|c| &c.status == want),
                    format!(
                        "check {id}: {:?}, want {want}",
                        got.map(|c| (&c.status, &c.detail))
                    ),
                );
            }
            for (id, words) in &case.calendar {
                let text = deadline(id).and_then(|d| d.calendar.clone());
                check(
                    text.as_deref().is_some_and(|t| t.contains(words.as_str())),
                    format!("{id} calendar {text:?}, want it to say {words}"),
                );
            }
            let recovery: Vec<&str> = out.recovery.iter().map(|r| r.id.as_str()).collect();
            for id in &case.recovery_present {
                check(
                    recovery.contains(&id.as_str()),
                    format!("recovery {id} missing, have {recovery:?}"),
                );
            }
            for id in &case.recovery_absent {
                check(
                    !recovery.contains(&id.as_str()),
                    format!("recovery {id} should not be listed"),
                );
            }
            for r in &out.recovery {
                check(
                    !r.who.is_empty() && !r.quote.is_empty() && r.cite.line > 0,
                    format!("recovery {} without who or citation", r.id),
                );
            }
            for (id, want) in &case.scope {
                let got = out.scope.iter().find(|s| &s.id == id);
                let state = got.map(|s| if s.applies { "applies" } else { "outside" });
                check(
                    state == Some(want.as_str()),
                    format!("scope {id} {state:?}, want {want}"),
                );
                if let Some(s) = got.filter(|s| !s.applies) {
                    check(
                        !s.instead.is_empty() && !s.quote.is_empty() && s.cite.line > 0,
                        format!("scope {id}: outside without what applies instead"),
                    );
                    check(
                        out.deadlines.is_empty() && out.tasks.is_empty(),
                        format!("scope {id}: outside the plan, yet its duties are listed"),
                    );
                }
            }
            for (id, want) in &case.estimated {
                let got = deadline(id).map(|d| d.estimated.as_deref().unwrap_or("none"));
                check(
                    got == Some(want.as_str()),
                    format!("{id} estimated {got:?}, want {want}"),
                );
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
