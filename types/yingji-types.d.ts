// The shapes of what the yingji JS API takes and returns (the same JSON as the CLI).
// GENERATED from the Rust types by tests/types.rs (ts-rs): do not edit by hand; run
// `YINGJI_UPDATE_TYPES=1 cargo test --features ts --test types` after changing them.
// Absent values are `null` (never a missing key), except the optional keys marked `?`.

/** One fact's value: count/money/number as numbers, yesno as booleans, choice as the option value,
 *  datetime as RFC 3339 or local `YYYY-MM-DDTHH:MM` (China time), series as a list of numbers.
 *  An absent or null fact is "not given" (the result's `assumed` says what was taken). */
export type FactValue = number | boolean | string | number[] | null;

/** The facts object `evaluate` takes: fact id (see `schema(id).facts`) → value. */
export interface Facts {
  deaths?: number;
  missing?: number;
  trapped?: number;
  serious_injuries?: number;
  /** 急性中毒 */
  poisoned?: number;
  /** 万元 */
  direct_loss_wan?: number;
  evacuated?: number;
  incident_time?: string;
  [fact: string]: FactValue | undefined;
}

/** What `evaluate`, `schema` and `plans` throw on bad input: `message` is Chinese. */
export interface InputError extends Error {
  /** The fact id (or "plan", "now", "facts") the message concerns; "" when none. */
  field: string;
}

/** The import checker's `check(file, text)` (pkg/yingji_check.js): the plan's summary and its bytes
 *  for the engine's `import_plan`, or every problem in the file. */
export type CheckResult = { ok: PlanSummary; plan: Uint8Array; warnings: string[] } | { errors: PlanError[] };

/** `import_plan(file, plan)`: how the plan was taken in, or every problem in the file. */
export type ImportResult = { ok: Imported } | { errors: PlanError[] };

export type PlanSummary = { id: string, city: string, title: string, doc_number: string, date: string, 
/**
 * For a plan imported in this session (not embedded): the file it came from. Absent otherwise.
 */
imported?: string, 
/**
 * How many parts carry «待确认» (`review = "待确认"`): 0 for a reviewed plan; any other number
 * marks a draft, labelled as such wherever the plan is shown.
 */
unconfirmed: number, };

export type Schema = { version: number, plan: PlanSummary, facts: Array<FactDef>, 
/**
 * The plan's bounds clause ("以上含本数"), quoted, if it has one.
 */
bounds_clause: Quoted | null, scope: Quoted, 
/**
 * What the plan does not cover and which plan applies instead.
 */
exclusions: Array<Exclusion>, 
/**
 * Every grading criterion: numeric axes, then judgement flags.
 */
criteria: Array<CriterionDef>, 
/**
 * When a grade is only provisional (ids `provisional-<n>`).
 */
provisional: Array<ProvisionalDef>, 
/**
 * Response levels, highest first as the plan lists them.
 */
levels: Array<LevelDef>, 
/**
 * Response rules: the grade mapping and the judgements that raise it.
 */
rules: Array<RuleDef>, 
/**
 * Reporting duties and their clocks.
 */
reporting: Array<ReportDef>, 
/**
 * Task groups (ids `level-<level id>`, `measure-<n>`, `group-<n>`).
 */
tasks: Array<TaskDef>, 
/**
 * Termination rules (ids `termination-<n>`).
 */
termination: Array<TerminationDef>, 
/**
 * The plan's warning levels (issued or computed); null for a plan without them.
 */
warning: WarningDef | null, 
/**
 * Hazards whose warning level is computed, each with its criteria.
 */
hazards: Array<HazardDef>, notes: Array<NoteOutcome>, organisation: OrganisationOutcome, contacts: Array<ContactOutcome>, tables: Array<Table>, 
/**
 * For a support procedure: what is started and by whom; null for every other plan.
 */
activation: ActivationDef | null, 
/**
 * The plan's `[[checks]]` (储备管理 requirements, 预警解除 conditions).
 */
checks: Array<CheckDef>, 
/**
 * Scope questions asked before grading.
 */
applicability: Array<ScopeDef>, 
/**
 * 后期处置 duties: who does them, who reports to whom.
 */
recovery: Array<RecoveryOutcome>, };

export type Cite = { clause: string, line: number, line_end: number | null, chars: [number, number] | null, };

export type Quoted = { cite: Cite, quote: string, };

export type FactType = "count" | "money" | "yesno" | "choice" | "datetime" | "series" | "number";

export type FactDef = { id: string, type: FactType, unit: string, label: string, help: string, 
/**
 * A judgement the plan leaves to people (asked as a question, shown in the "why").
 */
judgement: boolean, required: boolean, 
/**
 * For `choice`: the allowed values, first = default. For a judgement, ordered from the least to
 * the most severe answer (the property tests hold the engine to that order).
 */
options: Array<ChoiceOption>, cite: Cite | null, 
/**
 * For `number`: the smallest and largest accepted value (inclusive).
 */
min: number | null, max: number | null, 
/**
 * A heading the page shows the fact under (e.g. one per hazard); absent = ungrouped.
 */
group: string | null, 
/**
 * For `series`: what one item is ("天" for a daily forecast), used in labels and errors
 * ("AQI预报第3天…"); absent = "项".
 */
item: string | null, 
/**
 * For `series`: the most items the plan's forecast covers (e.g. 7 for a 7-day trend); absent =
 * the engine's limit (`MAX_SERIES_LEN`).
 */
max_items: number | null, 
/**
 * For a `datetime`: another time fact this one cannot precede (装载完成 not before 通知单下达).
 */
not_before: string | null, 
/**
 * «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
 */
review: Review | null, };

export type ChoiceOption = { value: string, label: string, };

export type Review = "待确认";

export type Draft = { toml: string, proposals: Array<Proposal>, warnings: Array<string>, };

export type Proposal = { kind: string, line: number, sentence: string, };

export type Exclusion = { 
/**
 * What is excluded, in the plan's words or a faithful summary.
 */
text: string, 
/**
 * The plan (or rule) that applies instead, as the text names it.
 */
instead: string, 
/**
 * The id of that plan when it is embedded in this build.
 */
instead_plan: string | null, 
/**
 * Words in an incident description that mean this exclusion applies (for the plan finder).
 */
keywords: Array<string>, cite: Cite, quote: string, 
/**
 * «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
 */
review: Review | null, };

export type CriterionDef = { id: string, kind: CriterionKind, label: string, unit: string, 
/**
 * The facts summed into the measure (empty for a judgement flag).
 */
facts: Array<FactRef>, 
/**
 * What a reached band shows (a flag has one: itself).
 */
bands: Array<BandDef>, 
/**
 * What is shown when no band is reached.
 */
unreached: BandDef, };

export type CriterionKind = "axis" | "flag";

export type FactRef = { id: string, label: string, };

export type BandDef = { grade: string | null, grade_rank: number | null, text: string, 
/**
 * The band's bounds as the plan file states them, each with its own inclusivity (null: open on
 * that side, and for judgement flags and "below every band"). The page's band bar is drawn from
 * these, never from `text`.
 */
min: number | null, min_inclusive: boolean | null, max: number | null, max_inclusive: boolean | null, cite: Cite | null, quote: string, };

export type ProvisionalDef = { id: string, text: string, cite: Cite, quote: string, };

export type LevelDef = { id: string, name: string, 
/**
 * 1 = highest.
 */
rank: number, proposes: string, starts: string, commands: string, condition: Quoted, procedure: Quoted, };

export type RuleDef = { id: string, kind: ReasonKind, 
/**
 * The level's id (`levels[].id`).
 */
level: string, text: string, cite: Cite, quote: string, };

export type ReportDef = { id: string, who: string, to: string, what: string, limit_text: string, anchor: string, anchor_label: string, cite: Cite, quote: string, counts: Counts | null, };

export type TaskDef = { id: string, kind: TaskKind, title: string, lead: string, members: Array<string>, items: Array<TaskItem>, cite: Cite, };

export type TerminationDef = { id: string, who: string, conditions: Array<string>, cite: Cite, quote: string, };

export type WarningDef = { 
/**
 * True when the plan gives criteria the engine computes; false: the user picks the level issued.
 */
computed: boolean, levels: Array<WarningLevelDef>, };

export type WarningLevelDef = { id: string, name: string, colour: string, 
/**
 * 1 = most severe.
 */
rank: number, issued_by: string, 
/**
 * The measures for every level, then this level's own.
 */
measures: Array<string>, cite: Cite, };

export type HazardDef = { id: string, name: string, cite: Cite, 
/**
 * The hazard's criteria (`warnings[].basis` names them).
 */
rules: Array<HazardBasis>, };

export type ActivationDef = { name: string, summary: string, 
/**
 * Shown while the procedure has not started.
 */
waiting: string, proposes: string, starts: string, commands: string, cite: Cite, quote: string, };

export type CheckDef = { id: string, 
/**
 * Heading the page lists it under ("储备管理核对(管理办法)", "预警解除(3.3.3)").
 */
group: string, text: string, cite: Cite, quote: string, };

export type ScopeDef = { id: string, 
/**
 * The question (the fact's label).
 */
question: string, text: string, instead: string, instead_plan: string | null, cite: Cite, quote: string, };

export type RecoveryOutcome = { id: string, title: string, who: string, reports: string, to: string, text: string, cite: Cite, quote: string, };

export type Table = { title: string, columns: Array<string>, rows: Array<Array<string>>, cite: Cite, 
/**
 * For a table taken from another document (another city's plan): that document, named as the
 * page shows it ("晋城市…行动方案(晋市政办〔2020〕56号)"). `cite` then points into `source_file`.
 */
source_document: string | null, 
/**
 * The seed file of `source_document`; rows' "原文" column is checked against its "行" column.
 */
source_file: string | null, 
/**
 * «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
 */
review: Review | null, };

export type Evaluation = { version: number, 
/**
 * The plan's id (`schema.plan.id`).
 */
plan: string, 
/**
 * Chinese grade name, or null when no criterion is reached.
 */
grade: string | null, 
/**
 * 1 = 特别重大 … 4 = 一般; null with `grade`.
 */
grade_rank: number | null, 
/**
 * `schema.provisional` ids that hold: why the grade may still change.
 */
provisional: Array<string>, 
/**
 * Every criterion, in `schema.criteria` order, with where the facts put it.
 */
criteria: Array<CriterionState>, 
/**
 * The ids of the criteria that reached the grade.
 */
basis: Array<string>, response: ResponseState | null, deadlines: Array<DeadlineState>, 
/**
 * `schema.tasks` ids, in the order shown.
 */
tasks: Array<string>, 
/**
 * The `schema.termination` id that applies.
 */
termination: string | null, warnings: Array<WarningState>, 
/**
 * `schema.notes` ids that apply to this result.
 */
notes: Array<string>, 
/**
 * Facts absent from the input and the value taken for them.
 */
assumed: Array<AssumedValue>, 
/**
 * The `now` the deadlines were computed against (RFC 3339, China time).
 */
now: string, activation: ActivationState | null, 
/**
 * The plan's `[[checks]]` told against the facts (`schema.checks` ids).
 */
checks: Array<CheckState>, 
/**
 * Each scope question asked before grading (`schema.applicability` ids) and the answer taken;
 * one that does not apply means no grade, no level, no deadline and no task.
 */
scope: Array<ScopeState>, 
/**
 * The 后期处置 duties that apply (`schema.recovery` ids), once the response is marked ended.
 */
recovery: Array<string>, };

export type CriterionState = { 
/**
 * The criterion's id (`schema.criteria[].id`).
 */
id: string, 
/**
 * The value of each of the criterion's facts (`schema.criteria[].facts`), in order.
 */
facts: Array<number>, 
/**
 * Their sum (null for a judgement flag).
 */
value: number | null, 
/**
 * Index of the reached band in `schema.criteria[].bands`; null: none reached.
 */
band: number | null, };

export type ResponseState = { 
/**
 * The level's id (`schema.levels[].id`).
 */
level: string, 
/**
 * Grade mapping first, then each judgement that matched.
 */
reasons: Array<ReasonState>, };

export type ReasonState = { 
/**
 * The rule's id (`schema.rules[].id`).
 */
id: string, 
/**
 * Whether this judgement raised the level above the grade's.
 */
raised: boolean, };

export type DeadlineState = { 
/**
 * The reporting rule's id (`schema.reporting[].id`).
 */
id: string, due: string | null, due_display: string | null, minutes_left: number | null, status: DeadlineStatus, 
/**
 * Counted from the incident time because the duty's own start is blank or unstated.
 */
estimated: string | null, 
/**
 * For a working-day limit: which holiday calendar counted the days.
 */
calendar?: string, };

export type WarningState = { 
/**
 * The hazard (`schema.hazards[].id`) for a computed level; null: the level the user says was issued.
 */
hazard: string | null, 
/**
 * The warning level (`schema.warning.levels[].id`); null: the hazard is below every criterion.
 */
level: string | null, 
/**
 * The hazard's rules that reached the level (`schema.hazards[].rules[].id`).
 */
basis: Array<string>, 
/**
 * A computed level that differs from the published one (or none is published) says so.
 */
differs: string | null, };

export type AssumedValue = { id: string, 
/**
 * The value taken, in words ("0人", "否").
 */
value: string, };

export type ActivationState = { 
/**
 * Whether the plan's start condition holds for these facts.
 */
started: boolean, };

export type CheckState = { 
/**
 * The check's id (`schema.checks[].id`).
 */
id: string, status: CheckStatus, 
/**
 * Why, in Chinese: the plan's pass/fail text with the values compared, or what to fill in.
 */
detail: string, };

export type ScopeState = { 
/**
 * The question's id (`schema.applicability[].id`).
 */
id: string, 
/**
 * The answer taken, as its option reads.
 */
answer: string, 
/**
 * False: ruled outside this plan.
 */
applies: boolean, };

export type CheckStatus = "pass" | "fail" | "unknown";

export type ReasonKind = "grade" | "judgement";

export type DeadlineStatus = "pending" | "overdue" | "immediate" | "awaiting_anchor";

export type Counts = "minutes" | "clock" | "days" | "working_days";

export type TaskKind = "level" | "measure" | "group";

export type Outcome = { version: number, plan: PlanSummary, 
/**
 * Chinese grade name, or null when no criterion is reached.
 */
grade: string | null, 
/**
 * 1 = 特别重大 … 4 = 一般; null with `grade`.
 */
grade_rank: number | null, 
/**
 * Why the grade is only provisional (e.g. people still trapped); empty when it is final.
 */
provisional: Array<ProvisionalOutcome>, 
/**
 * Every criterion that reached the grade.
 */
grade_basis: Array<Criterion>, 
/**
 * Every criterion the plan has, with where the facts put it (for the "why" panel).
 */
criteria: Array<Criterion>, response: ResponseOutcome | null, deadlines: Array<Deadline>, tasks: Array<TaskGroup>, termination: TerminationOutcome | null, warnings: Array<WarningOutcome>, 
/**
 * The command body, its office and every member unit's duties (shown, not computed).
 */
organisation: OrganisationOutcome, 
/**
 * The plan's contact table, as printed.
 */
contacts: Array<ContactOutcome>, 
/**
 * Tables the plan prints (rescue bases, equipment), as printed.
 */
tables: Array<Table>, notes: Array<NoteOutcome>, 
/**
 * Every citation the result rests on, deduplicated, in order of first use.
 */
citations: Array<Cite>, 
/**
 * Facts absent from the input and the value taken for them (said, never silent).
 */
assumed: Array<Assumed>, 
/**
 * The `now` the deadlines were computed against (RFC 3339, China time).
 */
now: string, 
/**
 * For a support procedure without grades or response levels: what is started and by whom
 * (null for every other plan).
 */
activation: ActivationOutcome | null, 
/**
 * The plan's `[[checks]]` against the facts (pass / fail / unknown); empty for most plans.
 */
checks: Array<CheckOutcome>, 
/**
 * Each scope question the plan asks before grading, with the answer taken; when one rules the
 * incident outside the plan there is no grade, no level, no deadline and no task.
 */
scope: Array<ScopeOutcome>, 
/**
 * 后期处置 duties whose condition holds (once the response is marked ended): who does them,
 * who reports to whom.
 */
recovery: Array<RecoveryOutcome>, };

export type Criterion = { id: string, label: string, 
/**
 * The facts that make up the measure and their values.
 */
facts: Array<FactValueShown>, 
/**
 * The summed value (null for judgement criteria).
 */
value: number | null, unit: string, 
/**
 * The grade this criterion reaches (null: none).
 */
grade: string | null, grade_rank: number | null, 
/**
 * The band in words, e.g. "3人以上10人以下(含3人,不含10人)".
 */
band: string, cite: Cite | null, quote: string, };

export type FactValueShown = { id: string, label: string, value: number, };

export type ResponseOutcome = { id: string, 
/**
 * As the plan names it.
 */
level: string, 
/**
 * 1 = highest.
 */
rank: number, proposes: string, starts: string, commands: string, condition: Quoted, procedure: Quoted, 
/**
 * Base mapping first, then each judgement that matched; `raised` says if it raised the level.
 */
reasons: Array<Reason>, };

export type Reason = { id: string, kind: ReasonKind, level: string, text: string, raised: boolean, cite: Cite, quote: string, };

export type Deadline = { id: string, who: string, to: string, what: string, limit_text: string, anchor: string, anchor_label: string, 
/**
 * Absolute due time, RFC 3339 China time; null if the plan gives no number or the anchor is unknown.
 */
due: string | null, 
/**
 * `HH:MM` when due today (China time, relative to `now`), else `M月D日 HH:MM`.
 */
due_display: string | null, 
/**
 * Minutes from now to due (negative = overdue).
 */
minutes_left: number | null, status: DeadlineStatus, cite: Cite, quote: string, 
/**
 * How the limit is counted; null when the plan gives no number.
 */
counts: Counts | null, 
/**
 * For a working-day limit with a due time: which calendar counted the days and until which
 * year it is known (or that the days were counted Monday–Friday), in Chinese.
 */
calendar?: string, 
/**
 * Set when `due` is counted from the incident time because the plan's start point is blank
 * or unstated: «按事发时间估算：<anchor>未填» (the earliest the duty can fall due).
 */
estimated: string | null, };

export type TaskGroup = { kind: TaskKind, title: string, lead: string, members: Array<string>, items: Array<TaskItem>, cite: Cite, };

export type TaskItem = { text: string, by: string, cite: Cite, };

export type TerminationOutcome = { who: string, conditions: Array<string>, cite: Cite, quote: string, };

export type WarningOutcome = { 
/**
 * The warning level's id, name, colour and rank (1 = most severe); null for a computed hazard
 * below every criterion.
 */
id: string | null, name: string | null, colour: string | null, rank: number | null, issued_by: string, measures: Array<string>, 
/**
 * True when the engine computed the level from the facts; false: the level the user says was
 * issued.
 */
computed: boolean, 
/**
 * For a computed level: the hazard (暴雨, 重污染天气 …) and the criteria that reached it.
 */
hazard: string | null, hazard_name: string | null, basis: Array<HazardBasis>, cite: Cite, 
/**
 * On a computed level in a plan where the user also gives the published level: how the two
 * differ («已发布：蓝色(Ⅳ级)», «尚未发布预警»); null when they agree or nothing is computed.
 */
differs: string | null, };

export type HazardBasis = { id: string, text: string, cite: Cite, quote: string, };

export type OrganisationOutcome = { command: BodyOutcome, office: BodyOutcome, member_units: Array<UnitOutcome>, };

export type BodyOutcome = { name: string, head: string, deputies: string, members: Array<string>, duties: string, cite: Cite, };

export type UnitOutcome = { unit: string, duties: string, cite: Cite, };

export type ContactOutcome = { unit: string, phone: string, line: number, };

export type ProvisionalOutcome = { text: string, cite: Cite, quote: string, };

export type NoteOutcome = { id: string, 
/**
 * `interpretation` | `damage` | `ambiguity` | `gap` (a plain string in the plan model for now).
 */
kind: 'interpretation' | 'damage' | 'ambiguity' | 'gap', title: string, reading: string, reason: string, cite: Cite, quote: string, };

export type Assumed = { id: string, label: string, 
/**
 * The value taken, in words ("0人", "否").
 */
value: string, };

export type ActivationOutcome = { name: string, summary: string, 
/**
 * Whether the plan's start condition holds for these facts.
 */
started: boolean, 
/**
 * `waiting` text of the plan while not started, empty once started.
 */
waiting: string, proposes: string, starts: string, commands: string, cite: Cite, quote: string, };

export type CheckOutcome = { id: string, group: string, text: string, 
/**
 * `pass` | `fail` | `unknown` (a fact it needs is not given).
 */
status: CheckStatus, 
/**
 * Why, in Chinese: the plan's pass/fail text, with the values compared, or what to fill in.
 */
detail: string, cite: Cite, quote: string, };

export type ScopeOutcome = { id: string, 
/**
 * The question (the fact's label) and the answer taken (its option label).
 */
question: string, answer: string, 
/**
 * False: ruled outside this plan.
 */
applies: boolean, text: string, instead: string, instead_plan: string | null, cite: Cite, quote: string, };

export type Candidate = { plan: PlanSummary, incident_type: string, 
/**
 * `applies` | `yields` (a more specific plan applies) | `excluded` (the plan's scope excludes it).
 */
status: 'applies' | 'yields' | 'excluded', 
/**
 * The plan's keywords found in the description.
 */
matched: Array<string>, 
/**
 * Why, in Chinese.
 */
reason: string, 
/**
 * The plan to use instead (for `yields` and `excluded`), when it is embedded.
 */
go_to: string | null, cite: Cite | null, quote: string, };

export type Imported = { 
/**
 * The plan as it is now listed (`imported` names the file).
 */
summary: PlanSummary, 
/**
 * The id the file gives when it had to be changed: an embedded plan already has it, and an
 * imported plan never replaces an embedded one.
 */
renamed_from: string | null, 
/**
 * Whether an earlier import with the same id (an earlier version of the same file) was replaced.
 */
replaced: boolean, };

export type PlanError = { file: string, path: string, problem: string, };
