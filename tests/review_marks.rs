//! «待确认» marks (`review = "待确认"`): accepted on any table, counted in the plan's summary, told
//! by `yingji check` as a warning (a draft can be tried), and refused with the key path for any
//! other value.

use std::process::Command;

use serde_json::Value;

const PLAN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/plans/jincheng/noncoal-mine.toml"
);

fn text() -> String {
    std::fs::read_to_string(PLAN).unwrap()
}

/// The file with `review = <value>` added under the first line `header` of each given header.
fn marked(headers: &[&str], value: &str) -> String {
    let mut out = text();
    for h in headers {
        let at = out.find(&format!("\n{h}\n")).expect(h) + h.len() + 2;
        out.insert_str(at, &format!("review = {value}\n"));
    }
    out
}

#[test]
fn the_curated_plans_have_no_marks() {
    let plans = yingji::plans().unwrap();
    assert_eq!(plans.len(), 14);
    for p in plans {
        assert_eq!(p.unconfirmed, 0, "{}", p.id);
    }
}

#[test]
fn marks_on_any_table_are_counted() {
    let headers = [
        "[plan]",
        "[[grading.axes.bands]]",
        "[[response.levels]]",
        "[[reporting]]",
        "[[contacts]]",
    ];
    for n in 1..=headers.len() {
        let summary = yingji::check("x.toml", &marked(&headers[..n], "\"待确认\"")).unwrap();
        assert_eq!(summary.unconfirmed, n as u32, "{:?}", &headers[..n]);
    }
    assert_eq!(yingji::check("x.toml", &text()).unwrap().unconfirmed, 0);
}

#[test]
fn another_value_is_refused_with_its_key_path() {
    let errors = yingji::check("x.toml", &marked(&["[[reporting]]"], "\"已确认\"")).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].path.starts_with("reporting[0]"), "{errors:?}");
    assert!(errors[0].path.ends_with(".review"), "{errors:?}");
    assert!(
        errors[0]
            .problem
            .contains("未知的取值“已确认”(只能是: 待确认)"),
        "{errors:?}"
    );
    let errors = yingji::check("x.toml", &marked(&["[plan]"], "true")).unwrap_err();
    assert!(errors[0].path.starts_with("plan"), "{errors:?}");
}

#[test]
fn check_passes_a_draft_with_a_warning() {
    let file = std::env::temp_dir().join(format!("yingji-marks-{}.toml", std::process::id()));
    std::fs::write(&file, marked(&["[plan]", "[[contacts]]"], "\"待确认\"")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_yingji"))
        .args(["check", file.to_str().unwrap()])
        .output()
        .unwrap();
    std::fs::remove_file(&file).ok();
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["ok"]["unconfirmed"], 2);
    assert_eq!(json["warnings"][0], "草稿：2 处待确认");
    assert!(String::from_utf8_lossy(&out.stderr).contains("草稿：2 处待确认"));

    let out = Command::new(env!("CARGO_BIN_EXE_yingji"))
        .args(["check", PLAN])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["warnings"], serde_json::json!([]));
}
