//! Evaluating a plan's `Cond` against the facts, the grade and (once known) the response level.

use super::facts::Facts;
use crate::plan::Cond;

pub struct Ctx<'a> {
    pub facts: &'a Facts,
    pub grade: Option<&'a str>,
    pub level: Option<&'a str>,
}

impl Ctx<'_> {
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
            Cond::LevelIn(levels) => self.level.is_some_and(|l| levels.iter().any(|x| x == l)),
            Cond::Any(cs) => cs.iter().any(|c| self.holds(c)),
            Cond::All(cs) => cs.iter().all(|c| self.holds(c)),
            Cond::Not(c) => !self.holds(c),
        }
    }
}
