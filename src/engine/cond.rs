//! Evaluating a plan's `Cond` against the facts and what the engine has computed so far (grade,
//! hazards' levels, response level), as much of it as the condition's place may see
//! (`plan::Site::sees`, the same rule `plan::validate` checks plans against).

use super::facts::Facts;
use super::hazards::HazardState;
use crate::plan::{Cond, Phase, Site};

/// The facts and what has been computed so far (`None`/empty: not yet, or not reached).
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub facts: &'a Facts<'a>,
    pub grade: Option<&'a str>,
    pub level: Option<&'a str>,
    /// Each hazard's computed warning level (empty while the hazards themselves are assessed).
    pub hazards: &'a [HazardState<'a>],
}

impl<'a> Ctx<'a> {
    /// For conditions on facts alone: the grade and the hazards' levels themselves are being worked out.
    pub fn facts_only(facts: &'a Facts) -> Self {
        Ctx {
            facts,
            grade: None,
            level: None,
            hazards: &[],
        }
    }

    /// What a condition at `site` sees: only what the phases before the site's phase computed.
    pub fn at(&self, site: Site) -> Ctx<'a> {
        Ctx {
            facts: self.facts,
            grade: self.grade.filter(|_| site.sees(Phase::Grade)),
            level: self.level.filter(|_| site.sees(Phase::Response)),
            hazards: if site.sees(Phase::Hazards) {
                self.hazards
            } else {
                &[]
            },
        }
    }

    /// Whether the condition at `site` holds.
    pub fn holds_at(&self, site: Site, cond: &Cond) -> bool {
        self.at(site).holds(cond)
    }

    pub fn holds(&self, cond: &Cond) -> bool {
        match cond {
            Cond::Always => true,
            Cond::GradeIn(grades) => self.grade.is_some_and(|g| grades.iter().any(|x| x == g)),
            Cond::NoGrade => self.grade.is_none(),
            Cond::Yes(id) => self.facts.yes(id),
            Cond::Choice { fact, any_of } => self
                .facts
                .choice(fact)
                .is_some_and(|c| any_of.iter().any(|x| x == c)),
            Cond::Given(id) => self.facts.given(id),
            Cond::Positive(id) => self.facts.number(id) > 0.0,
            Cond::Amount(r) => {
                // A `number` fact left blank is unknown: no bound on it holds.
                if !r.facts.iter().all(|f| self.facts.has_number(f)) {
                    return false;
                }
                let sum: f64 = r.facts.iter().map(|f| self.facts.number(f)).sum();
                r.range.contains(sum)
            }
            Cond::LevelIn(levels) => self.level.is_some_and(|l| levels.iter().any(|x| x == l)),
            Cond::HazardAt(h) => {
                let at = self
                    .hazards
                    .iter()
                    .filter(|s| h.hazard.as_ref().is_none_or(|id| *id == s.hazard.id))
                    .filter(|s| s.level.is_some_and(|l| h.levels.contains(&l.id)))
                    .count();
                at >= h.min as usize
            }
            Cond::Any(cs) => cs.iter().any(|c| self.holds(c)),
            Cond::All(cs) => cs.iter().all(|c| self.holds(c)),
            Cond::Not(c) => !self.holds(c),
            Cond::DateWithin(w) => self
                .facts
                .time(&w.fact)
                .is_some_and(|t| super::season::within(t, w.from, w.to)),
            Cond::SeriesRun(r) => super::series::holds(r, self.facts.series(&r.fact)),
        }
    }
}
