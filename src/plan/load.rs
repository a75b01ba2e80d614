//! Reading a plan file: TOML text → `Plan`, with errors that name the file, the place and the problem.

use toml_edit::{ImDocument, Item, Table, Value};

use super::bound::unpaired;
use super::keys::{LIMITS, RUN, TWO_LIMITS, VALUE};
use super::version::format_problem;
use super::{validate, Plan, PlanError};

/// Parses and validates one plan file. All validation problems are returned, not just the first; a
/// value the model refuses while reading (an unknown key, a bound without its inclusivity, a clock
/// time that is no time …) stops the reading and is reported alone, with its key path and place.
pub fn load(file: &str, text: &str) -> Result<Plan, Vec<PlanError>> {
    let error = |path: String, problem: String| PlanError {
        file: file.to_string(),
        path,
        problem,
    };
    // The document with its spans (None: a syntax error, which the reading below reports).
    let doc = ImDocument::parse(text).ok();
    // A file written for another format is refused before anything else is read from it.
    let format = doc
        .as_ref()
        .and_then(|d| d.as_table().get("plan")?.get("format")?.as_integer());
    if let Some(problem) = format.and_then(|f| format_problem(Some(u32::try_from(f).unwrap_or(0))))
    {
        return Err(vec![error("plan.format".to_string(), problem)]);
    }
    if let Some(doc) = &doc {
        let mut problems = Vec::new();
        layout(doc.as_table(), "", &mut problems);
        if !problems.is_empty() {
            return Err(problems
                .into_iter()
                .map(|(path, problem)| error(path, problem))
                .collect());
        }
    }
    let plan: Plan = toml::from_str(text).map_err(|e| {
        let start = e.span().map(|span| span.start);
        let at = start.map(|offset| line_col(text, offset));
        let path = doc
            .as_ref()
            .zip(start)
            .and_then(|(d, offset)| in_table(d.as_table(), offset));
        vec![match (path, at) {
            (Some(path), Some(at)) => error(path, format!("{}({at})", chinese(e.message()))),
            (_, at) => error(
                at.unwrap_or_else(|| "?".to_string()),
                format!(
                    "无法解析:TOML 语法有误(常见原因:文字没有加英文双引号、括号或引号不配对、同一个键写了两次)。解析器原文:{}",
                    e.message().trim_end()
                ),
            ),
        }]
    })?;
    let problems = validate(&plan);
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(problems
            .into_iter()
            .map(|(path, problem)| error(path, problem))
            .collect())
    }
}

/// The key path, as `validate` writes it, of the innermost key whose value holds `offset`:
/// `response.rules[4](beyond-city).when` (an array element is followed by its `id`, `name` or `title`
/// when it has one). Tables are searched whole, since a table's sub-tables (`[[grading.axes]]` under
/// `[grading]`) lie outside its own span.
fn in_table(table: &Table, offset: usize) -> Option<String> {
    for (key, item) in table.iter() {
        let found = match item {
            Item::None => None,
            Item::Value(v) => in_value(v, offset),
            Item::Table(t) => {
                in_table(t, offset).or_else(|| holds(t.span(), offset).then(String::new))
            }
            Item::ArrayOfTables(tables) => tables.iter().enumerate().find_map(|(i, t)| {
                let inner =
                    in_table(t, offset).or_else(|| holds(t.span(), offset).then(String::new))?;
                Some(format!(
                    "[{i}]{}{}",
                    label(t.get("id").or(t.get("name")).or(t.get("title"))),
                    dot(&inner)
                ))
            }),
        };
        if let Some(rest) = found {
            return Some(format!(
                "{key}{}",
                if rest.starts_with('[') {
                    rest
                } else {
                    dot(&rest)
                }
            ));
        }
    }
    None
}

/// Bounds without their inclusivity (or the reverse) and reporting duties with two limits, anywhere
/// in the file, each with its key path. The model refuses the same while reading (`keys.rs`), but one
/// at a time and placed only by its whole array; found here first, every one is reported as the
/// validator reports its problems.
fn layout(table: &Table, path: &str, out: &mut Vec<(String, String)>) {
    for (key, item) in table.iter() {
        let at = format!("{path}{}{key}", if path.is_empty() { "" } else { "." });
        match item {
            Item::Table(t) => {
                check_layout(key, &|k| t.contains_key(k), &at, out);
                layout(t, &at, out);
            }
            Item::ArrayOfTables(tables) => {
                for (i, t) in tables.iter().enumerate() {
                    let at = format!(
                        "{at}[{i}]{}",
                        label(t.get("id").or(t.get("name")).or(t.get("title")))
                    );
                    check_layout(key, &|k| t.contains_key(k), &at, out);
                    layout(t, &at, out);
                }
            }
            Item::Value(v) => layout_value(key, v, &at, out),
            Item::None => {}
        }
    }
}

fn layout_value(key: &str, value: &Value, at: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::InlineTable(t) => {
            check_layout(key, &|k| t.contains_key(k), at, out);
            for (k, v) in t.iter() {
                layout_value(k, v, &format!("{at}.{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                layout_value(key, v, &format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// The checks of one table that sits under `key` (an array's element: under the array's key).
fn check_layout(key: &str, has: &dyn Fn(&str) -> bool, at: &str, out: &mut Vec<(String, String)>) {
    let ranges: &[[&str; 2]] = match key {
        "bands" | "amount" => &[VALUE],
        "series_run" | "containing" => &[VALUE, RUN],
        _ => &[],
    };
    for name in ranges.iter().flatten() {
        if has(name) != has(&format!("{name}_inclusive")) {
            out.push((at.to_string(), unpaired(name, has(name))));
        }
    }
    if key == "reporting" && LIMITS.iter().filter(|k| has(k)).count() > 1 {
        out.push((at.to_string(), TWO_LIMITS.to_string()));
    }
}

/// Within a value (`Some("")`: the value itself).
fn in_value(value: &Value, offset: usize) -> Option<String> {
    if !holds(value.span(), offset) {
        return None;
    }
    let inner = match value {
        Value::InlineTable(t) => t
            .iter()
            .find_map(|(key, v)| Some(format!("{key}{}", nested(&in_value(v, offset)?)))),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| Some(format!("[{i}]{}", nested(&in_value(v, offset)?)))),
        _ => None,
    };
    Some(inner.unwrap_or_default())
}

fn holds(span: Option<std::ops::Range<usize>>, offset: usize) -> bool {
    span.is_some_and(|s| s.contains(&offset))
}

fn dot(rest: &str) -> String {
    if rest.is_empty() {
        String::new()
    } else {
        format!(".{rest}")
    }
}

fn nested(rest: &str) -> String {
    if rest.starts_with('[') {
        rest.to_string()
    } else {
        dot(rest)
    }
}

fn label(item: Option<&Item>) -> String {
    item.and_then(Item::as_str)
        .map_or_else(String::new, |s| format!("({s})"))
}

/// serde's English messages for the common cases, in Chinese; anything else as it is.
fn chinese(message: &str) -> String {
    let quoted = |s: &str| -> Vec<String> {
        s.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    if let Some(rest) = message.strip_prefix("unknown field ") {
        if let Some((first, expected)) = quoted(rest).split_first() {
            return format!("未知的键“{first}”(此处可用的键: {})", expected.join(" / "));
        }
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        if let Some((first, expected)) = quoted(rest).split_first() {
            return format!("未知的取值“{first}”(只能是: {})", expected.join(" / "));
        }
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        if let Some(name) = quoted(rest).first() {
            return format!("缺少必填的键“{name}”");
        }
    }
    // "invalid type: string \"很多\", expected u32": the value may be Chinese, the sentence is not.
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((got, want)) = rest.trim_end().rsplit_once(", expected ") {
            return format!(
                "类型不对:写的是{},此处应为{}",
                type_words(got),
                type_words(want)
            );
        }
    }
    let message = message.trim_end();
    // The model's own messages are Chinese already; anything else the reader says (a bad value) is
    // English: shown in its own words after a Chinese explanation.
    if message
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    {
        return message.to_string();
    }
    format!("取值不符合预案文件格式。解析器原文:{message}")
}

/// serde's words for a value or a type ("string \"很多\"", "floating point `3.5`", "u32", "a boolean"),
/// in Chinese.
fn type_words(words: &str) -> String {
    let w = words.trim();
    let w = w.strip_prefix("an ").or(w.strip_prefix("a ")).unwrap_or(w);
    const NAMES: [(&[&str], &str); 7] = [
        (&["string", "char"], "文字(带引号)"),
        (
            &[
                "integer", "u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64",
            ],
            "整数",
        ),
        (&["floating point", "f32", "f64", "float"], "数"),
        (&["boolean", "bool"], "true 或 false"),
        (&["sequence", "seq"], "列表 [ … ]"),
        (&["map", "struct", "table"], "表 { … }"),
        (&["unit", "option"], "空值"),
    ];
    for (kinds, name) in NAMES {
        for kind in kinds {
            if let Some(rest) = w.strip_prefix(kind) {
                if rest.is_empty() || rest.starts_with(' ') {
                    let value = rest.trim().trim_matches('`');
                    return if value.is_empty() {
                        name.to_string()
                    } else {
                        format!("{name} {value}")
                    };
                }
            }
        }
    }
    format!("“{w}”")
}

/// `第L行第C列` (1-based, columns in characters) for a byte offset.
fn line_col(text: &str, offset: usize) -> String {
    // Never slice inside a character, whatever offset the parser reports.
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let before = &text[..end];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |s| s.chars().count()) + 1;
    format!("第{line}行第{col}列")
}

#[cfg(test)]
mod type_words_tests {
    use super::chinese;

    /// A value of the wrong type is explained in Chinese even when the value itself is Chinese.
    #[test]
    fn a_wrong_type_is_said_in_chinese() {
        assert_eq!(
            chinese("invalid type: string \"很多\", expected u32"),
            "类型不对:写的是文字(带引号) \"很多\",此处应为整数"
        );
        assert_eq!(
            chinese("invalid type: floating point `3.5`, expected a boolean"),
            "类型不对:写的是数 3.5,此处应为true 或 false"
        );
        assert_eq!(
            chinese("invalid type: integer `3`, expected a sequence"),
            "类型不对:写的是整数 3,此处应为列表 [ … ]"
        );
    }
}
