//! The editor's table of keys per table kind (`yingji::edit::keys`) against the model: for every
//! kind it lists, the keys the model's reader names when it meets an unknown one are exactly the
//! listed keys, and a key removed from a real plan is reported missing exactly when it is listed as
//! required. So «添加字段» offers what the model accepts, and «删除» only what it can do without.

use std::path::Path;

use yingji::api::load_checked;
use yingji::edit::keys::{Known, CITE, TABLES};
use yingji::edit::{apply, kind_of, outline, Edit, Seg, TableOutline};

fn all_plans() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut files: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .flat_map(|city| std::fs::read_dir(city.path()).unwrap().flatten())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 14, "expected the 14 plans");
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Every table of every plan, with its plan's text.
fn tables(plans: &[String]) -> Vec<(&String, TableOutline)> {
    plans
        .iter()
        .flat_map(|text| {
            outline(text)
                .unwrap()
                .tables
                .into_iter()
                .map(move |t| (text, t))
        })
        .collect()
}

/// The load errors of the text with one edit applied, each as `key path: problem`.
fn problems(text: &str, edit: Edit) -> Vec<String> {
    let out = apply(text, &[edit]).unwrap();
    match load_checked("probe.toml", &out) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .map(|e| format!("{}: {}", e.path, e.problem))
            .collect(),
    }
}

/// The keys the reader says are allowed where an unknown key `zz_probe` was put at `at`.
fn accepted(text: &str, at: Vec<Seg>) -> Vec<String> {
    let mut path = at;
    path.push(Seg::Key("zz_probe".into()));
    let found = problems(
        text,
        Edit::Set {
            path,
            value: "x".into(),
        },
    );
    let head = "未知的键“zz_probe”(此处可用的键: ";
    let p = found
        .iter()
        .find_map(|p| p.split_once(head))
        .unwrap_or_else(|| panic!("no unknown-key error: {found:?}"))
        .1;
    let list = p.split_once(')').unwrap().0;
    let mut keys: Vec<String> = list.split(" / ").map(str::to_string).collect();
    keys.sort();
    keys
}

fn names(keys: &[Known]) -> Vec<String> {
    let mut v: Vec<String> = keys.iter().map(|k| k.0.to_string()).collect();
    v.sort();
    v
}

#[test]
fn every_listed_kind_accepts_exactly_the_listed_keys() {
    let plans = all_plans();
    let all = tables(&plans);
    for (kind, keys) in TABLES {
        let (text, t) = all
            .iter()
            .find(|(_, t)| t.kind == *kind)
            .unwrap_or_else(|| panic!("no plan has a table of kind {kind}"));
        assert_eq!(accepted(text, t.path.clone()), names(keys), "kind {kind}");
    }
    // The cite's keys, probed in a band's cite.
    let (text, band) = all
        .iter()
        .find(|(_, t)| t.kind == "grading.axes.bands")
        .unwrap();
    let mut at = band.path.clone();
    at.push(Seg::Key("cite".into()));
    assert_eq!(accepted(text, at), names(CITE));
}

#[test]
fn a_key_is_required_exactly_when_listed_so() {
    let plans = all_plans();
    let all = tables(&plans);
    let mut checked = 0;
    for (kind, keys) in TABLES {
        for &(name, _, optional) in *keys {
            // A table of this kind that has the key (a field that is it or lies inside it).
            let Some((text, t)) = all
                .iter()
                .find(|(_, t)| t.kind == *kind && t.fields.iter().any(|f| f.key[0] == name))
            else {
                continue;
            };
            let mut path = t.path.clone();
            path.push(Seg::Key(name.into()));
            let found = problems(text, Edit::Remove { path });
            let missing = format!("缺少必填的键“{name}”");
            let said = found.iter().any(|p| p.contains(&missing));
            assert_eq!(said, !optional, "{kind}.{name}: {found:?}");
            checked += 1;
        }
    }
    assert!(checked >= 50, "only {checked} keys could be checked");
}

#[test]
fn the_outline_offers_missing_keys_and_removes_optional_ones() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/jincheng/noncoal-mine.toml"),
    )
    .unwrap();
    let o = outline(&text).unwrap();
    let band = o
        .tables
        .iter()
        .find(|t| t.kind == "grading.axes.bands" && t.fields.iter().all(|f| f.key[0] != "max"))
        .expect("a band without an upper bound");
    let offered: Vec<String> = band.addable.iter().map(|a| a.key.join(".")).collect();
    assert!(offered.contains(&"max".to_string()), "{offered:?}");
    assert!(
        offered.contains(&"max_inclusive".to_string()),
        "{offered:?}"
    );
    assert!(!offered.contains(&"min".to_string()), "{offered:?}");
    assert!(!offered.contains(&"grade".to_string()), "{offered:?}");
    assert!(!offered.contains(&"review".to_string()));
    assert_eq!(
        band.addable.iter().find(|a| a.key == ["max"]).unwrap().kind,
        "float"
    );
    // Its cite may gain line_end unless it has one; a required key is never removable.
    let has_end = band.fields.iter().any(|f| f.key == ["cite", "line_end"]);
    assert_eq!(offered.contains(&"cite.line_end".to_string()), !has_end);
    assert!(band
        .removable
        .iter()
        .all(|k| k[0] != "grade" && k[0] != "quote"));
    assert!(
        band.removable.contains(&vec!["max".to_string()])
            == band.fields.iter().any(|f| f.key == ["max"])
    );
    // A kind the editor does not list offers nothing of its own.
    let root = o.tables.iter().find(|t| t.path.is_empty()).unwrap();
    assert_eq!(root.kind, "");
    assert!(root.addable.iter().all(|a| a.key.len() > 1));
    assert_eq!(kind_of(&band.path), "grading.axes.bands");
}

#[test]
fn the_checker_says_when_an_added_key_is_wrong() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/jincheng/noncoal-mine.toml"),
    )
    .unwrap();
    let o = outline(&text).unwrap();
    // A count fact is offered max (the model has the key) but only a number fact may use it.
    let fact = o
        .tables
        .iter()
        .find(|t| {
            t.kind == "facts"
                && t.fields
                    .iter()
                    .any(|f| f.key == ["type"] && f.value == "count")
        })
        .unwrap();
    assert!(fact.addable.iter().any(|a| a.key == ["max"]));
    let mut path = fact.path.clone();
    path.push(Seg::Key("max".into()));
    let said = problems(
        &text,
        Edit::Set {
            path,
            value: 1000.into(),
        },
    );
    assert_eq!(
        said,
        [format!("{}: 只有数值项(number)可以有 min/max", fact.name)]
    );
    // A cite's line_end: a line number is taken, a text is refused.
    let band = o
        .tables
        .iter()
        .find(|t| t.kind == "grading.axes.bands")
        .unwrap();
    let line = band
        .fields
        .iter()
        .find(|f| f.key == ["cite", "line"])
        .unwrap()
        .value
        .as_u64()
        .unwrap();
    let mut path = band.path.clone();
    path.extend([Seg::Key("cite".into()), Seg::Key("line_end".into())]);
    let ok = problems(
        &text,
        Edit::Set {
            path: path.clone(),
            value: (line + 1).into(),
        },
    );
    assert!(ok.is_empty(), "{ok:?}");
    let bad = problems(
        &text,
        Edit::Set {
            path,
            value: "很多".into(),
        },
    );
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert!(
        bad[0].starts_with(&format!("{}.cite", band.name)),
        "{bad:?}"
    );
}

#[test]
fn a_key_added_to_an_inline_table_goes_last_with_its_spacing() {
    let text = "cite = { clause = \"1.5(1)\", line = 1174 }\ntight = {a = 1}\n";
    let key = |a: &str, b: &str| vec![Seg::Key(a.into()), Seg::Key(b.into())];
    let out = apply(
        text,
        &[
            Edit::Set {
                path: key("cite", "line_end"),
                value: 1175.into(),
            },
            Edit::Set {
                path: key("tight", "b"),
                value: 2.into(),
            },
        ],
    )
    .unwrap();
    assert_eq!(
        out,
        "cite = { clause = \"1.5(1)\", line = 1174, line_end = 1175 }\ntight = {a = 1, b = 2}\n"
    );
    // Removed again: the text it started from.
    let back = apply(
        &out,
        &[Edit::Remove {
            path: key("cite", "line_end"),
        }],
    )
    .unwrap();
    assert_eq!(back, text.replace("{a = 1}", "{a = 1, b = 2}"));
}
