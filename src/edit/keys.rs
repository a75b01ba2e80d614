//! The keys a table of the plan file may have, by the kind of table (its key path with the array
//! indexes left out: `grading.axes.bands`), so the editor can offer «添加字段» with the ones a table
//! does not have yet, and «删除» only for the optional ones. Written out here (the model's
//! deserialisation cannot be listed at run time); `tests/edit_keys.rs` checks every kind against
//! what the model accepts and requires, so the two cannot drift apart.

use serde::Serialize;

/// What a key's value is, as the forms ask for it: `string`, `integer`, `float`, `boolean`,
/// `array`, or `table` (a nested table or condition, not offered as a new field).
pub type Kind = &'static str;

/// One key the model accepts: its name, its kind and whether it may be left out.
pub type Known = (&'static str, Kind, bool);

/// The keys of a `cite = { … }` inline table (the model's `Cite`).
pub const CITE: &[Known] = &[
    ("clause", "string", false),
    ("line", "integer", false),
    ("line_end", "integer", true),
    ("chars", "array", true),
];

/// The table kinds the editor knows, by key path without indexes.
pub const TABLES: &[(&str, &[Known])] = &[
    (
        "plan",
        &[
            ("id", "string", false),
            ("city", "string", false),
            ("title", "string", false),
            ("doc_number", "string", false),
            ("date", "string", false),
            ("issuer", "string", false),
            ("source", "string", false),
            ("lines", "array", false),
            ("format", "integer", true),
            ("review", "string", true),
        ],
    ),
    (
        "facts",
        &[
            ("id", "string", false),
            ("type", "string", false),
            ("unit", "string", true),
            ("label", "string", false),
            ("help", "string", false),
            ("judgement", "boolean", true),
            ("required", "boolean", true),
            ("options", "table", true),
            ("cite", "table", true),
            ("min", "float", true),
            ("max", "float", true),
            ("group", "string", true),
            ("item", "string", true),
            ("max_items", "integer", true),
            ("not_before", "string", true),
            ("review", "string", true),
        ],
    ),
    (
        "grading.axes",
        &[
            ("id", "string", false),
            ("label", "string", false),
            ("unit", "string", false),
            ("facts", "array", false),
            ("bands", "table", false),
            ("review", "string", true),
        ],
    ),
    (
        "grading.axes.bands",
        &[
            ("grade", "string", false),
            ("min", "float", true),
            ("min_inclusive", "boolean", true),
            ("max", "float", true),
            ("max_inclusive", "boolean", true),
            ("text", "string", false),
            ("cite", "table", false),
            ("quote", "string", false),
            ("review", "string", true),
        ],
    ),
    (
        "reporting",
        &[
            ("id", "string", false),
            ("when", "table", false),
            ("who", "string", false),
            ("to", "string", false),
            ("what", "string", false),
            ("anchor", "string", false),
            ("within_minutes", "integer", true),
            ("limit_text", "string", false),
            ("by_clock", "string", true),
            ("cite", "table", false),
            ("quote", "string", false),
            ("within_days", "integer", true),
            ("within_working_days", "integer", true),
            ("estimate", "boolean", true),
            ("start_unstated", "boolean", true),
            ("review", "string", true),
        ],
    ),
    (
        "contacts",
        &[
            ("unit", "string", false),
            ("phone", "string", false),
            ("line", "integer", false),
            ("review", "string", true),
        ],
    ),
    (
        "notes",
        &[
            ("id", "string", false),
            ("kind", "string", false),
            ("title", "string", false),
            ("reading", "string", false),
            ("reason", "string", false),
            ("cite", "table", false),
            ("quote", "string", true),
            ("when", "table", true),
            ("review", "string", true),
        ],
    ),
];

/// A key the editor may add to a table: its key path inside the table and its kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Offer {
    pub key: Vec<String>,
    #[serde(rename = "type")]
    pub kind: Kind,
}

/// The known keys of a table kind (`grading.axes.bands`), if the editor knows it.
pub fn known(kind: &str) -> Option<&'static [Known]> {
    TABLES
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, keys)| *keys)
}

/// For a table of this kind with these field keys: the keys it may add (plain values only; the
/// `review` mark has its own 确认 button) and the optional keys it has, which it may remove.
pub fn offers(kind: &str, present: &[Vec<String>]) -> (Vec<Offer>, Vec<Vec<String>>) {
    let mut add = Vec::new();
    let mut remove = Vec::new();
    // A key is there if a field is it or lies inside it (`cite` for `cite.line`).
    let has = |key: &[&str]| {
        present
            .iter()
            .any(|p| p.len() >= key.len() && p.iter().zip(key).all(|(a, b)| a == b))
    };
    let mut scan = |prefix: &[&str], keys: &[Known]| {
        for &(name, kind, optional) in keys {
            let key: Vec<&str> = prefix.iter().copied().chain([name]).collect();
            let owned = || key.iter().map(|s| s.to_string()).collect::<Vec<_>>();
            if has(&key) {
                if optional && name != "review" {
                    remove.push(owned());
                }
            } else if kind != "table" && name != "review" {
                add.push(Offer { key: owned(), kind });
            }
        }
    };
    if let Some(keys) = known(kind) {
        scan(&[], keys);
    }
    // Every `cite = { … }` the table has (its own, or a rule's: `condition.cite`).
    let mut cites: Vec<&[String]> = present
        .iter()
        .filter(|p| p.len() >= 2 && p[p.len() - 2] == "cite")
        .map(|p| &p[..p.len() - 1])
        .collect();
    cites.dedup();
    for c in cites {
        let prefix: Vec<&str> = c.iter().map(String::as_str).collect();
        scan(&prefix, CITE);
    }
    (add, remove)
}
