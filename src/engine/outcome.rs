//! The contract's shapes (README "The contract"): `Schema` carries everything static about a plan,
//! once; `Evaluation` (the compact result `evaluate` returns) only what the facts decide, referring
//! to schema entries by id; `Outcome` is the two joined (`join`), as `yingji eval --full` prints it
//! and as the page reads it. TypeScript types are generated from these (feature `ts`, tests/types.rs).

use std::fmt;

use serde::{Serialize, Serializer};

use crate::plan::{Cite, Exclusion, FactDef, Table};

/// The result format's version, carried by `Schema`, `Evaluation` and `Outcome`: raised whenever a
/// shape changes in a way a reader of the previous one would misread.
pub const RESULT_VERSION: u32 = 2;

/// `yingji plans`: one entry per embedded plan.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlanSummary {
    pub id: String,
    pub city: String,
    pub title: String,
    pub doc_number: String,
    pub date: String,
    /// For a plan imported in this session (not embedded): the file it came from. Absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub imported: Option<String>,
    /// How many parts carry «待确认» (`review = "待确认"`): 0 for a reviewed plan; any other number
    /// marks a draft, labelled as such wherever the plan is shown.
    pub unconfirmed: u32,
}

/// `yingji schema <id>`: what the plan asks for, and every static text a result refers to by id.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct Schema {
    pub version: u32,
    pub plan: PlanSummary,
    pub facts: Vec<FactDef>,
    /// The plan's bounds clause ("以上含本数"), quoted, if it has one.
    pub bounds_clause: Option<Quoted>,
    pub scope: Quoted,
    /// What the plan does not cover and which plan applies instead.
    pub exclusions: Vec<Exclusion>,
    /// Every grading criterion: numeric axes, then judgement flags.
    pub criteria: Vec<CriterionDef>,
    /// When a grade is only provisional (ids `provisional-<n>`).
    pub provisional: Vec<ProvisionalDef>,
    /// Response levels, highest first as the plan lists them.
    pub levels: Vec<LevelDef>,
    /// Response rules: the grade mapping and the judgements that raise it.
    pub rules: Vec<RuleDef>,
    /// Reporting duties and their clocks.
    pub reporting: Vec<ReportDef>,
    /// Task groups (ids `level-<level id>`, `measure-<n>`, `group-<n>`).
    pub tasks: Vec<TaskDef>,
    /// Termination rules (ids `termination-<n>`).
    pub termination: Vec<TerminationDef>,
    /// The plan's warning levels (issued or computed); null for a plan without them.
    pub warning: Option<WarningDef>,
    /// Hazards whose warning level is computed, each with its criteria.
    pub hazards: Vec<HazardDef>,
    pub notes: Vec<NoteOutcome>,
    pub organisation: OrganisationOutcome,
    pub contacts: Vec<ContactOutcome>,
    pub tables: Vec<Table>,
    /// For a support procedure: what is started and by whom; null for every other plan.
    pub activation: Option<ActivationDef>,
    /// The plan's `[[checks]]` (储备管理 requirements, 预警解除 conditions).
    pub checks: Vec<CheckDef>,
    /// Scope questions asked before grading.
    pub applicability: Vec<ScopeDef>,
    /// 后期处置 duties: who does them, who reports to whom.
    pub recovery: Vec<RecoveryOutcome>,
}

/// A grading criterion: its measure and its bands in words.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct CriterionDef {
    pub id: String,
    pub kind: CriterionKind,
    pub label: String,
    pub unit: String,
    /// The facts summed into the measure (empty for a judgement flag).
    pub facts: Vec<FactRef>,
    /// What a reached band shows (a flag has one: itself).
    pub bands: Vec<BandDef>,
    /// What is shown when no band is reached.
    pub unreached: BandDef,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CriterionKind {
    /// A sum of facts cut into grade bands.
    Axis,
    /// A judgement that by itself reaches a grade.
    Flag,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct FactRef {
    pub id: String,
    pub label: String,
}

/// A band in words: the grade it gives (null: none) and where the plan says so.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct BandDef {
    pub grade: Option<String>,
    pub grade_rank: Option<u8>,
    pub text: String,
    pub cite: Option<Cite>,
    pub quote: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct ProvisionalDef {
    pub id: String,
    pub text: String,
    pub cite: Cite,
    pub quote: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct LevelDef {
    pub id: String,
    pub name: String,
    /// 1 = highest.
    pub rank: u8,
    pub proposes: String,
    pub starts: String,
    pub commands: String,
    pub condition: Quoted,
    pub procedure: Quoted,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct RuleDef {
    pub id: String,
    pub kind: ReasonKind,
    /// The level's id (`levels[].id`).
    pub level: String,
    pub text: String,
    pub cite: Cite,
    pub quote: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct ReportDef {
    pub id: String,
    pub who: String,
    pub to: String,
    pub what: String,
    pub limit_text: String,
    pub anchor: String,
    pub anchor_label: String,
    pub cite: Cite,
    pub quote: String,
    pub counts: Option<Counts>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct TaskDef {
    pub id: String,
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub group: TaskGroup,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct TerminationDef {
    pub id: String,
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(flatten))]
    pub termination: TerminationOutcome,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct WarningDef {
    /// True when the plan gives criteria the engine computes; false: the user picks the level issued.
    pub computed: bool,
    pub levels: Vec<WarningLevelDef>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct WarningLevelDef {
    pub id: String,
    pub name: String,
    pub colour: String,
    /// 1 = most severe.
    pub rank: u8,
    pub issued_by: String,
    /// The measures for every level, then this level's own.
    pub measures: Vec<String>,
    pub cite: Cite,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct HazardDef {
    pub id: String,
    pub name: String,
    pub cite: Cite,
    /// The hazard's criteria (`warnings[].basis` names them).
    pub rules: Vec<HazardBasis>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct ActivationDef {
    pub name: String,
    pub summary: String,
    /// Shown while the procedure has not started.
    pub waiting: String,
    pub proposes: String,
    pub starts: String,
    pub commands: String,
    pub cite: Cite,
    pub quote: String,
}

/// `evaluate`: what the facts decide, and nothing the schema already says. Every string is an id of
/// a schema entry (or a grade name, a time); `join` with the schema gives the `Outcome`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Evaluation<'p> {
    pub version: u32,
    /// The plan's id (`schema.plan.id`).
    pub plan: &'p str,
    /// Chinese grade name, or null when no criterion is reached.
    pub grade: Option<&'p str>,
    /// 1 = 特别重大 … 4 = 一般; null with `grade`.
    pub grade_rank: Option<u8>,
    /// `schema.provisional` ids that hold: why the grade may still change.
    #[cfg_attr(feature = "ts", ts(as = "Vec<String>"))]
    pub provisional: Vec<Ref<'p>>,
    /// Every criterion, in `schema.criteria` order, with where the facts put it.
    pub criteria: Vec<CriterionState<'p>>,
    /// The ids of the criteria that reached the grade.
    pub basis: Vec<&'p str>,
    pub response: Option<ResponseState<'p>>,
    pub deadlines: Vec<DeadlineState<'p>>,
    /// `schema.tasks` ids, in the order shown.
    #[cfg_attr(feature = "ts", ts(as = "Vec<String>"))]
    pub tasks: Vec<Ref<'p>>,
    /// The `schema.termination` id that applies.
    #[cfg_attr(feature = "ts", ts(as = "Option<String>"))]
    pub termination: Option<Ref<'p>>,
    pub warnings: Vec<WarningState<'p>>,
    /// `schema.notes` ids that apply to this result.
    pub notes: Vec<&'p str>,
    /// Facts absent from the input and the value taken for them.
    pub assumed: Vec<AssumedValue<'p>>,
    /// The `now` the deadlines were computed against (RFC 3339, China time).
    pub now: String,
    pub activation: Option<ActivationState>,
    /// The plan's `[[checks]]` told against the facts (`schema.checks` ids).
    pub checks: Vec<CheckState<'p>>,
    /// Each scope question asked before grading (`schema.applicability` ids) and the answer taken;
    /// one that does not apply means no grade, no level, no deadline and no task.
    pub scope: Vec<ScopeState<'p>>,
    /// The 后期处置 duties that apply (`schema.recovery` ids), once the response is marked ended.
    pub recovery: Vec<&'p str>,
}

/// One check as the facts tell it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CheckState<'p> {
    /// The check's id (`schema.checks[].id`).
    pub id: &'p str,
    pub status: CheckStatus,
    /// Why, in Chinese: the plan's pass/fail text with the values compared, or what to fill in.
    pub detail: String,
}

/// One scope question and the answer taken.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ScopeState<'p> {
    /// The question's id (`schema.applicability[].id`).
    pub id: &'p str,
    /// The answer taken, as its option reads.
    pub answer: String,
    /// False: ruled outside this plan.
    pub applies: bool,
}

/// A check's result.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CheckStatus {
    Pass,
    Fail,
    /// A fact it needs is not given (`detail` names it).
    Unknown,
}

/// A check of the plan (`[[checks]]`), its texts once.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct CheckDef {
    pub id: String,
    /// Heading the page lists it under ("储备管理核对(管理办法)", "预警解除(3.3.3)").
    pub group: String,
    pub text: String,
    pub cite: Cite,
    pub quote: String,
}

/// A scope question asked before grading, and what applies instead when it rules the incident out.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct ScopeDef {
    pub id: String,
    /// The question (the fact's label).
    pub question: String,
    pub text: String,
    pub instead: String,
    pub instead_plan: Option<String>,
    pub cite: Cite,
    pub quote: String,
}

/// One criterion as the facts put it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CriterionState<'p> {
    /// The criterion's id (`schema.criteria[].id`).
    pub id: &'p str,
    /// The value of each of the criterion's facts (`schema.criteria[].facts`), in order.
    pub facts: Vec<f64>,
    /// Their sum (null for a judgement flag).
    pub value: Option<f64>,
    /// Index of the reached band in `schema.criteria[].bands`; null: none reached.
    pub band: Option<usize>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ResponseState<'p> {
    /// The level's id (`schema.levels[].id`).
    pub level: &'p str,
    /// Grade mapping first, then each judgement that matched.
    pub reasons: Vec<ReasonState<'p>>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ReasonState<'p> {
    /// The rule's id (`schema.rules[].id`).
    pub id: &'p str,
    /// Whether this judgement raised the level above the grade's.
    pub raised: bool,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DeadlineState<'p> {
    /// The reporting rule's id (`schema.reporting[].id`).
    pub id: &'p str,
    pub due: Option<String>,
    pub due_display: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub minutes_left: Option<i64>,
    pub status: DeadlineStatus,
    /// Counted from the incident time because the duty's own start is blank or unstated.
    pub estimated: Option<String>,
    /// For a working-day limit: which holiday calendar counted the days.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub calendar: Option<String>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WarningState<'p> {
    /// The hazard (`schema.hazards[].id`) for a computed level; null: the level the user says was issued.
    pub hazard: Option<&'p str>,
    /// The warning level (`schema.warning.levels[].id`); null: the hazard is below every criterion.
    pub level: Option<&'p str>,
    /// The hazard's rules that reached the level (`schema.hazards[].rules[].id`).
    pub basis: Vec<&'p str>,
    /// A computed level that differs from the published one (or none is published) says so.
    pub differs: Option<String>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AssumedValue<'p> {
    pub id: &'p str,
    /// The value taken, in words ("0人", "否").
    pub value: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActivationState {
    /// Whether the plan's start condition holds for these facts.
    pub started: bool,
}

/// An id the schema gives an entry the plan does not name itself: `level-<level id>`, `measure-<n>`,
/// `group-<n>`, `provisional-<n>`, `termination-<n>` (n counts from 0 in plan order). Written as text
/// without building a string per result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ref<'p> {
    Level(&'p str),
    Measure(usize),
    Group(usize),
    Provisional(usize),
    Termination(usize),
}

impl fmt::Display for Ref<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Ref::Level(id) => write!(f, "level-{id}"),
            Ref::Measure(n) => write!(f, "measure-{n}"),
            Ref::Group(n) => write!(f, "group-{n}"),
            Ref::Provisional(n) => write!(f, "provisional-{n}"),
            Ref::Termination(n) => write!(f, "termination-{n}"),
        }
    }
}

impl Serialize for Ref<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A response reason's kind.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ReasonKind {
    /// The base mapping from the grade.
    Grade,
    /// A judgement answer that may raise the level.
    Judgement,
}

/// A deadline's state at `now`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DeadlineStatus {
    Pending,
    Overdue,
    /// The plan gives no number (立即/及时).
    Immediate,
    /// The time the clock starts from is not given yet.
    AwaitingAnchor,
}

/// How a reporting limit is counted.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Counts {
    /// Minutes after the anchor.
    Minutes,
    /// The first given clock time at or after the anchor.
    Clock,
    /// Calendar days, to 24:00 of the last day (the anchor's day not counted).
    Days,
    /// Monday to Friday only (public holidays unknown), to 24:00 of the last day.
    WorkingDays,
}

/// A task group's kind.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    /// The response level's own measures.
    Level,
    /// Measures whose condition holds.
    Measure,
    /// A working group.
    Group,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Quoted {
    pub cite: Cite,
    pub quote: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub version: u32,
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

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FactValueShown {
    pub id: String,
    pub label: String,
    pub value: f64,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    pub id: String,
    pub kind: ReasonKind,
    pub level: String,
    pub text: String,
    pub raised: bool,
    pub cite: Cite,
    pub quote: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub minutes_left: Option<i64>,
    pub status: DeadlineStatus,
    pub cite: Cite,
    pub quote: String,
    /// How the limit is counted; null when the plan gives no number.
    pub counts: Option<Counts>,
    /// For a working-day limit with a due time: which calendar counted the days and until which
    /// year it is known (or that the days were counted Monday–Friday), in Chinese.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub calendar: Option<String>,
    /// Set when `due` is counted from the incident time because the plan's start point is blank
    /// or unstated: «按事发时间估算：<anchor>未填» (the earliest the duty can fall due).
    pub estimated: Option<String>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct TaskGroup {
    pub kind: TaskKind,
    pub title: String,
    pub lead: String,
    pub members: Vec<String>,
    pub items: Vec<TaskItem>,
    pub cite: Cite,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct TaskItem {
    pub text: String,
    pub by: String,
    pub cite: Cite,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct TerminationOutcome {
    pub who: String,
    pub conditions: Vec<String>,
    pub cite: Cite,
    pub quote: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct HazardBasis {
    pub id: String,
    pub text: String,
    pub cite: Cite,
    pub quote: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct OrganisationOutcome {
    pub command: BodyOutcome,
    pub office: BodyOutcome,
    pub member_units: Vec<UnitOutcome>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct BodyOutcome {
    pub name: String,
    pub head: String,
    pub deputies: String,
    pub members: Vec<String>,
    pub duties: String,
    pub cite: Cite,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct UnitOutcome {
    pub unit: String,
    pub duties: String,
    pub cite: Cite,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct ContactOutcome {
    pub unit: String,
    pub phone: String,
    pub line: u32,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct ProvisionalOutcome {
    pub text: String,
    pub cite: Cite,
    pub quote: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct NoteOutcome {
    pub id: String,
    /// `interpretation` | `damage` | `ambiguity` | `gap` (a plain string in the plan model for now).
    #[cfg_attr(
        feature = "ts",
        ts(type = "'interpretation' | 'damage' | 'ambiguity' | 'gap'")
    )]
    pub kind: String,
    pub title: String,
    pub reading: String,
    pub reason: String,
    pub cite: Cite,
    pub quote: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct Assumed {
    pub id: String,
    pub label: String,
    /// The value taken, in words ("0人", "否").
    pub value: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct CheckOutcome {
    pub id: String,
    pub group: String,
    pub text: String,
    /// `pass` | `fail` | `unknown` (a fact it needs is not given).
    pub status: CheckStatus,
    /// Why, in Chinese: the plan's pass/fail text, with the values compared, or what to fill in.
    pub detail: String,
    pub cite: Cite,
    pub quote: String,
}

/// `as_str` (the JSON spelling), `Display`, and comparison with that spelling, for the result's
/// closed sets of words (so `status == "overdue"` reads as the JSON does).
macro_rules! words {
    ($t:ty { $($v:ident => $s:literal),* $(,)? }) => {
        impl $t {
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$v => $s),* }
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl PartialEq<str> for $t {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }
        impl PartialEq<&str> for $t {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
        impl PartialEq<String> for $t {
            fn eq(&self, other: &String) -> bool {
                self.as_str() == other
            }
        }
    };
}

words!(CriterionKind { Axis => "axis", Flag => "flag" });
words!(ReasonKind { Grade => "grade", Judgement => "judgement" });
words!(DeadlineStatus {
    Pending => "pending",
    Overdue => "overdue",
    Immediate => "immediate",
    AwaitingAnchor => "awaiting_anchor",
});
words!(Counts {
    Minutes => "minutes",
    Clock => "clock",
    Days => "days",
    WorkingDays => "working_days",
});
words!(TaskKind { Level => "level", Measure => "measure", Group => "group" });
words!(CheckStatus { Pass => "pass", Fail => "fail", Unknown => "unknown" });

#[cfg(test)]
mod tests {
    use super::*;

    /// `as_str` (what Rust code compares with) is the JSON spelling serde writes.
    #[test]
    fn words_are_spelled_as_in_the_json() {
        fn same<T: Serialize + fmt::Display>(xs: &[T]) {
            for x in xs {
                assert_eq!(serde_json::to_string(x).unwrap(), format!("\"{x}\""));
            }
        }
        same(&[CriterionKind::Axis, CriterionKind::Flag]);
        same(&[ReasonKind::Grade, ReasonKind::Judgement]);
        same(&[
            DeadlineStatus::Pending,
            DeadlineStatus::Overdue,
            DeadlineStatus::Immediate,
            DeadlineStatus::AwaitingAnchor,
        ]);
        same(&[
            Counts::Minutes,
            Counts::Clock,
            Counts::Days,
            Counts::WorkingDays,
        ]);
        same(&[TaskKind::Level, TaskKind::Measure, TaskKind::Group]);
        same(&[CheckStatus::Pass, CheckStatus::Fail, CheckStatus::Unknown]);
        assert_eq!(
            serde_json::to_string(&[Ref::Level("II"), Ref::Measure(0), Ref::Group(3)]).unwrap(),
            r#"["level-II","measure-0","group-3"]"#
        );
    }
}
