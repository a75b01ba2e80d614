//! The result of an evaluation: the one JSON shape the CLI prints and the JS API returns.
//! Top-level keys are a stable contract (see README "The contract").

use serde::Serialize;

use crate::plan::{Cite, Exclusion, FactDef, Table};

/// `yingji plans`: one entry per embedded plan.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlanSummary {
    pub id: String,
    pub city: String,
    pub title: String,
    pub doc_number: String,
    pub date: String,
    /// For a plan imported in this session (not embedded): the file it came from. Absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported: Option<String>,
}

/// `yingji schema <id>`: what the plan asks for.
#[derive(Debug, Clone, Serialize)]
pub struct Schema {
    pub plan: PlanSummary,
    pub facts: Vec<FactDef>,
    /// The plan's bounds clause ("以上含本数"), quoted, if it has one.
    pub bounds_clause: Option<Quoted>,
    pub scope: Quoted,
    /// What the plan does not cover and which plan applies instead.
    pub exclusions: Vec<Exclusion>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Quoted {
    pub cite: Cite,
    pub quote: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub plan: PlanSummary,
    /// Chinese grade name, or null when no criterion is reached.
    pub grade: Option<String>,
    /// 1 = 特别重大 … 4 = 一般; null with `grade`.
    pub grade_rank: Option<u8>,
    /// Why the grade is only provisional (e.g. people still trapped); empty when it is final.
    pub provisional: Vec<ProvisionalOutcome>,
    /// Every criterion that reached the grade.
    pub grade_basis: Vec<Criterion>,
    /// Every criterion the plan has, with where the facts put it (for the "why" panel).
    pub criteria: Vec<Criterion>,
    pub response: Option<ResponseOutcome>,
    pub deadlines: Vec<Deadline>,
    pub tasks: Vec<TaskGroup>,
    pub termination: Option<TerminationOutcome>,
    pub warnings: Vec<WarningOutcome>,
    /// The command body, its office and every member unit's duties (shown, not computed).
    pub organisation: OrganisationOutcome,
    /// The plan's contact table, as printed.
    pub contacts: Vec<ContactOutcome>,
    /// Tables the plan prints (rescue bases, equipment), as printed.
    pub tables: Vec<Table>,
    pub notes: Vec<NoteOutcome>,
    /// Every citation the result rests on, deduplicated, in order of first use.
    pub citations: Vec<Cite>,
    /// Facts absent from the input and the value taken for them (said, never silent).
    pub assumed: Vec<Assumed>,
    /// The `now` the deadlines were computed against (RFC 3339, China time).
    pub now: String,
    /// For a support procedure without grades or response levels: what is started and by whom
    /// (null for every other plan).
    pub activation: Option<ActivationOutcome>,
    /// The plan's `[[checks]]` against the facts (pass / fail / unknown); empty for most plans.
    pub checks: Vec<CheckOutcome>,
    /// Each scope question the plan asks before grading, with the answer taken; when one rules the
    /// incident outside the plan there is no grade, no level, no deadline and no task.
    pub scope: Vec<ScopeOutcome>,
    /// 后期处置 duties whose condition holds (once the response is marked ended): who does them,
    /// who reports to whom.
    pub recovery: Vec<RecoveryOutcome>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RecoveryOutcome {
    pub id: String,
    pub title: String,
    pub who: String,
    pub reports: String,
    pub to: String,
    pub text: String,
    pub cite: Cite,
    pub quote: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScopeOutcome {
    pub id: String,
    /// The question (the fact's label) and the answer taken (its option label).
    pub question: String,
    pub answer: String,
    /// False: ruled outside this plan.
    pub applies: bool,
    pub text: String,
    pub instead: String,
    pub instead_plan: Option<String>,
    pub cite: Cite,
    pub quote: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Criterion {
    pub id: String,
    pub label: String,
    /// The facts that make up the measure and their values.
    pub facts: Vec<FactValueShown>,
    /// The summed value (null for judgement criteria).
    pub value: Option<f64>,
    pub unit: String,
    /// The grade this criterion reaches (null: none).
    pub grade: Option<String>,
    pub grade_rank: Option<u8>,
    /// The band in words, e.g. "3人以上10人以下(含3人,不含10人)".
    pub band: String,
    pub cite: Option<Cite>,
    pub quote: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FactValueShown {
    pub id: String,
    pub label: String,
    pub value: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResponseOutcome {
    pub id: String,
    /// As the plan names it.
    pub level: String,
    /// 1 = highest.
    pub rank: u8,
    pub proposes: String,
    pub starts: String,
    pub commands: String,
    pub condition: Quoted,
    pub procedure: Quoted,
    /// Base mapping first, then each judgement that matched; `raised` says if it raised the level.
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    pub id: String,
    /// `grade` | `judgement`.
    pub kind: String,
    pub level: String,
    pub text: String,
    pub raised: bool,
    pub cite: Cite,
    pub quote: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Deadline {
    pub id: String,
    pub who: String,
    pub to: String,
    pub what: String,
    pub limit_text: String,
    pub anchor: String,
    pub anchor_label: String,
    /// Absolute due time, RFC 3339 China time; null if the plan gives no number or the anchor is unknown.
    pub due: Option<String>,
    /// `HH:MM` when due today (China time, relative to `now`), else `M月D日 HH:MM`.
    pub due_display: Option<String>,
    /// Minutes from now to due (negative = overdue).
    pub minutes_left: Option<i64>,
    /// `pending` | `overdue` | `immediate` (no number in the plan) | `awaiting_anchor`.
    pub status: String,
    pub cite: Cite,
    pub quote: String,
    /// How the limit is counted: `minutes` | `days` (calendar days, to 24:00 of the last day) |
    /// `working_days` (the State Council's holiday table, Mon–Fri past it); null when the plan
    /// gives no number.
    pub counts: Option<String>,
    /// For a working-day limit with a due time: which calendar counted the days and until which
    /// year it is known (or that the days were counted Monday–Friday), in Chinese.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
    /// Set when `due` is counted from the incident time because the plan's start point is blank
    /// or unstated: «按事发时间估算：<anchor>未填» (the earliest the duty can fall due).
    pub estimated: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskGroup {
    /// `level` (this level's measures) | `measure` | `group` (a working group).
    pub kind: String,
    pub title: String,
    pub lead: String,
    pub members: Vec<String>,
    pub items: Vec<TaskItem>,
    pub cite: Cite,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskItem {
    pub text: String,
    pub by: String,
    pub cite: Cite,
}

#[derive(Debug, Clone, Serialize)]
pub struct TerminationOutcome {
    pub who: String,
    pub conditions: Vec<String>,
    pub cite: Cite,
    pub quote: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct WarningOutcome {
    /// The warning level's id, name, colour and rank (1 = most severe); null for a computed hazard
    /// below every criterion.
    pub id: Option<String>,
    pub name: Option<String>,
    pub colour: Option<String>,
    pub rank: Option<u8>,
    pub issued_by: String,
    pub measures: Vec<String>,
    /// True when the engine computed the level from the facts; false: the level the user says was
    /// issued.
    pub computed: bool,
    /// For a computed level: the hazard (暴雨, 重污染天气 …) and the criteria that reached it.
    pub hazard: Option<String>,
    pub hazard_name: Option<String>,
    pub basis: Vec<HazardBasis>,
    pub cite: Cite,
    /// On a computed level in a plan where the user also gives the published level: how the two
    /// differ («已发布：蓝色(Ⅳ级)», «尚未发布预警»); null when they agree or nothing is computed.
    pub differs: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HazardBasis {
    pub id: String,
    pub text: String,
    pub cite: Cite,
    pub quote: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct OrganisationOutcome {
    pub command: BodyOutcome,
    pub office: BodyOutcome,
    pub member_units: Vec<UnitOutcome>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BodyOutcome {
    pub name: String,
    pub head: String,
    pub deputies: String,
    pub members: Vec<String>,
    pub duties: String,
    pub cite: Cite,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnitOutcome {
    pub unit: String,
    pub duties: String,
    pub cite: Cite,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactOutcome {
    pub unit: String,
    pub phone: String,
    pub line: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProvisionalOutcome {
    pub text: String,
    pub cite: Cite,
    pub quote: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoteOutcome {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub reading: String,
    pub reason: String,
    pub cite: Cite,
    pub quote: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Assumed {
    pub id: String,
    pub label: String,
    /// The value taken, in words ("0人", "否").
    pub value: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActivationOutcome {
    pub name: String,
    pub summary: String,
    /// Whether the plan's start condition holds for these facts.
    pub started: bool,
    /// `waiting` text of the plan while not started, empty once started.
    pub waiting: String,
    pub proposes: String,
    pub starts: String,
    pub commands: String,
    pub cite: Cite,
    pub quote: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CheckOutcome {
    pub id: String,
    pub group: String,
    pub text: String,
    /// `pass` | `fail` | `unknown` (a fact it needs is not given).
    pub status: String,
    /// Why, in Chinese: the plan's pass/fail text, with the values compared, or what to fill in.
    pub detail: String,
    pub cite: Cite,
    pub quote: String,
}
