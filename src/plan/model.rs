//! The plan model: what a plan file (TOML) holds, as serde types.
//!
//! A plan file is reviewed text. Every rule carries `cite` (clause and seed line) and `quote` (the
//! plan's own words); `validate` rejects a rule without them. The engine only ever reads these types.

use serde::{Deserialize, Serialize};

pub use super::bound::{Bound, Range};
pub use super::calendar::{ClockTime, MonthDay};
use super::keys::{AmountKeys, BandKeys, ReportRuleKeys, SeriesRunKeys};

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
    /// Requirements the plan states that the facts either meet or not (医药储备: 库存不低于计划的70%;
    /// 重污染天气: when a warning may be lifted): listed as pass/fail with their clause.
    #[serde(default)]
    pub checks: Vec<Check>,
    /// Scope rulings asked before grading (是否属于生产经营活动中发生的事故?): an answer in
    /// `outside` means the plan does not grade the incident and names what applies instead.
    #[serde(default)]
    pub applicability: Vec<ScopeGate>,
    /// 后期处置: what follows the end of the response (调查评估, 善后处置, 恢复重建, 总结), each
    /// with who does it and who reports to whom, shown once its `when` holds (usually «响应已结束»).
    #[serde(default)]
    pub recovery: Vec<Recovery>,
}

/// One duty after the response: who does it, who reports the result to whom.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Recovery {
    pub id: String,
    /// The plan's heading: 调查评估, 善后处置, 恢复重建 ….
    pub title: String,
    pub when: Cond,
    pub who: String,
    /// Who reports the result (empty: the plan names no report).
    #[serde(default)]
    pub reports: String,
    #[serde(default)]
    pub to: String,
    /// The duty in words.
    pub text: String,
    pub cite: Cite,
    pub quote: String,
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
}

/// A scope question asked before grading. Its fact is a choice whose first option (the default, a
/// blank answer) is "not ruled yet": the plan applies until someone rules it out.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ScopeGate {
    pub id: String,
    /// A `choice` fact (judgement) holding the ruling.
    pub fact: String,
    /// The answers that put the incident outside this plan.
    pub outside: Vec<String>,
    /// Shown when ruled outside: why there is no grade.
    pub text: String,
    /// The plan or authority that applies instead, as the text (or the rule it rests on) names it.
    pub instead: String,
    /// The id of that plan when it is embedded in this build.
    #[serde(default)]
    pub instead_plan: Option<String>,
    pub cite: Cite,
    pub quote: String,
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
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
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
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
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
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
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
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
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
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
    /// The plan file format the file is written for (`super::version::FORMAT`); absent = this
    /// build's. A file stating another is refused.
    #[serde(default)]
    pub format: Option<u32>,
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
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

/// `review = "待确认"` on any table of a plan file: a part drafted from the text (or edited) that a
/// reviewer has not yet confirmed. The only accepted value; a plan with marks left loads and can be
/// tried, and is labelled as a draft wherever it is shown (`PlanSummary::unconfirmed`).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum Review {
    #[serde(rename = "待确认")]
    Unconfirmed,
}

/// A cited piece of plan text.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub cite: Cite,
    /// Verbatim text; `…` marks an omission. Tests check it against the seed.
    pub quote: String,
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
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
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
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
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Grading {
    /// How the criteria combine (`max`, the only rule any plan here uses); required when there are
    /// criteria.
    #[serde(default)]
    pub combine: Option<Combine>,
    #[serde(default)]
    pub axes: Vec<Axis>,
    #[serde(default)]
    pub flags: Vec<FlagCriterion>,
    /// When the grade is only provisional (e.g. graded on "可能造成" while people are still trapped).
    #[serde(default)]
    pub provisional: Vec<Provisional>,
}

#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Combine {
    /// The most severe grade any criterion reaches.
    Max,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Provisional {
    pub when: Cond,
    /// Why the grade may still change, shown beside it.
    pub text: String,
    pub cite: Cite,
    pub quote: String,
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
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
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
}

/// In the file: `grade`, `min`/`min_inclusive`, `max`/`max_inclusive`, `text`, `cite`, `quote`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(try_from = "BandKeys", into = "BandKeys")]
pub struct Band {
    pub grade: String,
    /// Lower bound absent = from 0 (the measures are sums of counts and amounts); upper bound absent
    /// = unbounded.
    pub range: Range,
    /// The band in words, as the plan reads after applying its bounds clause (e.g. "3人以上10人以下").
    pub text: String,
    pub cite: Cite,
    pub quote: String,
    /// «待确认» (`review`).
    pub review: Option<Review>,
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
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
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
    pub from: MonthDay,
    /// Last day of the window, `MM-DD`, inclusive.
    pub to: MonthDay,
}

/// `series_run`: some maximal run of consecutive items of `fact` whose values lie in `values` has a
/// length in `run`, lies within the first `within_first` items, and (if given) contains a run
/// matching `containing`. In the file: `min`/`min_inclusive`, `max`/`max_inclusive` (values),
/// `min_run`/`min_run_inclusive`, `max_run`/`max_run_inclusive` (length; `min_run` required).
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(try_from = "SeriesRunKeys", into = "SeriesRunKeys")]
pub struct SeriesRun {
    /// A `series` fact; absent in `containing` = the outer run's fact.
    pub fact: String,
    pub values: Range,
    /// Run length in items (1 = a single day); its lower bound is always stated.
    pub run: Range<u32>,
    /// Only the first N items count (e.g. the 3-day forecast before the 7-day trend).
    pub within_first: Option<u32>,
    /// A stricter run that must lie inside the same run (红色: >200 for 96 h, and within it >300 for
    /// 48 h).
    pub containing: Option<Box<SeriesRun>>,
}

/// `amount`: the sum of `facts` lies in `range`. In the file: `facts`, `min`/`min_inclusive`,
/// `max`/`max_inclusive`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(try_from = "AmountKeys", into = "AmountKeys")]
pub struct AmountRange {
    pub facts: Vec<String>,
    pub range: Range,
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
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
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
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
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
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
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
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
}

/// A reporting duty with its clock. In the file the clock is one of `within_minutes`, `by_clock`,
/// `within_days`, `within_working_days`, or none.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(try_from = "ReportRuleKeys", into = "ReportRuleKeys")]
pub struct ReportRule {
    pub id: String,
    pub when: Cond,
    pub who: String,
    pub to: String,
    pub what: String,
    /// The fact whose time starts the clock (`incident_time`, `phone_report_time`, ...).
    pub anchor: String,
    pub limit: Limit,
    /// The limit in the plan's words: "1小时内", "立即", "及时".
    pub limit_text: String,
    pub cite: Cite,
    pub quote: String,
    /// False when the anchor is an event that may never happen (催报, 响应结束): a blank anchor then
    /// waits. Otherwise (default) a blank anchor is counted from `incident_time`, marked estimated.
    pub estimate: bool,
    /// The plan gives the limit but no start point ("1小时内" and nothing more): counted from
    /// `incident_time` and marked estimated, never silently.
    pub start_unstated: bool,
    /// «待确认» (`review`).
    pub review: Option<Review>,
}

/// How a reporting duty's time limit is counted from its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// The plan gives no number ("立即"/"及时").
    None,
    /// `within_minutes`: minutes after the anchor.
    Minutes(u32),
    /// `by_clock` (`"12:00"` for "12时前", `"24:00"` for "当日"): the first such time (China time) at
    /// or after the anchor.
    ByClock(ClockTime),
    /// `within_days` ("五日内"): the anchor's own day is not counted and the clock ends at 24:00
    /// (China time) of the last day.
    Days(u32),
    /// `within_working_days` ("一个工作日内"): counted like `Days` over working days: Monday to
    /// Friday, less the State Council's holidays, plus its 调休 weekend days (`data/holidays-cn.toml`).
    WorkingDays(u32),
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
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct UnitDuty {
    pub unit: String,
    pub duties: String,
    pub cite: Cite,
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
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
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
}

/// An action in a task list: a level's measure or a measure that applies whenever its `when` holds.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    pub text: String,
    #[serde(default)]
    pub by: String,
    pub cite: Cite,
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
}

/// Measures outside a level's own list (先期处置, 现场处置措施, 防护, 信息发布 ...).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub title: String,
    #[serde(default = "always")]
    pub when: Cond,
    pub items: Vec<Task>,
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Termination {
    pub when: Cond,
    pub who: String,
    pub conditions: Vec<String>,
    pub cite: Cite,
    pub quote: String,
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
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
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct WarningLevel {
    /// The choice value of `Warning::fact`.
    pub id: String,
    pub name: String,
    pub colour: Colour,
    pub rank: u8,
    pub issued_by: String,
    pub issued_cite: Cite,
    pub measures: String,
    pub cite: Cite,
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
}

/// A warning level's colour, as the plans write it.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
pub enum Colour {
    #[serde(rename = "红色")]
    Red,
    #[serde(rename = "橙色")]
    Orange,
    #[serde(rename = "黄色")]
    Yellow,
    #[serde(rename = "蓝色")]
    Blue,
}

impl Colour {
    /// As the plan writes it (and the result shows it).
    pub fn as_str(self) -> &'static str {
        match self {
            Colour::Red => "红色",
            Colour::Orange => "橙色",
            Colour::Yellow => "黄色",
            Colour::Blue => "蓝色",
        }
    }
}

/// What kind of reading a note records.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum NoteKind {
    /// A reading the text forces on us.
    Interpretation,
    /// A damaged passage in the source.
    Damage,
    /// Two readings are possible; one is taken.
    Ambiguity,
    /// The plan says nothing where the product needs an answer.
    Gap,
}

impl NoteKind {
    /// As the file and the result write it.
    pub fn as_str(self) -> &'static str {
        match self {
            NoteKind::Interpretation => "interpretation",
            NoteKind::Damage => "damage",
            NoteKind::Ambiguity => "ambiguity",
            NoteKind::Gap => "gap",
        }
    }
}

/// An interpretation the text forces on us, or a damaged/ambiguous passage, with the reading taken.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: String,
    pub kind: NoteKind,
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
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub unit: String,
    pub phone: String,
    pub line: u32,
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
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
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
}

/// One requirement of the plan checked against the facts: passes, fails, or cannot be told yet
/// (`needs` not all given).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub id: String,
    /// A heading the page lists the check under ("储备管理(管理办法)", "预警解除(3.3.3)").
    pub group: String,
    /// The requirement in the plan's terms ("库存总量不低于计划总量的70%").
    pub text: String,
    /// Facts that must be given before the check can be told; otherwise it is `unknown`.
    #[serde(default)]
    pub needs: Vec<String>,
    /// When the check passes (exactly one of `passes` and `ratio`).
    #[serde(default)]
    pub passes: Option<Cond>,
    /// A share of one sum of facts in another ("不得低于计划总量的70%").
    #[serde(default)]
    pub ratio: Option<Ratio>,
    /// Shown when it passes / fails.
    pub pass_text: String,
    pub fail_text: String,
    /// When the check is listed at all; default: always.
    #[serde(default = "always")]
    pub when: Cond,
    pub cite: Cite,
    pub quote: String,
    /// «待确认»: drafted or edited, not yet confirmed by a reviewer (`review`).
    #[serde(default)]
    pub review: Option<Review>,
}

/// `sum(of) / sum(to)` against a percentage, compared as `sum(of) × 100` with `percent × sum(to)` so
/// that 70 of 100 is exactly 70%.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Ratio {
    pub of: Vec<String>,
    pub to: Vec<String>,
    pub min_percent: f64,
    pub min_inclusive: Option<bool>,
}
