//! The plan model: what a plan file (TOML) holds, as serde types.
//!
//! A plan file is reviewed text. Every rule carries `cite` (clause and seed line) and `quote` (the
//! plan's own words); `validate` rejects a rule without them. The engine only ever reads these types.

use serde::{Deserialize, Serialize};

/// One plan file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub plan: Meta,
    /// How the plan defines "以上"/"以下" etc. Shown with every threshold.
    pub bounds_clause: Option<Rule>,
    pub scope: Rule,
    /// Incidents the plan says it does not cover, and where they go instead.
    #[serde(default)]
    pub exclusions: Vec<Exclusion>,
    /// What the plan finder matches against.
    pub finder: Option<Finder>,
    pub facts: Vec<FactDef>,
    /// Consequence grades (特别重大…一般). Empty for a plan that does not grade incidents (a
    /// forecast-driven or procedural plan).
    #[serde(default)]
    pub grades: Vec<GradeDef>,
    #[serde(default)]
    pub grading: Grading,
    /// Hazards whose warning level the engine computes from forecast or observed facts (暴雨, 大风,
    /// 重污染天气 …); each names `warning.levels`. Empty for consequence-graded plans.
    #[serde(default)]
    pub hazards: Vec<Hazard>,
    /// Response levels; empty (and absent) for a support plan that has none (医药储备调拨).
    #[serde(default)]
    pub response: Response,
    #[serde(default)]
    pub reporting: Vec<ReportRule>,
    pub organisation: Organisation,
    #[serde(default)]
    pub measures: Vec<Measure>,
    #[serde(default)]
    pub termination: Vec<Termination>,
    pub warning: Option<Warning>,
    #[serde(default)]
    pub notes: Vec<Note>,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Tables the plan prints (rescue bases, equipment, ...): shown, not computed.
    #[serde(default)]
    pub tables: Vec<Table>,
    /// For a plan with no grades and no response levels (a support procedure such as 医药储备调拨):
    /// what is started, when, and by whom. Shown in place of the grade/level banner.
    #[serde(default)]
    pub activation: Option<Activation>,
}

/// "本预案不适用于…": what is excluded and which plan applies instead.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// What is excluded, in the plan's words or a faithful summary.
    pub text: String,
    /// The plan (or rule) that applies instead, as the text names it.
    pub instead: String,
    /// The id of that plan when it is embedded in this build.
    #[serde(default)]
    pub instead_plan: Option<String>,
    /// Words in an incident description that mean this exclusion applies (for the plan finder).
    #[serde(default)]
    pub keywords: Vec<String>,
    pub cite: Cite,
    pub quote: String,
}

/// How the plan finder recognises incidents this plan covers.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Finder {
    /// The incident type as a duty officer would pick it ("非煤矿山生产安全事故").
    pub incident_type: String,
    /// Words in an incident description that point to this plan (sectors, facilities, accident kinds).
    pub keywords: Vec<String>,
    /// A more specific plan this one yields to, and when.
    #[serde(default)]
    pub defers: Vec<Deferral>,
}

/// "另有规定的,从其规定": an incident matching `keywords` goes to `plan` instead.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Deferral {
    pub plan: String,
    pub keywords: Vec<String>,
    pub reason: String,
    pub cite: Cite,
    pub quote: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub cite: Cite,
    /// For a table taken from another document (another city's plan): that document, named as the
    /// page shows it ("晋城市…行动方案(晋市政办〔2020〕56号)"). `cite` then points into `source_file`.
    #[serde(default)]
    pub source_document: Option<String>,
    /// The seed file of `source_document`; rows' "原文" column is checked against its "行" column.
    #[serde(default)]
    pub source_file: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// `city-subject`, e.g. `jincheng-noncoal-mine`.
    pub id: String,
    pub city: String,
    pub title: String,
    pub doc_number: String,
    /// Date of issue, `YYYY-MM-DD`.
    pub date: String,
    pub issuer: String,
    /// Seed file the citations point into, e.g. `002_0bfa9b600ed86ad0.txt`.
    pub source: String,
    /// First and last line of the plan in the source.
    pub lines: [u32; 2],
}

/// Where a rule sits in the source: clause number and seed line(s); for sources that put a whole plan
/// on one line, `chars` gives the 0-based code-point range within that line.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Cite {
    pub clause: String,
    pub line: u32,
    #[serde(default)]
    pub line_end: Option<u32>,
    #[serde(default)]
    pub chars: Option<[u32; 2]>,
}

/// A cited piece of plan text.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub cite: Cite,
    /// Verbatim text; `…` marks an omission. Tests check it against the seed.
    pub quote: String,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum FactType {
    /// Whole persons.
    Count,
    /// 万元, non-negative.
    Money,
    YesNo,
    Choice,
    /// RFC 3339 or local `YYYY-MM-DDTHH:MM` (China time).
    Datetime,
    /// A list of numbers (forecast series).
    Series,
    /// A measured or forecast quantity in `unit` (mm, %, ℃, 级, 米, 小时 …) between the fact's own
    /// `min` and `max` (both inclusive, both required; may be negative, e.g. temperatures). Absent
    /// means unknown: no default is taken and every condition on it is false.
    Number,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FactDef {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: FactType,
    #[serde(default)]
    pub unit: String,
    pub label: String,
    pub help: String,
    /// A judgement the plan leaves to people (asked as a question, shown in the "why").
    #[serde(default)]
    pub judgement: bool,
    #[serde(default)]
    pub required: bool,
    /// For `choice`: the allowed values, first = default. For a judgement, ordered from the least to
    /// the most severe answer (the property tests hold the engine to that order).
    #[serde(default)]
    pub options: Vec<ChoiceOption>,
    pub cite: Option<Cite>,
    /// For `number`: the smallest and largest accepted value (inclusive).
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    /// A heading the page shows the fact under (e.g. one per hazard); absent = ungrouped.
    #[serde(default)]
    pub group: Option<String>,
    /// For `series`: what one item is ("天" for a daily forecast), used in labels and errors
    /// ("AQI预报第3天…"); absent = "项".
    #[serde(default)]
    pub item: Option<String>,
    /// For `series`: the most items the plan's forecast covers (e.g. 7 for a 7-day trend); absent =
    /// the engine's limit (`MAX_SERIES_LEN`).
    #[serde(default)]
    pub max_items: Option<u32>,
    /// For a `datetime`: another time fact this one cannot precede (装载完成 not before 通知单下达).
    #[serde(default)]
    pub not_before: Option<String>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub value: String,
    pub label: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GradeDef {
    /// 特别重大 / 重大 / 较大 / 一般.
    pub name: String,
    /// 1 = most severe.
    pub rank: u8,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Grading {
    /// How the criteria combine (`max`, the only rule any plan here uses).
    #[serde(default)]
    pub combine: String,
    #[serde(default)]
    pub axes: Vec<Axis>,
    #[serde(default)]
    pub flags: Vec<FlagCriterion>,
    /// When the grade is only provisional (e.g. graded on "可能造成" while people are still trapped).
    #[serde(default)]
    pub provisional: Vec<Provisional>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Provisional {
    pub when: Cond,
    /// Why the grade may still change, shown beside it.
    pub text: String,
    pub cite: Cite,
    pub quote: String,
}

/// One numeric criterion (deaths, 重伤 incl. 中毒, loss): a sum of facts cut into grade bands that
/// must tile the number line from 0 with no gap and no overlap (a bottom gap means "below every
/// threshold").
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Axis {
    pub id: String,
    pub label: String,
    pub unit: String,
    /// Facts summed into this measure (e.g. 重伤 + 急性工业中毒).
    pub facts: Vec<String>,
    pub bands: Vec<Band>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub grade: String,
    /// Lower bound; absent = from 0 inclusive.
    pub min: Option<f64>,
    #[serde(default)]
    pub min_inclusive: Option<bool>,
    /// Upper bound; absent = unbounded.
    pub max: Option<f64>,
    #[serde(default)]
    pub max_inclusive: Option<bool>,
    /// The band in words, as the plan reads after applying its bounds clause (e.g. "3人以上10人以下").
    pub text: String,
    pub cite: Cite,
    pub quote: String,
}

/// A yes/no or choice judgement that by itself reaches a grade.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FlagCriterion {
    pub id: String,
    pub grade: String,
    pub when: Cond,
    pub text: String,
    pub cite: Cite,
    pub quote: String,
}

/// A condition over the facts and the computed grade, written in plan data.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Cond {
    Always,
    /// The computed grade is one of these.
    GradeIn(Vec<String>),
    /// No grade was reached (below every threshold).
    NoGrade,
    /// A yes/no fact answered yes.
    Yes(String),
    /// A choice fact has one of these values.
    Choice {
        fact: String,
        any_of: Vec<String>,
    },
    /// A fact was given (e.g. the time of a phone report).
    Given(String),
    /// A count or amount was given and is above zero.
    Positive(String),
    /// The sum of these counts/amounts lies in a range, each bound with its own inclusivity
    /// (e.g. 3人(包括3人)以上10人以下涉险、被困、失联 → min 3 inclusive, max 10 exclusive).
    Amount(AmountRange),
    /// The response level (by id) is one of these.
    LevelIn(Vec<String>),
    /// At least `min` hazards (or the named one) have reached one of these warning levels.
    HazardAt(HazardAt),
    Any(Vec<Cond>),
    All(Vec<Cond>),
    Not(Box<Cond>),
    /// The month-day of a datetime fact lies in a yearly window, both ends inclusive (`from` and
    /// `to` as `MM-DD`; `from` after `to` wraps over the new year). False when the fact is absent.
    DateWithin(DateWindow),
    /// A run of consecutive items of a series fact (forecast days) whose values lie in a range
    /// (e.g. AQI日均值>200 持续48小时及以上 → min 200 exclusive, min_run 2 inclusive).
    SeriesRun(SeriesRun),
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DateWindow {
    pub fact: String,
    /// First day of the window, `MM-DD`, inclusive.
    pub from: String,
    /// Last day of the window, `MM-DD`, inclusive.
    pub to: String,
}

/// `series_run`: some maximal run of consecutive items of `fact` whose values lie in [min, max] (each
/// bound with its own inclusivity) has a length within [min_run, max_run], lies within the first
/// `within_first` items, and (if given) contains a run matching `containing`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SeriesRun {
    /// A `series` fact; absent in `containing` = the outer run's fact.
    #[serde(default)]
    pub fact: String,
    pub min: Option<f64>,
    #[serde(default)]
    pub min_inclusive: Option<bool>,
    pub max: Option<f64>,
    #[serde(default)]
    pub max_inclusive: Option<bool>,
    /// Shortest run, in items (1 = a single day).
    pub min_run: u32,
    pub min_run_inclusive: Option<bool>,
    #[serde(default)]
    pub max_run: Option<u32>,
    #[serde(default)]
    pub max_run_inclusive: Option<bool>,
    /// Only the first N items count (e.g. the 3-day forecast before the 7-day trend).
    #[serde(default)]
    pub within_first: Option<u32>,
    /// A stricter run that must lie inside the same run (红色: >200 for 96 h, and within it >300 for
    /// 48 h).
    #[serde(default)]
    pub containing: Option<Box<SeriesRun>>,
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AmountRange {
    pub facts: Vec<String>,
    pub min: Option<f64>,
    #[serde(default)]
    pub min_inclusive: Option<bool>,
    pub max: Option<f64>,
    #[serde(default)]
    pub max_inclusive: Option<bool>,
}

/// `hazard_at`: the computed warning level of one hazard, or of at least `min` of them.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct HazardAt {
    /// A hazard id; absent = any hazard.
    #[serde(default)]
    pub hazard: Option<String>,
    /// Warning level ids (`warning.levels`).
    pub levels: Vec<String>,
    /// How many hazards must be at one of `levels` (default 1; the multi-hazard rules use 2).
    #[serde(default = "one")]
    pub min: u32,
}

fn one() -> u32 {
    1
}

/// A hazard with computed warning levels. Its rules are tried in order; the highest-ranked warning
/// level whose rule holds is the hazard's level (none: below every criterion).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Hazard {
    pub id: String,
    pub name: String,
    /// Where the hazard's criteria are.
    pub cite: Cite,
    pub rules: Vec<HazardRule>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HazardRule {
    pub id: String,
    /// A `warning.levels` id.
    pub level: String,
    /// Over the facts only (never a grade, a response level or another hazard).
    pub when: Cond,
    /// The criterion in words, as the page shows it.
    pub text: String,
    pub cite: Cite,
    pub quote: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// The plan's sentence naming its levels (required when there are levels).
    pub intro: Option<Rule>,
    #[serde(default)]
    pub levels: Vec<Level>,
    /// Evaluated in order; the highest level any matching rule names wins. `kind = "grade"` rules are
    /// the base mapping, `kind = "judgement"` rules raise it from a user's answer.
    #[serde(default)]
    pub rules: Vec<LevelRule>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// Short id used in rules: `I`, `II`, `III`.
    pub id: String,
    /// As the page shows it: `Ⅰ级响应`.
    pub name: String,
    /// 1 = highest.
    pub rank: u8,
    pub condition: Rule,
    pub proposes: String,
    pub starts: String,
    pub commands: String,
    /// Citation for who proposes/starts/commands.
    pub procedure: Rule,
    /// Ordered measures of this level.
    pub measures: Vec<Task>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    Grade,
    Judgement,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LevelRule {
    pub id: String,
    pub kind: RuleKind,
    pub level: String,
    pub when: Cond,
    /// Why, in one Chinese sentence, shown in the explanation.
    pub text: String,
    pub cite: Cite,
    pub quote: String,
}

/// A reporting duty with its clock.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ReportRule {
    pub id: String,
    pub when: Cond,
    pub who: String,
    pub to: String,
    pub what: String,
    /// The fact whose time starts the clock (`incident_time`, `phone_report_time`, ...).
    pub anchor: String,
    /// Minutes allowed after the anchor; absent = the plan gives no number ("立即"/"及时").
    pub within_minutes: Option<u32>,
    /// The limit in the plan's words: "1小时内", "立即", "及时".
    pub limit_text: String,
    /// A clock time instead of minutes (`"12:00"` for "12时前", `"24:00"` for "当日"): due at the first
    /// such time (China time) at or after the anchor.
    #[serde(default)]
    pub by_clock: Option<String>,
    pub cite: Cite,
    pub quote: String,
    /// Calendar days allowed after the anchor ("五日内"): the anchor's own day is not counted and the
    /// clock ends at 24:00 (China time) of the last day. Exclusive with the other two limits.
    #[serde(default)]
    pub within_days: Option<u32>,
    /// Working days allowed after the anchor ("一个工作日内"): counted like `within_days` over Monday
    /// to Friday only. Public holidays and adjusted working weekends are not known to the engine.
    #[serde(default)]
    pub within_working_days: Option<u32>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub command: Body,
    pub office: Body,
    #[serde(default)]
    pub member_units: Vec<UnitDuty>,
    pub groups_intro: Rule,
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub name: String,
    #[serde(default)]
    pub head: String,
    #[serde(default)]
    pub deputies: String,
    #[serde(default)]
    pub members: Vec<String>,
    pub duties: String,
    pub cite: Cite,
    pub quote: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct UnitDuty {
    pub unit: String,
    pub duties: String,
    pub cite: Cite,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub name: String,
    pub lead: String,
    pub members: Vec<String>,
    pub duties: String,
    /// When the group is part of the task list; default: always.
    #[serde(default = "always")]
    pub when: Cond,
    pub cite: Cite,
}

/// An action in a task list: a level's measure or a measure that applies whenever its `when` holds.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub text: String,
    #[serde(default)]
    pub by: String,
    pub cite: Cite,
}

/// Measures outside a level's own list (先期处置, 现场处置措施, 防护, 信息发布 ...).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub title: String,
    #[serde(default = "always")]
    pub when: Cond,
    pub items: Vec<Task>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Termination {
    pub when: Cond,
    pub who: String,
    pub conditions: Vec<String>,
    pub cite: Cite,
    pub quote: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Warning {
    /// The fact (a choice) that holds the warning level the government issued. Absent where the
    /// levels are computed from `hazards`.
    #[serde(default)]
    pub fact: Option<String>,
    /// How levels are named and ordered, quoted.
    pub intro: Rule,
    /// True when the plan gives criteria the engine can compute; false: the user picks.
    pub computed: bool,
    pub levels: Vec<WarningLevel>,
    /// Measures for every level.
    #[serde(default)]
    pub general: Vec<Task>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WarningLevel {
    /// The choice value of `Warning::fact`.
    pub id: String,
    pub name: String,
    pub colour: String,
    pub rank: u8,
    pub issued_by: String,
    pub issued_cite: Cite,
    pub measures: String,
    pub cite: Cite,
}

/// An interpretation the text forces on us, or a damaged/ambiguous passage, with the reading taken.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: String,
    /// `interpretation` | `damage` | `ambiguity` | `gap`.
    pub kind: String,
    pub title: String,
    /// What the product does.
    pub reading: String,
    /// Why.
    pub reason: String,
    pub cite: Cite,
    #[serde(default)]
    pub quote: String,
    /// When the note is relevant to a result; default: always.
    #[serde(default = "always")]
    pub when: Cond,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub unit: String,
    pub phone: String,
    pub line: u32,
}

fn always() -> Cond {
    Cond::Always
}

/// A support procedure's start (a plan without grades or response levels): shown as the result's
/// header instead of a grade and a response level.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Activation {
    /// What is started, as the plan names it ("市级医药储备调拨响应").
    pub name: String,
    /// The kind of procedure in one line ("支持性预案:应相关突发事件应急指挥部要求启动,不分级").
    pub summary: String,
    /// When the procedure counts as started (e.g. the request time is given).
    pub when: Cond,
    /// Shown while `when` does not hold ("尚未收到…调拨要求").
    pub waiting: String,
    pub proposes: String,
    pub starts: String,
    pub commands: String,
    pub cite: Cite,
    pub quote: String,
}
