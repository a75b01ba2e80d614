//! The plan workbench's text edits (`yingji::edit`): the outline the editor's forms are drawn from,
//! and edits that change only what they name (comments and formatting elsewhere kept, byte for byte).

use std::path::{Path, PathBuf};

use serde_json::json;
use yingji::edit::{apply, outline, Edit, Seg};

/// Every plan file (`plans/<city>/*.toml`) with its text.
fn all_plans() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut files: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .flat_map(|city| {
            std::fs::read_dir(city.path())
                .into_iter()
                .flatten()
                .flatten()
        })
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 14,
        "expected the 14 plans, found {}",
        files.len()
    );
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect()
}

fn noncoal() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/jincheng/noncoal-mine.toml"),
    )
    .unwrap()
}

fn edits(v: serde_json::Value) -> Vec<Edit> {
    serde_json::from_value(v).unwrap()
}

fn k(s: &str) -> Seg {
    Seg::Key(s.into())
}

#[test]
fn no_edit_gives_the_same_bytes_for_every_plan() {
    for (path, text) in all_plans() {
        let out = apply(&text, &[]).unwrap();
        assert!(out == text, "{} changed on a re-export", path.display());
        // And twice is the same as once.
        assert_eq!(apply(&out, &[]).unwrap(), out);
    }
}

#[test]
fn outline_names_tables_as_the_checker_does_with_lines_and_flattened_inline_tables() {
    let text = noncoal();
    let o = outline(&text).unwrap();
    let plan = o.tables.iter().find(|t| t.name == "plan").unwrap();
    assert_eq!(plan.path, vec![k("plan")]);
    assert_eq!(text.lines().nth(plan.line - 1).unwrap(), "[plan]");
    let id = plan.fields.iter().find(|f| f.key == ["id"]).unwrap();
    assert_eq!(
        (id.kind, &id.value),
        ("string", &json!("jincheng-noncoal-mine"))
    );
    let lines = plan.fields.iter().find(|f| f.key == ["lines"]).unwrap();
    assert_eq!((lines.kind, &lines.value), ("array", &json!([1130, 1691])));

    let deaths = o
        .tables
        .iter()
        .find(|t| t.name == "facts[1](deaths)")
        .unwrap();
    assert_eq!(deaths.path, vec![k("facts"), Seg::Index(1)]);
    let cite_line = deaths
        .fields
        .iter()
        .find(|f| f.key == ["cite", "line"])
        .unwrap();
    assert_eq!(
        (cite_line.kind, &cite_line.value),
        ("integer", &json!(1174))
    );

    let facts = o.arrays.iter().find(|a| a.name == "facts").unwrap();
    assert!(facts.len > 5);
    // Bands: nested arrays of tables, with their bounds' types.
    let band = o
        .tables
        .iter()
        .find(|t| t.name.starts_with("grading.axes[0]") && t.name.ends_with(".bands[1]"))
        .unwrap();
    let min = band.fields.iter().find(|f| f.key == ["min"]).unwrap();
    assert!(matches!(min.kind, "integer" | "float"));
    assert!(band
        .fields
        .iter()
        .any(|f| f.key == ["min_inclusive"] && f.kind == "boolean"));
    // Tables in file order.
    assert!(o.tables.windows(2).all(|w| w[0].line <= w[1].line));
}

#[test]
fn a_set_changes_that_value_only_and_keeps_comments_and_the_float_type() {
    let text = "# head comment\n[a]\nx = 1.0 # why\ny = \"甲\"\n\n# before b\n[[b]]\nid = \"one\"\ncite = { clause = \"1.5\", line = 10 }\n";
    let out = apply(
        text,
        &edits(json!([
            {"op": "set", "path": ["a", "x"], "value": 3},
            {"op": "set", "path": ["b", 0, "cite", "line"], "value": 12},
            {"op": "set", "path": ["a", "y"], "value": "乙\"引\""},
        ])),
    )
    .unwrap();
    assert_eq!(
        out,
        "# head comment\n[a]\nx = 3.0 # why\ny = '乙\"引\"'\n\n# before b\n[[b]]\nid = \"one\"\ncite = { clause = \"1.5\", line = 12 }\n"
    );
    // An integer stays an integer; a fraction makes a float.
    let out = apply(
        "n = 5\n",
        &edits(json!([{"op": "set", "path": ["n"], "value": 7}])),
    )
    .unwrap();
    assert_eq!(out, "n = 7\n");
    let out = apply(
        "n = 5\n",
        &edits(json!([{"op": "set", "path": ["n"], "value": 7.5}])),
    )
    .unwrap();
    assert_eq!(out, "n = 7.5\n");
}

#[test]
fn set_adds_a_missing_key_and_remove_takes_it_away_again() {
    let text = "[[r]]\nid = \"a\"\nquote = \"q\"\n\n[[r]]\nid = \"b\"\n";
    let marked = apply(
        text,
        &edits(json!([{"op": "set", "path": ["r", 1, "review"], "value": "待确认"}])),
    )
    .unwrap();
    assert_eq!(
        marked,
        "[[r]]\nid = \"a\"\nquote = \"q\"\n\n[[r]]\nid = \"b\"\nreview = \"待确认\"\n"
    );
    let cleared = apply(
        &marked,
        &edits(json!([{"op": "remove", "path": ["r", 1, "review"]}])),
    )
    .unwrap();
    assert_eq!(cleared, text);
}

#[test]
fn add_and_remove_array_of_tables_entries() {
    let text = "[plan]\nid = \"p\"\n\n[[contacts]]\nname = \"甲\"\nphone = \"1\"\n";
    let added = apply(
        text,
        &edits(
            json!([{"op": "add", "path": ["contacts"], "value": [["name", "乙"], ["phone", "2"]]}]),
        ),
    )
    .unwrap();
    assert_eq!(
        added,
        "[plan]\nid = \"p\"\n\n[[contacts]]\nname = \"甲\"\nphone = \"1\"\n\n[[contacts]]\nname = \"乙\"\nphone = \"2\"\n"
    );
    // Added after the array's last entry, not at the end of the file.
    let later = apply(
        &format!("{text}\n[notes]\nx = 1\n"),
        &edits(json!([{"op": "add", "path": ["contacts"], "value": [["name", "乙"]]}])),
    )
    .unwrap();
    assert_eq!(
        later,
        "[plan]\nid = \"p\"\n\n[[contacts]]\nname = \"甲\"\nphone = \"1\"\n\n[[contacts]]\nname = \"乙\"\n\n[notes]\nx = 1\n"
    );
    let o = outline(&added).unwrap();
    assert_eq!(
        o.arrays.iter().find(|a| a.name == "contacts").unwrap().len,
        2
    );
    let removed = apply(
        &added,
        &edits(json!([{"op": "remove", "path": ["contacts", 0]}])),
    )
    .unwrap();
    assert_eq!(
        removed,
        "[plan]\nid = \"p\"\n\n[[contacts]]\nname = \"乙\"\nphone = \"2\"\n"
    );
}

#[test]
fn edits_on_a_real_plan_keep_every_other_line() {
    let text = noncoal();
    let o = outline(&text).unwrap();
    let band = o
        .tables
        .iter()
        .find(|t| t.name.starts_with("grading.axes[0]") && t.name.ends_with(".bands[1]"))
        .unwrap();
    let mut path = band.path.clone();
    path.push(k("max"));
    let out = apply(
        &text,
        &[Edit::Set {
            path,
            value: json!(12),
        }],
    )
    .unwrap();
    let changed: Vec<_> = text
        .lines()
        .zip(out.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].1.starts_with("max = 12"), "{changed:?}");
    assert_eq!(text.lines().count(), out.lines().count());
}

#[test]
fn refusals_name_the_key_path_in_chinese() {
    let text = "[[r]]\nid = \"a\"\n";
    let e = apply(
        text,
        &edits(json!([{"op": "set", "path": ["r", 3, "id"], "value": "x"}])),
    )
    .unwrap_err();
    assert_eq!(e, "r[3]: 预案文件中没有这一项");
    let e = apply(
        text,
        &edits(json!([{"op": "remove", "path": ["r", 0, "nope"]}])),
    )
    .unwrap_err();
    assert_eq!(e, "r[0].nope: 预案文件中没有这一项,无法删除");
    let e = apply(
        text,
        &edits(json!([{"op": "set", "path": ["r"], "value": 1}])),
    )
    .unwrap_err();
    assert_eq!(e, "r: 这是一个表,不能直接改为一个值");
    let e = apply(
        text,
        &edits(json!([{"op": "set", "path": ["r", 0, "id"], "value": null}])),
    )
    .unwrap_err();
    assert!(e.starts_with("r[0].id: 空值不能写入"), "{e}");
    let e = outline("[a\n").unwrap_err();
    assert!(e.starts_with("TOML 语法错误"), "{e}");
    let e = apply("x = \n", &[]).unwrap_err();
    assert!(e.starts_with("TOML 语法错误"), "{e}");
}
