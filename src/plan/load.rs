//! Reading a plan file: TOML text → `Plan`, with errors that name the file, the place and the problem.

use serde::Deserialize;
use serde_path_to_error::Segment;

use super::version::format_problem;
use super::{validate, Plan, PlanError};

/// Parses and validates one plan file. All validation problems are returned, not just the first; a
/// value the model refuses while reading (an unknown key, a bound without its inclusivity, a clock
/// time that is no time …) stops the reading and is reported alone, with its key path.
pub fn load(file: &str, text: &str) -> Result<Plan, Vec<PlanError>> {
    let error = |path: String, problem: String| PlanError {
        file: file.to_string(),
        path,
        problem,
    };
    // A file written for another format is refused before anything else is read from it.
    if let Ok(probe) = toml::from_str::<Probe>(text) {
        if let Some(problem) = format_problem(probe.plan.and_then(|m| m.format)) {
            return Err(vec![error("plan.format".to_string(), problem)]);
        }
    }
    let plan: Plan =
        serde_path_to_error::deserialize(toml::Deserializer::new(text)).map_err(|e| {
            let at = e.inner().span().map(|span| line_col(text, span.start));
            let problem = chinese(e.inner().message());
            let path = key_path(text, e.path());
            vec![match (path.is_empty(), at) {
                (false, Some(at)) => error(path, format!("{problem}({at})")),
                (false, None) => error(path, problem),
                (true, at) => error(
                    at.unwrap_or_else(|| "?".to_string()),
                    format!("无法解析: {problem}"),
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

/// Just the `[plan] format` key, whatever else the file holds.
#[derive(Deserialize)]
struct Probe {
    plan: Option<ProbeMeta>,
}

#[derive(Deserialize)]
struct ProbeMeta {
    format: Option<u32>,
}

/// The key path as `validate` writes it: `response.rules[4](beyond-city).when.amount` (an array
/// element is followed by its `id`, `name` or `title` when it has one).
fn key_path(text: &str, path: &serde_path_to_error::Path) -> String {
    let doc: Option<toml::Value> = toml::from_str(text).ok();
    let mut at = doc.as_ref();
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
                at = at.and_then(|v| v.get(key.as_str()));
            }
            Segment::Seq { index } => {
                out.push_str(&format!("[{index}]"));
                at = at.and_then(|v| v.get(*index));
                let label = ["id", "name", "title"]
                    .iter()
                    .find_map(|k| at.and_then(|v| v.get(k)).and_then(toml::Value::as_str));
                if let Some(label) = label {
                    out.push_str(&format!("({label})"));
                }
            }
            Segment::Unknown => {
                out.push_str(".?");
                at = None;
            }
        }
    }
    out
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
    let listed = |names: &[String]| names.join(" / ");
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let names = quoted(rest);
        if let Some((first, expected)) = names.split_first() {
            return format!("未知的键“{first}”(此处可用的键: {})", listed(expected));
        }
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let names = quoted(rest);
        if let Some((first, expected)) = names.split_first() {
            return format!("未知的取值“{first}”(只能是: {})", listed(expected));
        }
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        if let Some(name) = quoted(rest).first() {
            return format!("缺少必填的键“{name}”");
        }
    }
    message.trim_end().to_string()
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
