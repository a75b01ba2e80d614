//! The contract served by both the CLI and the WASM boundary: same inputs, same JSON out.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use crate::engine::{
    self, china, parse_time, Evaluation, Facts, Outcome, PlanSummary, RawFacts, Schema,
};
use crate::error::InputError;
use crate::plan::{self, Plan, PlanError};

fn plans_or_error() -> Result<&'static [&'static Plan], InputError> {
    plan::registry().map_err(|errors| {
        let first = errors.first().map(ToString::to_string).unwrap_or_default();
        InputError::new(
            "plan",
            format!("内置预案文件无效({}处问题),首个问题:{first}", errors.len()),
        )
    })
}

fn plan_by_id(id: &str) -> Result<&'static Plan, InputError> {
    match plan::embedded(id) {
        Some(Ok(plan)) => Ok(plan),
        Some(Err(e)) => Err(InputError::new("plan", format!("内置预案文件无效:{e}"))),
        None => Err(InputError::new(
            "plan",
            format!("未知的预案“{id}”,请用 plans 列出可用预案"),
        )),
    }
}

/// Every embedded plan, as listed at build time: none of them is read (a plan is read when asked for).
pub fn plans() -> Result<Vec<PlanSummary>, InputError> {
    Ok(plan::embedded_plans().iter().map(engine::listed).collect())
}

/// The facts a plan asks for, and every static text its results refer to.
pub fn schema(id: &str) -> Result<Schema, InputError> {
    Ok(engine::schema(plan_by_id(id)?))
}

/// Parses `now` (RFC 3339, or local China time).
pub fn parse_now(now: &str) -> Result<DateTime<FixedOffset>, InputError> {
    parse_time(now)
        .map(|t| t.with_timezone(&china()))
        .ok_or_else(|| InputError::new("now", format!("无法识别的当前时间“{now}”")))
}

/// Evaluates `facts` against plan `id` at `now`: the compact result (ids into `schema(id)`).
pub fn evaluate(id: &str, facts: &RawFacts, now: &str) -> Result<Evaluation<'static>, InputError> {
    evaluate_plan(plan_by_id(id)?, facts, now)
}

/// `evaluate` joined with `schema`: the whole readable result (`yingji eval --full`).
pub fn evaluate_full(id: &str, facts: &RawFacts, now: &str) -> Result<Outcome, InputError> {
    let plan = plan_by_id(id)?;
    Ok(engine::join(
        &engine::schema(plan),
        &evaluate_plan(plan, facts, now)?,
    ))
}

fn evaluate_plan<'p>(
    plan: &'p Plan,
    facts: &RawFacts,
    now: &str,
) -> Result<Evaluation<'p>, InputError> {
    let now = parse_now(now)?;
    let facts = Facts::parse(plan, facts, now)?;
    Ok(engine::decide(plan, &facts, now))
}

/// The plans for an incident description, optionally within one city (see `finder`).
pub fn find(text: &str, city: Option<&str>) -> Result<Vec<crate::finder::Candidate>, InputError> {
    Ok(crate::finder::find(plans_or_error()?, text, city))
}

/// Loads and validates a plan file's text (a county's edited plan): its summary, or every problem.
#[cfg(feature = "checker")]
pub fn check(file: &str, text: &str) -> Result<PlanSummary, Vec<PlanError>> {
    load_checked(file, text).map(|p| engine::summary(&p))
}

/// A plan file's text, size-limited, parsed and validated.
#[cfg(feature = "checker")]
pub fn load_checked(file: &str, text: &str) -> Result<Plan, Vec<PlanError>> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(vec![PlanError {
            file: file.to_string(),
            path: "(整个文件)".to_string(),
            problem: format!(
                "文件过大({} KB),预案文件不应超过 {} KB",
                text.len() / 1024,
                MAX_IMPORT_BYTES / 1024
            ),
        }]);
    }
    plan::load(file, text)
}

/// How an imported plan file was taken in (`Session::import`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Imported {
    /// The plan as it is now listed (`imported` names the file).
    pub summary: PlanSummary,
    /// The id the file gives when it had to be changed: an embedded plan already has it, and an
    /// imported plan never replaces an embedded one.
    pub renamed_from: Option<String>,
    /// Whether an earlier import with the same id (an earlier version of the same file) was replaced.
    pub replaced: bool,
}

/// The prefix given to the id of an imported plan whose id is already an embedded plan's.
pub const IMPORTED_PREFIX: &str = "imported-";

/// Largest plan file accepted for import (the largest shipped plan is well under 200 KB).
pub const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;

/// The embedded plans plus the plan files a user imported (a county's edited plan), as the page and
/// the JS API see them. Holds no clock and does no I/O: the front end keeps the files.
#[derive(Debug, Default)]
pub struct Session {
    imported: Vec<(String, Plan)>,
}

impl Session {
    pub fn new() -> Self {
        Session::default()
    }

    fn summary_of(file: &str, plan: &Plan) -> PlanSummary {
        PlanSummary {
            imported: Some(file.to_string()),
            ..engine::summary(plan)
        }
    }

    fn imported(&self, id: &str) -> Option<&(String, Plan)> {
        self.imported.iter().find(|(_, p)| p.plan.id == id)
    }

    /// Every embedded plan, then every imported one (each with `imported` set to its file name).
    pub fn plans(&self) -> Result<Vec<PlanSummary>, InputError> {
        let mut out = plans()?;
        out.extend(self.imported.iter().map(|(f, p)| Self::summary_of(f, p)));
        Ok(out)
    }

    /// The facts plan `id` (embedded or imported) asks for, and the static texts of its results.
    pub fn schema(&self, id: &str) -> Result<Schema, InputError> {
        match self.imported(id) {
            Some((file, plan)) => Ok(Schema {
                plan: Self::summary_of(file, plan),
                ..engine::schema(plan)
            }),
            None => schema(id),
        }
    }

    /// Evaluates `facts` against plan `id` (embedded or imported) at `now`: the compact result.
    pub fn evaluate(
        &self,
        id: &str,
        facts: &RawFacts,
        now: &str,
    ) -> Result<Evaluation<'_>, InputError> {
        match self.imported(id) {
            Some((_, plan)) => evaluate_plan(plan, facts, now),
            None => evaluate(id, facts, now),
        }
    }

    /// `evaluate` joined with `schema`: the whole readable result.
    pub fn evaluate_full(
        &self,
        id: &str,
        facts: &RawFacts,
        now: &str,
    ) -> Result<Outcome, InputError> {
        Ok(engine::join(
            &self.schema(id)?,
            &self.evaluate(id, facts, now)?,
        ))
    }

    /// Validates a plan file and, if it is valid, makes it available under its id — or under
    /// `imported-<id>` when an embedded plan has that id (an import never replaces an embedded plan).
    /// A new import of the same id replaces the earlier import. Every problem is returned otherwise.
    #[cfg(feature = "checker")]
    pub fn import(&mut self, file: &str, text: &str) -> Result<Imported, Vec<PlanError>> {
        let plan = load_checked(file, text)?;
        self.adopt(file, plan)
    }

    /// Takes in a plan the import checker validated, as `plan::to_bytes` wrote it (the page's import
    /// path: the engine module has no TOML reader). Same renaming and replacing as `import`.
    pub fn adopt_bytes(&mut self, file: &str, bytes: &[u8]) -> Result<Imported, Vec<PlanError>> {
        let plan = plan::from_bytes(file, bytes).map_err(|e| vec![e])?;
        self.adopt(file, plan)
    }

    fn adopt(&mut self, file: &str, mut plan: Plan) -> Result<Imported, Vec<PlanError>> {
        let refuse = |path: &str, problem: String| {
            vec![PlanError {
                file: file.to_string(),
                path: path.to_string(),
                problem,
            }]
        };
        let taken = |id: &str| plan::embedded_plans().iter().any(|p| p.id == id);
        let mut renamed_from = None;
        if taken(&plan.plan.id) {
            let new_id = format!("{IMPORTED_PREFIX}{}", plan.plan.id);
            if taken(&new_id) {
                return Err(refuse(
                    "plan.id",
                    format!("编号“{}”与内置预案重复,请改用其他编号", plan.plan.id),
                ));
            }
            renamed_from = Some(std::mem::replace(&mut plan.plan.id, new_id));
        }
        let summary = Self::summary_of(file, &plan);
        let before = self.imported.len();
        self.imported.retain(|(_, p)| p.plan.id != plan.plan.id);
        let replaced = self.imported.len() != before;
        self.imported.push((file.to_string(), plan));
        Ok(Imported {
            summary,
            renamed_from,
            replaced,
        })
    }

    /// Drops an imported plan; false if no imported plan has this id (embedded plans stay).
    pub fn forget(&mut self, id: &str) -> bool {
        let before = self.imported.len();
        self.imported.retain(|(_, p)| p.plan.id != id);
        self.imported.len() != before
    }
}
