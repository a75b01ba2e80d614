// The shapes of what the yingji JS API takes and returns (the same JSON as the CLI).
// Hand-written from src/engine/outcome.rs and src/plan/model.rs; tests/e2e/api.test.mjs checks every
// interface here against those Rust structs and against real results, so they cannot drift apart.
// Absent values are `null` (never a missing key), except the optional keys marked `?`.

/** Where a rule sits in the source: clause number and seed line(s). */
export interface Cite {
  clause: string;
  line: number;
  line_end?: number | null;
  /** 0-based code-point range within `line`, for sources that put a whole plan on one line. */
  chars?: [number, number] | null;
}

export interface Quoted {
  cite: Cite;
  quote: string;
}

/** `plans()`: one entry per embedded plan. */
export interface PlanSummary {
  id: string;
  city: string;
  title: string;
  doc_number: string;
  date: string;
  /** Only for a plan imported with `import_plan`: the file it came from. */
  imported?: string;
}

export type FactType = 'count' | 'money' | 'yesno' | 'choice' | 'datetime' | 'series' | 'number';

export interface ChoiceOption {
  value: string;
  label: string;
}

/** One fact a plan asks for. */
export interface FactDef {
  id: string;
  type: FactType;
  unit: string;
  label: string;
  help: string;
  /** A judgement the plan leaves to people. */
  judgement: boolean;
  required: boolean;
  /** For `choice` (and judgement choices, least to most severe). */
  options?: ChoiceOption[];
  cite: Cite | null;
  /** For `number`: smallest and largest accepted value, inclusive (may be negative). */
  min?: number;
  max?: number;
  /** Heading the page shows the fact under (e.g. one per hazard). */
  group?: string;
  /** For `series`: what one item is ("天"), used in labels and errors ("第3天"). */
  item?: string;
  /** For `series`: the most items accepted (the plan's forecast horizon). */
  max_items?: number;
  /** For a time: the id of another time fact it cannot precede (checked on input). */
  not_before?: string;
}

export interface Exclusion {
  text: string;
  instead: string;
  /** The id of the plan that applies instead, when it is embedded. */
  instead_plan?: string;
  /** Words in an incident description that mean this exclusion applies (plan finder). */
  keywords?: string[];
  cite: Cite;
  quote: string;
}

export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
  cite: Cite;
  /** A table from another document (another city's plan): that document; `cite` points into it. */
  source_document?: string;
  source_file?: string;
}

/** `schema(id)`: what the plan asks for. */
export interface Schema {
  plan: PlanSummary;
  facts: FactDef[];
  bounds_clause: Quoted | null;
  scope: Quoted;
  exclusions: Exclusion[];
}

/** One fact's value: count/money as numbers, yesno as booleans, choice as the option value,
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

export interface FactValueShown {
  id: string;
  label: string;
  value: number;
}

export interface Criterion {
  id: string;
  label: string;
  facts: FactValueShown[];
  /** The summed value (null for judgement criteria). */
  value: number | null;
  unit: string;
  grade: string | null;
  grade_rank: number | null;
  band: string;
  cite: Cite | null;
  quote: string;
}

export interface Reason {
  id: string;
  kind: 'grade' | 'judgement';
  level: string;
  text: string;
  raised: boolean;
  cite: Cite;
  quote: string;
}

export interface ResponseOutcome {
  id: string;
  /** As the plan names it, e.g. "Ⅱ级响应". */
  level: string;
  /** 1 = highest. */
  rank: number;
  proposes: string;
  starts: string;
  commands: string;
  condition: Quoted;
  procedure: Quoted;
  reasons: Reason[];
}

export type DeadlineStatus = 'pending' | 'overdue' | 'immediate' | 'awaiting_anchor';

export interface Deadline {
  id: string;
  who: string;
  to: string;
  what: string;
  limit_text: string;
  anchor: string;
  anchor_label: string;
  /** RFC 3339 China time; null when the plan gives no number or the anchor is unknown. */
  due: string | null;
  due_display: string | null;
  /** Negative = overdue. */
  minutes_left: number | null;
  status: DeadlineStatus;
  cite: Cite;
  quote: string;
  /**
   * How the limit is counted: minutes after the anchor; calendar `days` or `working_days` (the
   * State Council's holiday table, Mon–Fri past its last year), both ending at 24:00 of the last day (the anchor's day not counted;
   * `due_display` then reads `M月D日(周X) 24:00`). Null when the plan gives no number.
   */
  counts: 'minutes' | 'clock' | 'days' | 'working_days' | null;
  /** For `working_days` with a due time: which calendar counted them and until which year it is known. */
  calendar?: string;
  /**
   * Set when the clock is counted from the incident time because its own start is blank or the plan
   * states none: «按事发时间估算：<anchor>未填» / «按事发时间估算：原文未写起算点». Null otherwise.
   */
  estimated: string | null;
}

export interface TaskItem {
  text: string;
  by: string;
  cite: Cite;
}

export interface TaskGroup {
  kind: 'level' | 'measure' | 'group';
  title: string;
  lead: string;
  members: string[];
  items: TaskItem[];
  cite: Cite;
}

export interface TerminationOutcome {
  who: string;
  conditions: string[];
  cite: Cite;
  quote: string;
}

export interface WarningOutcome {
  /** Level id, name, colour and rank (1 = most severe); null for a computed hazard below every criterion. */
  id: string | null;
  name: string | null;
  colour: string | null;
  rank: number | null;
  issued_by: string;
  measures: string[];
  /** True: computed from the facts (a hazard's criteria); false: the level the user says was issued. */
  computed: boolean;
  /** For a computed level: the hazard id and name (暴雨, 重污染天气 …); null for an issued level. */
  hazard: string | null;
  hazard_name: string | null;
  /** The hazard's criteria that reached the level. */
  basis: HazardBasis[];
  cite: Cite;
  /**
   * On a computed level where the plan also asks for the published one: how they differ
   * («已发布：蓝色(Ⅳ级)», «尚未发布预警»); null when they agree or nothing is computed.
   */
  differs: string | null;
}

export interface HazardBasis {
  id: string;
  text: string;
  cite: Cite;
  quote: string;
}

export interface BodyOutcome {
  name: string;
  head: string;
  deputies: string;
  members: string[];
  duties: string;
  cite: Cite;
}

export interface UnitOutcome {
  unit: string;
  duties: string;
  cite: Cite;
}

export interface OrganisationOutcome {
  command: BodyOutcome;
  office: BodyOutcome;
  member_units: UnitOutcome[];
}

export interface ContactOutcome {
  unit: string;
  phone: string;
  line: number;
}

export interface NoteOutcome {
  id: string;
  kind: 'interpretation' | 'damage' | 'ambiguity' | 'gap' | string;
  title: string;
  reading: string;
  reason: string;
  cite: Cite;
  quote: string;
}

export interface Assumed {
  id: string;
  label: string;
  /** The value taken, in words ("0人", "否"). */
  value: string;
}

/** `evaluate(id, facts, now)`: the result. */
export interface Outcome {
  plan: PlanSummary;
  /** 特别重大 / 重大 / 较大 / 一般, or null when no criterion is reached. */
  grade: string | null;
  /** 1 = 特别重大 … 4 = 一般. */
  grade_rank: number | null;
  /** Why the grade is only provisional (e.g. people still trapped); empty when it is final. */
  provisional: ProvisionalOutcome[];
  grade_basis: Criterion[];
  criteria: Criterion[];
  response: ResponseOutcome | null;
  deadlines: Deadline[];
  tasks: TaskGroup[];
  termination: TerminationOutcome | null;
  warnings: WarningOutcome[];
  organisation: OrganisationOutcome;
  contacts: ContactOutcome[];
  tables: Table[];
  notes: NoteOutcome[];
  citations: Cite[];
  assumed: Assumed[];
  /** The `now` the deadlines were computed against (RFC 3339, China time). */
  now: string;
  /** A support procedure without grades or response levels (医药储备调拨); null for other plans. */
  activation: ActivationOutcome | null;
  /** The plan's `[[checks]]` (储备管理 requirements, 预警解除 conditions) against the facts; empty for most plans. */
  checks: CheckOutcome[];
  /** Each scope question asked before grading; one with `applies: false` means no grade and no level. */
  scope: ScopeOutcome[];
  /** 后期处置 duties listed once the response is marked ended: who does it, who reports to whom. */
  recovery: RecoveryOutcome[];
}

/** One requirement of the plan told against the facts. */
export interface CheckOutcome {
  id: string;
  /** Heading the page lists it under ("储备管理核对(管理办法)", "预警解除(3.3.3)"). */
  group: string;
  text: string;
  /** `unknown`: a fact it needs is not given (`detail` names it). */
  status: 'pass' | 'fail' | 'unknown';
  detail: string;
  cite: Cite;
  quote: string;
}

export interface RecoveryOutcome {
  id: string;
  /** 调查评估, 善后处置, 恢复重建 … */
  title: string;
  who: string;
  /** Empty when the plan names no report. */
  reports: string;
  to: string;
  text: string;
  cite: Cite;
  quote: string;
}

/** A scope ruling (是否属于生产经营活动中发生的事故?) and what applies instead when ruled outside. */
export interface ScopeOutcome {
  id: string;
  question: string;
  answer: string;
  applies: boolean;
  text: string;
  instead: string;
  instead_plan: string | null;
  cite: Cite;
  quote: string;
}

/** What a support procedure starts, when and by whom: the result header in place of grade and level. */
export interface ActivationOutcome {
  name: string;
  summary: string;
  /** Whether the plan's start condition holds (e.g. the request time is given). */
  started: boolean;
  /** What is still missing before it starts; empty once started. */
  waiting: string;
  proposes: string;
  starts: string;
  commands: string;
  cite: Cite;
  quote: string;
}

export interface ProvisionalOutcome {
  text: string;
  cite: Cite;
  quote: string;
}

/** `find(text, city)`: one candidate plan for an incident description. */
export interface Candidate {
  plan: PlanSummary;
  incident_type: string;
  /** `applies`, `yields` (a more specific plan applies) or `excluded` (the plan's scope excludes it). */
  status: 'applies' | 'yields' | 'excluded';
  /** The plan's keywords found in the description. */
  matched: string[];
  reason: string;
  /** The plan to use instead, for `yields` and `excluded`, when it is embedded. */
  go_to: string | null;
  cite: Cite | null;
  quote: string;
}

export interface PlanError {
  file: string;
  path: string;
  problem: string;
}

/** `check(file, text)`. */
/** The import checker's `check(file, text)` (pkg/yingji_check.js): the plan's summary and its bytes for
 *  the engine's `import_plan`, or every problem in the file. */
export type CheckResult = { ok: PlanSummary; plan: Uint8Array } | { errors: PlanError[] };

/** `import_plan(file, plan)` (the bytes `check` returned): the plan now listed (its `imported` is the file name), whether its id
 *  had to change because an embedded plan has it (`renamed_from`, then the id is `imported-<id>`),
 *  and whether an earlier import with the same id was replaced; or every problem in the file. */
export type ImportResult =
  | { ok: { summary: PlanSummary; renamed_from: string | null; replaced: boolean } }
  | { errors: PlanError[] };

/** What `evaluate`, `schema` and `plans` throw on bad input: `message` is Chinese. */
export interface InputError extends Error {
  /** The fact id (or "plan", "now", "facts") the message concerns; "" when none. */
  field: string;
}
