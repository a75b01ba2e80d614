//! The TypeScript contract (`types/yingji-types.d.ts`, copied into `pkg/`) is generated from the Rust
//! types with ts-rs: this test fails when the committed file is not what the types give today.
//! `YINGJI_UPDATE_TYPES=1 cargo test --features ts --test types` rewrites it.
#![cfg(feature = "ts")]

use ts_rs::TS;
use yingji::api::Imported;
use yingji::draft::{Draft, Proposal};
use yingji::engine::outcome::*;
use yingji::finder::Candidate;
use yingji::plan::{ChoiceOption, Cite, Exclusion, FactDef, FactType, PlanError, Review, Table};

/// What ts-rs cannot derive: the input (a facts object keyed by the plan's fact ids), the thrown
/// error, and the two tagged results of the import path.
const HEAD: &str = r#"// The shapes of what the yingji JS API takes and returns (the same JSON as the CLI).
// GENERATED from the Rust types by tests/types.rs (ts-rs): do not edit by hand; run
// `YINGJI_UPDATE_TYPES=1 cargo test --features ts --test types` after changing them.
// Absent values are `null` (never a missing key), except the optional keys marked `?`.

/** One fact's value: count/money/number as numbers, yesno as booleans, choice as the option value,
 *  datetime as RFC 3339 or local `YYYY-MM-DDTHH:MM` (China time), series as a list of numbers.
 *  An absent or null fact is "not given" (the result's `assumed` says what was taken). */
export type FactValue = number | boolean | string | number[] | null;

/** The facts object `evaluate` takes: fact id (see `schema(id).facts`) → value. */
export interface Facts {
  deaths?: number;
  missing?: number;
  trapped?: number;
  serious_injuries?: number;
  /** 急性中毒 */
  poisoned?: number;
  /** 万元 */
  direct_loss_wan?: number;
  evacuated?: number;
  incident_time?: string;
  [fact: string]: FactValue | undefined;
}

/** What `evaluate`, `schema` and `plans` throw on bad input: `message` is Chinese. */
export interface InputError extends Error {
  /** The fact id (or "plan", "now", "facts") the message concerns; "" when none. */
  field: string;
}

/** The import checker's `check(file, text)` (pkg/yingji_check.js): the plan's summary and its bytes
 *  for the engine's `import_plan`, or every problem in the file. */
export type CheckResult = { ok: PlanSummary; plan: Uint8Array; warnings: string[] } | { errors: PlanError[] };

/** `import_plan(file, plan)`: how the plan was taken in, or every problem in the file. */
export type ImportResult = { ok: Imported } | { errors: PlanError[] };
"#;

fn generated() -> String {
    let mut out = String::from(HEAD);
    macro_rules! emit {
        ($($t:ty),* $(,)?) => {$(
            out.push('\n');
            out.push_str("export ");
            out.push_str(&<$t>::decl());
            out.push('\n');
        )*};
    }
    emit!(
        // plans(), schema(id)
        PlanSummary,
        Schema,
        Cite,
        Quoted,
        FactType,
        FactDef,
        ChoiceOption,
        Review,
        // draft(text) (the import checker)
        Draft,
        Proposal,
        Exclusion,
        CriterionDef,
        CriterionKind,
        FactRef,
        BandDef,
        ProvisionalDef,
        LevelDef,
        RuleDef,
        ReportDef,
        TaskDef,
        TerminationDef,
        WarningDef,
        WarningLevelDef,
        HazardDef,
        ActivationDef,
        CheckDef,
        ScopeDef,
        RecoveryOutcome,
        Table,
        // evaluate(id, facts, now): the compact result
        Evaluation<'static>,
        CriterionState<'static>,
        ResponseState<'static>,
        ReasonState<'static>,
        DeadlineState<'static>,
        WarningState<'static>,
        AssumedValue<'static>,
        ActivationState,
        CheckState<'static>,
        ScopeState<'static>,
        CheckStatus,
        ReasonKind,
        DeadlineStatus,
        Counts,
        TaskKind,
        // The joined result (www/join.js, `yingji eval --full`)
        Outcome,
        Criterion,
        FactValueShown,
        ResponseOutcome,
        Reason,
        Deadline,
        TaskGroup,
        TaskItem,
        TerminationOutcome,
        WarningOutcome,
        HazardBasis,
        OrganisationOutcome,
        BodyOutcome,
        UnitOutcome,
        ContactOutcome,
        ProvisionalOutcome,
        NoteOutcome,
        Assumed,
        ActivationOutcome,
        CheckOutcome,
        ScopeOutcome,
        // find(), import
        Candidate,
        Imported,
        PlanError,
    );
    out
}

#[test]
fn the_committed_typescript_types_are_generated_from_the_rust_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/types/yingji-types.d.ts");
    let want = generated();
    if std::env::var_os("YINGJI_UPDATE_TYPES").is_some() {
        std::fs::write(path, &want).expect("write types/yingji-types.d.ts");
        return;
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "types/yingji-types.d.ts is not what the Rust types give: run \
         `YINGJI_UPDATE_TYPES=1 cargo test --features ts --test types` and commit it"
    );
}

/// Every type name the generated file uses is declared in it (a type added to a result but not to
/// `emit!` would otherwise reach `pkg/` as a dangling name; tsc finds it too, but only in the e2e run).
#[test]
fn every_type_the_generated_file_names_is_declared() {
    let text = generated();
    let declared: Vec<&str> = text
        .lines()
        .filter_map(|l| {
            l.strip_prefix("export type ")
                .or_else(|| l.strip_prefix("export interface "))
        })
        .filter_map(|rest| rest.split([' ', '<', '=']).next())
        .collect();
    const BUILTIN: &[&str] = &[
        "Array",
        "Record",
        "Error",
        "Uint8Array",
        "Partial",
        "Readonly",
    ];
    let mut missing: Vec<String> = Vec::new();
    let code = text.lines().filter(|l| {
        let t = l.trim_start();
        !(t.starts_with("//") || t.starts_with('*') || t.starts_with("/*"))
    });
    for line in code {
        // Names in type positions: after ':', '<', '|', ',' or '(', outside string literals.
        let mut in_str = false;
        let mut word = String::new();
        let mut prev = ' ';
        let mut take = false;
        for ch in line.chars().chain([' ']) {
            if ch == '\'' || ch == '"' {
                in_str = !in_str;
            }
            if in_str {
                continue;
            }
            if ch.is_ascii_alphanumeric() || ch == '_' {
                if word.is_empty() {
                    take = matches!(prev, ':' | '<' | '|' | ',' | '(');
                }
                word.push(ch);
                continue;
            }
            let unknown = take
                && word.starts_with(|c: char| c.is_ascii_uppercase())
                && !declared.contains(&word.as_str())
                && !BUILTIN.contains(&word.as_str());
            if unknown && !missing.contains(&word) {
                missing.push(word.clone());
            }
            word.clear();
            if !ch.is_whitespace() {
                prev = ch;
            }
        }
    }
    assert!(
        missing.is_empty(),
        "named in types/yingji-types.d.ts but not declared (add them to emit!): {missing:?}"
    );
}
