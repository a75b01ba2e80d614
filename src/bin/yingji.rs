//! The CLI: a thin shell over `yingji::api`, JSON in and out.
//!
//!   yingji plans                 list the embedded plans
//!   yingji schema <plan-id>      the facts a plan asks for and the static texts of its results
//!   yingji eval <plan-id>        facts (JSON object) on stdin → the compact result on stdout
//!   yingji eval --full <plan-id> … the result joined with the schema, for reading by eye
//!   yingji check <file.toml>     validate a plan file
//!   yingji find [--city 城市] <描述…>   the plans for an incident description
//!   yingji draft <plan.txt> [--lines A-B] [--json]   a draft plan file (TOML) from a plan's text;
//!                                what was left out on stderr; `--json`: `{toml, proposals, warnings}`
//!
//! Bad input: exit code 2 and `{"error": {"field", "message"}}` on stdout.

use std::io::{Read, Write};
use std::process::ExitCode;

use serde::Serialize;
use yingji::engine::{china, RawFacts, RawValue};
use yingji::InputError;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["plans"] => yingji::plans().map(|p| json(&p)),
        ["schema", id] => yingji::schema(id).map(|s| json(&s)),
        ["eval", id] => read_facts()
            .and_then(|(facts, now)| yingji::evaluate(id, &facts, &now).map(|o| json(&o))),
        ["eval", "--full", id] | ["eval", id, "--full"] => read_facts()
            .and_then(|(facts, now)| yingji::evaluate_full(id, &facts, &now))
            .map(|o| json(&o)),
        ["check", file] => return check(file),
        ["draft", file, rest @ ..] => return draft(file, rest),
        ["find", "--city", city, words @ ..] => {
            yingji::find(&words.join(" "), Some(city)).map(|c| json(&c))
        }
        ["find", words @ ..] => yingji::find(&words.join(" "), None).map(|c| json(&c)),
        _ => {
            eprintln!(
                "用法: yingji plans | schema <预案id> | eval [--full] <预案id> < facts.json | check <预案文件.toml> | find [--city 城市] <事故描述> | draft <预案原文.txt> [--lines A-B] [--json]"
            );
            return ExitCode::from(64);
        }
    };
    match result {
        Ok(out) => {
            emit(&out);
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

/// Writes one result to stdout. A reader that has gone (`yingji eval … | head`) is not an error of
/// ours: `println!` would panic on the broken pipe.
fn emit(text: &str) {
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| format!("{{\"error\":{{\"field\":\"\",\"message\":\"{e}\"}}}}"))
}

fn fail(e: &InputError) -> ExitCode {
    emit(&json(&serde_json::json!({ "error": e })));
    ExitCode::from(2)
}

/// Facts from stdin; `now` is taken from the facts if given, else from the system clock (the only
/// place the clock is read).
fn read_facts() -> Result<(RawFacts, String), InputError> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| InputError::new("facts", format!("无法读取标准输入:{e}")))?;
    let facts: RawFacts = serde_json::from_str(&text).map_err(|e| {
        InputError::new(
            "facts",
            format!(
                "输入不是有效的JSON对象(第{}行第{}列):{e}",
                e.line(),
                e.column()
            ),
        )
    })?;
    let now = match facts.get("now") {
        Some(RawValue::Text(now)) => now.clone(),
        Some(RawValue::Null) | None => {
            chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
                .with_timezone(&china())
                .to_rfc3339()
        }
        Some(_) => return Err(InputError::new("now", "当前时间(now)应为日期时间文字")),
    };
    Ok((facts, now))
}

/// A file's text, or the Chinese message saying why it cannot be read.
fn read(file: &str) -> Result<String, ExitCode> {
    std::fs::read_to_string(file).map_err(|e| {
        fail(&InputError::new(
            "file",
            format!("无法读取文件“{file}”:{e}"),
        ))
    })
}

fn check(file: &str) -> ExitCode {
    let text = match read(file) {
        Ok(t) => t,
        Err(code) => return code,
    };
    match yingji::check(file, &text) {
        Ok(summary) => {
            // A draft (marks left) passes with a warning: it can be tried.
            let warnings: Vec<String> = yingji::plan::draft_warning(summary.unconfirmed)
                .into_iter()
                .collect();
            for w in &warnings {
                eprintln!("警告: {w}");
            }
            emit(&json(
                &serde_json::json!({ "ok": summary, "warnings": warnings }),
            ));
            ExitCode::SUCCESS
        }
        Err(errors) => {
            emit(&json(&serde_json::json!({ "errors": errors })));
            ExitCode::from(2)
        }
    }
}

/// `yingji draft plan.txt [--lines A-B] [--json]`.
fn draft(file: &str, rest: &[&str]) -> ExitCode {
    let text = match read(file) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let mut lines = None;
    let mut as_json = false;
    let mut args = rest.iter();
    while let Some(arg) = args.next() {
        match *arg {
            "--json" => as_json = true,
            "--lines" => {
                let range = args.next().and_then(|r| {
                    let (a, b) = r.split_once('-')?;
                    Some([a.trim().parse().ok()?, b.trim().parse().ok()?])
                });
                match range {
                    Some([a, b]) if a >= 1 && a <= b => lines = Some([a, b]),
                    _ => {
                        return fail(&InputError::new(
                            "lines",
                            "--lines 应写成“起始行-结束行”,如 --lines 1130-1691",
                        ))
                    }
                }
            }
            other => return fail(&InputError::new("args", format!("不认识的参数“{other}”"))),
        }
    }
    let source = std::path::Path::new(file)
        .file_name()
        .map_or_else(|| file.to_string(), |n| n.to_string_lossy().into_owned());
    let d = yingji::draft::draft(&text, lines, &source);
    for w in &d.warnings {
        eprintln!("警告: {w}");
    }
    if as_json {
        emit(&json(&d));
    } else {
        let _ = write!(std::io::stdout().lock(), "{}", d.toml);
    }
    ExitCode::SUCCESS
}
