//! A county's edited plan imported into a session (what the page does with a file the user picks):
//! listed beside the embedded plans, evaluable, never replacing an embedded plan, and rejected with
//! positioned errors when it is broken.

use yingji::api::{Session, IMPORTED_PREFIX, MAX_IMPORT_BYTES};
use yingji::engine::{RawFacts, RawValue};

const PLAN: &str = include_str!("../plans/jincheng/noncoal-mine.toml");
const ID: &str = "jincheng-noncoal-mine";
const NOW: &str = "2026-11-23T16:00:00+08:00";

fn with_id(id: &str) -> String {
    PLAN.replacen(&format!("id = \"{ID}\""), &format!("id = \"{id}\""), 1)
}

fn facts(pairs: &[(&str, RawValue)]) -> RawFacts {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

#[test]
fn an_imported_plan_is_listed_and_evaluated() {
    let mut s = Session::new();
    let embedded = s.plans().unwrap().len();
    let text = with_id("gaoping-noncoal-mine").replacen(
        "title = \"晋城市非煤矿山",
        "title = \"高平市非煤矿山",
        1,
    );
    let got = s.import("高平市.toml", &text).unwrap();
    assert_eq!(got.summary.id, "gaoping-noncoal-mine");
    assert_eq!(got.summary.imported.as_deref(), Some("高平市.toml"));
    assert_eq!(got.renamed_from, None);
    assert!(!got.replaced);

    let list = s.plans().unwrap();
    assert_eq!(list.len(), embedded + 1);
    assert!(list[..embedded].iter().all(|p| p.imported.is_none()));
    assert_eq!(list[embedded].title, "高平市非煤矿山生产安全事故应急预案");

    let schema = s.schema("gaoping-noncoal-mine").unwrap();
    assert_eq!(schema.plan.imported.as_deref(), Some("高平市.toml"));
    assert!(schema.facts.iter().any(|f| f.id == "deaths"));

    let out = s
        .evaluate_full(
            "gaoping-noncoal-mine",
            &facts(&[("deaths", RawValue::Number(5.0))]),
            NOW,
        )
        .unwrap();
    assert_eq!(out.grade.as_deref(), Some("较大"));
    assert_eq!(out.plan.imported.as_deref(), Some("高平市.toml"));
    // The same engine answers for an imported copy as for the embedded plan.
    let embedded_out =
        yingji::evaluate_full(ID, &facts(&[("deaths", RawValue::Number(5.0))]), NOW).unwrap();
    assert_eq!(
        out.response.as_ref().map(|r| &r.level),
        embedded_out.response.as_ref().map(|r| &r.level)
    );

    // Bad input to an imported plan is refused exactly as for an embedded one.
    let err = s
        .evaluate_full(
            "gaoping-noncoal-mine",
            &facts(&[("deaths", RawValue::Number(-1.0))]),
            NOW,
        )
        .unwrap_err();
    assert_eq!(err.field, "deaths");

    assert!(s.forget("gaoping-noncoal-mine"));
    assert!(!s.forget("gaoping-noncoal-mine"));
    assert!(!s.forget(ID), "an embedded plan cannot be forgotten");
    assert_eq!(s.plans().unwrap().len(), embedded);
    assert_eq!(s.schema("gaoping-noncoal-mine").unwrap_err().field, "plan");
}

#[test]
fn an_import_never_replaces_an_embedded_plan() {
    let mut s = Session::new();
    let edited = PLAN.replacen(
        "title = \"晋城市非煤矿山",
        "title = \"(县改)晋城市非煤矿山",
        1,
    );
    let got = s.import("county.toml", &edited).unwrap();
    assert_eq!(got.renamed_from.as_deref(), Some(ID));
    assert_eq!(got.summary.id, format!("{IMPORTED_PREFIX}{ID}"));
    // The embedded plan is untouched and still answers under its own id.
    let embedded = s.schema(ID).unwrap();
    assert_eq!(embedded.plan.imported, None);
    assert_eq!(embedded.plan.title, "晋城市非煤矿山生产安全事故应急预案");
    let imported = s.schema(&got.summary.id).unwrap();
    assert!(imported.plan.title.starts_with("(县改)"));

    // Importing the same file again replaces the earlier import, and says so.
    let again = s.import("county.toml", &edited).unwrap();
    assert!(again.replaced);
    let ids: Vec<String> = s.plans().unwrap().into_iter().map(|p| p.id).collect();
    assert_eq!(ids.iter().filter(|id| **id == got.summary.id).count(), 1);
    assert_eq!(ids.iter().filter(|id| **id == ID).count(), 1);
}

#[test]
fn broken_files_are_refused_with_their_place() {
    let mut s = Session::new();
    // TOML syntax: line and column.
    let broken = PLAN.replacen("date = \"2020-10-12\"", "date = 2020-10-12\"", 1);
    let errors = s.import("坏.toml", &broken).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].file, "坏.toml");
    assert!(
        errors[0].path.starts_with("第11行第"),
        "{:?}",
        errors[0].path
    );
    // Validation: the key path and the problem, every one of them.
    let gap = PLAN.replacen(
        "min = 10\nmin_inclusive = true\nmax = 30",
        "min = 11\nmin_inclusive = true\nmax = 30",
        1,
    );
    let errors = s.import("gap.toml", &gap).unwrap_err();
    assert!(
        errors
            .iter()
            .any(|e| e.path.starts_with("grading.axes[0](deaths)") && e.problem.contains("空档")),
        "{errors:?}"
    );
    // Not TOML at all, empty, oversized.
    assert!(s.import("x.toml", "<html>").is_err());
    assert!(s.import("x.toml", "").is_err());
    let huge = "#".repeat(MAX_IMPORT_BYTES + 1);
    let errors = s.import("huge.toml", &huge).unwrap_err();
    assert!(errors[0].problem.contains("文件过大"), "{errors:?}");
    // Nothing was added by any of these.
    assert_eq!(s.plans().unwrap().len(), yingji::plans().unwrap().len());
}
