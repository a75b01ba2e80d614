//! Reading a plan file: TOML text → `Plan`, with errors that name the file, the place and the problem.

use super::{validate, Plan, PlanError};

/// Parses and validates one plan file. All validation problems are returned, not just the first.
pub fn load(file: &str, text: &str) -> Result<Plan, Vec<PlanError>> {
    let plan: Plan = toml::from_str(text).map_err(|e| {
        let path = match e.span() {
            Some(span) => line_col(text, span.start),
            None => "?".to_string(),
        };
        vec![PlanError {
            file: file.to_string(),
            path,
            problem: format!("无法解析: {}", e.message()),
        }]
    })?;
    let problems = validate(&plan);
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(problems
            .into_iter()
            .map(|(path, problem)| PlanError {
                file: file.to_string(),
                path,
                problem,
            })
            .collect())
    }
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
