//! The order in which the engine works a plan out, and so what a condition may rest on. One
//! definition for both sides: the engine evaluates a condition at a `Site` with only what
//! `Site::sees` (`engine::Ctx::at`), and `validate` refuses a condition that refers to anything a
//! site does not see, since it could never hold as written.

use super::model::Cond;

/// What the engine computes, in the order it computes it. Each phase rests on the ones before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    /// The facts as entered (and the defaults taken).
    Facts,
    /// Each grading criterion: numeric bands and judgement flags (`grading.flags`).
    Criteria,
    /// The grade: the most severe one any criterion reaches.
    Grade,
    /// Each hazard's computed warning level (`hazards`).
    Hazards,
    /// The response level (`response.rules`).
    Response,
    /// Everything shown with the result: deadlines, tasks, termination, notes, the provisional
    /// mark, a support procedure's start.
    Duties,
}

impl Phase {
    pub fn name(self) -> &'static str {
        match self {
            Phase::Facts => "输入事实",
            Phase::Criteria => "逐项判断分级标准",
            Phase::Grade => "确定事故等级",
            Phase::Hazards => "计算灾种预警级别",
            Phase::Response => "确定响应级别",
            Phase::Duties => "列出报告时限、任务与说明",
        }
    }
}

/// A place in a plan where a condition (`when`) appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    GradingFlag,
    Provisional,
    HazardRule,
    ResponseRule,
    Reporting,
    Group,
    Measure,
    Termination,
    Note,
    Activation,
    Check,
    Recovery,
}

impl Site {
    /// The phase a condition here belongs to: it sees what the phases before it computed.
    pub const fn phase(self) -> Phase {
        match self {
            Site::GradingFlag => Phase::Criteria,
            Site::HazardRule => Phase::Hazards,
            Site::ResponseRule => Phase::Response,
            Site::Provisional
            | Site::Reporting
            | Site::Group
            | Site::Measure
            | Site::Termination
            | Site::Note
            | Site::Activation
            | Site::Check
            | Site::Recovery => Phase::Duties,
        }
    }

    /// Whether what `phase` computes is known when a condition here is evaluated.
    pub fn sees(self, phase: Phase) -> bool {
        phase < self.phase()
    }

    pub fn name(self) -> &'static str {
        match self {
            Site::GradingFlag => "分级判断标准(grading.flags)",
            Site::Provisional => "暂定等级说明(grading.provisional)",
            Site::HazardRule => "灾种预警级别规则(hazards.rules)",
            Site::ResponseRule => "响应级别规则(response.rules)",
            Site::Reporting => "报告规则(reporting)",
            Site::Group => "工作组(organisation.groups)",
            Site::Measure => "处置措施(measures)",
            Site::Termination => "响应终止(termination)",
            Site::Note => "说明(notes)",
            Site::Activation => "启动条件(activation)",
            Site::Check => "核对项(checks)",
            Site::Recovery => "后期处置(recovery)",
        }
    }
}

/// What one condition node refers to, beyond its sub-conditions.
pub struct Reference {
    /// The key as the file writes it (`grade_in`).
    pub key: &'static str,
    /// The phase that computes what it refers to.
    pub phase: Phase,
    /// What it refers to, in words.
    pub what: &'static str,
}

impl Cond {
    /// What this node itself refers to (`None` for `always` and for `any`/`all`/`not`, whose
    /// references are their sub-conditions'). Every kind of condition must be placed here.
    pub fn reference(&self) -> Option<Reference> {
        let (key, phase, what) = match self {
            Cond::Always | Cond::Any(_) | Cond::All(_) | Cond::Not(_) => return None,
            Cond::GradeIn(_) => ("grade_in", Phase::Grade, "事故等级"),
            Cond::NoGrade => ("no_grade", Phase::Grade, "事故等级"),
            Cond::LevelIn(_) => ("level_in", Phase::Response, "响应级别"),
            Cond::HazardAt(_) => ("hazard_at", Phase::Hazards, "灾种预警级别"),
            Cond::Yes(_) => ("yes", Phase::Facts, "事实项"),
            Cond::Choice { .. } => ("choice", Phase::Facts, "事实项"),
            Cond::Given(_) => ("given", Phase::Facts, "事实项"),
            Cond::Positive(_) => ("positive", Phase::Facts, "事实项"),
            Cond::Amount(_) => ("amount", Phase::Facts, "事实项"),
            Cond::DateWithin(_) => ("date_within", Phase::Facts, "事实项"),
            Cond::SeriesRun(_) => ("series_run", Phase::Facts, "事实项"),
        };
        Some(Reference { key, phase, what })
    }
}

/// Why a condition at `site` that refers to `r` can never hold, or `None` if the site sees it.
#[cfg(feature = "checker")]
pub fn unseen(site: Site, r: &Reference) -> Option<String> {
    (!site.sees(r.phase)).then(|| {
        format!(
            "{} 引用的{}在“{}”这一步才得出,而{}在“{}”这一步判断,其时{}尚未得出:此条件在这里永远不能按原意成立",
            r.key,
            r.what,
            r.phase.name(),
            site.name(),
            site.phase().name(),
            r.what
        )
    })
}
