//! The constructs of issue 16 (scope rulings, 后期处置, estimated clock starts) reject a damaged plan
//! with the place and the reason. Each case edits a real plan text once.

use yingji::plan::{load, PlanError};

const NONCOAL: &str = include_str!("../plans/jincheng/noncoal-mine.toml");
const CHEMICALS: &str = include_str!("../plans/jincheng/hazardous-chemicals.toml");
const FILE: &str = "county-edit.toml";

fn edited(plan: &str, from: &str, to: &str) -> Vec<PlanError> {
    assert!(plan.contains(from), "test edit does not apply: {from}");
    match load(FILE, &plan.replacen(from, to, 1)) {
        Ok(_) => panic!("edit accepted: {from} → {to}"),
        Err(errors) => errors,
    }
}

fn has(errors: &[PlanError], path: &str, problem: &str) -> bool {
    errors
        .iter()
        .any(|e| e.path.contains(path) && e.problem.contains(problem))
}

#[test]
fn the_real_plans_load() {
    assert!(load(FILE, NONCOAL).is_ok());
    assert!(load(FILE, CHEMICALS).is_ok());
}

#[test]
fn a_blank_scope_answer_may_not_rule_the_incident_out() {
    // The first option is what a blank answer takes: it must keep the plan applying.
    let errors = edited(NONCOAL, "outside = [\"no\"]", "outside = [\"unruled\"]");
    assert!(
        has(
            &errors,
            "applicability[0](production-accident).outside",
            "默认值"
        ),
        "{errors:?}"
    );
}

#[test]
fn a_scope_answer_must_be_an_option() {
    let errors = edited(NONCOAL, "outside = [\"no\"]", "outside = [\"never\"]");
    assert!(
        has(
            &errors,
            "applicability[0]",
            "“never”不是“scope_ruling”的选项"
        ),
        "{errors:?}"
    );
}

#[test]
fn a_scope_question_must_be_a_choice() {
    let errors = edited(
        NONCOAL,
        "fact = \"scope_ruling\"\noutside",
        "fact = \"deaths\"\noutside",
    );
    assert!(
        has(
            &errors,
            "applicability[0](production-accident).fact",
            "类型"
        ),
        "{errors:?}"
    );
}

#[test]
fn a_recovery_report_names_whom_it_goes_to() {
    let errors = edited(
        NONCOAL,
        "reports = \"市指挥部\"\nto = \"市人民政府和有关部门\"",
        "reports = \"市指挥部\"\nto = \"\"",
    );
    assert!(
        has(&errors, "recovery[2](investigation)", "reports 和 to"),
        "{errors:?}"
    );
}

#[test]
fn a_recovery_duty_is_cited() {
    let errors = edited(
        NONCOAL,
        "cite = { clause = \"5.3\", line = 1504, line_end = 1506 }",
        "cite = { clause = \"5.3\", line = 99999 }",
    );
    assert!(
        has(&errors, "recovery[2](investigation)", "行"),
        "{errors:?}"
    );
}

#[test]
fn an_unstated_start_is_counted_from_the_incident_only() {
    let errors = edited(
        CHEMICALS,
        "anchor = \"incident_time\"\nwithin_minutes = 60",
        "anchor = \"phone_report_time\"\nwithin_minutes = 60",
    );
    assert!(
        has(&errors, "start_unstated", "incident_time"),
        "{errors:?}"
    );
}
